"""Turn a :class:`~netlearn.report.build.Report` into one self-contained HTML page.

The page needs nothing else: styles are in the page, images are inline PNG (base64 ``data:``
addresses), there are no scripts, fonts or links to other sites. It can be opened offline,
attached to an email, read on a phone (the layout narrows to one column and wide tables scroll
sideways) and printed (the contents list is left out and tables are kept whole on a page).

**Every piece of text is escaped** with :func:`html.escape` on its way into the page - names,
group names, column names, relation names, file names, messages - through the one function
:func:`esc`; no HTML is ever built from unescaped input. As a second line of defence the page
declares a content security policy that forbids scripts altogether, so that even a mistake in
escaping could not run anything.

**Accessible** (WCAG 2.2 AA; ``tests/browser/test_report_accessibility.py`` runs axe-core on real
reports): the page declares its language, has a skip link, a banner, one ``main`` and a footer,
headings that go down one level at a time, every picture with alternative text saying what it
shows (a picture without it is refused), every table with a caption and header cells with
``scope`` (an empty first heading gets words read only by screen readers), and text colours with
at least 4.5:1 contrast. A wide table scrolls inside a box that takes keyboard focus and is named
after the table, so it can be scrolled without a mouse.

>>> from netlearn.report.build import Report, Section, Paragraph
>>> section = Section("overview", "Overview", blocks=[Paragraph("<script>alert(1)</script>")])
>>> page = render_html(Report("A & B", [], [], [], [section], [], {}, "today"))
>>> "<script>" in page, "&lt;script&gt;alert(1)&lt;/script&gt;" in page
(False, True)
"""

from __future__ import annotations

import base64
import html

from .build import BulletList, Image, KeyFigures, Paragraph, Table
from .suppression import is_suppressed

__all__ = ["render_html", "render_section", "esc", "CSS"]


