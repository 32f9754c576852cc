"""The command line: ``python -m netlearn report MEMBERS.csv TIES.csv [options]``.

Exit codes
    ``0`` the report was written; ``2`` something about the input (a file, an option, an
    existing report) needs fixing - the message says what, where and how, with no traceback;
    ``1`` something unexpected went wrong inside netlearn (a short message says where to report
    it; ``--debug`` shows the full traceback).

Writing safely
    The report is never written over one of its own inputs (the members, ties, relations or
    responses files, an instrument file or the pseudonym key), with or without ``--force``: an
    output path that is the same file as an input - written another way, through a symbolic link,
    with ``..``, in other capitals on a file system that ignores case, or as a hard link - is
    refused with exit code 2. The page is written to a temporary file in the same folder and then moved into place, so a
    report is never half written. An existing file is never replaced unless ``--force`` is given
    (and even two runs racing each other cannot overwrite one another's report without it).

Progress
    Each step is reported on the terminal (standard error) with the steps done and left and,
    once the files are read, about how long is left (a forecast from the network's size, corrected
    by how fast this computer has been so far): with a progress bar if the ``tqdm`` package is
    installed, otherwise one plain line per step. ``--quiet`` turns it off.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import traceback
from pathlib import Path

from .progress import Progress, estimate_seconds

__all__ = ["main", "build_parser", "write_report", "unique_path", "ReportExists", "EXIT_OK", "EXIT_UNEXPECTED",
           "EXIT_BAD_INPUT", "same_file", "input_files", "clashing_input", "Progress", "estimate_seconds"]

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_BAD_INPUT = 2

WHERE_TO_REPORT = ("This is a problem in netlearn, not in your files. Please tell whoever runs your course, or open "
                   "an issue in the course's repository (netlearn) with the command you ran and this message - but "
                   "not your data. Add --debug to see the technical details.")

DESCRIPTION = """\
Write a report on your own network: one HTML page that works offline, on a phone and on paper.

It covers the network's size and shape, who is isolated, the informal roles (brokers, central
connectors, energizers, boundary spanners, peripheral specialists, each with the rule behind it),
how leadership is spread (centralisation, reliance on formal leaders, what happens if they step
back), diversity and silos (Blau index, E-I index, missing voices) and, if you give survey
responses, the health check and maturity matrix. Each section ends with questions to discuss.

Private by default: people appear as pseudonyms such as "Member 017" (stable from run to run,
made with a secret key kept on this computer), and figures about groups smaller than
--min-group-size are suppressed. The files are described in datasets/README.md and the
templates in datasets/templates/."""

EPILOG = """\
examples:
  python -m netlearn report members.csv ties.csv
      writes report.html in the current folder, using the 'knows' relation if there is one

  python -m netlearn report members.csv ties.csv --relations relations.csv \\
      --relation advice --group organisation -o reports/advice.html

  python -m netlearn report members.csv ties.csv --responses health_check.csv \\
      --responses network_maturity_matrix=matrix_workshop.csv

  python -m netlearn report datasets/q_community/members.csv datasets/q_community/ties.csv \\
      --relations datasets/q_community/relations.csv -o q_report.html

