"""Build the course website: ``python site/build_site.py --audience learner|instructor``.

``make site`` runs this. It stages the course's pages into ``build/site-work/<edition>/src/``,
then runs Sphinx (myst-nb executes the notebooks, sphinx-book-theme lays out the pages) with the
configuration in ``site/conf.py``, and puts the finished site in ``build/site/`` (learner edition)
or ``build/site-instructor/`` (instructor edition). The source notebooks are never changed.

What each edition holds:

- both: every notebook in ``notebooks/`` and ``exercises/`` (found by glob), the data cards
  (``datasets/**/README.md``, with the data files as downloads), the architecture map, the guide to
  collecting network data with care, the reference list, further resources (if present) and the
  self-paced path;
- learner: every cell tagged ``trainer-notes`` is left out of the staged copy (so it is in no page,
  no search index and no downloadable notebook);
- instructor: the trainer cells stay, the trainer pages (``docs/trainer/``) are added, and an
  answers page per exercise notebook (``answers/``, from the exercise modules' items).

Notebooks are executed once: the executed copies are kept in ``build/site-cache/`` (jupyter-cache),
which matches a notebook by its code cells, so the second edition and later builds reuse them until
a code cell changes. A link from a staged page to a file of the repository that is not part of the
site (a script, the README) is turned into a link to that file on GitHub, from the one repository
setting in pyproject.toml.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course_site import BUILD, CACHE, EDITIONS, ROOT, source_url, TRAINER_TAG  # noqa: E402

SITE = ROOT / "site"

#: Pages both editions hold (globs relative to the repository; notebooks are found, never listed).
SHARED_PAGES = [
    "notebooks/*.ipynb",
    "exercises/*.ipynb",
    "exercises/README.md",
    "datasets/**/*",
    "docs/ARCHITECTURE.md",
    "docs/collecting_network_data.md",
    "docs/references.md",
    "docs/references.bib",
    "docs/further_resources.md",
    "docs/trainer/self_paced.md",
]
#: Pages only the instructor edition holds.
INSTRUCTOR_PAGES = ["docs/trainer/*.md"]

#: A Markdown link or image: ``[text](target)`` (targets without spaces, as the course writes them).
LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)(\))")


def is_trainer_cell(cell):
    """True for a cell tagged ``trainer-notes`` (a "For trainers" cell)."""
    return TRAINER_TAG in cell.get("metadata", {}).get("tags", [])


def sources(edition):
    """The repository files the edition's site is built from, as sorted relative paths."""
    patterns = SHARED_PAGES + (INSTRUCTOR_PAGES if edition == "instructor" else [])
    found = set()
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            if not path.is_file() or ".ipynb_checkpoints" in path.parts or "__pycache__" in path.parts:
                continue
            if pattern == "datasets/**/*" and path.suffix == ".md" and path.name != "README.md":
                continue    # the data cards are the READMEs; other notes stay on GitHub (linked there)
            found.add(path.relative_to(ROOT).as_posix())
    return sorted(found)


def rewrite_links(text, page, staged):
    """``text`` (Markdown of the staged ``page``) with links to unstaged repository files sent to GitHub.

    Links to pages and files of the site, web addresses and anchors are left as they are; a link to
    something the repository does not have is left too, so that Sphinx reports it.
    """
    folder = Path(page).parent

    def fix(match):
        target = match.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith(("#", "/")):
            return match.group(0)
        path, _, anchor = target.partition("#")
        resolved = os.path.normpath((folder / path).as_posix()) if path else page
        if resolved.startswith("..") or resolved in staged or resolved == ".":
            return match.group(0)
        full = ROOT / resolved
        if not full.exists():
            return match.group(0)
        url = source_url(resolved, folder=full.is_dir()) + (f"#{anchor}" if anchor else "")
        return f"{match.group(1)}{url}{match.group(3)}"

    return LINK.sub(fix, text)


def staged_notebook(path, edition, staged):
    """The notebook at ``path`` as the edition shows it: trainer cells dropped for learners, links fixed."""
    notebook = nbformat.read(ROOT / path, as_version=4)
    if edition == "learner":
        notebook.cells = [cell for cell in notebook.cells if not is_trainer_cell(cell)]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = rewrite_links(cell.source, path, staged)
    return notebook


