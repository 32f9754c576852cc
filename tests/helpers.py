"""Helpers several test files share: writing CSV files as a spreadsheet would, reading them back,
catching the DataError a bad file gives, and a tiny survey instrument."""

from __future__ import annotations

import textwrap

import pytest

from netlearn import DataError, read_network
from netlearn.diagnostics import load_instrument

#: A two-dimension survey with a reverse-keyed item and a free-text item, for scoring tests.
TINY_INSTRUMENT = textwrap.dedent("""\
    title: Tiny
    kind: survey
    source: test
    licence: CC BY 4.0
    scale:
      min: 1
      max: 5
      labels: {1: a, 2: b, 3: c, 4: d, 5: e}
      reverse_rule: max + min - x
    dimensions:
      - id: d1
        name: First
      - id: d2
        name: Second
    items:
      - {id: a, wording: A, dimension: d1}
      - {id: b, wording: B, dimension: d1, reverse: yes}
      - {id: c, wording: C, dimension: d2}
      - {id: e, wording: E, dimension: d2}
      - {id: say, wording: Say, type: text}
    """)


def tiny_instrument(folder):
    """:data:`TINY_INSTRUMENT` written to ``folder`` and loaded."""
    path = folder / "tiny.yaml"
    path.write_text(TINY_INSTRUMENT, encoding="utf-8")
    return load_instrument(path)


def write(folder, name, content, encoding="utf-8"):
    """Write ``content`` (text in ``encoding``, or bytes as they are) to ``folder / name``."""
    path = folder / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def network_reader(folder, members, ties):
    """A function that writes members, ties (and relations) files and reads them with ``read_network``;
    each argument defaults to the good file given here, and ``None`` leaves a file out."""

    def make(members=members, ties=ties, relations=None, **kwargs):
        m = write(folder, "members.csv", members) if members is not None else None
        t = write(folder, "ties.csv", ties)
        r = write(folder, "relations.csv", relations) if relations is not None else None
        return read_network(m, t, relations=r, **kwargs)

    return make


def error_of(make, **kwargs):
    """The DataError that ``make(**kwargs)`` raises (the test fails if it raises none)."""
    with pytest.raises(DataError) as info:
        make(**kwargs)
    return info.value