exit codes: 0 report written; 2 a problem with the input (the message says where and how to fix
it); 1 an unexpected problem in netlearn itself.
"""


class ReportExists(FileExistsError):
    """The output file exists and ``force`` was not given."""

    def __init__(self, path):
        self.path = Path(path)
        super().__init__(f"{self.path} already exists, and a report is never replaced without being asked. "
                         "Add --force to replace it, or choose another file name with -o.")


def _minimum(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number (for example 5)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small: use 1 or more (1 turns suppression off)")
    return value


def _share(text):
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a share (for example 0.2 or 20%)") from None
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a share between 0 and 1 (for example 0.2 or 20%)")
    return value


def _columns(text):
    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise argparse.ArgumentTypeError("give at least one column name, e.g. sector,stakeholder")
    return names


def build_parser():
    """The argument parser of ``python -m netlearn``."""
    parser = argparse.ArgumentParser(
        prog="netlearn", description="Tools from the netlearn course on network leadership.",
        epilog="Run 'python -m netlearn report --help' for the report's options and examples.")
    commands = parser.add_subparsers(dest="command", metavar="command", required=True)
    report = commands.add_parser(
        "report", help="write a privacy-safe HTML report on your own network",
        description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("members", metavar="MEMBERS.csv",
                        help="the members file: one row per member, with an 'id' column (and optionally name, "
                             "group, sector, stakeholder, formal_leader ...)")
    report.add_argument("ties", metavar="TIES.csv",
                        help="the ties file: one row per tie, with 'source' and 'target' ids and optionally "
                             "'relation' and 'weight'")
    files = report.add_argument_group("more input")
    files.add_argument("--relations", metavar="RELATIONS.csv",
                       help="the relations file, saying which relations are directed (needed only for relations "
                            "the course does not know, such as your own names)")
    files.add_argument("--mutual-weight", metavar="RULE", choices=("mean", "min", "max", "sum"),
                       help="when a pair named by both people carries two different weights, combine them this way: "
                            "mean, min (the weaker answer), max or sum (default: ask, with an error naming both rows; "
                            "a mutual_weight column in the relations file takes precedence)")
    files.add_argument("--responses", metavar="[INSTRUMENT=]FILE", action="append", default=[],
                       help="survey responses to add a diagnostics section: a health-check or maturity-matrix file "
                            "(or a folder of them) in the course's format. The instrument is recognised from the "
                            "columns, or named: network_health_check=FILE. Repeat for several files.")
    what = report.add_argument_group("what the report looks at")
    what.add_argument("--relation", metavar="NAME",
                      help="the relation to analyse (default: knows if there is one, otherwise the first "
                           "undirected relation, otherwise the first)")
    what.add_argument("--group", metavar="COLUMN",
                      help="the members column that defines groups for roles and silos (default: group, "
                           "otherwise organisation, team, department, region or sector)")
    what.add_argument("--attributes", metavar="COL,COL", type=_columns,
                      help="members columns to describe in the diversity section (default: those of group, "
                           "organisation, team, department, region, sector, stakeholder, profession present)")
    what.add_argument("--expertise", metavar="COLUMN",
                      help="a members column listing what people know (e.g. can_help_with), used by the "
                           "peripheral specialist rule and shown in the report; left out by default because "
                           "free text can identify people")
    what.add_argument("--voices", metavar="VALUE,VALUE", type=_columns, default=["patient", "carer", "citizen"],
                      help="stakeholder values counted as the voices of people who use services "
                           "(default: patient,carer,citizen)")
    what.add_argument("--voices-target", metavar="SHARE", type=_share, default=0.2,
                      help="the share of members those voices should make up (default: 0.2, one in five)")
    privacy = report.add_argument_group("privacy")
    privacy.add_argument("--min-group-size", metavar="N", type=_minimum, default=5,
                         help="suppress every figure about fewer than N people (default: 5; 1 turns suppression "
                              "off)")
    privacy.add_argument("--show-names", action="store_true",
                         help="show members' names (the 'name' column, or the id) instead of pseudonyms; only for "
                              "reports that stay with people allowed to see them")
    privacy.add_argument("--key-file", metavar="PATH",
                         help="the secret key file for pseudonyms (default: $NETLEARN_REPORT_KEY, otherwise "
                              "~/.netlearn/report-key, made on first use). Same key and members file, same "
                              "pseudonyms")
    output = report.add_argument_group("output")
    output.add_argument("-o", "--output", metavar="REPORT.html", default="report.html",
                        help="where to write the report (default: report.html in the current folder)")
    output.add_argument("--force", action="store_true", help="replace the output file if it already exists")
    output.add_argument("--quiet", action="store_true", help="do not show progress")
    output.add_argument("--debug", action="store_true", help="show the full traceback if something unexpected "
                                                             "goes wrong")
    return parser


# ====================================================================== inputs are never overwritten
def same_file(a, b):
    """Whether the paths ``a`` and ``b`` name the same file on disk.

    True when they resolve to the same place (symbolic links and ``..`` followed, letter case
    ignored where the operating system ignores it), or when both exist and are the same file
    (a hard link, or another spelling on a file system that ignores case).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "members.csv").write_text("id\\n")
    3
    >>> same_file(folder / "members.csv", folder / "sub" / ".." / "members.csv")
    True
    >>> same_file(folder / "members.csv", folder / "report.html")
    False
    """
    a, b = Path(a).expanduser(), Path(b).expanduser()
    try:
        if os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve())):
            return True
    except (OSError, RuntimeError):  # a symbolic link loop: fall back on samefile below
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be read): not the same file
        return False


def input_files(args):
    """The files a ``report`` command reads, as (what, path) pairs: members, ties, relations, responses, key.

    A responses folder contributes every file in it; an instrument given as a YAML file counts too.
    """
    from .diagnostics import parse_spec

    found = [("members file", args.members), ("ties file", args.ties)]
    if getattr(args, "relations", None):
        found.append(("relations file", args.relations))
    for spec in getattr(args, "responses", None) or []:
        name, path = parse_spec(spec)
        if name and name.endswith((".yaml", ".yml")):
            found.append(("instrument file", name))
        folder = Path(path).expanduser()
        if folder.is_dir():
            found.extend(("responses file", str(item)) for item in sorted(folder.iterdir()) if item.is_file())
        else:
            found.append(("responses file", path))
    if getattr(args, "key_file", None):
        found.append(("pseudonym key file", args.key_file))
    elif not getattr(args, "show_names", False):
        from .pseudonyms import default_key_path

        found.append(("pseudonym key file", str(default_key_path())))
    return found


def clashing_input(output, inputs):
    """The first (what, path) of ``inputs`` that is the same file as ``output``, or None."""
    for what, path in inputs:
        if same_file(output, path):
            return what, path
    return None


# ====================================================================== writing
def write_report(text, path, *, force=False):
    """Write ``text`` to ``path`` atomically; never replace an existing file unless ``force``.

    Returns the path. Raises :class:`ReportExists` when the file exists (or appears while
    writing) and ``force`` is false, and :class:`OSError` when the folder cannot be written.
    The file is created readable by its owner only, as befits data about people.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder. Give a file name for the report, e.g. {path / 'report.html'}.")
    if path.exists() and not force:
        raise ReportExists(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"The folder {folder} does not exist. Create it first, or choose another place "
                                "with -o.")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if the file exists: no overwrite, even in a race
            except FileExistsError:
                raise ReportExists(path) from None
            except OSError:  # a file system without hard links
                if path.exists():
                    raise ReportExists(path) from None
                os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return path


