"""Checking members, ties and relations tables, and turning their text into typed columns.

The rules, in the order they are checked (each failure is a :class:`~netlearn.DataError` naming
file, row and column, and saying how to fix it):

members
    ``id`` column present (close misspellings are suggested); no blank ids; no id used twice.
    ``formal_leader`` and any column holding only yes/no words become true/false; columns holding
    only numbers become numbers, except category and id-like columns (``group``, ``sector``,
    ``staff_no``, ...) and any column with a leading zero (``"007"``), which stay text so that
    ``"01"`` and ``"1"`` remain different; everything else stays text. Blank cells are missing values.
ties
    ``source`` and ``target`` present and never blank; both name a member (a member's *name* used
    instead of an id is pointed out); no tie from a member to themself; ``weight``, if present, is a
    number in every row and inside the relation's declared range; each relation's direction is
    known; relation names differing only in capitals are refused (``Knows`` suggests ``knows``); a
    pair named in both directions in an undirected relation is merged into one tie and counted (see
    :mod:`netlearn.nominations`); no tie is listed twice in the same direction. An id that differs
    from a member's only by leading zeros (``7`` and ``007``) is explained.
relations
    one row per relation; ``directed`` is yes or no; ``weight_min`` <= ``weight_max``;
    ``mutual_weight``, if given, is mean, min, max or sum, for an undirected relation.

Nothing is dropped or changed silently: a rule either passes or stops with an explanation.
"""

from __future__ import annotations

import difflib
import re

import numpy as np
import pandas as pd

from .errors import DataError
from .nominations import merge_mutual_ties, mutual_rule
from .tables import Table, normalise_header, rows_above_header_fix

__all__ = ["KNOWN_RELATIONS", "CATEGORY_COLUMNS", "keeps_text", "parse_yes_no", "build_members",
           "build_relations", "build_ties"]

#: Relations whose direction the course knows without being told. A user's own relation names
#: must be declared (a ``relations.csv``, a ``directed`` column, or ``directed=...``).
KNOWN_RELATIONS = {
    "knows": False,
    "advice": True,
    "energy": True,
    "leadership": True,
    "marriage": False,
    "friendship": False,
    "collaborates": False,
    "interaction": False,
    "tie": False,
}

_TRUE = {"yes", "y", "true", "t"}
_FALSE = {"no", "n", "false", "f"}
_BOOLEAN_WORDS = _TRUE | _FALSE


def parse_yes_no(text):
    """Read a yes/no cell: yes/y/true/t and no/n/false/f in any case; blank is missing (None).

    >>> [parse_yes_no(x) for x in ["Yes", "n", "TRUE", ""]]
    [True, False, True, None]
    """
    word = str(text).strip().lower()
    if word == "":
        return None
    if word in _TRUE or word == "1":
        return True
    if word in _FALSE or word == "0":
        return False
    raise ValueError(word)


def _header_lower_down(table, column):
    """Position in ``table.frame`` of a row among the first five that holds ``column`` as a cell."""
    for position, record in enumerate(table.frame.head(5).itertuples(index=False, name=None)):
        if column in {normalise_header(cell) for cell in record if cell}:
            return position
    return None


def _require_columns(table: Table, required, *, other_file_hint=None):
    present = list(table.frame.columns)
    for column in required:
        if column in present:
            continue
        lower = _header_lower_down(table, column)
        if lower is not None:
            above = list(range(table.header_row, table.rows[lower]))
            raise DataError(f"the required column '{column}' is not in the first row, but row {table.rows[lower]} "
                            "seems to hold the column names.", file=table.label, row=table.header_row,
                            fix=rows_above_header_fix(above, list(table.frame.iloc[lower])))
        close = difflib.get_close_matches(column, present, n=1, cutoff=0.6)
        if close:
            fix = f"Rename the column '{table.header(close[0])}' to '{column}'."
        else:
            fix = f"Add a column named '{column}' (the first row holds the column names)."
        if other_file_hint and other_file_hint(present):
            fix += " This looks like a different kind of table: were the two files swapped?"
        written = ", ".join(repr(table.header(c)) for c in present)
        raise DataError(f"the required column '{column}' is missing (found: {written}).",
                        file=table.label, row=table.header_row, fix=fix)


