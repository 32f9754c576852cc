"""Survey responses in the report: the health check, the maturity matrix (and any instrument file).

This module only *calls* :mod:`netlearn.diagnostics` - reading and checking the files, scoring,
suppressing small groups, drawing - and lays its results out as report blocks. Nothing is
scored or suppressed twice.

Which instrument a file answers
    ``--responses FILE`` looks at the file's columns: ``table``, ``member`` and ``dimension``
    (or ``<dimension>_current``) mean maturity-matrix levels; a ``respondent`` column means a
    survey, and the shipped survey or scale whose item ids match most columns is used.
    ``--responses INSTRUMENT=FILE`` names it instead: a shipped instrument
    (``network_health_check``, ``network_maturity_matrix``...) or the path of a ``.yaml`` file.

What is shown
    For a survey: per dimension, the number of respondents, mean, median and agreement
    (r_wg(J)) for everyone, the means per respondent group, and a chart of the answers to each
    item. For a matrix: the room's summary of the tables' recorded levels, and a heatmap of
    tables by dimensions when every table has at least the minimum number of members. Free-text
    comments and respondent codes are never shown. Groups, items, dimensions and tables below
    the minimum are suppressed by :mod:`netlearn.diagnostics` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..tables import read_table
from .build import Image, Paragraph, Table
from .figures import png_bytes

try:  # the diagnostics package is part of netlearn from issue 7 on
    from .. import diagnostics as _diagnostics
except ImportError:  # pragma: no cover - only in a netlearn without it
    _diagnostics = None

__all__ = ["AVAILABLE", "Loaded", "parse_spec", "detect_instrument", "load", "build_section"]

#: Whether :mod:`netlearn.diagnostics` can be used.
AVAILABLE = _diagnostics is not None


@dataclass
class Loaded:
    """One checked responses file: its label (file name), kind (survey or matrix), instrument and data."""

    label: str
    kind: str
    instrument: object
    data: object


def _require():
    if _diagnostics is None:
        raise DataError("this copy of netlearn has no diagnostics package, so survey responses cannot be read.",
                        fix="Update the course (the diagnostics arrive with episode 08), or leave out --responses.")


def parse_spec(text):
    """``"FILE"`` -> (None, FILE); ``"INSTRUMENT=FILE"`` -> (INSTRUMENT, FILE).

    >>> parse_spec("answers.csv"), parse_spec("network_health_check=answers.csv")
    ((None, 'answers.csv'), ('network_health_check', 'answers.csv'))
    """
    text = str(text)
    if "=" in text:
        left, right = text.split("=", 1)
        if left and right and (left.endswith((".yaml", ".yml")) or "/" not in left and "\\" not in left):
            return left, right
    return None, text


def _first_file(path):
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.csv"))
        if not files:
            raise DataError("the folder holds no .csv files.", file=str(path),
                            fix="Give a responses file (.csv), or a folder holding them.")
        return files[0]
    return path


def detect_instrument(path):
    """The name of the shipped instrument whose answers the file (or folder) at ``path`` holds.

    Raises :class:`~netlearn.DataError` when the columns fit no instrument, or fit two equally.
    """
    _require()
    table = read_table(_first_file(path))
    columns = set(table.frame.columns)
    if {"table", "member"} <= columns and ("dimension" in columns or any(c.endswith("_current") for c in columns)):
        return "network_maturity_matrix"
    if "respondent" not in columns:
        raise DataError("this does not look like a responses file: it has neither a 'respondent' column (a survey) "
                        "nor 'table' and 'member' columns (a maturity matrix).", file=table.label, row=1,
                        fix="Use a file laid out like the instrument's template (see datasets/instruments/README.md), "
                            "or name the instrument: --responses network_health_check=FILE.")
    listing = _diagnostics.list_instruments()
    scores = []
    for name in listing["name"]:
        instrument = _diagnostics.load_instrument(name)
        if instrument.kind == "matrix":
            continue
        ids = {item.id.lower() for item in instrument.items}
        scores.append((len(ids & columns), name))
    scores.sort(reverse=True)
    if not scores or scores[0][0] == 0:
        raise DataError("none of the columns is an item of a known instrument.", file=table.label, row=1,
                        fix="Check the column names against the instrument, or name it: "
                            "--responses INSTRUMENT=FILE (INSTRUMENT can be the path of a .yaml file).")
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        raise DataError(f"the columns fit both '{scores[0][1]}' and '{scores[1][1]}'.", file=table.label, row=1,
                        fix=f"Name the instrument: --responses {scores[0][1]}=FILE.")
    return scores[0][1]


def load(spec):
    """Read and check one ``--responses`` value; raises :class:`~netlearn.DataError` for a bad file."""
    _require()
    name, path = parse_spec(spec)
    if not Path(path).exists():
        raise DataError("the responses file was not found.", file=path,
                        fix="Check the path (and the spelling), or leave out --responses.")
    instrument = _diagnostics.load_instrument(name or detect_instrument(path))
    columns = set(read_table(_first_file(path)).frame.columns)
    keep = "last" if "saved_at" in columns else "error"  # files saved by the widgets may hold second thoughts
    if instrument.kind == "matrix":
        data = _diagnostics.read_matrix(path, instrument, keep=keep)
        return Loaded(Path(path).name, "matrix", instrument, data)
    data = _diagnostics.read_responses(path, instrument, keep=keep)
    return Loaded(Path(path).name, "survey", instrument, data)


def _number(value, digits=2):
    if isinstance(value, str):
        return value
    try:
        if value != value:  # NaN
            return "not defined"
    except TypeError:
        return str(value)
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def _item(instrument, item_id):
    if not isinstance(item_id, str) or item_id.startswith("suppressed") or not item_id:
        return item_id
    try:
        wording = instrument.item(item_id).wording
    except KeyError:
        return item_id
    return f"{item_id}: {wording[:70]}{'...' if len(wording) > 70 else ''}"


def build_section(ctx, section, loaded):
    """Fill the diagnostics section from a list of :class:`Loaded` files."""
    _require()
    minimum = ctx.minimum
    section.data["instruments"] = []
    for entry in loaded:
        instrument = entry.instrument
        section.data["instruments"].append(instrument.name)
        section.blocks.append(Paragraph(f"{instrument.title} ({entry.label})", "subhead"))
        if entry.kind == "survey":
            _survey(entry, section, minimum)
        else:
            _matrix(entry, section, minimum)
    section.blocks.append(Paragraph(
        "Respondent codes and free-text comments are not included. Summaries of fewer than "
        f"{minimum} respondents are suppressed by the diagnostics themselves, and so are further figures wherever a "
        "suppressed one could otherwise be worked out from the totals, the other groups or the chart of answers.",
        "note"))


def _survey(entry, section, minimum):
    responses, instrument = entry.data, entry.instrument
    summary = _diagnostics.group_summary(responses, by="group", threshold=minimum)
    section.data.setdefault("surveys", {})[entry.label] = summary
    names = {d.id: d.name for d in instrument.dimensions}
    everyone = summary[summary["group"] == "(all)"]
    rows = [[names.get(r.dimension, r.dimension), _number(r.n), _number(r.mean), _number(r.median),
             _number(r.rwg_j), _item(instrument, r.most_agreed), _item(instrument, r.least_agreed)]
            for r in everyone.itertuples()]
    scale = instrument.scale
    section.blocks.append(Paragraph(
        f"{len(responses)} {'respondent' if len(responses) == 1 else 'respondents'} answered on a scale from {scale.min} ({scale.labels[scale.min]}) to "
        f"{scale.max} ({scale.labels[scale.max]}). Dimension scores are the mean of a respondent's answers, with "
        "items worded the other way round turned round first, so higher is healthier." if len(responses) >= minimum
        else f"Fewer than {minimum} respondents answered, so every figure is suppressed."))
    section.blocks.append(Table("Everyone, by dimension",
                                ["dimension", "respondents", "mean", "median", "agreement r_wg(J)",
                                 "most agreed item", "least agreed item"], rows,
                                "Agreement r_wg(J) (James, Demaree & Wolf 1984) runs from 0 (answers all over the "
                                "scale) to 1 (everyone gave the same answers). Start the conversation with the "
                                "least agreed item."))
    groups = [g for g in dict.fromkeys(summary["group"]) if g != "(all)"]
    if groups:
        dims = list(dict.fromkeys(summary["dimension"]))
        cells = {(r.group, r.dimension): r.mean for r in summary.itertuples()}
        rows = [[group] + [_number(cells.get((group, d))) for d in dims] for group in groups]
        section.blocks.append(Table("Mean score by respondent group", ["group"] + [names.get(d, d) for d in dims],
                                    rows))
    figure = _diagnostics.likert_chart(responses, threshold=minimum)
    section.blocks.append(Image(png_bytes(figure), getattr(figure, "text_summary", "Chart of the answers to each "
                                                                                   "item."),
                                "Each bar splits one item's answers: disagreement to the left of the centre line, "
                                "agreement to the right."))


def _matrix(entry, section, minimum):
    matrix = entry.data
    conversation = _diagnostics.table_conversation(matrix)
    room = _diagnostics.room_summary(conversation, threshold=minimum)
    section.data.setdefault("matrices", {})[entry.label] = room
    rows = [[r.name, _number(r.tables), _number(r.median_recorded, 1), _number(r.lowest_recorded, 0),
             _number(r.highest_recorded, 0), _number(r.median_gap, 1), _number(r.tables_prioritising)]
            for r in room.itertuples()]
    section.blocks.append(Paragraph(
        "Each table agreed a level for each dimension now (recording the lowest level any of its members gave, "
        "with the spread noted) and a level to aim for. The room's summary pools the tables' recorded levels, "
        "never individual members' levels."))
    section.blocks.append(Table("The room's summary of the tables' recorded levels",
                                ["dimension", "tables", "median level", "lowest", "highest", "median gap to target",
                                 "tables choosing it as a priority"], rows))
    per_table = conversation.groupby("table")["members"].max()
    if len(per_table) and int(per_table.min()) >= minimum:
        figure = _diagnostics.matrix_heatmap(conversation)
        section.blocks.append(Image(png_bytes(figure), getattr(figure, "text_summary", "Heatmap of recorded levels."),
                                    "Each table's recorded level on each dimension."))
    else:
        section.blocks.append(Paragraph(f"The chart of each table's levels is left out: at least one table had fewer "
                                        f"than {minimum} members.", "note"))
