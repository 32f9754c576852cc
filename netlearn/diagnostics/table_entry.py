"""The facilitator's record of a maturity-matrix conversation, typed in as tables report back.

During the matrix conversation each table agrees, for every dimension, the level that fits the
network now. Where its members differed the table records the lower level (the lower-score rule)
and notes how far apart people were; it also agrees a target and may choose the dimension as a
priority. When tables report back, the facilitator types what each table says into a
:class:`RoomEntries` (or the widget :func:`~netlearn.diagnostics.table_entry_view`), and the room
summary is worked out from it by the same functions as for saved answers
(:func:`~netlearn.diagnostics.table_conversation` and :func:`~netlearn.diagnostics.room_summary`).

What the facilitator types for a table and a dimension:

* **levels**: the level the table agreed (``3``), or the levels members gave when they differed:
  the lowest and highest (``2-4`` or ``2 to 4``) or every member's level (``2, 3, 4``). The
  table's recorded level is the lowest of them; the spread is highest minus lowest.
* **target** (optional): the one level the table wants the network to reach.
* **priority** (optional): yes if the table chose the dimension as one of its priorities. Only
  the priorities tables chose are counted, unless ``n_priorities`` asks for each silent table's
  largest gaps to be suggested.

Why no count of people is needed: the record holds only what each table said aloud to the room,
never one person's answers, so the room summary is shown once ``min_tables`` tables (default 3)
have reported a dimension, whatever the size of the tables.

Saving: :meth:`RoomEntries.save` writes to a file of its own in ``my_responses/``, named after the
matrix, the time of the first save and a random code, and never to a file that exists already;
each later save adds the whole record again below (a *snapshot*, numbered), so a crash or a
kernel restart loses nothing saved. :func:`load_entries` reads the latest snapshot back; the
reloaded record then saves to a new file of its own.

>>> room = RoomEntries(tables=["Table 1", "Table 2", "Table 3"])
>>> room.enter("Table 1", "purpose", "2-4", target=4)
>>> room.enter("Table 2", "purpose", "3", target=4)
>>> room.enter("Table 3", "purpose", "2, 3", target=3, priority=True)
>>> talk = room.conversation()
>>> talk[["table", "recorded", "range", "target"]].astype(str).values.tolist()
[['Table 1', '2', '2', '4'], ['Table 2', '3', '0', '4'], ['Table 3', '2', '1', '3']]
>>> room.room().loc[0, ["tables", "median_recorded", "iqr_recorded", "median_gap", "tables_prioritising"]].tolist()
[3, 2.0, 0.5, 1.0, 1]

Only the priorities tables chose are counted (Table 3's). To suggest each silent table's largest
gaps instead, as the summary of saved answers does, pass ``n_priorities=3``:

>>> room.room(n_priorities=3).loc[0, "tables_prioritising"]
3

Reference: the maturity-matrix method of Source4Networks (NHS England's Sustainable Improvement
Team), applied here to the course's own matrix or any matrix file in the same format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..errors import DataError, NetlearnError
from ..tables import read_table
from ..validation import parse_yes_no
from .instruments import Instrument, load_instrument
from .matrix import read_matrix, room_summary, table_conversation
from .responses import parse_point
from .saving import DEFAULT_FOLDER, append_rows, new_session_path

__all__ = ["EntryError", "TableReport", "RoomEntries", "parse_levels", "parse_target", "load_entries",
           "newest_record", "ENTRY_COLUMNS", "COURSE_MATRIX"]

#: The course's own maturity matrix (not the official Source4Networks instrument).
COURSE_MATRIX = "network_maturity_matrix"

#: Columns of a saved record, in order.
ENTRY_COLUMNS = ("snapshot", "saved_at", "matrix", "table", "dimension", "levels", "target", "priority")

_RANGE = re.compile(r"^\s*(\S+?)\s*(?:-|–|—|\bto\b)\s*(\S+)\s*$", re.IGNORECASE)
_LIST = re.compile(r"\s*(?:,|;|/|\band\b|\s)\s*", re.IGNORECASE)


class EntryError(NetlearnError, ValueError):
    """Something typed for a table that is not a level, a target or a table name the record can use.

    The message says which table and dimension, what was typed, and what to type instead.
    """

    heading = "That entry was not recorded"


@dataclass(frozen=True)
class TableReport:
    """What one table reported on one dimension.

    Attributes
    ----------
    levels : tuple of int
        The agreed level, or the levels members gave (at least the lowest and the highest).
    target : int or None
        The level the table wants to reach.
    priority : bool
        The table chose this dimension as a priority.
    """

    levels: tuple
    target: int | None = None
    priority: bool = False

    @property
    def recorded(self):
        """The level the table records: the lowest level given (the lower-score rule)."""
        return min(self.levels)

    @property
    def spread(self):
        """How many levels apart members were (0 when they agreed)."""
        return max(self.levels) - min(self.levels)

    def levels_text(self):
        """The levels as the record writes them: ``"3"``, ``"2 4"`` or ``"2 3 4"``."""
        return " ".join(str(v) for v in self.levels)


def _scale_words(scale):
    names = [scale.labels.get(p) for p in (scale.min, scale.max)]
    words = f" ({names[0]} to {names[1]})" if all(names) else ""
    return f"{scale.min} to {scale.max}{words}"


def _one_level(text, scale, where, what):
    """One level from text, with a plain message when it is not one."""
    text = str(text).strip()
    named = [p for p, label in scale.labels.items() if label.lower() == text.lower()]
    if named:
        raise EntryError(f"{where}: '{text}' is the name of level {named[0]}. Type the number {named[0]}.")
    try:
        value = parse_point(text)
    except ValueError:
        raise EntryError(f"{where}: '{text}' is not a level. Type {what} as a number from "
                         f"{_scale_words(scale)}.") from None
    if value is None:
        return None
    if not float(value).is_integer():
        lower = int(value // 1)
        raise EntryError(f"{where}: levels are whole numbers, so {text} is not one. When a table is between "
                         f"two levels it records the lower one: type {lower}.")
    if value not in scale.points:
        raise EntryError(f"{where}: {text} is not a level of this matrix. Levels go from {_scale_words(scale)}.")
    return int(value)


def parse_levels(text, scale, where="levels"):
    """The levels a table reported, from what the facilitator typed (blank gives None).

    ``3`` is an agreed level; ``2-4``, ``2 to 4`` (lowest and highest) or ``2, 3, 4`` (every
    member's level) say members differed. The levels are returned in the order typed.

    Parameters
    ----------
    text : str or int
    scale : Scale
        The matrix's scale (``instrument.scale``).
    where : str
        How messages name the entry, e.g. ``"Table 2, Shared purpose"``.

    Returns
    -------
    tuple of int, or None

    Raises
    ------
    EntryError
        With a plain message: not a number, not a whole number, off the scale.

    Examples
    --------
    >>> scale = load_instrument(COURSE_MATRIX).scale
    >>> parse_levels("3", scale), parse_levels("2-4", scale), parse_levels("4 to 2", scale)
    ((3,), (2, 4), (4, 2))
    >>> parse_levels("2, 3, 3", scale), parse_levels(" ", scale)
    ((2, 3, 3), None)
    >>> parse_levels("7", scale)
    Traceback (most recent call last):
    ...
    netlearn.diagnostics.table_entry.EntryError: levels: 7 is not a level of this matrix. Levels go from 1 to 5 (Emerging to Generative).
    """
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(text)
    if isinstance(text, (tuple, list)):
        parts = [str(t) for t in text]
    else:
        text = str(text).strip()
        if not text:
            return None
        match = _RANGE.match(text)
        parts = list(match.groups()) if match and not text.startswith("-") else [p for p in _LIST.split(text) if p]
    what = "each level"
    levels = tuple(_one_level(p, scale, where, what) for p in parts)
    if not levels or any(v is None for v in levels):
        raise EntryError(f"{where}: there is no level in '{text}'. Type a level from {_scale_words(scale)}, "
                         "or two levels such as 2-4 when members differed.")
    return levels


def parse_target(text, scale, where="target"):
    """The one target level a table agreed (blank gives None).

    >>> scale = load_instrument(COURSE_MATRIX).scale
    >>> parse_target("4", scale), parse_target("", scale)
    (4, None)
    >>> parse_target("3-4", scale)
    Traceback (most recent call last):
    ...
    netlearn.diagnostics.table_entry.EntryError: target: a target is one level, not '3-4'. Ask the table which one level it will aim for.
    """
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    if _RANGE.match(text) or len([p for p in _LIST.split(text) if p]) > 1:
        raise EntryError(f"{where}: a target is one level, not '{text}'. Ask the table which one level it will "
                         "aim for.")
    return _one_level(text, scale, where, "the target")


def _natural_name(existing, stem="Table"):
    k = 1
    while f"{stem} {k}" in existing:
        k += 1
    return f"{stem} {k}"


class RoomEntries:
    """The facilitator's record of what each table reported, and the room summary worked out from it.

    Parameters
    ----------
    instrument : Instrument or str
        The matrix: the course's own (default) or one loaded from a file in the same format.
    tables : int or list of str
        How many tables to start with (named Table 1, Table 2, ...) or their names.

    Examples
    --------
    >>> room = RoomEntries(tables=2)
    >>> room.tables
    ['Table 1', 'Table 2']
    >>> room.rename_table("Table 2", "Pharmacy table")
    >>> room.add_table()
    'Table 2'
    >>> room.enter("Pharmacy table", "impact", "1 to 3", target=3)
    >>> room.report("Pharmacy table", "impact").recorded
    1
    """

    def __init__(self, instrument=COURSE_MATRIX, tables=3):
        self.instrument = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
        if self.instrument.kind != "matrix":
            raise EntryError(f"'{self.instrument.name}' is a {self.instrument.kind}, not a maturity matrix. "
                             f"Use the course's own matrix ('{COURSE_MATRIX}') or a matrix file.")
        self._tables = []
        self._reports = {}
        self.path = None       # the file this record saves to (made on the first save)
        self.snapshots = 0     # saves made to that file
        for name in ([f"Table {k}" for k in range(1, tables + 1)] if isinstance(tables, int) else tables):
            self.add_table(name)

    def __repr__(self):
        return (f"<RoomEntries for {self.instrument.name!r}: {len(self._tables)} tables, "
                f"{len(self._reports)} reports>")

    # --- tables ---------------------------------------------------------------------------

    @property
    def tables(self):
        """The tables' names, in the order they were added."""
        return list(self._tables)

    @property
    def is_course_matrix(self):
        """True for the course's own matrix (to label it as such)."""
        return self.instrument.name == COURSE_MATRIX

    def _check_name(self, name, *, allow=None):
        name = str(name).strip()
        if not name:
            raise EntryError("A table needs a name: type one (a number is enough).")
        if len(name) > 40:
            raise EntryError(f"'{name[:40]}...' is too long for a table's name: keep it under 40 characters.")
        if name != allow and name.lower() in (t.lower() for t in self._tables if t != allow):
            raise EntryError(f"There is a table called '{name}' already: choose another name.")
        return name

    def add_table(self, name=None):
        """Add a table (named Table k, the first number free, if no name is given); returns its name."""
        name = _natural_name(self._tables) if name is None else self._check_name(name)
        self._tables.append(name)
        return name

    def rename_table(self, old, new):
        """Give a table a new name, keeping what it reported."""
        self._table(old)
        new = self._check_name(new, allow=old)
        self._tables[self._tables.index(old)] = new
        self._reports = {((new if t == old else t), d): r for (t, d), r in self._reports.items()}

    def _table(self, table):
        if table not in self._tables:
            raise EntryError(f"There is no table called '{table}'. The tables are: {', '.join(self._tables)}.")
        return table

    def dimension(self, dimension):
        """The matrix's dimension with this id or name (an EntryError if there is none)."""
        for dim in self.instrument.dimensions:
            if dimension in (dim.id, dim.name):
                return dim
        raise EntryError(f"'{dimension}' is not a dimension of this matrix. The dimensions are: "
                         + ", ".join(d.name for d in self.instrument.dimensions) + ".")

    # --- entries --------------------------------------------------------------------------

    def enter(self, table, dimension, levels, target=None, priority=False):
        """Record what a table reported on a dimension (blank levels remove the entry).

        Parameters
        ----------
        table : str
        dimension : str
            The dimension's id (``"purpose"``) or name (``"Shared purpose"``).
        levels : str, int or list
            See :func:`parse_levels`.
        target : str or int, optional
        priority : bool or str
            ``True`` or ``"yes"`` if the table chose the dimension as a priority.

        Raises
        ------
        EntryError
            Nothing is changed; the message says what to type instead.
        """
        self._table(table)
        dim = self.dimension(dimension)
        where = f"{table}, {dim.name}"
        parsed = parse_levels(levels, self.instrument.scale, where)
        goal = parse_target(target, self.instrument.scale, where + ", target")
        if isinstance(priority, str):
            try:
                chosen = bool(parse_yes_no(priority))
            except ValueError:
                raise EntryError(f"{where}: priority must be yes or no, not '{priority}'.") from None
        else:
            chosen = bool(priority)
        if parsed is None:
            if goal is not None or chosen:
                raise EntryError(f"{where}: type the table's level as well as its target or priority.")
            self._reports.pop((table, dim.id), None)
            return
        self._reports[(table, dim.id)] = TableReport(parsed, goal, chosen)

    def clear(self, table, dimension):
        """Remove what a table reported on a dimension."""
        self._reports.pop((self._table(table), self.dimension(dimension).id), None)

    def report(self, table, dimension):
        """The :class:`TableReport` of a table on a dimension, or None."""
        return self._reports.get((self._table(table), self.dimension(dimension).id))

    @property
    def reports(self):
        """Every report, in table order then the matrix's order of dimensions: ``[(table, dim_id, report)]``."""
        order = {d: k for k, d in enumerate(self.instrument.dimension_ids)}
        keys = sorted(self._reports, key=lambda k: (self._tables.index(k[0]), order[k[1]]))
        return [(t, d, self._reports[(t, d)]) for t, d in keys]

    # --- what the room sees ---------------------------------------------------------------

    def answers(self):
        """The reports as long-format matrix answers: one row per level a table reported.

        Each reported level becomes a row (``member`` = ``reported 1``, ``reported 2``, ...) carrying
        the table's target and priority, so that :func:`~netlearn.diagnostics.table_conversation`
        applies the lower-score rule, the spread and the priorities exactly as for members' answers.
        """
        rows = []
        for table, dim, report in self.reports:
            for k, level in enumerate(report.levels, start=1):
                rows.append({"table": table, "member": f"reported {k}", "dimension": dim, "current": str(level),
                             "target": "" if report.target is None else str(report.target),
                             "priority": "yes" if report.priority else ""})
        return pd.DataFrame(rows, columns=["table", "member", "dimension", "current", "target", "priority"])

    def conversation(self, *, n_priorities=0):
        """Per table and dimension, from :func:`~netlearn.diagnostics.table_conversation`.

        The columns that count members (``members``, ``at_level_<k>``) are left out: they would
        count the levels typed in, not people. Empty (a DataFrame with no rows) until a level is entered.
        """
        if not self._reports:
            return pd.DataFrame(columns=["table", "dimension", "name", "recorded", "lowest", "highest", "range",
                                         "target", "gap", "discuss_order", "priority", "priority_source"])
        talk = table_conversation(read_matrix(self.answers(), self.instrument), n_priorities=n_priorities)
        talk = talk[talk["members"] > 0]
        keep = [c for c in talk.columns if c != "members" and not c.startswith("at_level_")]
        order = {t: k for k, t in enumerate(self._tables)}
        talk = talk.sort_values("table", key=lambda s: s.map(order), kind="stable")
        return talk[keep].reset_index(drop=True)

    def room(self, *, min_tables=3, n_priorities=0):
        """The room summary (:func:`~netlearn.diagnostics.room_summary`) of every dimension reported so far.

        A dimension reported by fewer than ``min_tables`` tables shows a note instead of figures.
        ``n_priorities`` (default 0: only the priorities tables chose) is passed to
        :func:`~netlearn.diagnostics.table_conversation`.
        """
        if not self._reports:
            return room_summary(pd.DataFrame(columns=["dimension", "name", "members"]), min_tables=min_tables)
        talk = table_conversation(read_matrix(self.answers(), self.instrument), n_priorities=n_priorities)
        return room_summary(talk, min_tables=min_tables, threshold=1)

    def discuss_first(self):
        """For each table that reported a spread: the dimension to talk about first, in words.

        >>> room = RoomEntries(tables=1)
        >>> room.enter("Table 1", "purpose", "2-3"); room.enter("Table 1", "impact", "1-4")
        >>> room.discuss_first()
        ['Table 1: Impact (members said 1 to 4)']
        """
        talk = self.conversation()
        lines = []
        for table in self._tables:
            part = talk[(talk["table"] == table) & (talk["range"] > 0)]
            if len(part):
                first = part.sort_values("discuss_order").iloc[0]
                lines.append(f"{table}: {first['name']} (members said {int(first['lowest'])} to "
                             f"{int(first['highest'])})")
        return lines

    # --- saving and loading ---------------------------------------------------------------

    def rows(self, snapshot, saved_at):
        """The record as rows of a saved file (``ENTRY_COLUMNS``); a table with no reports gets one row."""
        rows, reported = [], set()
        for table, dim, report in self.reports:
            reported.add(table)
            rows.append([snapshot, saved_at, self.instrument.name, table, dim, report.levels_text(),
                         report.target, "yes" if report.priority else ""])
        for table in self._tables:
            if table not in reported:
                rows.append([snapshot, saved_at, self.instrument.name, table, "", "", None, ""])
        order = {t: k for k, t in enumerate(self._tables)}
        return sorted(rows, key=lambda r: order[r[3]])

    def save(self, folder=DEFAULT_FOLDER, *, now=None):
        """Save the whole record; returns the file.

        The first save creates a new file (``<matrix>_room_<time>_<code>.csv``) that no other file
        has the name of; later saves add the record again below, as the next snapshot. Nothing is
        ever written over.
        """
        now = now or datetime.now()
        if self.path is None:
            path = new_session_path(folder, f"{self.instrument.name}_room", now=now)
            append_rows(path, list(ENTRY_COLUMNS), self.rows(1, now.isoformat(timespec="seconds")),
                        create_only=True)
            self.path, self.snapshots = path, 1
        else:
            self.snapshots += 1
            append_rows(self.path, list(ENTRY_COLUMNS), self.rows(self.snapshots, now.isoformat(timespec="seconds")))
        return self.path


def load_entries(path, instrument=None):
    """Read a saved record back (its latest snapshot) into a new :class:`RoomEntries`.

    Parameters
    ----------
    path : str or pathlib.Path
        A file saved by :meth:`RoomEntries.save` (or by the widget).
    instrument : Instrument or str, optional
        The matrix; by default the one named in the file (a matrix loaded from elsewhere must be
        passed again).

    Returns
    -------
    RoomEntries
        Not linked to ``path``: its next save goes to a new file.

    Raises
    ------
    DataError
        Naming the file, row and column of anything that cannot be read back.

    Examples
    --------
    >>> import tempfile
    >>> room = RoomEntries(tables=["Red", "Blue"])
    >>> room.enter("Red", "learning", "2-3", target=4, priority=True)
    >>> again = load_entries(room.save(tempfile.mkdtemp()))
    >>> again.tables, again.report("Red", "learning")
    (['Red', 'Blue'], TableReport(levels=(2, 3), target=4, priority=True))
    """
    table = read_table(path)
    frame, label = table.frame, table.label
    for name in ENTRY_COLUMNS:
        if name not in frame.columns:
            raise DataError(f"there is no '{name}' column, so this is not a record saved by the table-entry view.",
                            file=label, row=table.header_row,
                            fix="Choose a file whose name contains '_room_' in the folder the view saved to.")
    snapshots = []
    for position, row in enumerate(table.rows):
        try:
            snapshots.append(int(frame["snapshot"].iat[position]))
        except ValueError:
            raise DataError(f"'{frame['snapshot'].iat[position]}' is not a snapshot number.", file=label, row=row,
                            column=table.header("snapshot"),
                            fix="Use the file as the view saved it; an edited copy may be read wrongly.") from None
    latest = max(snapshots)
    names = {frame["matrix"].iat[k] for k, s in enumerate(snapshots) if s == latest}
    if instrument is not None:
        instrument = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
        if names != {instrument.name}:
            raise DataError(f"this record was saved for the matrix '{', '.join(sorted(names))}', not "
                            f"'{instrument.name}'.", file=label, column="matrix",
                            fix="Load it with the matrix it was saved for, or choose a record saved for this one.")
    else:
        try:
            instrument = load_instrument(next(iter(names)))
        except Exception:
            raise DataError(f"the matrix '{next(iter(names))}' named in the file is not one of the course's.",
                            file=label, column="matrix",
                            fix="Load the matrix file you used and pass it: load_entries(path, instrument).") from None
    room = RoomEntries(instrument, tables=[])
    for position, row in enumerate(table.rows):
        if snapshots[position] != latest:
            continue
        cell = {c: frame[c].iat[position] for c in ENTRY_COLUMNS}
        try:
            if cell["table"] not in room.tables:
                room.add_table(cell["table"])
            if cell["dimension"]:
                room.enter(cell["table"], cell["dimension"], cell["levels"], cell["target"], cell["priority"])
        except EntryError as error:
            text = str(error)
            column = ("dimension" if "is not a dimension" in text else "target" if ", target: " in text
                      else "priority" if "priority must be" in text else "table" if "table" in text.split(":")[0]
                      and not cell["dimension"] else "levels")
            raise DataError(text, file=label, row=row, column=table.header(column),
                            fix="Correct the cell, or load an earlier saved file.") from None
    return room


def newest_record(folder=DEFAULT_FOLDER, instrument_name=COURSE_MATRIX):
    """The most recently saved record in ``folder`` for a matrix, or None.

    >>> import tempfile
    >>> newest_record(tempfile.mkdtemp()) is None
    True
    """
    files = sorted(Path(folder).glob(f"{instrument_name}_room_*.csv"), key=lambda p: p.stat().st_mtime_ns)
    return files[-1] if files else None
