"""The maturity-matrix conversation: what each table records, what to discuss first, and the room's picture.

The method (Source4Networks' maturity matrix, as taught in the masterclass; here applied to the
course's own matrix or any matrix file): members sit at tables of four to eight. For each
dimension each member says which level fits the network now (start at level 1 and move up only
while the description is true) and which level it should reach. Where members differ, the
table **records the lower level** and notes how far apart people were; the differences are
discussed, the table chooses its priorities and sets targets against the recorded levels. The
conversation is the point; the numbers only organise it.

Why the room summary is not sent through :mod:`netlearn.disclosure`: that step protects counts
of people in groups, which a reader could subtract from a total or from each other. The room
summary (:func:`room_summary`) publishes no count of people. Each of its rows holds how many
*tables* recorded a level or chose the dimension as a priority, and the median, lowest, highest
and spread of the tables' *agreed* levels and gaps; the number of members behind a row is used
only to decide whether to show the row (at least ``threshold`` members and ``min_tables``
tables), and is never printed. With no counts of people there is nothing to subtract: the same
tables with the same agreed levels give the same summary whether a table has two members or
eight (a test checks this). What a table's own guide shows (:func:`describe_table`: its size and
the spread of its members' levels) is the table's own record of a conversation its members held
together, and names no one.

The answers file, **long format** (one row per member and dimension):

=============  =========  ===================================================================
column         needed?    what it holds
=============  =========  ===================================================================
``table``      yes        the table's name or number
``member``     yes        a code for the member, unique within the table (never shown in results)
``dimension``  yes        a dimension id of the matrix (e.g. ``purpose``)
``current``    yes        the level the member thinks fits now (blank = not scored)
``target``     no         the level the member thinks the network should reach
``priority``   no         yes/no: the table chose this dimension as a priority; a yes on any of
                          the table's rows for the dimension counts; a table that leaves the
                          column blank throughout gets its largest gaps as priorities
``session``,   no         written by the course's widgets
``saved_at``
=============  =========  ===================================================================

or **wide format** (one row per member): ``table``, ``member`` and, for each dimension id ``d``,
``d_current``, ``d_target`` and ``d_priority`` (only the ``_current`` columns are needed).

>>> import pandas as pd
>>> rows = pd.DataFrame({"table": ["A", "A", "A"], "member": ["a1", "a2", "a3"],
...                      "purpose_current": [2, 4, 3], "purpose_target": [4, 4, 5]})
>>> talk = table_conversation(read_matrix(rows))
>>> talk[["table", "dimension"]].values.tolist()  # only the dimensions the file holds
[['A', 'purpose']]
>>> talk.loc[0, ["recorded", "lowest", "highest", "target", "gap"]].astype(int).tolist()
[2, 2, 4, 4, 2]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import DataError
from ..validation import parse_yes_no
from .instruments import Instrument, load_instrument
from .responses import _close, parse_point, read_tables
from .scoring import DEFAULT_THRESHOLD, suppressed_text

__all__ = ["MatrixResponses", "read_matrix", "table_conversation", "describe_table", "room_summary",
           "MATRIX_LONG_COLUMNS"]

#: Columns of the long format, in order.
MATRIX_LONG_COLUMNS = ("table", "member", "dimension", "current", "target", "priority", "session", "saved_at")
_NATURAL = re.compile(r"(\d+)")


def _natural(text):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in _NATURAL.split(str(text)) if p]


@dataclass
class MatrixResponses:
    """Checked maturity-matrix answers, in long form.

    Attributes
    ----------
    instrument : Instrument
    scores : DataFrame
        One row per table, member and dimension: ``table``, ``member``, ``dimension``, ``current``
        and ``target`` (floats, NaN = not given), ``priority`` (True, False or None), ``file`` and
        ``row`` (where it came from).
    label : str
    superseded : int
        Rows replaced by a later row for the same table, member and dimension (``keep="last"``).
    """

    instrument: Instrument
    scores: pd.DataFrame
    label: str = "matrix answers"
    superseded: int = 0

    def __repr__(self):
        tables = self.scores["table"].nunique()
        members = self.scores[["table", "member"]].drop_duplicates().shape[0]
        return f"<MatrixResponses to {self.instrument.name!r}: {tables} tables, {members} members, from {self.label}>"

    @property
    def tables(self):
        """Table names in natural order (Table 2 before Table 10)."""
        return sorted(self.scores["table"].unique(), key=_natural)


def _level_problem(text, what, dim, scale):
    points = f"{scale.min} to {scale.max}"
    try:
        value = parse_point(text)
    except ValueError:
        label = [p for p, lab in scale.labels.items() if lab.lower() == str(text).strip().lower()]
        hint = f"'{text}' is the name of level {label[0]}: write {label[0]}. " if label else ""
        return None, (f"'{text}' is not a level number; the {what} level of '{dim}' must be a whole number from "
                      f"{points}.", hint + f"Write the level's number ({points}), or leave the cell blank.")
    if value is not None and value not in scale.points:
        return None, (f"{text} is not a level of the matrix: the {what} level of '{dim}' must be a whole number "
                      f"from {points}.", f"Correct it to a level from {points}, or leave the cell blank.")
    return value, None


def _long_records(table, instrument):
    """Long-format (or wide-format, converted) records from one table, every cell checked."""
    columns = list(table.frame.columns)
    dims = instrument.dimension_ids
    long_format = "dimension" in columns
    if long_format:
        allowed = list(MATRIX_LONG_COLUMNS)
        required = ("table", "member", "dimension", "current")
    else:
        allowed = ["table", "member", "session", "saved_at"] + [f"{d}_{part}" for d in dims
                                                                for part in ("current", "target", "priority")]
        required = ("table", "member")
    for name in required:
        if name not in columns:
            raise DataError(
                f"there is no '{name}' column.", file=table.label, row=table.header_row,
                fix=_close(name, columns) + "A matrix file needs table, member, dimension and current columns (long "
                    "format) or table, member and <dimension>_current columns (wide format); see "
                    "datasets/responses/README.md.")
    for name in columns:
        if name not in allowed:
            hint = _close(name, allowed)
            if not hint and not long_format and name in dims:
                hint = f"In the wide format a dimension has columns '{name}_current' and '{name}_target'. "
            raise DataError(f"'{table.header(name)}' is not a column of a matrix file for '{instrument.name}'.",
                            file=table.label, row=table.header_row, column=table.header(name),
                            fix=hint + "Rename or delete it. Allowed columns: " + ", ".join(allowed[:12])
                                + (" ..." if len(allowed) > 12 else "") + ".")
    if not long_format and not any(c.endswith("_current") for c in columns):
        raise DataError("the file has no <dimension>_current column, so there are no levels to read.",
                        file=table.label, row=table.header_row,
                        fix="Add a column such as 'purpose_current' for each dimension.")
    frame = table.frame
    records = []
    for position, row in enumerate(table.rows):
        cells = {c: frame.iat[position, k] for k, c in enumerate(columns)}

        def fail(column, problem, fix):
            raise DataError(problem, file=table.label, row=row, column=table.header(column), fix=fix)

        for name in ("table", "member"):
            if not cells[name]:
                fail(name, f"this row has levels but no {name}.",
                     f"Fill in the {name} (a name or number is enough), or delete the row if it holds no answers.")
        if long_format:
            entries = [(cells["dimension"], {part: cells.get(part, "") for part in ("current", "target", "priority")},
                        {part: part for part in ("current", "target", "priority")})]
            if not cells["dimension"]:
                fail("dimension", "this row has no dimension.", "Write a dimension id: " + ", ".join(dims) + ".")
        else:
            entries = [(d, {part: cells.get(f"{d}_{part}", "") for part in ("current", "target", "priority")},
                        {part: f"{d}_{part}" for part in ("current", "target", "priority")}) for d in dims
                       if any(f"{d}_{part}" in cells for part in ("current", "target", "priority"))]
        for dim, parts, column_of in entries:
            if dim not in dims:
                fail("dimension", f"'{dim}' is not a dimension of '{instrument.name}'.",
                     _close(dim, dims, 0.5) + "The dimensions are: " + ", ".join(dims) + ".")
            record = {"table": cells["table"], "member": cells["member"], "dimension": dim,
                      "file": table.label, "row": row}
            for part in ("current", "target"):
                value, problem = _level_problem(parts[part], part, dim, instrument.scale)
                if problem:
                    fail(column_of[part], *problem)
                record[part] = math.nan if value is None else float(value)
            try:
                record["priority"] = parse_yes_no(parts["priority"])
            except ValueError:
                fail(column_of["priority"], f"'{parts['priority']}' is not yes or no.",
                     "Write yes if the table chose this dimension as a priority, no (or leave blank) otherwise.")
            if not long_format and all(math.isnan(record[p]) for p in ("current", "target")) \
                    and record["priority"] is None:
                continue  # a dimension this member left wholly blank in a wide file
            records.append(record)
    return records


def read_matrix(source, instrument="network_maturity_matrix", *, keep="error"):
    """Read and check the levels members gave at a maturity-matrix workshop (long or wide CSV).

    Parameters
    ----------
    source : str, pathlib.Path, list or DataFrame
        A CSV file, a folder of CSV files (read together, in name order), a list of files, or a
        DataFrame; long or wide format as described in the module description.
    instrument : Instrument or str
        The matrix (default: the course's own ``network_maturity_matrix``).
    keep : {"error", "last"}
        The same member giving the same dimension twice at a table: an error (default), or keep
        the later row (for files saved by the course's widgets, where people may save again).

    Returns
    -------
    MatrixResponses

    Raises
    ------
    DataError
        Naming file, row (as the spreadsheet numbers it; for a column problem, the row holding the
        column names) and column: a missing or unknown column, a blank table or member, an unknown
        dimension, a level that is not a whole number on the matrix's scale, a
        priority that is not yes/no, or a repeated table-member-dimension.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"table": ["A", "A"], "member": ["a1", "a2"], "dimension": ["impact", "impact"],
    ...                      "current": [1, 2], "target": [3, 3]})
    >>> read_matrix(rows)
    <MatrixResponses to 'network_maturity_matrix': 1 tables, 2 members, from the table of answers>
    >>> read_matrix(rows.assign(current=[1, 6]))
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: the table of answers, row 3, column 'current': 6 is not a level of the matrix: the current level of 'impact' must be a whole number from 1 to 5.
    How to fix it: Correct it to a level from 1 to 5, or leave the cell blank.

    Notes
    -----
    For a network leader: the member codes are only there to catch a row typed twice; no
    result of this module shows them.
    """
    if keep not in ("error", "last"):
        raise ValueError(f"keep={keep!r} is not one of ('error', 'last').")
    if not isinstance(instrument, Instrument):
        instrument = load_instrument(instrument)
    if instrument.kind != "matrix":
        raise ValueError(f"{instrument.name!r} is a {instrument.kind}, not a matrix; read its answers with "
                         "netlearn.diagnostics.read_responses().")
    tables, label = read_tables(source, "matrix answers")
    records = []
    for table in tables:
        records.extend(_long_records(table, instrument))
    kept, superseded = {}, 0
    for record in records:
        key = (record["table"], record["member"], record["dimension"])
        if key in kept:
            if keep == "error":
                first = kept[key]
                where = f"row {first['row']}" + (f" of {first['file']}" if first["file"] != record["file"] else "")
                raise DataError(
                    f"member '{key[1]}' at table '{key[0]}' already gave levels for '{key[2]}' in {where}.",
                    file=record["file"], row=record["row"], column="member",
                    fix="Delete the repeated row, or give the two people different member codes. For files saved "
                        "by the course's widgets, pass keep='last' to keep each member's latest answers.")
            superseded += 1
        kept[key] = record
    if not kept:
        raise DataError("the file holds no levels.", file=label, fix="Fill in at least one current level.")
    frame = pd.DataFrame(list(kept.values()), columns=["table", "member", "dimension", "current", "target",
                                                       "priority", "file", "row"])
    frame["priority"] = frame["priority"].astype(object)
    return MatrixResponses(instrument, frame, label, superseded)


def _median_level(values):
    """The median of levels, rounded down to a whole level (NaN if none)."""
    values = [v for v in values if not math.isnan(v)]
    return float(math.floor(float(np.median(values)))) if values else math.nan


def table_conversation(matrix, *, n_priorities=3):
    """Per table and dimension: the level to record, how far members differ, the target and the priorities.

    In words, for each table and dimension: **recorded** is the lowest current level any member
    gave (the lower-score rule); ``lowest``, ``highest``, ``range`` and ``at_level_<k>`` (how
    many members chose level k - counts only, never names) note the spread. ``target`` is the
    median of the members' targets rounded down to a whole level, as a starting point for the
    table to agree on, with ``target_low`` and ``target_high``; ``gap`` = target - recorded.
    ``discuss_order`` ranks the dimensions from most to least disagreement (largest range, then
    largest standard deviation, then the matrix's order): 1 is the one to talk about first.
    ``priority`` marks the table's priorities: if the table filled in the ``priority`` column
    (yes or no) for any dimension, the dimensions it marked yes (``priority_source`` =
    ``"chosen by the table"``); if it left that column blank throughout, the ``n_priorities``
    dimensions with the largest positive gaps (ties: larger range first, then the matrix's
    order; ``priority_source`` = ``"largest gaps"``).

    Only the dimensions that appear in the answers are listed; a dimension some tables scored
    and others did not has ``members`` 0 and missing levels at the tables that did not.

    Parameters
    ----------
    matrix : MatrixResponses
        From :func:`read_matrix`.
    n_priorities : int
        How many dimensions to suggest as priorities for a table that marked none (default 3).

    Returns
    -------
    DataFrame
        One row per table and dimension (tables in natural order, dimensions in the matrix's
        order): ``table``, ``dimension``, ``name``, ``members``, ``recorded``, ``lowest``,
        ``highest``, ``range``, ``at_level_1`` ... ``at_level_<max>``, ``target``,
        ``target_low``, ``target_high``, ``gap``, ``agreed`` (everyone chose the same level),
        ``discuss_order``, ``priority`` and ``priority_source``.

    Examples
    --------
    Table A scores purpose 2, 4, 3 and governance 3, 3, 3. Purpose is recorded at 2, the lowest;
    members span 2 levels, so it is discussed first. Targets 4, 4, 5 have median 4: gap 2.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"table": ["A"] * 3, "member": ["a1", "a2", "a3"],
    ...                      "purpose_current": [2, 4, 3], "purpose_target": [4, 4, 5],
    ...                      "governance_current": [3, 3, 3], "governance_target": [3, 4, 4]})
    >>> talk = table_conversation(read_matrix(rows), n_priorities=1)
    >>> talk[["dimension", "recorded", "range", "at_level_3", "gap", "discuss_order", "priority"]]
        dimension  recorded  range  at_level_3  gap  discuss_order  priority
    0     purpose         2      2           1    2              1      True
    1  governance         3      0           3    1              2     False

    Notes
    -----
    For a network leader: recording the lower level is deliberately cautious - the network is
    only as mature as its least convinced member experiences it. The spread matters more than
    the level: a table whose members span three levels on trust has found its first
    conversation. Ask those at either end what they have seen that others have not.
    """
    if isinstance(n_priorities, bool) or not isinstance(n_priorities, (int, np.integer)) or n_priorities < 0:
        raise ValueError(f"n_priorities must be a whole number (0 or more); got {n_priorities!r}.")
    instrument = matrix.instrument
    points = instrument.scale.points
    scores = matrix.scores
    present = set(scores["dimension"])
    rows = []
    for table in matrix.tables:
        at_table = scores[scores["table"] == table]
        table_rows = []
        for order, dim in enumerate(instrument.dimension_ids):
            if dim not in present:
                continue
            part = at_table[at_table["dimension"] == dim]
            current = part["current"].dropna()
            targets = part["target"].dropna()
            row = {"table": table, "dimension": dim, "name": instrument.dimension(dim).name,
                   "members": int(len(current))}
            if len(current):
                row.update(recorded=float(current.min()), lowest=float(current.min()), highest=float(current.max()),
                           range=float(current.max() - current.min()))
            else:
                row.update(recorded=math.nan, lowest=math.nan, highest=math.nan, range=math.nan)
            for p in points:
                row[f"at_level_{p}"] = int((current == p).sum())
            row["target"] = _median_level(list(targets))
            row["target_low"] = float(targets.min()) if len(targets) else math.nan
            row["target_high"] = float(targets.max()) if len(targets) else math.nan
            row["gap"] = row["target"] - row["recorded"]
            row["agreed"] = bool(len(current) and row["range"] == 0)
            row["_sd"] = float(current.std(ddof=0)) if len(current) else math.nan
            row["_order"] = order
            row["_marked"] = bool((part["priority"] == True).any())  # noqa: E712 - None and False both mean no
            row["_answered"] = bool(part["priority"].notna().any())
            table_rows.append(row)
        scored = [r for r in table_rows if r["members"]]
        for rank, r in enumerate(sorted(scored, key=lambda r: (-r["range"], -r["_sd"], r["_order"])), start=1):
            r["discuss_order"] = rank
        if any(r["_answered"] for r in table_rows):
            for r in table_rows:
                r["priority"], r["priority_source"] = r["_marked"], "chosen by the table"
        else:
            candidates = [r for r in table_rows if not math.isnan(r["gap"]) and r["gap"] > 0]
            chosen = sorted(candidates, key=lambda r: (-r["gap"], -r["range"], r["_order"]))[:n_priorities]
            chosen_ids = {r["dimension"] for r in chosen}
            for r in table_rows:
                r["priority"], r["priority_source"] = r["dimension"] in chosen_ids, "largest gaps"
        rows.extend(table_rows)
    columns = ["table", "dimension", "name", "members", "recorded", "lowest", "highest", "range",
               *[f"at_level_{p}" for p in points], "target", "target_low", "target_high", "gap", "agreed",
               "discuss_order", "priority", "priority_source"]
    frame = pd.DataFrame(rows)
    frame["discuss_order"] = frame.get("discuss_order", pd.Series(dtype=float))
    frame = frame[columns]
    for column in ("recorded", "lowest", "highest", "range", "target", "target_low", "target_high", "gap",
                   "discuss_order"):
        frame[column] = frame[column].astype(float)
        if frame[column].dropna().apply(float.is_integer).all():
            frame[column] = frame[column].astype("Int64")
    return frame


def describe_table(conversation, table, *, first=3):
    """The conversation guide for one table in plain words: what to record, what to discuss first, the priorities.

    Parameters
    ----------
    conversation : DataFrame
        From :func:`table_conversation`.
    table : str
        The table's name.
    first : int
        How many disagreements to list (at most; dimensions where everyone agreed are not listed).

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"table": ["A"] * 2, "member": ["a1", "a2"],
    ...                      "purpose_current": [2, 4], "purpose_target": [4, 4]})
    >>> print(describe_table(table_conversation(read_matrix(rows)), "A"))
    Table A (2 members): record Shared purpose at level 2 (members said 2 to 4).
    Discuss first: Shared purpose (levels 2 to 4).
    Priorities (largest gaps): Shared purpose (level 2 now, target 4).
    """
    part = conversation[(conversation["table"] == table) & (conversation["members"] > 0)]
    if part.empty:
        raise ValueError(f"There is no table {table!r} with levels; the tables are: "
                         f"{', '.join(map(str, conversation['table'].unique()))}.")
    size = int(part["members"].max())
    records = [f"{r.name} at level {int(r.recorded)}" + (f" (members said {int(r.lowest)} to {int(r.highest)})"
                                                          if r.range > 0 else "")
               for r in part.itertuples()]
    name = str(table) if str(table).lower().startswith("table") else f"Table {table}"
    lines = [f"{name} ({size} members): record " + "; ".join(records) + "."]
    split = part[part["range"] > 0].sort_values("discuss_order").head(first)
    if len(split):
        lines.append("Discuss first: " + "; ".join(f"{r.name} (levels {int(r.lowest)} to {int(r.highest)})"
                                                   for r in split.itertuples()) + ".")
    else:
        lines.append("Everyone chose the same level on every dimension: ask what evidence each level rests on.")
    chosen = part[part["priority"]]
    source = part["priority_source"].iloc[0]
    if len(chosen):
        lines.append(f"Priorities ({source}): " + "; ".join(
            f"{r.name} (level {int(r.recorded)} now" + (f", target {int(r.target)})" if not pd.isna(r.target) else ")")
            for r in chosen.itertuples()) + ".")
    else:
        lines.append("No priorities yet: no dimension has a target above its recorded level.")
    return "\n".join(lines)


def room_summary(conversation, *, min_tables=3, threshold=DEFAULT_THRESHOLD):
    """Across tables, per dimension: the room's median recorded level, its spread and how many tables prioritise it.

    In words: only each table's *recorded* level (the table's own agreed result, which it
    reports to the room) is used - never members' individual levels - and each dimension's row
    gives ``tables`` (how many recorded a level), ``median_recorded``, ``lowest_recorded``,
    ``highest_recorded``, ``iqr_recorded`` (spread across tables), ``median_gap`` and
    ``tables_prioritising``.

    Parameters
    ----------
    conversation : DataFrame or MatrixResponses
        From :func:`table_conversation` (or the answers, which are turned into it first).
    min_tables : int
        A dimension recorded by fewer tables than this (default 3) is suppressed.
    threshold : int
        A dimension scored by fewer members than this in the whole room (default 5) is
        suppressed.

    Returns
    -------
    DataFrame
        One row per dimension: ``dimension``, ``name``, the figures above (object columns: a
        suppressed cell holds words, e.g. ``"suppressed: fewer than 3 tables"``) and ``note``.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"table": list("AABBCC"), "member": ["1", "2"] * 3,
    ...                      "impact_current": [1, 2, 2, 2, 3, 4], "impact_target": [3, 3, 3, 4, 4, 4],
    ...                      "impact_priority": ["yes", "", "no", "no", "yes", ""]})
    >>> room = room_summary(table_conversation(read_matrix(rows)))
    >>> room.loc[room["dimension"] == "impact", ["tables", "median_recorded", "tables_prioritising"]].values.tolist()
    [[3, 2.0, 2]]

    Notes
    -----
    Why this protects individuals: within a table the members are in the room together and see
    each other's levels anyway, so the table view (:func:`table_conversation`) may show counts
    at each level for a table of any size. Outside the table only agreed table results are
    pooled, and only over at least ``min_tables`` tables and ``threshold`` members, so no row of
    the room summary is one table's - let alone one person's - result. Counts of members at each
    level are never pooled across tables, since a count of one at the bottom level would single
    someone out. (The heatmap of tables by dimensions shows each table's recorded levels: that
    is what tables report back in the room, and it names no one.)

    For a network leader: the room summary shows where the whole network sees itself, where
    tables disagree with each other (a wide spread across tables is itself a finding) and which
    dimensions many tables want to work on - a starting point for shared priorities.
    """
    from .scoring import _check_threshold

    _check_threshold(threshold)
    _check_threshold(min_tables)
    if isinstance(conversation, MatrixResponses):
        conversation = table_conversation(conversation)
    stats = ("tables", "median_recorded", "lowest_recorded", "highest_recorded", "iqr_recorded", "median_gap",
             "tables_prioritising")
    rows = []
    for dim in dict.fromkeys(conversation["dimension"]):
        part = conversation[(conversation["dimension"] == dim) & (conversation["members"] > 0)]
        row = {"dimension": dim, "name": conversation.loc[conversation["dimension"] == dim, "name"].iloc[0]}
        members = int(part["members"].sum())
        if len(part) < min_tables:
            row.update({s: suppressed_text(min_tables, "tables") for s in stats})
            row["note"] = f"recorded by {'no' if not len(part) else 'only ' + str(len(part))} table(s)"
        elif members < threshold:
            row.update({s: suppressed_text(threshold, "members") for s in stats})
            row["note"] = "too few members scored this dimension"
        else:
            recorded = part["recorded"].astype(float)
            gaps = part["gap"].astype(float).dropna()
            row.update({"tables": int(len(part)), "median_recorded": float(recorded.median()),
                        "lowest_recorded": float(recorded.min()), "highest_recorded": float(recorded.max()),
                        "iqr_recorded": float(recorded.quantile(0.75) - recorded.quantile(0.25)),
                        "median_gap": float(gaps.median()) if len(gaps) else math.nan,
                        "tables_prioritising": int(part["priority"].astype(bool).sum()), "note": ""})
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["dimension", "name", *stats, "note"])
    for column in stats:
        frame[column] = frame[column].astype(object)
    return frame
