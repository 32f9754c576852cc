"""Finding author-year citations in the course, for ``tests/test_references.py``.

The course cites by author and year, in three shapes:

* narrative: ``Burt (1992)``, ``Provan & Kenis's (2008)``, ``Mehra et al. (2006)``,
  ``Kashdan and colleagues (2018)``, ``Burt (1992, 2004)``;
* in brackets: ``(Cross & Prusak 2002)``, ``(Burt 1992; Arena et al. 2017)``,
  ``(r_wg, James, Demaree & Wolf 1984)``, ``(Cronbach, 1951)``;
* a reference-list entry: ``Krackhardt, D. & Stern, R. N. (1988). Informal networks ...``.

:func:`find_citations` finds all three in a piece of text; :func:`course_texts` gathers the text
of every place the course cites from (notebook cells, docstrings and strings of the library,
instruments, dataset cards and docs), each with a place name a person can open.
"""

from __future__ import annotations

import ast
import html
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Capitalised words that can stand before a year without being an author: months, and the
#: words of names of things (an Act, a partnership) that the course dates.
NOT_AUTHORS = frozenset(
    """January February March April May June July August September October November December
    Act Partnership Partnerships STP STPs ICS ICSs CCG CCGs NHS Lab Exchange Q Python""".split()
)

_WORD = r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?"  # Burt, D'Este, Smith-Lovin, Uhl-Bien, McPherson, Nuñez
_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|du|le|la) )"
_NAME = rf"{_PARTICLE}?{_WORD}(?: {_PARTICLE}?{_WORD})*"  # Babington Smith, Health Foundation
_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-f]?(?![\w-])"
_YEARS = rf"{_YEAR}(?:, {_YEAR})*"
_ETAL = r"(?P<etal> et al\.?| and colleagues)"
_GROUP = rf"(?P<names>{_NAME}(?:, {_NAME})*(?:,? (?:&|and) {_NAME})?){_ETAL}?"
_POSSESSIVE = r"(?:['’]s|['’])?"

#: ``Burt (1992)``, ``Provan & Kenis's (2008)``, ``Burt (1992, 2004)``
NARRATIVE = re.compile(rf"(?<![\w.])\b{_GROUP}{_POSSESSIVE} \((?P<years>{_YEARS})\)")
#: ``Burt 1992`` or ``Cronbach, 1951`` inside brackets (the bracket is checked separately)
BRACKETED = re.compile(rf"(?<![\w.])\b{_GROUP},? (?P<years>{_YEARS})(?=[);,.:\s])")
_INITIALS = r"(?:[A-Z]\.(?:[ -]?[A-Z]\.)*)"
_AUTHOR = rf"(?P<a>{_PARTICLE}?{_WORD}(?: {_WORD})*), {_INITIALS}"
#: ``Krackhardt, D. & Stern, R. N. (1988)``: a reference-list entry
ENTRY = re.compile(
    rf"(?P<authors>{_AUTHOR.replace('?P<a>', '')}(?:,? (?:& |and )?{_AUTHOR.replace('?P<a>', '')})*)"
    rf",? \((?P<years>{_YEARS})\)"
)


@dataclass(frozen=True)
class Citation:
    """One work cited at one place: the surnames as written, the year, and whether "et al."."""

    surnames: tuple[str, ...]
    year: str
    et_al: bool
    text: str
    place: str = ""

    def __str__(self):
        return f"{self.text!r} ({self.place})" if self.place else repr(self.text)


def _surnames(names: str) -> tuple[str, ...]:
    parts = re.split(r",? (?:&|and) |, ", names)
    return tuple(p.strip() for p in parts if p.strip())


def _split_years(years: str) -> list[str]:
    return [y.strip() for y in years.split(",")]


def _inside_brackets(text: str, at: int) -> bool:
    """True if position ``at`` lies inside an open round bracket of its paragraph."""
    start = text.rfind("\n\n", 0, at) + 1
    before = text[start:at]
    return before.count("(") > before.count(")")


