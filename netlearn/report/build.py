"""The report's sections, computed as data: numbers for tests and widgets, blocks for the page.

:func:`build_report` takes a :class:`~netlearn.Network` and returns a :class:`Report`: a header
saying what the report contains and what it leaves out, then one :class:`Section` each for the
overview, roles, leadership, diversity and (with survey responses) diagnostics. Each section
holds

* ``data`` - the figures as plain Python values, keyed by name (what the tests check, and what
  the notebook widget shows), always with member ids (never shown on the page);
* ``blocks`` - what the page shows, in order: paragraphs, key figures, tables, images and
  lists, with members already replaced by their pseudonyms (or names with ``show_names``) and
  small groups already suppressed (:mod:`netlearn.report.suppression`);
* ``discuss`` - questions for the group, from :mod:`netlearn.report.prompts`.

A section whose measures cannot be computed on this network (no groups, no formal leaders,
too few members) is kept, marked unavailable, with the reason in plain words: one missing
column never stops the whole report.

Nothing here writes HTML; :mod:`netlearn.report.html` turns the blocks into a page and escapes
every piece of text on the way.

Each section is computed in its own module (:mod:`~netlearn.report.section_overview`,
:mod:`~netlearn.report.section_roles`, :mod:`~netlearn.report.section_leadership`,
:mod:`~netlearn.report.section_diversity`, :mod:`~netlearn.report.diagnostics`) from the shared
:class:`~netlearn.report.context.Context`; this module runs them in order, writes the header,
and still offers the blocks, choices and constants it always has.

>>> import netlearn
>>> report = build_report(netlearn.load_dataset("krackhardt_kite"), key=b"example key")
>>> [section.key for section in report.sections]
['overview', 'roles', 'leadership', 'diversity']
>>> report.section("overview").data["members"], report.section("overview").data["ties"]
(10, 18)
"""

from __future__ import annotations

import contextlib
import datetime as _dt

from .. import __version__
from ..errors import NetlearnError
from . import prompts
from .blocks import BulletList, Image, KeyFigures, Paragraph, Report, Section, Table
from .context import (DEFAULT_VOICES, DIVERSITY_COLUMNS, GROUP_COLUMNS, NOT_RECORDED, Context, People,
                      candidate_group_columns, choose_group, choose_relation, member_disclosure)
from .formatting import format_count
from .pseudonyms import load_or_create_key
from .section_diversity import diversity_section
from .section_leadership import leadership_section
from .section_overview import overview_section
from .section_roles import ROLE_TITLES, roles_section

__all__ = ["Report", "Section", "Paragraph", "KeyFigures", "Table", "Image", "BulletList", "build_report",
           "choose_relation", "choose_group", "DIVERSITY_COLUMNS", "GROUP_COLUMNS", "DEFAULT_VOICES",
           "ROLE_TITLES", "SECTION_TITLES", "NOT_RECORDED", "candidate_group_columns", "member_disclosure"]

SECTION_TITLES = {"overview": "Overview", "roles": "Roles in the network", "leadership": "How leadership is spread",
                  "diversity": "Diversity and silos", "diagnostics": "Diagnostics: health check and maturity matrix"}


@contextlib.contextmanager
def _no_progress(_label):
    yield


# ====================================================================== the report
def build_report(net, *, relation=None, group=None, attributes=None, min_group_size=5, show_names=False, key=None,
                 key_note="", expertise=None, voices=DEFAULT_VOICES, voices_target=0.2, responses=(),
                 sources=None, progress=None, now=None):
    """Compute every section of the report for ``net``.

    Parameters
    ----------
    net : netlearn.Network
    relation : str, optional
        The relation analysed; default: knows if present, else the first undirected one, else the first.
    group : str, optional
        Member column defining groups (default: the first of :data:`GROUP_COLUMNS` present).
    attributes : list of str, optional
        Member columns described in the diversity section (default: those of
        :data:`DIVERSITY_COLUMNS` present).
    min_group_size : int
        Figures about fewer people than this are suppressed (1 turns suppression off).
    show_names : bool
        Show members' names instead of pseudonyms.
    key : bytes, optional
        Secret key for the pseudonyms; default: the key file (see :mod:`netlearn.report.pseudonyms`).
    key_note : str
        A sentence about the key for the report's header (the CLI says where it came from).
    expertise : str, optional
        Member column listing what people know, for the peripheral specialist rule. Off by default,
        because free text can identify people.
    voices, voices_target
        The stakeholder values counted as the voices of people who use services, and the share aimed for.
    responses : list
        Survey responses for the diagnostics section: ``--responses`` values (a file, or
        ``INSTRUMENT=FILE``) or files already read by :func:`netlearn.report.diagnostics.load`.
    sources : dict, optional
        File names shown in the header, e.g. ``{"members": "members.csv", "ties": "ties.csv"}``.
    progress : callable, optional
        ``progress(label)`` returning a context manager, entered around each section.
    now : datetime, optional
        The time written in the header (default: now).

    Returns
    -------
    Report
    """
    if not isinstance(min_group_size, int) or isinstance(min_group_size, bool) or min_group_size < 1:
        raise ValueError(f"min_group_size must be a whole number of at least 1; got {min_group_size!r}.")
    progress = progress or _no_progress
    if responses:
        from . import diagnostics as _diag

        responses = [item if isinstance(item, _diag.Loaded) else _diag.load(item) for item in responses]
    chosen = choose_relation(net, relation)
    group = choose_group(net, group)
    if key is None and not show_names:
        key, _ = load_or_create_key()
    G = net.graph(chosen)
    people = People(net, G, group, show_names=show_names, key=key, minimum=min_group_size, attributes=attributes,
                     voices=tuple(voices))
    context = Context(net=net, G=G, relation=chosen, group=group, people=people, minimum=min_group_size,
                       expertise=expertise, voices=tuple(voices), voices_target=voices_target,
                       attributes=attributes)

    sections = []
    builders = [("overview", overview_section), ("roles", roles_section), ("leadership", leadership_section),
                ("diversity", diversity_section)]
    if responses:
        builders.append(("diagnostics", _diagnostics))
    for key_name, builder in builders:
        with progress(SECTION_TITLES[key_name]):
            started = _dt.datetime.now()
            section = Section(key_name, SECTION_TITLES[key_name], intro=prompts.INTRO[key_name],
                              discuss=list(prompts.DISCUSS[key_name]))
            try:
                if key_name == "diagnostics":
                    builder(context, section, responses)
                else:
                    builder(context, section)
            except (NetlearnError, ValueError) as error:
                section.available = False
                section.reason = str(error)
                section.blocks = []
            section.seconds = (_dt.datetime.now() - started).total_seconds()
            sections.append(section)

    now = now or _dt.datetime.now().astimezone()
    return Report(
        title=_report_title(net, show_names),
        about=_about(context, sources or {}, show_names, key_note, now, responses),
        contains=_contains(context, show_names, responses),
        leaves_out=_leaves_out(context, show_names),
        sections=sections,
        references=list(prompts.REFERENCES),
        settings={"relation": chosen, "group": group, "min_group_size": min_group_size, "show_names": show_names,
                  "expertise": expertise},
        generated=now.strftime("%Y-%m-%d %H:%M %Z").strip(),
    )

