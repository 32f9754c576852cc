"""The report's building blocks: what a section shows, as data (no HTML here).

A :class:`Report` holds :class:`Section` objects; each section's ``blocks`` are, in order,
:class:`Paragraph`, :class:`KeyFigures`, :class:`Table`, :class:`Image` and :class:`BulletList`
objects, which :mod:`netlearn.report.html` turns into a page (escaping every text).

>>> section = Section("overview", "Overview", blocks=[Paragraph("Ten members.")])
>>> Report("Network report", [], [], [], [section], [], {}, "2026-12-06").section("overview").blocks
[Paragraph(text='Ten members.', kind='p')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Paragraph", "KeyFigures", "Table", "Image", "BulletList", "Section", "Report"]


@dataclass
class Paragraph:
    """Plain text; ``kind`` is ``"p"``, ``"note"`` (smaller, grey) or ``"warning"`` (boxed)."""

    text: str
    kind: str = "p"


@dataclass
class KeyFigures:
    """A short list of (label, value) pairs shown as large figures; values may be :class:`Suppressed`."""

    items: list


@dataclass
class Table:
    """A table: a caption, column names and rows of cells (text, numbers, None or :class:`Suppressed`)."""

    caption: str
    columns: list
    rows: list
    note: str = ""


@dataclass
class Image:
    """A PNG image with its alternative text (what it shows, for screen readers and printouts)."""

    png: bytes
    alt: str
    caption: str = ""


@dataclass
class BulletList:
    """A list of short texts, with an optional heading."""

    items: list
    title: str = ""


@dataclass
class Section:
    """One section of the report (see the module notes)."""

    key: str
    title: str
    intro: str = ""
    blocks: list = field(default_factory=list)
    discuss: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    available: bool = True
    reason: str = ""
    seconds: float = 0.0


@dataclass
class Report:
    """Everything the page shows, as data."""

    title: str
    about: list
    contains: list
    leaves_out: list
    sections: list
    references: list
    settings: dict
    generated: str

    def section(self, key):
        """The section called ``key`` (``"overview"``, ``"roles"``...)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)