def unique_path(folder, stem="network-report", suffix=".html", *, now=None):
    """A file name in ``folder`` that does not exist yet: ``stem-YYYY-MM-DD-HHMM.html``, then ``-2``, ``-3``...

    >>> import tempfile, datetime
    >>> folder = tempfile.mkdtemp()
    >>> unique_path(folder, now=datetime.datetime(2025, 3, 1, 9, 30)).name
    'network-report-2025-03-01-0930.html'
    """
    import datetime as _dt

    now = now or _dt.datetime.now()
    folder = Path(folder)
    base = f"{stem}-{now.strftime('%Y-%m-%d-%H%M')}"
    candidate = folder / f"{base}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{base}-{number}{suffix}"
        number += 1
    return candidate


# ====================================================================== running
def _say(message, stream=None):
    stream = stream or sys.stderr
    stream.write(message.rstrip("\n") + "\n")
    stream.flush()


def _bad_input(message):
    _say("netlearn report: there is a problem with the input, so no report was written.\n" + str(message))
    return EXIT_BAD_INPUT


def main(argv=None):
    """Run ``netlearn`` with the arguments ``argv`` (default: the command line); return the exit code."""
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # no command at all: show what there is, rather than a terse usage error
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2), already explained by argparse
        return int(stop.code or 0)
    if args.command == "report":
        return run_report(args)
    parser.print_help()  # pragma: no cover - argparse requires a command
    return EXIT_BAD_INPUT


