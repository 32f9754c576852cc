"""What a learner sees after an answer: the blank to fill in, the three statuses, and
:class:`Feedback`, a short message shown as HTML in Jupyter (and as plain text elsewhere).

:func:`text_to_html` turns the engine's few marks (``code`` in backticks, line breaks) into safe
HTML; every learner's text is escaped. :class:`CheckResult` is what ``check()`` returns.
"""

from __future__ import annotations

import html
import re

__all__ = ["BLANK", "CheckResult", "Feedback", "____", "is_blank"]


CORRECT = "correct"


NOT_ATTEMPTED = "not_attempted"


INCORRECT = "incorrect"


STATUSES = (CORRECT, NOT_ATTEMPTED, INCORRECT)


# ====================================================================== the blank
class Blank:
    """The blank in a starter cell, written ``____``: replace it with your answer.

    There is only one. Checking it says "Not attempted yet" rather than "wrong".

    >>> ____
    ____
    >>> Blank() is ____
    True
    """

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "____"

    def __reduce__(self):
        return (Blank, ())


____ = BLANK = Blank()


def is_blank(answer):
    """True for an answer that has not been given yet: ``____``, ``None``, ``...``.

    A list, set or tuple holding only blanks counts as blank too.

    >>> is_blank(____), is_blank(None), is_blank([____, ____]), is_blank(0), is_blank("")
    (True, True, True, False, False)
    """
    if answer is BLANK or answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, (list, tuple, set, frozenset)) and answer:
        return all(item is BLANK or item is Ellipsis for item in answer)
    return False


