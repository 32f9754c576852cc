"""Print each handout to PDF in headless Chromium (Debian's, via the ``browser`` fixture) and check the pages.

Each sheet of a handout is meant to fill exactly one A4 page. The test prints every handout with
Playwright's ``page.pdf(format="A4")`` and checks that the PDF has one A4 page per sheet, that no sheet
runs longer than the printable height and no element is wider than the printable width, and that the
PDF carries the handout's title. (The PDF's text is compressed and would need a new dependency to
extract; the wording itself is checked in tests/test_handouts.py.)
"""

import re

import pytest

from netlearn.trainer.handouts import HANDOUTS, write_handouts
from netlearn.trainer.pages import PRINTABLE_HEIGHT_MM, PRINTABLE_WIDTH_MM

PX_PER_MM = 96 / 25.4

# A4 in PDF points (1/72 inch): 210 x 297 mm. Chromium rounds to within a point.
A4_POINTS = (210 * 72 / 25.4, 297 * 72 / 25.4)


def _pdf_pages(pdf):
    """Page objects in the PDF bytes (``/Type /Page``, not the ``/Pages`` tree nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def _pdf_title(pdf):
    found = re.search(rb"/Title\s*\((.*?)(?<!\\)\)", pdf, re.S)
    return re.sub(rb"\\([()\\])", rb"\1", found.group(1)).decode("latin-1") if found else None


LAYOUT = """() => {
  const sheets = [...document.querySelectorAll('.sheet')];
  return sheets.map(sheet => {
    const box = sheet.getBoundingClientRect();
    const wide = [...sheet.querySelectorAll('*')].filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
    }).map(el => el.tagName + ': ' + (el.textContent || '').slice(0, 40));
    return {height: box.height, width: box.width, scrollWidth: sheet.scrollWidth, wide: wide};
  });
}"""


@pytest.fixture(scope="module")
def handout_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handouts")
    write_handouts(folder)
    return folder


@pytest.mark.browser
@pytest.mark.parametrize("name", [*HANDOUTS, "index"])
def test_each_handout_prints_one_a4_page_per_sheet(browser, handout_folder, name):
    context = browser.new_context(viewport={"width": 1000, "height": 1200})
    try:
        page = context.new_page()
        page.goto((handout_folder / f"{name}.html").as_uri())
        page.emulate_media(media="print")
        title = page.title()
        layout = page.evaluate(LAYOUT)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        context.close()

    sheets = len(layout)
    expected = {"network_maturity_matrix": 10, "network_health_check": 5, "curiosity_practice": 5,
                "listening_in_threes": 5, "index": 1}[name]
    assert sheets == expected
    assert pdf.startswith(b"%PDF-")
    assert _pdf_pages(pdf) == sheets, f"{name}: a sheet ran on to a second page, or an empty page was printed"
    boxes = {tuple(round(float(x)) for x in m.split()) for m in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d. ]+)\]", pdf)}
    assert boxes == {tuple(round(x) for x in A4_POINTS)}
    assert _pdf_title(pdf) == title
    for number, sheet in enumerate(layout, start=1):
        assert sheet["height"] <= PRINTABLE_HEIGHT_MM * PX_PER_MM, f"{name}, sheet {number} is longer than a page"
        assert abs(sheet["width"] - PRINTABLE_WIDTH_MM * PX_PER_MM) < 1
        assert sheet["scrollWidth"] <= sheet["width"] + 1, f"{name}, sheet {number} is wider than the page"
        assert not sheet["wide"], f"{name}, sheet {number}: wider than the printable width: {sheet['wide'][:3]}"
