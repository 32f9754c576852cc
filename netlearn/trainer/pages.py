"""The page layout every printable handout shares: A4 print CSS, sheets, tick boxes, answer lines, footer.

A handout is one self-contained HTML file: the CSS is inline, nothing is fetched, and every piece
of text from a file is escaped. It is made of *sheets*; each sheet starts a new printed page and
is laid out to fill exactly one A4 page (its footer sits at the foot of the page). A sheet whose
content is too long for one page is not cut off: it runs on to a second page, and the footer
follows its end. On screen the sheets show as white pages on a grey background.

>>> page = document("Example", [sheet("<h1>Hello</h1>")], footer="Example - the course's own version")
>>> page.count('class="sheet"'), "size: A4" in page, page.count("<footer")
(1, True, 1)
"""

from __future__ import annotations

import html

__all__ = ["GENERATOR", "PAGE_MARGIN_MM", "PRINTABLE_WIDTH_MM", "PRINTABLE_HEIGHT_MM", "esc", "box", "lines",
           "sheet", "document"]

#: Written into every handout's ``<meta name="generator">``, so :func:`netlearn.trainer.handouts.write_handouts`
#: knows which files in a folder it made (and may replace) and which it must leave alone.
GENERATOR = "netlearn handouts"

#: Page margin on every side, in millimetres.
PAGE_MARGIN_MM = 14
#: The part of an A4 page (210 x 297 mm) inside the margins.
PRINTABLE_WIDTH_MM = 210 - 2 * PAGE_MARGIN_MM
PRINTABLE_HEIGHT_MM = 297 - 2 * PAGE_MARGIN_MM

# A sheet is made 3 mm shorter than the printable height so that rounding in the browser never
# pushes an empty page after it.
_CSS = f"""
@page {{ size: A4; margin: {PAGE_MARGIN_MM}mm; }}
* {{ box-sizing: border-box; }}
html {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 12pt;
        line-height: 1.4; color: #000; }}
body {{ margin: 0; }}
h1 {{ font-size: 20pt; margin: 0 0 3mm; line-height: 1.2; }}
h2 {{ font-size: 15pt; margin: 4mm 0 2mm; line-height: 1.25; }}
h3 {{ font-size: 13pt; margin: 3mm 0 1.5mm; }}
p, li {{ margin: 0 0 2mm; }}
ul, ol {{ margin: 0 0 2mm; padding-left: 7mm; }}
.sheet {{ width: {PRINTABLE_WIDTH_MM}mm; min-height: {PRINTABLE_HEIGHT_MM - 3}mm; display: flex;
          flex-direction: column; break-after: page; page-break-after: always; }}
.sheet:last-of-type {{ break-after: auto; page-break-after: auto; }}
.sheet > footer {{ margin-top: auto; padding-top: 2mm; border-top: 0.4mm solid #000; font-size: 9.5pt; }}
.notice {{ border: 0.5mm solid #000; padding: 2mm 3mm; margin: 2mm 0 3mm; font-size: 11pt; }}
.lead {{ font-size: 12.5pt; }}
.small {{ font-size: 10.5pt; }}
table {{ border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }}
th, td {{ border: 0.3mm solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }}
th {{ font-size: 10.5pt; }}
td.point, th.point {{ width: 12mm; text-align: center; vertical-align: middle; padding: 1.5mm 0; }}
td.num, th.num {{ width: 9mm; text-align: center; }}
td.tally, th.tally {{ width: 42mm; }}
tr {{ break-inside: avoid; }}
.box {{ display: inline-block; width: 5.5mm; height: 5.5mm; border: 0.45mm solid #000; vertical-align: middle;
        background: #fff; }}
.box.wide {{ width: 12mm; height: 7mm; }}
.box.long {{ width: 34mm; height: 7mm; }}
.slots {{ display: flex; flex-wrap: wrap; gap: 2mm 5mm; }}
.slot {{ white-space: nowrap; }}
td.count, th.count {{ width: 19mm; text-align: center; vertical-align: middle; }}
td.sum, th.sum {{ width: 27mm; white-space: nowrap; vertical-align: middle; }}
table.record td {{ padding-top: 3mm; padding-bottom: 3mm; }}
.line {{ border-bottom: 0.3mm solid #000; height: 9mm; }}
.key {{ display: flex; flex-wrap: wrap; gap: 1mm 5mm; font-size: 10.5pt; margin: 0 0 2mm; }}
.card-role {{ font-size: 24pt; font-weight: bold; margin: 0; line-height: 1.15; }}
td.tally + td, td:has(+ td.tally) {{ padding-top: 1mm; padding-bottom: 1mm; }}
.timing {{ border: 0.6mm solid #000; padding: 2mm 3mm; margin: 2mm 0 3mm; font-size: 12.5pt; }}
@media screen {{
  body {{ background: #d9d9d9; padding: 8mm 0; }}
  .sheet {{ width: 210mm; min-height: 297mm; padding: {PAGE_MARGIN_MM}mm; margin: 0 auto 8mm; background: #fff;
            box-shadow: 0 0 2mm rgba(0, 0, 0, 0.35); }}
}}
"""


def esc(text):
    """Text made safe to put in HTML (``<``, ``>``, ``&`` and quotes escaped).

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


def box(label, wide=False, long=False):
    """An empty square to tick (``wide``: a box to write a number in; ``long``: a few words), labelled for screen readers.

    >>> box("Level 2")
    '<span class="box" role="img" aria-label="Level 2"></span>'
    """
    kind = "box long" if long else "box wide" if wide else "box"
    return f'<span class="{kind}" role="img" aria-label="{esc(label)}"></span>'


def lines(n):
    """``n`` ruled lines to write on.

    >>> lines(2).count('class="line"')
    2
    """
    return '<div class="line"></div>' * n


def sheet(body):
    """One printed page (more only if ``body`` is too long); :func:`document` adds the footer."""
    return f'<section class="sheet">{body}</section>'


def document(title, sheets, *, footer):
    """A whole handout: the sheets in order, each ending with ``footer`` and its page number.

    Parameters
    ----------
    title : str
        The document's title (the browser tab, and the title a printed PDF carries).
    sheets : list of str
        From :func:`sheet`.
    footer : str
        Plain text (escaped here) printed at the foot of every sheet.
    """
    total = len(sheets)
    pages = []
    for number, part in enumerate(sheets, start=1):
        foot = f'<footer>{esc(footer)} &middot; sheet {number} of {total}</footer>'
        head, end, tail = part.rpartition("</section>")
        pages.append(head + foot + end + tail)
    return ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta name=\"generator\" content=\"{GENERATOR}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(pages) + "\n</body>\n</html>\n")