def esc(value):
    """Any value as text, escaped for HTML (quotes too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


CSS = """
:root { --ink: #1b1f23; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --soft: #f3f6f9;
        --discuss: #fff8e6; --discuss-line: #b7791f; --warn: #fdecea; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       font-size: 1rem; }
.page { max-width: 62rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.5rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; }
.lede { color: var(--muted); margin-top: 0; }
.about { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
.about h2 { margin-top: 0.25rem; border: 0; }
.about dl { display: grid; grid-template-columns: minmax(8rem, 13rem) 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.about dt { font-weight: 600; }
.about dd { margin: 0; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.columns h3 { margin-top: 0.75rem; }
ul { padding-left: 1.25rem; margin: 0.25rem 0 0.75rem; }
li { margin: 0.2rem 0; }
nav.toc { margin: 1.25rem 0 0; }
nav.toc ol { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; list-style: none; padding: 0; margin: 0.25rem 0; }
nav.toc a { display: inline-block; padding: 0.3rem 0.65rem; border: 1px solid var(--line); border-radius: 999px;
            color: var(--accent); text-decoration: none; }
nav.toc a:hover, nav.toc a:focus { background: var(--soft); text-decoration: underline; }
.intro { font-size: 1.05rem; }
.note { color: var(--muted); font-size: 0.92rem; }
.warning, .unavailable { background: var(--warn); border-left: 5px solid #b42318; padding: 0.5rem 0.75rem; }
.keyfigures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: 0.6rem;
              margin: 0.75rem 0; padding: 0; list-style: none; }
.keyfigures li { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.65rem; margin: 0;
                 display: flex; flex-direction: column-reverse; justify-content: flex-end; }
.keyfigures .value { font-size: 1.35rem; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
.keyfigures .label { color: var(--muted); font-size: 0.88rem; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; -webkit-overflow-scrolling: touch; }
.table-wrap:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
                   clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; padding: 0.3rem 0.6rem; background: var(--soft);
              color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; }
tbody th { font-weight: 600; white-space: nowrap; }
td.num { white-space: nowrap; }
.suppressed { color: var(--muted); font-style: italic; white-space: nowrap; }
.table-note { color: var(--muted); font-size: 0.88rem; margin-top: 0.25rem; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.35rem; }
.discuss { background: var(--discuss); border-left: 5px solid var(--discuss-line); border-radius: 4px;
           padding: 0.5rem 1rem; margin: 1.25rem 0; }
.discuss h3 { margin-top: 0.5rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.92rem; }
footer h2 { color: var(--ink); }
@media (max-width: 640px) {
  .page { padding: 0.75rem 0.8rem 2rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  .about dl { grid-template-columns: 1fr; }
  .about dt { margin-top: 0.35rem; }
  .columns { grid-template-columns: 1fr; }
  .keyfigures { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .keyfigures .value { font-size: 1.15rem; }
  table { font-size: 0.86rem; }
}
@media print {
  @page { margin: 15mm; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, .keyfigures li, .discuss, .about { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .discuss, .about, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _cell(value):
    if is_suppressed(value) or (isinstance(value, str) and value.startswith("suppressed")):
        return f'<span class="suppressed">{esc(value)}</span>'
    return esc(value if value is not None else "")


def _header(name):
    """A column heading; an empty one (a first column of row labels) gets a heading read only by screen readers."""
    text = "" if name is None else str(name).strip()
    return esc(text) if text else '<span class="visually-hidden">item</span>'


def _block(block):
    if isinstance(block, Paragraph):
        if block.kind == "subhead":
            return f"<h3>{esc(block.text)}</h3>"
        kind = block.kind if block.kind in ("note", "warning") else None
        attribute = f' class="{kind}"' if kind else ""
        return f"<p{attribute}>{esc(block.text)}</p>"
    if isinstance(block, KeyFigures):
        items = "".join(f'<li><span class="value">{_cell(value)}</span><span class="label">{esc(label)}</span></li>'
                        for label, value in block.items)
        return f'<ul class="keyfigures">{items}</ul>'
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{_header(c)}</th>' for c in block.columns)
        body = []
        for row in block.rows:
            cells = []
            for i, value in enumerate(row):
                if i == 0:
                    cells.append(f'<th scope="row">{_cell(value)}</th>')
                else:
                    cells.append(f"<td>{_cell(value)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        note = f'<p class="table-note">{esc(block.note)}</p>' if block.note else ""
        # A wide table scrolls sideways inside its box: the box takes keyboard focus (so it can be
        # scrolled without a mouse) and is a named region, so a screen reader says which table it holds.
        return (f'<div class="table-wrap" tabindex="0" role="region" aria-label="{esc(block.caption or "Table")}">'
                f"<table><caption>{esc(block.caption)}</caption>"
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}</div>")
    if isinstance(block, Image):
        data = base64.b64encode(block.png).decode("ascii")
        caption = f"<figcaption>{esc(block.caption)}</figcaption>" if block.caption else ""
        alt = block.alt.strip() if isinstance(block.alt, str) else ""
        if not alt:
            raise ValueError("every picture in the report needs its alternative text (what it shows, in words)")
        return f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}">{caption}</figure>'
    if isinstance(block, BulletList):
        title = f"<h3>{esc(block.title)}</h3>" if block.title else ""
        return title + "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
    raise TypeError(f"cannot render a {type(block).__name__}")


def render_section(number, section):
    """One section as HTML (a ``<section>`` element), as in the page; used by the notebook's explorer."""
    parts = [f'<section id="{esc(section.key)}" aria-labelledby="{esc(section.key)}-title">',
             f'<h2 id="{esc(section.key)}-title">{number}. {esc(section.title)}</h2>']
    if section.intro:
        parts.append(f'<p class="intro">{esc(section.intro)}</p>')
    if not section.available:
        parts.append(f'<p class="unavailable"><strong>Not available for this network.</strong> {esc(section.reason)}</p>')
    parts.extend(_block(block) for block in section.blocks)
    if section.discuss:
        parts.append('<aside class="discuss"><h3>What to discuss</h3><ul>'
                     + "".join(f"<li>{esc(q)}</li>" for q in section.discuss) + "</ul></aside>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html(report):
    """The whole page as a string (see the module notes)."""
    about = "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in report.about)
    contains = "".join(f"<li>{esc(item)}</li>" for item in report.contains)
    leaves = "".join(f"<li>{esc(item)}</li>" for item in report.leaves_out)
    toc = "".join(f'<li><a href="#{esc(s.key)}">{i}. {esc(s.title)}</a></li>'
                  for i, s in enumerate(report.sections, start=1))
    sections = "\n".join(render_section(i, s) for i, s in enumerate(report.sections, start=1))
    references = "".join(f"<li>{esc(r)}</li>" for r in report.references)
    names_shown = report.settings.get("show_names")
    sharing = ("This report shows members' names: share it only with people who may see them."
               if names_shown else
               "Share the results first with the people they describe; they may read them differently, and "
               "their view is part of the picture. Keep the pseudonym key file to yourself.")
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="generator" content="netlearn report">
<title>{esc(report.title)}</title>
<style>{CSS}</style>
</head>
<body>
<div class="page">
<a class="skip" href="#main">Skip to the report's sections</a>
<header>
<h1>{esc(report.title)}</h1>
<p class="lede">Made {esc(report.generated)}. A starting point for conversations about how the network works,
not a verdict on anyone in it.</p>
</header>
<section class="about" aria-labelledby="about-title">
<h2 id="about-title">About this report</h2>
<dl>{about}</dl>
<div class="columns">
<div><h3>What it contains</h3><ul>{contains}</ul></div>
<div><h3>What it leaves out</h3><ul>{leaves}</ul></div>
</div>
<p class="note">{esc(sharing)}</p>
</section>
<nav class="toc" aria-label="Contents"><ol>{toc}</ol></nav>
<main id="main">
{sections}
</main>
<footer>
<h2>References</h2>
<ul>{references}</ul>
<p>Made with the netlearn course's report (python -m netlearn report). The measures are explained in the course's
notebooks; the rules for roles and the reliance measure are the course's own simple, visible rules.</p>
</footer>
</div>
</body>
</html>
"""
