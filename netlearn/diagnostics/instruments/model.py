"""What an instrument is once loaded: its :class:`Scale`, :class:`Dimension` s, :class:`Item` s and
the :class:`Instrument` that holds them, plus :class:`InstrumentError`, the error a faulty file gives.

Nothing here reads a file; :func:`netlearn.diagnostics.instruments.load_instrument` builds these
from YAML after checking it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ...display import result_html, table_for_learners
from ...errors import DataError

__all__ = ["Instrument", "Dimension", "Item", "Scale", "InstrumentError", "KINDS", "RESERVED_COLUMNS"]


#: The three kinds of instrument.
KINDS = ("matrix", "survey", "scale")


#: Column names that response files use for other things, so no item or dimension may have them.
RESERVED_COLUMNS = ("respondent", "group", "table", "member", "session", "saved_at", "dimension",
                    "current", "target", "priority")


class InstrumentError(DataError):
    """A mistake in an instrument file, located by line (as a text editor numbers it) and key.

    ``line`` is also available as ``row``, and ``key`` as ``column``, so the error can be handled
    like any other :class:`~netlearn.DataError`.

    >>> print(InstrumentError("the scale has no label for 3.", file="my.yaml", line=12,
    ...                       key="labels", fix="Add a line '3: ...' under labels."))
    my.yaml, line 12, key 'labels': the scale has no label for 3.
    How to fix it: Add a line '3: ...' under labels.
    """

    heading = "There is a problem with the instrument file"

    def __init__(self, problem, *, file=None, line=None, key=None, fix=None):
        self.line = line
        self.key = key
        super().__init__(problem, file=file, row=line, column=key, fix=fix)

    def _compose(self):
        where = [str(self.file)] if self.file else []
        if self.row is not None:
            where.append(f"line {self.row}")
        if self.column is not None:
            where.append(f"key '{self.column}'")
        text = (", ".join(where) + ": " if where else "") + self.problem
        if self.fix:
            text += f"\nHow to fix it: {self.fix}"
        return text


@dataclass(frozen=True)
class Scale:
    """The answer scale: whole numbers from ``min`` to ``max``, each with a label.

    Attributes
    ----------
    min, max : int
    labels : dict
        Point -> label, for every point.
    reverse_rule : str or None
        ``"max + min - x"`` when items may be reverse-keyed; None otherwise.
    """

    min: int
    max: int
    labels: dict
    reverse_rule: str | None = None

    @property
    def points(self):
        """Every point of the scale, lowest first."""
        return list(range(self.min, self.max + 1))

    @property
    def neutral(self):
        """The middle point (a float halfway between two points when the scale has an even number)."""
        return (self.min + self.max) / 2

    def reverse(self, x):
        """Turn an answer round: ``max + min - x`` (only on a scale with a reverse rule).

        >>> Scale(1, 5, {p: str(p) for p in range(1, 6)}, "max + min - x").reverse(2)
        4
        """
        if self.reverse_rule is None:
            raise ValueError("This scale defines no reverse rule, so no answer can be reverse-scored.")
        return self.max + self.min - x

    def label(self, point):
        """``"4 (Often true)"``: the point with its label."""
        return f"{point} ({self.labels[point]})"


@dataclass(frozen=True)
class Dimension:
    """One dimension: what several items (or, in a matrix, one row of levels) add up to."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Item:
    """One question. ``type`` is ``"rating"`` (an answer on the scale) or ``"text"`` (free text)."""

    id: str
    wording: str
    dimension: str | None = None
    reverse: bool = False
    type: str = "rating"


