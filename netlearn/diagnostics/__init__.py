"""Diagnostics for a network's health: a maturity matrix, a health-check survey and a curiosity self-assessment.

The Network Leadership Masterclass ended with two diagnostic tools from Source4Networks (NHS
England's Sustainable Improvement Team): a **maturity matrix** that structures a 90 to 120
minute conversation at tables of four to eight members, and a **health check** survey of every
member on the network's purpose, function and form. The course ships its own versions of both
(written for the course, not the official instruments, whose wording it does not reproduce) and
a practice **curiosity** self-assessment built on the five dimensions of Kashdan et al. (2018).
Instruments are YAML files in ``datasets/instruments/``, so a trainer with the rights to other
wording can load it the same way.

Modules, in the order data flows:

* :mod:`~netlearn.diagnostics.instruments` - :func:`load_instrument`, :func:`list_instruments`,
  :class:`Instrument` (every rule checked, mistakes reported by line).
* :mod:`~netlearn.diagnostics.responses` - :func:`read_responses` for survey and scale answers.
* :mod:`~netlearn.diagnostics.forms` - :func:`read_form_export`: answers exported from Microsoft
  Forms (.xlsx) or Google Forms (.csv), matched to the instrument by wording (cells in ``form_sheets``).
* :mod:`~netlearn.diagnostics.scoring` - :func:`score_respondents`, :func:`group_summary`,
  :func:`item_distribution`, :func:`free_text`; small groups suppressed by default.
* :mod:`~netlearn.diagnostics.matrix` - :func:`read_matrix`, :func:`table_conversation` (the
  lower-score rule, spread, what to discuss first, priorities), :func:`describe_table`,
  :func:`room_summary`.
* :mod:`~netlearn.diagnostics.readable` - :func:`room_summary_table`, :func:`group_summary_table`,
  :func:`comments_table`, :func:`table_guides_html`: the same results with headings in words.
* :mod:`~netlearn.diagnostics.plots` - :func:`radar_chart`, :func:`table_radar`,
  :func:`likert_chart`, :func:`matrix_heatmap` (colour-blind safe, with a text summary).
* :mod:`~netlearn.diagnostics.saving` and :mod:`~netlearn.diagnostics.widgets` -
  :func:`self_assessment` (saves answers safely) and :func:`workshop_view`.
* :mod:`~netlearn.diagnostics.table_entry` and :mod:`~netlearn.diagnostics.table_entry_widget` -
  :class:`RoomEntries`, :func:`load_entries` and :func:`table_entry_view`: the facilitator types each
  table's reported levels and projects the room summary as it grows (saved after every entry).

>>> from netlearn.diagnostics import list_instruments
>>> list(list_instruments()["name"])
['curiosity_practice', 'network_health_check', 'network_maturity_matrix']

References: Kashdan et al. (2018), the Five-Dimensional Curiosity Scale, *Journal of Research
in Personality* 73. Brown et al. (2016), a validated survey of clinical networks, *BMC Health
Services Research* 16:531. Health Foundation (2014), the "5C" features of effective networks:
common purpose, cooperative structure, critical mass, collective intelligence and community
building.
"""

from .instruments import (KINDS, RESERVED_COLUMNS, Dimension, Instrument, InstrumentError, Item, Scale,
                          instruments_folder, list_instruments, load_instrument)
from .matrix import MatrixResponses, describe_table, read_matrix, room_summary, table_conversation
from .readable import comments_table, group_summary_table, room_summary_table, table_guides_html
from .forms import read_form_export
from .responses import META_COLUMNS, Responses, read_responses
from .saving import DEFAULT_FOLDER, append_rows, download_link, new_session_path, on_temporary_server
from .scoring import (DEFAULT_THRESHOLD, free_text, group_summary, is_suppressed, item_distribution,
                      score_respondents, scored_answers, suppressed_text)
from .table_entry import EntryError, RoomEntries, TableReport, load_entries

__all__ = [
    "KINDS", "RESERVED_COLUMNS", "META_COLUMNS", "DEFAULT_THRESHOLD", "DEFAULT_FOLDER",
    "Instrument", "Dimension", "Item", "Scale", "InstrumentError", "load_instrument", "list_instruments",
    "instruments_folder",
    "Responses", "read_responses", "read_form_export",
    "score_respondents", "scored_answers", "group_summary", "item_distribution", "free_text",
    "suppressed_text", "is_suppressed",
    "MatrixResponses", "read_matrix", "table_conversation", "describe_table", "room_summary",
    "room_summary_table", "group_summary_table", "comments_table", "table_guides_html",
    "radar_chart", "table_radar", "likert_chart", "matrix_heatmap",
    "append_rows", "new_session_path", "on_temporary_server", "download_link",
    "SelfAssessment", "WorkshopView", "self_assessment", "workshop_view",
    "RoomEntries", "TableReport", "EntryError", "load_entries", "TableEntryView", "table_entry_view",
]

#: Names served by a submodule that loads matplotlib (charts) or ipywidgets (widgets): imported on
#: first use, so that reading and scoring answers (and the exercises) do not pay for them.
_LAZY = {"likert_chart": "plots", "matrix_heatmap": "plots", "radar_chart": "plots", "table_radar": "plots",
         "SelfAssessment": "widgets", "WorkshopView": "widgets", "self_assessment": "widgets",
         "workshop_view": "widgets", "TableEntryView": "table_entry_widget", "table_entry_view": "table_entry_widget"}


def __getattr__(name):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