def _blank_rows(table, column):
    mask = table.frame[column] == ""
    return [table.rows[i] for i in np.flatnonzero(mask.to_numpy())]


def _raise_for_rows(rows, problem, table, column, fix):
    if rows:
        raise DataError(problem, file=table.label, row=rows[0], column=table.header(column), fix=fix,
                        more_rows=rows[1:])


#: Columns that name categories: kept as text even when every value is a number ("1", "2"), so
#: that a group "01" stays apart from a group "1" and no one averages group numbers.
CATEGORY_COLUMNS = {"group", "team", "sector", "stakeholder", "organisation", "organization", "kind",
                    "region", "role", "profession", "department", "site", "ward", "locality", "code",
                    "postcode", "practice"}
_ID_LIKE = re.compile(r"(^|_)(id|no|number|num|code|ref|reference)$|^id_")
_LEADING_ZERO = re.compile(r"^[+-]?0\d")


def keeps_text(name, values=()):
    """True if a column must stay text although its values look like numbers.

    That is a category column (:data:`CATEGORY_COLUMNS`), an id-like name (``staff_no``,
    ``nhs_number``, ``org_code``, ``team_id``), or any value with a leading zero (``"007"``): turning
    it into a number would drop the zeros and merge values that differ.

    >>> keeps_text("group"), keeps_text("staff_no"), keeps_text("years", ["3", "012"]), keeps_text("years", ["3"])
    (True, True, True, False)
    """
    return name in CATEGORY_COLUMNS or bool(_ID_LIKE.search(name)) or \
        any(_LEADING_ZERO.match(v) for v in values)


def _typed_column(series, name, table, *, boolean=False):
    """Convert a text column: yes/no words -> boolean, numbers -> numeric, else text.

    Category and id-like columns, and any column with a leading zero, stay text (:func:`keeps_text`).
    """
    values = series.to_numpy()
    filled = [v for v in values if v != ""]
    if boolean or (filled and all(v.lower() in _BOOLEAN_WORDS for v in filled)):
        out = []
        for position, value in enumerate(values):
            try:
                out.append(parse_yes_no(value))
            except ValueError:
                raise DataError(f"'{value}' is not a yes/no value.", file=table.label,
                                row=table.rows[position], column=table.header(name),
                                fix="Write yes or no (or leave the cell blank if not known).") from None
        return pd.array(out, dtype="boolean")
    if filled and not keeps_text(name, filled):
        numbers = pd.to_numeric(pd.Series(values).replace("", np.nan), errors="coerce")
        if numbers.notna().sum() == len(filled):
            if numbers.notna().all() and (numbers % 1 == 0).all():
                return numbers.astype("int64").to_numpy()
            return numbers.to_numpy(dtype=float)
    return pd.array([v if v != "" else pd.NA for v in values], dtype="string")


def _lost_leading_zeros(value, ids):
    """The member id that ``value`` equals once leading zeros are ignored ('7' and '007'), if any."""
    if not value.isdigit():
        return None
    same = [i for i in ids if i.isdigit() and i != value and i.lstrip("0") == value.lstrip("0")]
    return same[0] if len(same) == 1 else None