# ====================================================================== what a learner sees
def brief_repr(value, limit=80):
    """A short, readable repr of a learner's value for use inside a message."""
    try:
        if isinstance(value, (set, frozenset)):
            text = "{" + ", ".join(sorted(repr(v) for v in value)) + "}" if value else "set()"
        else:
            text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def tidy_number(number):
    """2.0 -> 2 for showing a number; other values unchanged."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return int(number)
    return number


def listing(values, limit=6):
    values = list(values)
    shown = ", ".join(brief_repr(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


_SAME_IN_PLURAL = {"people", "criteria", "data", "staff", "sheep"}


def plural_noun(word):
    """The plural of an English noun (the last word of ``word`` changes).

    >>> [plural_noun(w) for w in ("member", "priority", "day", "box", "match", "more option", "criteria")]
    ['members', 'priorities', 'days', 'boxes', 'matches', 'more options', 'criteria']
    """
    head, _, last = word.rpartition(" ")
    lower = last.lower()
    if lower in _SAME_IN_PLURAL:
        many = last
    elif len(last) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        many = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        many = last + "es"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def plural(count, word, many=None):
    """``count`` and the word, in the plural unless the count is 1.

    >>> plural(1, "member"), plural(2, "member"), plural(0, "priority"), plural(2, "entry", "entries")
    ('1 member', '2 members', '0 priorities', '2 entries')
    """
    return f"{count} {word if count == 1 else (many or plural_noun(word))}"


def a_or_an(word):
    """``word`` with "a" or "an" in front, by its first letter (good enough for the course's words).

    >>> a_or_an("region"), a_or_an("aim"), a_or_an("priority")
    ('a region', 'an aim', 'a priority')
    """
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def text_to_html(text):
    """Turn a plain-text message into safe HTML.

    Everything is escaped first, so text a learner typed can never become markup. Then
    ```code``` becomes ``<code>``, ``**bold**`` and ``*italic*`` (outside code) become
    ``<strong>`` and ``<em>``, blank lines separate paragraphs, and a paragraph whose lines all
    start with ``- `` becomes a bulleted list.

    >>> text_to_html("Try `len(G)`.\\n\\n- <b>one</b>\\n- **two**")
    '<p>Try <code>len(G)</code>.</p><ul><li>&lt;b&gt;one&lt;/b&gt;</li><li><strong>two</strong></li></ul>'
    """
    parts = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        escaped = _inline(html.escape(paragraph, quote=False))
        lines = escaped.split("\n")
        if lines and all(line.startswith("- ") for line in lines):
            parts.append("<ul>" + "".join(f"<li>{line[2:]}</li>" for line in lines) + "</ul>")
        elif paragraph.strip():
            parts.append("<p>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


def _inline(escaped):
    """Code spans, then bold and italic in the text between them (already HTML-escaped)."""
    pieces = re.split(r"(`[^`\n]+`)", escaped)
    for i, piece in enumerate(pieces):
        if i % 2:
            pieces[i] = f"<code>{piece[1:-1]}</code>"
        else:
            piece = re.sub(r"\*\*([^*\n]+)\*\*", r"<strong>\1</strong>", piece)
            pieces[i] = re.sub(r"(?<![\w*])\*([^*\s][^*\n]*?)\*(?![\w*])", r"<em>\1</em>", piece)
    return "".join(pieces)


# Colour, icon and words together, so nothing depends on seeing colour. Text is dark on a
# light background in every theme, with contrast above 7:1.
_STYLES = {
    CORRECT: ("\u2714", "#1e6b2f", "#e9f5ec", "#10361a"),
    NOT_ATTEMPTED: ("\u270e", "#5b6770", "#f0f2f4", "#1f2a30"),
    INCORRECT: ("\u21bb", "#a15c00", "#fff4e2", "#3d2500"),
    "hint": ("\u2794", "#1a5fb4", "#eaf1fb", "#0e2a50"),
    "solution": ("\u2726", "#5a3d99", "#f1ecfa", "#2a1a4a"),
    "info": ("\u2139", "#1a5fb4", "#eaf1fb", "#0e2a50"),
}


_shown_in_this_cell = []


_shells_with_cleanup = set()


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    return get_ipython()


class Feedback:
    """Something the learner is shown: a verdict, a hint, a solution or a note.

    In Jupyter it appears as a coloured box with an icon and words; elsewhere as plain text.

    Attributes
    ----------
    kind : str
        "correct", "not_attempted", "incorrect", "hint", "solution" or "info".
    title : str
        The words in bold at the start, e.g. "Correct" or "Hint 1 of 3".
    message : str
        The explanation, plain text (```code``` allowed).
    code : str or None
        Code to show in a block (a worked solution).
    where : str
        Which exercise it is about, e.g. "Question 1".
    """

    def __init__(self, kind, title, message="", *, code=None, where=""):
        self.kind = kind
        self.title = title
        self.message = message
        self.code = code
        self.where = where
        self._suppress_once = False

    # -- plain text
    def text(self):
        head = self.title + (f" ({self.where})" if self.where else "")
        body = f"{head}: {self.message}" if self.message else head
        if self.code:
            body += "\n\n" + "\n".join("    " + line for line in self.code.splitlines())
        return body

    def __str__(self):
        return self.text()

    def __repr__(self):
        return self.text()

    # -- HTML
    def _repr_html_(self):
        icon, accent, background, ink = _STYLES.get(self.kind, _STYLES["info"])
        where = (f' <span style="font-weight:normal">({html.escape(self.where)})</span>' if self.where else "")
        code = ""
        if self.code:
            code = (f'<pre style="background:#ffffff;color:#1f2a30;border:1px solid #d0d7de;padding:0.5em 0.7em;'
                    f'margin:0.4em 0;white-space:pre-wrap"><code>{html.escape(self.code, quote=False)}</code></pre>')
        return (
            f'<div class="netlearn-feedback netlearn-feedback-{self.kind}" role="status" '
            f'style="border-left:6px solid {accent};background:{background};color:{ink};'
            f'padding:0.5em 0.9em;margin:0.4em 0;border-radius:4px;line-height:1.45">'
            f'<div style="font-weight:bold"><span aria-hidden="true" style="color:{accent}">{icon}</span> '
            f'{html.escape(self.title)}{where}</div>'
            f"{code}{text_to_html(self.message)}</div>"
        )

    # -- showing it in Jupyter straight away
    def _publish(self):
        from IPython.display import display

        display({"text/plain": self.text(), "text/html": self._repr_html_()}, raw=True)

    def _ipython_display_(self):
        if self._suppress_once:
            self._suppress_once = False
            return
        self._publish()

    def show(self):
        """Show it now (in Jupyter), even when it is not the last line of the cell; return it.

        Returned to the cell, it is not shown a second time.
        """
        shell = _shell()
        if shell is None or not hasattr(shell, "events"):
            return self
        self._publish()
        self._suppress_once = True
        _shown_in_this_cell.append(self)
        if id(shell) not in _shells_with_cleanup:
            shell.events.register("post_run_cell", _forget_shown)
            _shells_with_cleanup.add(id(shell))
        return self


def _forget_shown(*_args):
    # After a cell, an object kept in a variable shows normally again.
    while _shown_in_this_cell:
        _shown_in_this_cell.pop()._suppress_once = False


_TITLES = {CORRECT: "Correct", NOT_ATTEMPTED: "Not attempted yet", INCORRECT: "Not yet"}


class CheckResult(Feedback):
    """The result of checking an answer.

    Attributes
    ----------
    status : str
        "correct", "not_attempted" or "incorrect".
    message : str
        What the learner reads: why it matters, or what to look at.
    exercise : str
        The exercise's key, e.g. ``"how_exercises_work.q1"``.
    """

    def __init__(self, status, message, *, exercise="", where=""):
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
        super().__init__(status, _TITLES[status], message, where=where)
        self.status = status
        self.exercise = exercise

    @property
    def correct(self):
        return self.status == CORRECT