# ====================================================================== header
def _report_title(net, show_names):
    """The page title: the network's name (often its folder's name) only with ``show_names``."""
    return f"Network report: {net.name}" if show_names else "Network report"


def _about(ctx, sources, show_names, key_note, now, responses):
    directed = "directed" if ctx.G.is_directed() else "undirected"
    if show_names:
        files = [f"{label}: {name}" for label, name in sources.items() if name]
    else:  # a file name can say whose network this is, as a folder name can
        kinds = [label for label, name in sources.items() if name]
        files = [f"your {', '.join(kinds[:-1])}{' and ' if len(kinds) > 1 else ''}{kinds[-1]} files (names left out; "
                 "--show-names shows them)"] if kinds else []
    about = [
        ("Network", ctx.net.name if show_names else
         "name left out (it often comes from a folder or file name that says whose network this is; "
         "--show-names shows it)"),
        ("Files", "; ".join(files) if files else "(given in code, not read from files)"),
        ("Relation analysed", f"{ctx.relation} ({directed}, {format_count(ctx.G.number_of_edges())} ties)"),
        ("Groups", f"the '{ctx.group}' column" if ctx.group else "none (no group column found)"),
        ("People shown as", "names (the report was made with --show-names)" if show_names else
         "pseudonyms such as 'Member 017', made with a secret key that is not in this report" +
         (f"; {key_note}" if key_note else "")),
        ("Small groups", f"figures about fewer than {ctx.minimum} people are suppressed, and so are any others "
         "from which they could be worked out" if ctx.minimum > 1 else
         "not suppressed (--min-group-size 1): do not share this report beyond the people in it"),
        ("Made", f"{now.strftime('%d %B %Y, %H:%M')} with netlearn {__version__}"),
    ]
    if ctx.people.plan.protection.exposed:
        about.append(("Take care", f"this network is so small that some counts below {ctx.minimum} follow from the "
                                   "number of members itself; share this report only with the members themselves"))
    if responses:
        about.insert(2, ("Survey responses", "; ".join(f"{entry.label} ({entry.instrument.title})"
                                                        for entry in responses)))
    return about


def _contains(ctx, show_names, responses):
    items = ["counts and measures for the whole network and for each group of at least "
             f"{ctx.minimum} people" if ctx.minimum > 1 else "counts and measures for the whole network and each group",
             "lists of members in informal roles, each with the rule that put them there",
             f"who is {'named' if show_names else 'shown by pseudonym'} when they are isolated or would be cut off",
             "a picture or chart of the network, with no names on it" if not show_names else
             "a picture or chart of the network",
             "questions to discuss for each section"]
    if responses:
        items.append("summaries of the survey responses, with small groups suppressed")
    return items


def _leaves_out(ctx, show_names):
    items = []
    if not show_names:
        items.append("members' names and ids (only pseudonyms appear), and the network's own name, which often "
                     "comes from a folder or file name")
    items += ["the tie list itself (who is tied to whom)",
              "any member column other than those named above (free text such as 'can help with' is left out"
              + (f", except '{ctx.expertise}' for peripheral specialists)" if ctx.expertise else ")"),
              "a label saying which pseudonym is a formal leader (they are described as a group; in a small "
              "network their position may still show who they are)"
              if not show_names else "a label saying who is a formal leader, beyond the ring in the picture",
              "anything about people who are not in the members file, or ties nobody reported: a network map "
              "is only as complete as the answers behind it"]
    return items


# ====================================================================== diagnostics
def _diagnostics(ctx, section, responses):
    from . import diagnostics as diag

    diag.build_section(ctx, section, responses)