def run_report(args):
    """The ``report`` command (see the module notes for the exit codes)."""
    try:
        return _run_report(args)
    except KeyboardInterrupt:
        _say("netlearn report: stopped; no report was written.")
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: a short message, never a wall of text
        from ..errors import NetlearnError

        if isinstance(error, NetlearnError):
            return _bad_input(error)
        if args.debug:
            traceback.print_exc()
        where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
        place = f" (in {Path(where.filename).name}, line {where.lineno})" if where else ""
        _say(f"netlearn report: something unexpected went wrong{place}: {type(error).__name__}: {error}\n"
             f"{WHERE_TO_REPORT}")
        return EXIT_UNEXPECTED


def _forecast(net, args):
    """:func:`estimate_seconds` for this network and these options (members, ties of the relation analysed)."""
    from .build import choose_relation
    from .fast import formal_leaders

    try:
        G = net.graph(choose_relation(net, args.relation))
    except Exception:  # noqa: BLE001 - the report will explain a bad relation; estimate from all ties
        return estimate_seconds(len(net.members), len(net.ties), responses=len(args.responses))
    leaders = len(formal_leaders(G)) if "formal_leader" in net.members.columns else 0
    return estimate_seconds(G.number_of_nodes(), G.number_of_edges(), leaders=leaders,
                            responses=len(args.responses))


def _run_report(args):
    from ..errors import NetlearnError
    from .pseudonyms import KeyFileError, default_key_path, load_or_create_key

    output = Path(args.output).expanduser()
    clash = clashing_input(output, input_files(args))
    if clash is not None:
        what, path = clash
        return _bad_input(f"The report would be written over the {what} {path} (-o {args.output} is the same file). "
                          "A report never replaces one of its own inputs, even with --force. Choose another name "
                          "for the report with -o, for example -o report.html.")
    if output.is_dir():
        return _bad_input(f"{output} is a folder. Give a file name for the report, e.g. -o {output / 'report.html'}.")
    if output.exists() and not args.force:
        return _bad_input(ReportExists(output))
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        return _bad_input(f"The folder {folder} (for -o {args.output}) does not exist. Create it first, or choose "
                          "another place for the report.")

    from .. import loaders
    from . import diagnostics as diag
    from .build import build_report
    from .html import render_html

    sections = 4 + (1 if args.responses else 0)
    progress = Progress(sections + 2, quiet=args.quiet)
    try:
        with progress("Reading the files"):
            net = loaders.read_network(args.members, args.ties, relations=args.relations,
                                       mutual_weight=args.mutual_weight)
            progress.plan(_forecast(net, args))
            loaded = [diag.load(spec) for spec in args.responses]
            key, note = None, ""
            if not args.show_names:
                key_path = Path(args.key_file).expanduser() if args.key_file else default_key_path()
                try:
                    key, created = load_or_create_key(key_path)
                except KeyFileError as error:
                    progress.close()
                    return _bad_input(error)
                if created == "temporary":
                    note = "the key could not be saved, so pseudonyms will differ next time"
        sources = {"members": Path(args.members).name, "ties": Path(args.ties).name}
        if args.relations:
            sources["relations"] = Path(args.relations).name
        report = build_report(net, relation=args.relation, group=args.group, attributes=args.attributes,
                              min_group_size=args.min_group_size, show_names=args.show_names, key=key,
                              key_note=note, expertise=args.expertise, voices=args.voices,
                              voices_target=args.voices_target, responses=loaded, sources=sources,
                              progress=progress)
        with progress("Writing the page"):
            page = render_html(report)
            try:
                write_report(page, output, force=args.force)
            except ReportExists as error:
                progress.close()
                return _bad_input(error)
            except OSError as error:
                progress.close()
                return _bad_input(f"The report could not be written to {output}: {error.strerror or error}. "
                                  "Check that the folder exists and that you may write to it, or choose another "
                                  "place with -o.")
    except NetlearnError as error:
        progress.close()
        return _bad_input(error)
    progress.close()
    missing = [s.title for s in report.sections if not s.available]
    people = "names" if args.show_names else "pseudonyms"
    _say(f"Report written to {output} ({len(report.sections)} sections; people shown as {people}; groups smaller than "
         f"{args.min_group_size} suppressed).", sys.stdout)
    if missing:
        _say("Not available for this network (the report says why): " + "; ".join(missing) + ".", sys.stdout)
    return EXIT_OK