@dataclass
class Instrument:
    """A checked diagnostic instrument (see :func:`load_instrument`).

    Attributes
    ----------
    name : str
        The file name without ``.yaml``; response files saved by the widgets start with it.
    title, kind, source, credit, licence, version, notes : str
        As in the file (``kind`` is matrix, survey or scale).
    scale : Scale
    dimensions : tuple of Dimension
    items : tuple of Item
    levels : dict
        Matrix only: dimension id -> {level: descriptor}. Empty for surveys and scales.
    path : pathlib.Path
    """

    name: str
    title: str
    kind: str
    source: str
    licence: str
    scale: Scale
    dimensions: tuple
    items: tuple
    levels: dict = field(default_factory=dict)
    credit: str = ""
    version: str = ""
    notes: str = ""
    path: Path | None = None

    def __repr__(self):
        return (f"<Instrument {self.name!r}: {self.kind}, {len(self.dimensions)} dimensions, "
                f"{len(self.rating_items)} rating items, {len(self.text_items)} free-text items, scale "
                f"{self.scale.min}-{self.scale.max}>")

    def _repr_html_(self):
        """In Jupyter: what the instrument is, its dimensions, and where its wording comes from."""
        free = f" and {len(self.text_items)} free-text questions" if self.text_items else ""
        if self.kind == "matrix":
            sentence = (f"{self.title}: a maturity matrix of {len(self.dimensions)} dimensions, each placed at a "
                        f"level from {self.scale.min} to {self.scale.max}.")
        else:
            sentence = (f"{self.title}: a {'survey' if self.kind == 'survey' else 'rating scale'} of "
                        f"{len(self.dimensions)} dimensions, {len(self.rating_items)} questions answered from "
                        f"{self.scale.min} to {self.scale.max}{free}.")
        counts = pd.Series([sum(i.dimension == d.id for i in self.rating_items) for d in self.dimensions],
                           index=pd.Index([d.name for d in self.dimensions], name="dimension"), name="questions")
        table = "" if self.kind == "matrix" else table_for_learners(counts)._repr_html_()
        return result_html(sentence, {"source": self.source, "licence": self.licence, "file name": self.name},
                           extra_html=table, fold="Where the wording comes from")

    @property
    def dimension_ids(self):
        """Dimension ids in the file's order."""
        return [d.id for d in self.dimensions]

    @property
    def rating_items(self):
        """Items answered on the scale, in the file's order."""
        return [i for i in self.items if i.type == "rating"]

    @property
    def text_items(self):
        """Free-text items, in the file's order."""
        return [i for i in self.items if i.type == "text"]

    def dimension(self, dimension_id):
        """The :class:`Dimension` with this id."""
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    def item(self, item_id):
        """The :class:`Item` with this id."""
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(item_id)

    def items_of(self, dimension_id):
        """The rating items of one dimension."""
        return [i for i in self.rating_items if i.dimension == dimension_id]

    def describe(self):
        """One row per item: id, type, dimension, reverse-keyed or not, and wording.

        >>> from netlearn.diagnostics import load_instrument
        >>> load_instrument("curiosity_practice").describe().loc["st1", "dimension"]
        'stress_tolerance'
        """
        rows = [{"id": i.id, "type": i.type, "dimension": i.dimension or "", "reverse": i.reverse,
                 "wording": i.wording} for i in self.items]
        return pd.DataFrame(rows).set_index("id")

    def level_table(self):
        """Matrix only: one row per dimension, one column per level, holding the descriptors."""
        if self.kind != "matrix":
            raise ValueError(f"{self.name!r} is a {self.kind}; only a matrix has levels.")
        rows = {self.dimension(d).name: {f"{p} {self.scale.labels[p]}": self.levels[d][p] for p in self.scale.points}
                for d in self.dimension_ids}
        return pd.DataFrame.from_dict(rows, orient="index")

    def template(self):
        """An empty response table with the columns a response file for this instrument uses.

        >>> from netlearn.diagnostics import load_instrument
        >>> list(load_instrument("network_maturity_matrix").template().columns)
        ['table', 'member', 'dimension', 'current', 'target', 'priority']
        >>> list(load_instrument("curiosity_practice").template().columns)[:4]
        ['respondent', 'group', 'je1', 'je2']
        """
        if self.kind == "matrix":
            columns = ["table", "member", "dimension", "current", "target", "priority"]
        else:
            columns = ["respondent", "group"] + [i.id for i in self.items]
        return pd.DataFrame(columns=columns, dtype=object)