def build_members(table: Table) -> pd.DataFrame:
    """Check a members table and return it typed, with ``id`` as text.

    >>> from netlearn.tables import table_from_frame
    >>> t = table_from_frame(pd.DataFrame({"id": ["a", "b"], "formal_leader": ["yes", ""],
    ...                                    "years": ["3", "10"]}), label="members.csv")
    >>> m = build_members(t)
    >>> m["formal_leader"].tolist(), m["years"].tolist()
    ([True, <NA>], [3, 10])
    """
    _require_columns(table, ["id"], other_file_hint=lambda cols: "source" in cols and "target" in cols)
    frame = table.frame
    _raise_for_rows(_blank_rows(table, "id"), "the member id is blank.", table, "id",
                    "Every member needs an id; fill it in, or delete the row if it is not a member.")
    duplicated = frame["id"].duplicated(keep=False).to_numpy()
    if duplicated.any():
        positions = np.flatnonzero(duplicated)
        first = frame["id"].iloc[positions[0]]
        same = [table.rows[i] for i in positions if frame["id"].iloc[i] == first]
        raise DataError(
            f"the id '{first}' is used by {len(same)} rows (rows {', '.join(map(str, same))}).",
            file=table.label, row=same[1], column=table.header("id"),
            fix="Ids must be unique: give each member their own id, or merge the rows if they are the "
                "same member.")
    out = {"id": pd.array(frame["id"].tolist(), dtype="string")}
    for column in frame.columns:
        if column != "id":
            out[column] = _typed_column(frame[column], column, table, boolean=(column == "formal_leader"))
    return pd.DataFrame(out)


def build_relations(table: Table) -> pd.DataFrame:
    """Check a relations table (``relation``, ``directed`` and optional weight range and wording).

    Returns a DataFrame indexed by relation with columns ``directed`` (bool), ``description``,
    ``weight_min``, ``weight_max`` (float, NaN when open), ``weight_meaning`` and
    ``mutual_weight`` (how to combine two weights of a pair named by both people: mean, min, max,
    sum, or blank; see :mod:`netlearn.nominations`).
    """
    _require_columns(table, ["relation", "directed"])
    frame = table.frame
    _raise_for_rows(_blank_rows(table, "relation"), "the relation name is blank.", table, "relation",
                    "Write the relation's name as used in the ties file, or delete the row.")
    records = []
    seen = {}
    for position, row in enumerate(frame.to_dict("records")):
        number = table.rows[position]
        name = row["relation"]
        if name in seen:
            raise DataError(f"the relation '{name}' is declared twice (rows {seen[name]} and {number}).",
                            file=table.label, row=number, column=table.header("relation"),
                            fix="Keep one row per relation.")
        seen[name] = number
        try:
            directed = parse_yes_no(row["directed"])
        except ValueError:
            directed = None
        if directed is None:
            raise DataError(f"'{row['directed']}' does not say whether '{name}' is directed.",
                            file=table.label, row=number, column=table.header("directed"),
                            fix="Write yes if a tie from A to B is not the same as from B to A "
                                "(e.g. 'asks for advice'), no if it is mutual (e.g. 'knows').")
        bounds = []
        for column in ("weight_min", "weight_max"):
            value = row.get(column, "")
            try:
                bounds.append(float(value.replace(",", ".")) if value else np.nan)
            except ValueError:
                raise DataError(f"'{value}' is not a number.", file=table.label, row=number,
                                column=table.header(column),
                                fix="Write a number, or leave it blank for no limit.") from None
        if not np.isnan(bounds[0]) and not np.isnan(bounds[1]) and bounds[0] > bounds[1]:
            raise DataError(f"weight_min ({bounds[0]:g}) is larger than weight_max ({bounds[1]:g}).",
                            file=table.label, row=number, column=table.header("weight_min"),
                            fix="Swap the two values.")
        rule = mutual_rule(row.get("mutual_weight", ""), file=table.label, row=number,
                           column=table.header("mutual_weight"))
        if rule and directed:
            raise DataError(f"'{name}' is directed, so its pairs are never merged and mutual_weight has no use.",
                            file=table.label, row=number, column=table.header("mutual_weight"),
                            fix="Leave mutual_weight blank for directed relations (it says how to combine the "
                                "two answers of a pair named by both people in an undirected relation).")
        records.append({"relation": name, "directed": directed,
                        "description": row.get("description", "") or "",
                        "weight_min": bounds[0], "weight_max": bounds[1],
                        "weight_meaning": row.get("weight_meaning", "") or "",
                        "mutual_weight": rule or ""})
    return pd.DataFrame.from_records(records).set_index("relation")


