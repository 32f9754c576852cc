"""The course's reference list: every work it cites, read from ``docs/references.bib``.

The course cites by author and year ("Burt (1992)", "(Cross & Prusak 2002)", "Mehra et al.
(2006)"). Each of those works has one entry in ``docs/references.bib``, a BibTeX file that any
reference manager can open. This module reads that file without any extra package:

* :func:`references` gives every entry as a :class:`Reference`, in the order of a reference list;
* :func:`matching` finds the entries an author-year citation can mean (the course's tests require
  exactly one for every citation);
* :func:`reference_list` writes the list as text, for a notebook or a trainer's handout.

Matching rule: the year must agree, and the surnames as cited must be the entry's surnames in order
(all of them); "et al." (or "and colleagues") matches an entry with three or more authors whose
first author is the one named. A name written with more words than the entry's surname still
matches if it ends with it ("Wayne Zachary" is Zachary). A year with a letter ("2017a") picks out
the entry whose key ends in that year and letter, for two works by the same people in one year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Reference", "parse_bibtex", "references", "matching", "reference_list", "references_file"]

_LATEX = {r"{\"e}": "ë", r"\"e": "ë", r"{\~n}": "ñ", r"\~n": "ñ", r"{\'e}": "é", r"\'e": "é",
          r"{\"o}": "ö", r"\"o": "ö", r"{\"u}": "ü", r"\"u": "ü", r"\&": "&", "---": "—", "--": "–"}
_MONTHS = {m: name for m, name in zip(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(),
    "January February March April May June July August September October November December".split())}


def _plain(value: str) -> str:
    """LaTeX accents, ``\\&`` and dashes as characters; braces and runs of spaces removed."""
    for latex, char in _LATEX.items():
        value = value.replace(latex, char)
    return re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()


@dataclass(frozen=True)
class Reference:
    """One work in the reference list.

    ``authors`` holds ``(surname, given names)`` pairs; an organisation is one author with no
    given names. ``fields`` holds every BibTeX field as plain text (lower-case names).
    """

    key: str
    kind: str
    authors: tuple[tuple[str, str], ...]
    fields: tuple[tuple[str, str], ...]

    def get(self, name: str, default: str = "") -> str:
        return dict(self.fields).get(name, default)

    @property
    def surnames(self) -> tuple[str, ...]:
        return tuple(surname for surname, _ in self.authors)

    @property
    def year(self) -> str:
        return self.get("year")

    @property
    def doi(self) -> str:
        return self.get("doi")

    @property
    def link(self) -> str:
        """Where to find the work online: its DOI as an address, else its URL, else ``""``."""
        return f"https://doi.org/{self.doi}" if self.doi else self.get("url")

    def citation(self) -> str:
        """How the course cites it in running text.

        >>> [r.citation() for r in references() if r.key in ("burt1992", "cross2002", "arena2017")]
        ['Arena et al. (2017)', 'Burt (1992)', 'Cross & Prusak (2002)']
        """
        names = self.surnames
        if len(names) >= 3:
            who = f"{names[0]} et al."
        else:
            who = " & ".join(names)
        return f"{who} ({self.year})"

    def __str__(self) -> str:
        """The entry as a line of a reference list (APA-like, plain text)."""
        people = [f"{surname}, {_initials(given)}" if given else surname for surname, given in self.authors]
        who = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " & " + people[-1]
        parts = [f"{who} ({self.year}). {self.get('title')}."]
        where = self.get("journal") or self.get("booktitle")
        if where:
            volume = self.get("volume") + (f"({self.get('number')})" if self.get("number") else "")
            parts.append(", ".join(p for p in (where, volume, self.get("pages")) if p) + ".")
        publisher = self.get("publisher") or self.get("institution")
        if publisher and publisher != where:
            parts.append(publisher + ".")
        if self.link:
            parts.append(self.link)
        return " ".join(parts)


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given) if part and part[0].isalpha())


def _split_authors(value: str) -> tuple[tuple[str, str], ...]:
    people = []
    for person in re.split(r"\s+and\s+", value.strip()):
        person = person.strip()
        if person.startswith("{") and person.endswith("}") and "," not in person:
            people.append((_plain(person), ""))  # {The Health Foundation}: an organisation
            continue
        surname, _, given = person.partition(",")
        people.append((_plain(surname), _plain(given)))
    return tuple(people)


def _read_value(text: str, i: int) -> tuple[str, int]:
    """The field value starting at ``text[i]``: ``{...}`` (nested), ``"..."`` or a bare word."""
    if text[i] == "{":
        depth, start = 0, i
        while True:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
            if depth == 0:
                return text[start + 1:i - 1], i
    if text[i] == '"':
        end = text.index('"', i + 1)
        return text[i + 1:end], end + 1
    match = re.compile(r"[\w-]+").match(text, i)
    word = match.group(0)
    return _MONTHS.get(word.lower(), word), match.end()


def parse_bibtex(text: str) -> list[Reference]:
    """Every ``@kind{key, field = value, ...}`` entry in ``text``; other text is ignored.

    >>> [ref] = parse_bibtex('@book{blau1977, author = {Blau, Peter M.}, title = {Inequality and '
    ...                      'Heterogeneity}, publisher = {Free Press}, year = 1977}')
    >>> ref.key, ref.surnames, ref.year, ref.get("publisher")
    ('blau1977', ('Blau',), '1977', 'Free Press')
    """
    found = []
    for head in re.finditer(r"@(\w+)\s*\{\s*([^,\s]+)\s*,", text):
        kind, key, i = head.group(1).lower(), head.group(2), head.end()
        if kind in ("comment", "preamble", "string"):
            continue
        fields, authors = [], ()
        while True:
            field = re.compile(r"\s*(\w+)\s*=\s*").match(text, i)
            if field is None:
                break
            value, i = _read_value(text, field.end())
            name = field.group(1).lower()
            if name == "author":
                authors = _split_authors(value)
            fields.append((name, _plain(value)))
            comma = re.compile(r"\s*,").match(text, i)
            if comma is None:
                break
            i = comma.end()
        found.append(Reference(key, kind, authors, tuple(fields)))
    return found


def references_file() -> Path:
    """``docs/references.bib`` of the repository this package sits in, else the copy a wheel carries.

    A wheel's build copies the list into the package (``netlearn/references.bib``, see ``setup.py``).
    """
    here = Path(__file__).resolve().parent
    in_repository = here.parent / "docs" / "references.bib"
    return in_repository if in_repository.is_file() else here / "references.bib"


@lru_cache(maxsize=4)
def _read(path: str) -> tuple[Reference, ...]:
    return tuple(parse_bibtex(Path(path).read_text(encoding="utf-8")))


def references(path: str | Path | None = None) -> list[Reference]:
    """Every work the course cites, ordered as in a reference list (first author, then year).

    >>> refs = references()
    >>> refs[0].key, len({r.key for r in refs}) == len(refs)
    ('agresti1978', True)
    """
    entries = _read(str(Path(path) if path else references_file()))
    return sorted(entries, key=lambda r: ([s.casefold() for s in r.surnames], r.year, r.key))


def _same_name(cited: str, surname: str) -> bool:
    def norm(name):
        name = re.sub(r"['’]s?$", "", name.strip()).casefold()
        return name[4:] if name.startswith("the ") else name
    cited, surname = norm(cited), norm(surname)
    return cited == surname or cited.endswith(" " + surname)


def matching(surnames, year: str, et_al: bool = False, entries=None) -> list[Reference]:
    """The entries an author-year citation can mean (the course wants exactly one).

    >>> [r.key for r in matching(["Krackhardt", "Stern"], "1988")]
    ['krackhardt1988']
    >>> [r.key for r in matching(["Mehra"], "2006", et_al=True)]
    ['mehra2006']
    >>> matching(["Krackhardt"], "1988")          # one of two authors is not enough
    []
    >>> matching(["Nobody", "Else"], "1999")      # a work that is not in the list
    []
    """
    entries = references() if entries is None else entries
    letter = year[4:]
    found = []
    for ref in entries:
        if ref.year != year[:4] or (letter and not ref.key.endswith(year)):
            continue
        names = ref.surnames
        if et_al:
            ok = len(names) >= 3 and _same_name(surnames[0], names[0])
        else:
            ok = len(surnames) == len(names) and all(map(_same_name, surnames, names))
        if ok:
            found.append(ref)
    return found


def reference_list(keys=None) -> str:
    """The reference list as text, one work a line; only ``keys`` if given.

    >>> print(reference_list(["granovetter1973"]))  # doctest: +NORMALIZE_WHITESPACE
    Granovetter, M. S. (1973). The Strength of Weak Ties. American Journal of Sociology, 78(6),
    1360–1380. https://doi.org/10.1086/225469
    """
    wanted = None if keys is None else set(keys)
    return "\n".join(str(r) for r in references() if wanted is None or r.key in wanted)
