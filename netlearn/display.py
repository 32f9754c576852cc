"""What learners see: results in plain words and tables a health leader can read.

Two tools keep the notebooks thin and the result classes short:

* :class:`Readable` - a mixin for result objects. A class says what its value means in one or two
  sentences (``describe()``) and, if it wants, lists the numbers an analyst may ask for
  (``analyst_detail()``). The mixin turns these into a readable ``repr`` and an HTML display in
  which the numbers sit in a closed "Analyst detail" fold, so p-values and variance ratios are
  there for whoever needs them without standing between a leader and the answer.
* :func:`table_for_learners` - rounds numbers (2 decimals unless told), renames columns to words,
  puts names in place of ids, shows yes/no for true/false, hides a 0, 1, 2... index and shows every
  cell in full (never cut off with "..."). It returns a :class:`LearnerTable`, which displays as an
  escaped HTML table in Jupyter and as aligned text elsewhere; ``.frame`` holds the DataFrame.

Everything shown is HTML-escaped: names and free text come from people's own files.

Examples
--------
>>> import pandas as pd
>>> scores = pd.DataFrame({"member": ["q1", "q2"], "share_top": [0.3333333, 0.5],
...                        "fits_rule": [True, False]}).set_index("member")
>>> table_for_learners(scores, names={"q1": "Ann Lee", "q2": "Bo Chan"},
...                    labels={"share_top": "share in their top third"}, percent=["share_top"])
member  share in their top third  fits rule
Ann Lee                      33%        yes
Bo Chan                      50%         no
>>> number(0.010827740492170022), number(3.0), number(1234567), number(float("nan"))
('0.01', '3', '1,234,567', 'not available')
"""

from __future__ import annotations

import html
import math
import numbers

from .values import is_missing

__all__ = ["LearnerTable", "Readable", "analyst_fold", "number", "p_value_words", "percent", "result_html",
           "table_for_learners",
           "words"]

#: What a missing value shows as.
MISSING = "not available"

#: The heading of the closed fold that holds the numbers behind a result.
_FOLD = "Analyst detail (the numbers behind this)"

_TEXT_STYLE = "text-align:left; vertical-align:top; white-space:normal; max-width:40em; padding:0.2em 0.8em 0.2em 0"
_NUMBER_STYLE = "text-align:right; vertical-align:top; padding:0.2em 0.8em 0.2em 0"


def words(key):
    """A code-style key in words: ``"median_recorded"`` -> ``"median recorded"``.

    >>> words("ei_index"), words("other_groups_reached")
    ('ei index', 'other groups reached')
    """
    return str(key).replace("_", " ").strip()


def _is_bool(value):
    return isinstance(value, bool) or type(value).__name__ in ("bool", "bool_")  # numpy booleans too


def number(value, digits=2):
    """A number as a leader reads it: whole numbers without decimals, others rounded to ``digits``.

    Large whole numbers get thousands separators; a missing value reads "not available".
    """
    if is_missing(value):
        return MISSING
    if _is_bool(value):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isinf(value):
            return "infinite" if value > 0 else "minus infinite"
        if value == round(value) and abs(value) < 1e15:
            return f"{int(round(value)):,}"
        return f"{value:,.{digits}f}"
    return str(value)


def percent(value, digits=0):
    """A share between 0 and 1 as a percentage: ``percent(0.374)`` -> ``'37%'``."""
    if is_missing(value):
        return MISSING
    return f"{100 * float(value):.{digits}f}%"


def p_value_words(p):
    """A p-value in words for the analyst fold: ``'less than 0.001'`` or ``'0.26'``."""
    if is_missing(p):
        return MISSING
    return "less than 0.001" if p < 0.001 else f"{p:.3f}".rstrip("0").rstrip(".")


def analyst_fold(detail, summary=None):
    """A closed HTML fold (``<details>``) headed ``summary``, listing ``detail`` (label -> text), escaped.

    Empty text when there is no detail.
    """
    if not detail:
        return ""
    summary = _FOLD if summary is None else summary
    rows = "".join(f'<tr><th scope="row" style="{_TEXT_STYLE};font-weight:normal">{html.escape(str(label))}</th>'
                   f'<td style="{_TEXT_STYLE}">{html.escape(str(value))}</td></tr>'
                   for label, value in detail.items())
    return (f'<details class="netlearn-analyst-detail"><summary>{html.escape(summary)}</summary>'
            f'<table style="border-collapse:collapse;margin:0.3em 0">{rows}</table></details>')