def index_page(edition, staged):
    """The home page: ``site/index.md``, plus ``site/instructor.md`` for the instructor edition.

    A toctree entry naming a page the edition does not have (``docs/further_resources`` before it
    is written) is left out; glob entries are kept.
    """
    text = (SITE / "index.md").read_text(encoding="utf-8")
    if edition == "instructor":
        text = text.rstrip() + "\n\n" + (SITE / "instructor.md").read_text(encoding="utf-8")
    pages = {Path(p).with_suffix("").as_posix() for p in staged if p.endswith((".md", ".ipynb"))}
    kept, in_toctree = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            in_toctree = line.startswith("```{toctree}")
        elif in_toctree and re.fullmatch(r"[\w./-]+", line) and line not in pages:
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"


def stage(edition, target):
    """Copy what the edition shows into ``target`` (emptied first); return the staged relative paths."""
    if target.exists():
        shutil.rmtree(target)
    files = sources(edition)
    staged = set(files)
    for relative in files:
        source, destination = ROOT / relative, target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".ipynb"):
            nbformat.write(staged_notebook(relative, edition, staged), destination)
        elif relative.endswith(".md"):
            destination.write_text(rewrite_links(source.read_text(encoding="utf-8"), relative, staged),
                                   encoding="utf-8")
        else:
            shutil.copy2(source, destination)
    (target / "index.md").write_text(index_page(edition, staged), encoding="utf-8")
    if edition == "instructor":
        from answer_pages import all_answers_pages

        (target / "answers").mkdir()
        for stem, text in all_answers_pages().items():
            (target / "answers" / f"{stem}.md").write_text(text, encoding="utf-8")
    return sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())


#: Lines every kernel prints that say nothing about the build (the kernel only talks to localhost).
NOISE = ("Kernel is running over TCP without encryption",)


def run_quietly(command, env):
    """Run ``command``, passing on its messages except :data:`NOISE`; return its exit code."""
    with subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True, errors="replace") as process:
        for line in process.stderr:
            if not any(noise in line for noise in NOISE):
                sys.stderr.write(line)
    return process.returncode


def build(edition, jobs="1"):
    """Stage and build one edition; return ``{"stage": s, "sphinx": s}`` (seconds taken)."""
    if edition not in EDITIONS:
        raise SystemExit(f"AUDIENCE must be one of {', '.join(EDITIONS)}, not {edition!r}")
    work = BUILD / "site-work" / edition
    times = {}
    started = time.perf_counter()
    stage(edition, work / "src")
    times["stage"] = time.perf_counter() - started
    for stale in (work / "html", work / "doctrees"):
        if stale.exists():
            shutil.rmtree(stale)
    CACHE.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(SITE), "-d", str(work / "doctrees"),
               "-j", str(jobs), "-W", "--keep-going", "-q", str(work / "src"), str(work / "html")]
    started = time.perf_counter()
    # The notebooks run as a learner's would, but must not touch the builder's own progress file or
    # report key (in ~/.netlearn): they get files of their own in the work folder.
    home = work / "netlearn-home"
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    env = {**os.environ, "NETLEARN_SITE_EDITION": edition, "NETLEARN_PROGRESS": str(home / "progress.json"),
           "NETLEARN_REPORT_KEY": str(home / "report-key")}
    returncode = run_quietly(command, env=env)
    times["sphinx"] = time.perf_counter() - started
    if returncode != 0:
        raise SystemExit(f"the {edition} edition did not build cleanly (see the messages above); "
                         f"the previous site in {EDITIONS[edition].relative_to(ROOT)} is left as it was")
    destination = EDITIONS[edition]
    if destination.exists():
        shutil.rmtree(destination)
    shutil.move(work / "html", destination)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build the course website (learner or instructor edition).")
    parser.add_argument("--audience", default="learner", choices=sorted(EDITIONS),
                        help="learner (build/site) or instructor (build/site-instructor, with trainer notes "
                             "and answers)")
    parser.add_argument("--jobs", default="1", help="Sphinx's -j: processes reading (and executing) pages")
    options = parser.parse_args(argv)
    times = build(options.audience, options.jobs)
    where = EDITIONS[options.audience].relative_to(ROOT)
    print(f"site: the {options.audience} edition is in {where}/ (open {where}/index.html); "
          f"staging {times['stage']:.1f} s, Sphinx {times['sphinx']:.1f} s")


if __name__ == "__main__":
    main()