def _declared_relations(table, names, relations, directed):
    """Decide each relation's direction; return a relations DataFrame covering ``names``.

    Precedence: a relations table, then the ``directed`` argument, then a ``directed`` column in
    the ties, then the course's usual relations (:data:`KNOWN_RELATIONS`). A ``directed`` column
    that contradicts an explicit declaration is an error (see ``_check_direction_column``).
    """
    if relations is None:
        relations = pd.DataFrame(columns=["directed", "description", "weight_min", "weight_max",
                                          "weight_meaning"]).rename_axis("relation")
    rows = []
    direction_column = "directed" in table.frame.columns
    for name in names:
        if name in relations.index:
            continue
        decided = _direction_from_column(table, name) if direction_column else None
        if isinstance(directed, dict) and name in directed:
            rows.append((name, bool(directed[name])))
        elif isinstance(directed, bool):
            rows.append((name, directed))
        elif decided is not None:
            rows.append((name, decided))
        elif name in KNOWN_RELATIONS:
            rows.append((name, KNOWN_RELATIONS[name]))
        else:
            first = table.rows[int(np.flatnonzero((table.frame["relation"] == name).to_numpy())[0])]
            known = list(dict.fromkeys([*relations.index, *KNOWN_RELATIONS]))
            same = [k for k in known if k.lower() == name.strip().lower()]
            close = same or difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.75)
            hint = (f"Did you mean '{close[0]}'? Relation names must match exactly, capitals included: write "
                    f"'{close[0]}' in every row of this relation. Otherwise, s") if close else "S"
            raise DataError(
                f"the relation '{name}' is not declared, so it is not known whether it is directed.",
                file=table.label, row=first, column=table.header("relation"),
                fix=f"{hint}ay it when reading: read_network(..., directed={{'{name}': True}}) if a tie from A "
                    f"to B differs from B to A, or False if ties are mutual; or add a relations.csv, or a "
                    f"'directed' column with yes/no.")
    if rows:
        extra = pd.DataFrame({"directed": [d for _, d in rows], "description": "",
                              "weight_min": np.nan, "weight_max": np.nan, "weight_meaning": ""},
                             index=pd.Index([n for n, _ in rows], name="relation"))
        relations = extra if relations.empty else pd.concat([relations, extra])
    return relations


