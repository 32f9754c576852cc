"""A privacy-safe report on your own network: ``python -m netlearn report members.csv ties.csv``.

The report runs the course's measures on your files and writes **one self-contained HTML page**
(no scripts, no links to other sites; images inline) with an overview, the informal roles, how
leadership is spread, diversity and silos, and (with survey responses) the diagnostics, each
with questions to discuss. By default people appear as stable pseudonyms and figures about
fewer than 5 people are suppressed.

Modules
    :mod:`~netlearn.report.build` - the sections as data (:func:`build_report`), from
    :mod:`~netlearn.report.context` (relation and group chosen, how members appear, which member
    counts may be shown), one module per section (:mod:`~netlearn.report.section_overview`,
    :mod:`~netlearn.report.section_roles`, :mod:`~netlearn.report.section_leadership`,
    :mod:`~netlearn.report.section_diversity`), :mod:`~netlearn.report.blocks` (paragraphs,
    tables, images as data) and :mod:`~netlearn.report.formatting` (numbers and lists in words);
    :mod:`~netlearn.report.html` - the page (:func:`render_html`);
    :mod:`~netlearn.report.cli` - the command line (:func:`main`), progress with the time left, exit
    codes, safe writing (never over an input file);
    :mod:`~netlearn.report.pseudonyms`, :mod:`~netlearn.report.suppression` - the privacy rules;
    :mod:`~netlearn.report.fast` - the graph as arrays, made once; reliance, what-if, pieces and E-I
    counts from them, fast enough for 20,000 members;
    :mod:`~netlearn.report.figures`, :mod:`~netlearn.report.prompts`,
    :mod:`~netlearn.report.diagnostics` - charts, words, survey responses.

From Python (a notebook, say)::

    from netlearn.report import build_report, render_html, write_report
    report = build_report(net)
    path = write_report(render_html(report), "my_reports/report.html")
"""

from .build import Report, Section, build_report, choose_relation
from .cli import ReportExists, main, unique_path, write_report
from .html import render_html

__all__ = ["Report", "Section", "build_report", "choose_relation", "render_html", "write_report", "unique_path",
           "ReportExists", "main"]
