"""Write the two synthetic survey exports of ``datasets/form_exports/``: the same contents every time.

Usage::

    python scripts/build_form_exports.py              # writes into datasets/form_exports/
    python scripts/build_form_exports.py --out DIR    # writes into DIR (tests build into a temp folder)

Two files are written from the seeded tables of :mod:`netlearn.synthetic_form_exports`:

* ``health_check_microsoft_forms.xlsx`` - the health-check answers as Microsoft Forms' "Open in
  Excel" gives them (one sheet, ``Sheet1``);
* ``curiosity_google_forms.csv`` - the curiosity answers as Google Forms' "Download responses
  (.csv)" gives them (UTF-8 without BOM, commas, ``\\n`` line endings, a cell quoted only when it
  holds a comma, a quote or a line break).

``scripts/build_datasets.py`` (``make datasets``) calls :func:`build` and describes both files in
``datasets/datapackage.json``. The CSV is the same bytes on every build. A workbook is a zip archive
whose bytes depend on the zip and openpyxl versions, so its cells are what must stay the same
(``tests/test_form_exports.py`` rebuilds it and compares every cell); the archive's dates and the
workbook's own created and modified dates are fixed, so a rebuild with the same versions gives the
same bytes too. The data card, ``datasets/form_exports/README.md``, is written by hand.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a fresh clone, without installing
    sys.path.insert(0, str(ROOT))

from netlearn.synthetic_form_exports import (  # noqa: E402  (after the sys.path fix above)
    SEED_FORM_EXPORTS, make_google_forms_export, make_microsoft_forms_export,
)

MICROSOFT = "health_check_microsoft_forms.xlsx"
GOOGLE = "curiosity_google_forms.csv"
#: The date written into the workbook and its archive, so that nothing depends on when it was built.
FIXED_DATE = dt.datetime(2026, 11, 16, 9, 0, 0)


def csv_bytes(headings, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _fixed_zip(data):
    """The same archive with every entry, and the workbook's "modified" date, set to FIXED_DATE."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl dates "modified" when it saves
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED_DATE.strftime(
                    "%Y-%m-%dT%H:%M:%SZ").encode(), content)
            target.writestr(entry, content)
    return out.getvalue()


def workbook_bytes(headings, rows):
    """The export as an .xlsx workbook: one sheet, headings in row 1, times shown as Forms shows them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(headings)
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "m/d/yy h:mm:ss"
    book.properties.creator = "netlearn scripts/build_form_exports.py"
    book.properties.created = FIXED_DATE
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue())


def build(out):
    """Write both exports into ``out``; return the paths written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    microsoft, google = out / MICROSOFT, out / GOOGLE
    microsoft.write_bytes(workbook_bytes(*make_microsoft_forms_export(SEED_FORM_EXPORTS)))
    google.write_bytes(csv_bytes(*make_google_forms_export(SEED_FORM_EXPORTS)))
    return [microsoft, google]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "datasets" / "form_exports"),
                        help="folder to write into (default: the repository's datasets/form_exports/)")
    args = parser.parse_args(argv)
    files = build(args.out)
    print(f"wrote {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