def build_ties(table: Table, members: pd.DataFrame, *, members_label="members.csv", relations=None,
               directed=None, mutual_weight=None):
    """Check a ties table against the members; return ``(ties, relations)`` typed.

    Parameters
    ----------
    table : Table
        The ties as read by :func:`netlearn.tables.read_table`.
    members : DataFrame
        The members as returned by :func:`build_members`.
    relations : DataFrame, optional
        Declared relations from :func:`build_relations`.
    directed : bool or dict, optional
        Direction for relations not declared elsewhere: one bool for all, or ``{relation: bool}``.
    mutual_weight : str or dict, optional
        How to combine two different weights of a pair named by both people in an undirected
        relation (``"mean"``, ``"min"``, ``"max"`` or ``"sum"``), for relations whose
        ``mutual_weight`` is not declared in ``relations``; see :mod:`netlearn.nominations`.

    Returns
    -------
    (DataFrame, DataFrame)
        The ties (a pair named by both people in an undirected relation merged into one row) and
        the relations, with ``named_by_both`` and ``named_by_one`` counts.
    """
    _require_columns(table, ["source", "target"], other_file_hint=lambda cols: "id" in cols)
    frame = table.frame.copy()
    if "relation" not in frame.columns:
        frame["relation"] = "tie"
    for column in ("source", "target"):
        _raise_for_rows(_blank_rows(table, column), f"the {column} is blank.", table, column,
                        "Every tie needs both ends: fill in the member id, or delete the row.")
    if "relation" in table.frame.columns:
        _raise_for_rows(_blank_rows(table, "relation"), "the relation is blank.", table, "relation",
                        "Write which relation this tie belongs to (e.g. knows, advice).")

    # Unknown members (and names used where ids belong).
    ids = set(members["id"].tolist())
    names = {}
    if "name" in members.columns:
        for member_id, name in zip(members["id"], members["name"]):
            if isinstance(name, str):
                names.setdefault(name.strip().lower(), []).append(member_id)
    for column in ("source", "target"):
        unknown = ~frame[column].isin(ids).to_numpy()
        if unknown.any():
            positions = np.flatnonzero(unknown)
            value = frame[column].iloc[positions[0]]
            matches = names.get(value.lower(), [])
            zeros = _lost_leading_zeros(value, ids)
            if len(matches) == 1:
                fix = f"'{value}' is a member's name; ties use ids. Write '{matches[0]}' instead."
            elif zeros:
                fix = (f"Did you mean '{zeros}'? Spreadsheet programs drop leading zeros: opening a CSV file "
                       f"turns '{zeros}' into the number {value}, and saving it writes '{value}'. Write '{zeros}' "
                       "here; to keep the zeros, format the id columns as Text before typing or pasting ids "
                       "(select the columns, then Format Cells > Text), or open the file with Data > From "
                       "Text/CSV and set those columns to Text. Ids are always compared as text.")
            else:
                close = difflib.get_close_matches(value, sorted(ids), n=1)
                fix = (f"Did you mean '{close[0]}'? " if close else "") + \
                    f"Check the spelling, or add a row for '{value}' to {members_label}."
            raise DataError(f"'{value}' is not the id of any member in {members_label}.",
                            file=table.label, row=table.rows[positions[0]], column=table.header(column),
                            fix=fix, more_rows=[table.rows[i] for i in positions[1:]])

    selfties = (frame["source"] == frame["target"]).to_numpy()
    if selfties.any():
        positions = np.flatnonzero(selfties)
        raise DataError(f"this tie goes from '{frame['source'].iloc[positions[0]]}' to themself.",
                        file=table.label, row=table.rows[positions[0]], column=table.header("target"),
                        fix="A tie links two different members: correct the target, or delete the row.",
                        more_rows=[table.rows[i] for i in positions[1:]])

    relation_names = list(dict.fromkeys(frame["relation"].tolist()))
    _refuse_names_differing_in_capitals(table, frame, relation_names)
    relations = _declared_relations(table, relation_names, relations, directed)
    _check_direction_column(table, frame, relations)

    out = pd.DataFrame({
        "source": pd.array(frame["source"].tolist(), dtype="string"),
        "target": pd.array(frame["target"].tolist(), dtype="string"),
        "relation": pd.array(frame["relation"].tolist(), dtype="string"),
    })
    if "weight" in frame.columns:
        out["weight"] = _weights(table, frame, relations)
    for column in frame.columns:
        if column not in ("source", "target", "relation", "weight", "directed"):
            out[column] = _typed_column(frame[column], column, table)
    return merge_mutual_ties(table, out, relations.loc[relation_names], mutual_weight=mutual_weight)


def _refuse_names_differing_in_capitals(table, frame, names):
    seen = {}
    for name in names:
        other = seen.setdefault(name.lower(), name)
        if other != name:
            first = table.rows[int(np.flatnonzero((frame["relation"] == name).to_numpy())[0])]
            raise DataError(f"the relations '{other}' and '{name}' differ only in capitals, so they would be read "
                            "as two different relations.", file=table.label, row=first,
                            column=table.header("relation"),
                            fix=f"Write '{other}' in every row of this relation (or '{name}' in every row).")


def _direction_from_column(table, name):
    """The direction a ``directed`` column gives a relation, or None if its cells are all blank."""
    frame = table.frame
    positions = np.flatnonzero((frame["relation"] == name).to_numpy()) if "relation" in frame else \
        range(len(frame))
    first = None
    for position in positions:
        word = frame["directed"].iloc[position]
        try:
            value = parse_yes_no(word)
        except ValueError:
            raise DataError(f"'{word}' is not yes or no.", file=table.label, row=table.rows[position],
                            column=table.header("directed"),
                            fix="Write yes for a directed tie, no for a mutual one, or leave it blank.") from None
        if value is None:
            continue
        if first is None:
            first = (position, value)
        elif value != first[1]:
            raise DataError(
                f"the relation '{name}' is marked directed={frame['directed'].iloc[first[0]]!r} in row "
                f"{table.rows[first[0]]} but directed={word!r} here: a relation has one direction.",
                file=table.label, row=table.rows[position], column=table.header("directed"),
                fix="Make the 'directed' column agree for every tie of this relation, or give the ties that "
                    "differ a relation name of their own.")
    return None if first is None else first[1]