#: Organisations cited as authors although their names hold a word of NOT_AUTHORS.
ORGANISATION_AUTHORS = frozenset({"NHS England", "Think Local Act Personal"})


def _plausible(surnames: tuple[str, ...]) -> bool:
    words = {w for name in surnames if name not in ORGANISATION_AUTHORS for w in name.split()}
    return bool(surnames) and not (words & NOT_AUTHORS)


def find_citations(text: str, place: str = "") -> list[Citation]:
    """Every author-year citation in ``text``, in order of position.

    >>> [(c.surnames, c.year, c.et_al) for c in find_citations("as Burt (1992, 2004) and Mehra et al. (2006) found")]
    [(('Burt',), '1992', False), (('Burt',), '2004', False), (('Mehra',), '2006', True)]
    >>> [(c.surnames, c.year) for c in find_citations("holes (Burt 1992; Cross & Prusak 2002).")]
    [(('Burt',), '1992'), (('Cross', 'Prusak'), '2002')]
    >>> [c.surnames for c in find_citations("Krackhardt, D. & Stern, R. N. (1988). Informal networks")]
    [('Krackhardt', 'Stern')]
    >>> find_citations("a masterclass (probably October 2017) under the Data Protection Act 2018")
    []
    """
    # One line break is a space (a citation may wrap); a blank line still ends a paragraph.
    text = re.sub(r"[ \t]*(?<!\n)\n(?!\n)[ \t]*", " ", html.unescape(text).replace("\u00a0", " "))
    found: list[tuple[int, int, Citation]] = []

    def add(m, surnames, et_al):
        if not _plausible(surnames):
            return
        for year in _split_years(m.group("years")):
            found.append((m.start(), m.end(), Citation(surnames, year, et_al, m.group(0), place)))

    for m in ENTRY.finditer(text):
        names = re.findall(rf"({_PARTICLE}?{_WORD}(?: {_WORD})*), {_INITIALS}", m.group("authors"))
        add(m, tuple(names), False)
    taken = [(s, e) for s, e, _ in found]

    def free(m):
        return not any(s < m.end() and m.start() < e for s, e in taken)

    for m in NARRATIVE.finditer(text):
        if free(m):
            add(m, _surnames(m.group("names")), bool(m.group("etal")))
    taken = [(s, e) for s, e, _ in found]
    for m in BRACKETED.finditer(text):
        if free(m) and _inside_brackets(text, m.start()):
            add(m, _surnames(m.group("names")), bool(m.group("etal")))
    return [c for _, _, c in sorted(found, key=lambda t: (t[0], t[2].year))]


# --- where the course cites ----------------------------------------------------------------


def _notebook_texts(folder: str):
    import nbformat

    for path in sorted((ROOT / folder).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, start=1):
            yield f"{folder}/{path.name}, cell {number}", cell.source


def _python_strings(path: Path):
    """Docstrings, comments and string constants of one module, each with its line number."""
    source = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield f"{rel}, line {node.lineno}", node.value
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            yield f"{rel}, line {node.lineno}", "{}".join(parts)
    for number, line in enumerate(source.splitlines(), start=1):
        if "#" in line:
            yield f"{rel}, line {number}", line[line.index("#"):]


def course_texts():
    """(place, text) for every place the course can cite a work."""
    for folder in ("notebooks", "exercises"):
        yield from _notebook_texts(folder)
    for path in sorted((ROOT / "netlearn").rglob("*.py")):
        yield from _python_strings(path)
    for pattern in ("datasets/instruments/*.yaml", "datasets/**/README.md", "docs/*.md"):
        for path in sorted(ROOT.glob(pattern)):
            rel = path.relative_to(ROOT).as_posix()
            yield rel, path.read_text(encoding="utf-8")


def course_citations() -> list[Citation]:
    """Every citation in the course, each with its place."""
    return [c for place, text in course_texts() for c in find_citations(text, place)]