def result_html(sentence, detail=None, *, heading=None, extra_html="", fold=_FOLD):
    """A result as HTML: an optional heading, the sentence, ``extra_html`` (already escaped), then a
    closed fold headed ``fold`` listing ``detail`` (label -> text). Text is escaped.

    >>> page = result_html("W = 0.40: moderate agreement.", {"p-value": "less than 0.001"})
    >>> "<details" in page and "p-value" in page and "<p>W = 0.40" in page
    True
    """
    parts = ['<div class="netlearn-result" style="line-height:1.45;max-width:60em">']
    if heading:
        parts.append(f"<p><strong>{html.escape(str(heading))}</strong></p>")
    for paragraph in str(sentence).split("\n"):
        if paragraph.strip():
            parts.append(f"<p>{html.escape(paragraph)}</p>")
    parts.append(extra_html)
    parts.append(analyst_fold(detail, fold))
    parts.append("</div>")
    return "".join(parts)


class Readable:
    """Mixin giving a result a readable ``repr`` and an HTML display.

    A class defines ``describe()`` (one or two sentences, numbers rounded) and may define
    ``analyst_detail()`` (an ordered dict of label -> text) and ``_extra_html()`` (escaped HTML,
    such as a table, shown between the two). Dataclasses using it need ``repr=False`` or their own
    ``__repr__``; NamedTuples, which cannot take a mixin, borrow the methods:
    ``__repr__ = Readable.__repr__``.
    """

    def describe(self):  # pragma: no cover - every user defines it
        raise NotImplementedError

    def analyst_detail(self):
        return {}

    def _extra_html(self):
        return ""

    def __repr__(self):
        return self.describe()

    def _repr_html_(self):
        extra = getattr(self, "_extra_html", None)  # NamedTuples borrow only __repr__ and _repr_html_
        detail = getattr(self, "analyst_detail", None)
        return result_html(self.describe(), detail() if detail else {}, extra_html=extra() if extra else "")


# =========================================================================== tables


def _cell_text(value, digits, as_percent):
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ", ".join(_cell_text(v, digits, False) for v in items) if items else "none"
    if is_missing(value):
        return MISSING if not isinstance(value, str) else value
    if _is_bool(value):
        return "yes" if value else "no"
    if as_percent and isinstance(value, numbers.Real):
        return percent(value)
    if isinstance(value, numbers.Real):
        return number(value, digits)
    return str(value)


def _swap(value, names):
    """Names in place of ids: a whole cell, each item of a list, or each part of 'a; b'."""
    if not names:
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(_swap(v, names) for v in value)
    try:
        if value in names:
            return names[value]
    except TypeError:
        return value
    if isinstance(value, str) and "; " in value:
        parts = value.split("; ")
        if all(part in names for part in parts):
            return "; ".join(str(names[part]) for part in parts)
    return value