def _check_direction_column(table, frame, relations):
    if "directed" not in frame.columns:
        return
    is_directed = {name: bool(value) for name, value in relations["directed"].items()}
    for position, (name, word) in enumerate(zip(frame["relation"], frame["directed"])):
        try:
            value = parse_yes_no(word)
        except ValueError:
            raise DataError(f"'{word}' is not yes or no.", file=table.label, row=table.rows[position],
                            column=table.header("directed"),
                            fix="Write yes for a directed tie, no for a mutual one, or leave it blank.") from None
        if value is None or value == is_directed[name]:
            continue
        kind = "directed" if is_directed[name] else "undirected"
        raise DataError(
            f"this tie is marked directed={word!r}, but the relation '{name}' is {kind}.",
            file=table.label, row=table.rows[position], column=table.header("directed"),
            fix=f"Use one direction per relation: change this cell to {'yes' if is_directed[name] else 'no'}, "
                f"or give this tie a different relation name if it really is a different kind of tie.")


def _weights(table, frame, relations):
    text = frame["weight"]
    if table.delimiter == ";":  # files from locales with a decimal comma
        text = text.str.replace(",", ".", regex=False)
    numbers = pd.to_numeric(text.replace("", np.nan), errors="coerce").to_numpy(dtype=float)
    blank = (frame["weight"] == "").to_numpy()
    # A relation is weighted or not: all its weights blank is fine (an unweighted relation sharing
    # the file with a weighted one), unless the relation declares a weight range. A blank among
    # filled weights is an error, never a silent zero.
    all_blank = pd.Series(blank).groupby(frame["relation"].to_numpy()).transform("all").to_numpy()
    has_range = frame["relation"].map(
        (relations["weight_min"].notna() | relations["weight_max"].notna()).to_dict()).to_numpy(dtype=bool)
    allowed_blank = blank & all_blank & ~has_range
    bad = np.flatnonzero(~np.isfinite(numbers) & ~allowed_blank)
    if len(bad):
        raw = frame["weight"].iloc[bad[0]]
        name = frame["relation"].iloc[bad[0]]
        problem = (f"the weight is blank, but other '{name}' ties have weights." if raw == ""
                   else f"the weight '{raw}' is not a number.")
        raise DataError(problem, file=table.label, row=table.rows[bad[0]], column=table.header("weight"),
                        fix=f"Write a number in the weight column for every '{name}' tie (e.g. 1), or leave "
                            f"it blank for all of them if '{name}' ties have no strength.",
                        more_rows=[table.rows[i] for i in bad[1:]])
    low = frame["relation"].map(relations["weight_min"].to_dict()).to_numpy(dtype=float)
    high = frame["relation"].map(relations["weight_max"].to_dict()).to_numpy(dtype=float)
    outside = np.flatnonzero((numbers < low) | (numbers > high))  # NaN bounds compare False: no limit
    if len(outside):
        position = outside[0]
        name = frame["relation"].iloc[position]
        lo, hi = relations.loc[name, "weight_min"], relations.loc[name, "weight_max"]
        meaning = relations.loc[name, "weight_meaning"]
        raise DataError(
            f"the weight {frame['weight'].iloc[position]} is outside the range allowed for '{name}' "
            f"({lo:g} to {hi:g}).", file=table.label, row=table.rows[position], column=table.header("weight"),
            fix=f"Use a value from {lo:g} to {hi:g}" + (f" ({meaning})." if meaning else "."),
            more_rows=[table.rows[i] for i in outside[1:]])
    return numbers