class LearnerTable:
    """A table ready for learners: displays every cell in full, rounded and in words.

    Attributes
    ----------
    frame : DataFrame
        The table with names swapped in, columns renamed and numbers rounded.
    caption : str or None
    """

    def __init__(self, frame, *, digits=2, percent_columns=(), show_index=True, caption=None):
        self.frame = frame
        self.caption = caption
        self._digits = digits
        self._percent = set(percent_columns)
        self._show_index = show_index

    def __len__(self):
        return len(self.frame)

    @property
    def columns(self):
        return list(self.frame.columns)

    def _column_text(self, column):
        """The cells of one column as text; a column of fractions keeps the same decimals throughout."""
        import pandas as pd

        values = self.frame[column]
        if column in self._percent:
            return [_cell_text(v, self._digits, True) for v in values]
        if pd.api.types.is_float_dtype(values):
            present = values.dropna()
            if len(present) and not (present == present.round()).all():
                return [MISSING if is_missing(v) else f"{v:,.{self._digits}f}" for v in values]
        return [_cell_text(v, self._digits, False) for v in values]

    def cells(self):
        """Every cell as the text shown (a list of rows; the index first when it is shown)."""
        columns = [self._column_text(c) for c in self.frame.columns]
        index = [_cell_text(label, self._digits, False) for label in self.frame.index]
        return [([index[i]] if self._show_index else []) + [column[i] for column in columns]
                for i in range(len(self.frame))]

    def _header(self):
        index_name = self.frame.index.name or ""
        return ([str(index_name)] if self._show_index else []) + [str(c) for c in self.frame.columns]

    def _numeric(self):
        import pandas as pd

        flags = [pd.api.types.is_numeric_dtype(self.frame[c]) and not pd.api.types.is_bool_dtype(self.frame[c])
                 for c in self.frame.columns]
        index_numeric = pd.api.types.is_numeric_dtype(self.frame.index)
        return ([index_numeric] if self._show_index else []) + flags

    def __repr__(self):
        header, rows, numeric = self._header(), self.cells(), self._numeric()
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]

        def line(cells):
            return "  ".join(c.rjust(w) if num else c.ljust(w)
                             for c, w, num in zip(cells, widths, numeric)).rstrip()

        lines = ([self.caption] if self.caption else []) + [line(header)] + [line(r) for r in rows]
        return "\n".join(lines)

    def _repr_html_(self):
        header, rows, numeric = self._header(), self.cells(), self._numeric()
        styles = [_NUMBER_STYLE if num else _TEXT_STYLE for num in numeric]
        head = "".join(f'<th scope="col" style="{style};border-bottom:1px solid #8a949c">{html.escape(h)}</th>'
                       for h, style in zip(header, styles))
        body = []
        for row in rows:
            cells = []
            for i, (text, style) in enumerate(zip(row, styles)):
                tag = "th" if (i == 0 and self._show_index) else "td"
                scope = ' scope="row"' if tag == "th" else ""
                cells.append(f'<{tag}{scope} style="{style}">{html.escape(text)}</{tag}>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        caption = (f'<caption style="text-align:left;caption-side:top">{html.escape(self.caption)}</caption>'
                   if self.caption else "")
        return (f'<table class="netlearn-table" style="border-collapse:collapse;margin:0.3em 0">{caption}'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def table_for_learners(data, *, names=None, labels=None, digits=2, percent=(), columns=None, caption=None,
                       index_label=None, show_index=None):
    """A DataFrame or Series made readable for learners; see :class:`LearnerTable`.

    Parameters
    ----------
    data : DataFrame or Series
    names : dict, optional
        Id -> name (for example ``net.names()``). Applied to the index and to every cell that is an
        id (or a list of ids, or ids joined by "; ").
    labels : dict, optional
        Column (or index) name -> words. Other columns have underscores turned into spaces.
    digits : int
        Decimals for numbers that are not whole (default 2).
    percent : list of str
        Columns holding shares (0 to 1), shown as percentages.
    columns : list of str, optional
        Which columns to keep, in this order (original names).
    caption : str, optional
        A line shown above the table.
    index_label : str, optional
        Words for the index (overrides ``labels``).
    show_index : bool, optional
        Default: shown unless it is a plain 0, 1, 2... count.

    Returns
    -------
    LearnerTable
    """
    import pandas as pd

    if isinstance(data, pd.Series):
        frame = data.to_frame(name=data.name if data.name is not None else "value")
    else:
        frame = data.copy()
    if columns is not None:
        frame = frame[list(columns)]
    labels = dict(labels or {})
    if show_index is None:
        show_index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    names = dict(names) if names is not None else None
    if names:
        frame.index = pd.Index([_swap(v, names) for v in frame.index], name=frame.index.name)
        for column in frame.columns:
            if frame[column].dtype == object or isinstance(frame[column].dtype, pd.StringDtype):
                frame[column] = [_swap(v, names) for v in frame[column]]
    for column in frame.columns:
        if pd.api.types.is_float_dtype(frame[column]):
            frame[column] = frame[column].round(digits if column not in percent else digits + 2)
    percent_columns = [labels.get(c, words(c)) for c in percent]
    frame = frame.rename(columns={c: labels.get(c, words(c)) for c in frame.columns})
    index_name = frame.index.name
    if index_label is not None:
        frame.index.name = index_label
    elif index_name is not None:
        frame.index.name = labels.get(index_name, words(index_name))
    if isinstance(frame.columns, pd.Index) and frame.columns.name is not None:
        frame.columns.name = None
    return LearnerTable(frame, digits=digits, percent_columns=percent_columns, show_index=show_index,
                        caption=caption)
