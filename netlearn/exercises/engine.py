"""The exercise engine: exercises declared once, checked kindly, and shown in plain words.

Three kinds of exercise
    :class:`Exercise` - the learner writes an answer in code; ``check(answer)`` marks it,
    ``hint()`` gives the next hint, ``solution()`` shows a worked answer.
    :class:`ConceptQuestion` - multiple choice (or tick all that apply) for ideas code cannot
    check, with an explanation for every option.
    :class:`Reflection` - a free-text answer that is saved for the learner, never marked.

Checkers
    A checker is any callable ``checker(answer) -> Verdict`` (or a bool). The building blocks
    below cover most questions of the course, so an exercise is a few lines:
    :func:`same_member`, :func:`same_set`, :func:`close_number`, :func:`same_mapping`, and
    :func:`answers_on_other_relations` to recognise the right measure computed on the wrong
    relation.

>>> check = same_set({"Andre", "Beverly"})
>>> check(["Beverly", "Andre"])
Verdict(correct=True, message='')
>>> check({"Andre"}).correct
False
>>> close_number(0.4)(40).message
'That looks like a percentage (40). Give it as a fraction between 0 and 1 instead: 40% is 0.4.'
"""

from __future__ import annotations

import difflib
import html
import math
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .progress import progress_store

__all__ = [
    "BLANK",
    "CheckResult",
    "ConceptQuestion",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "Option",
    "Reflection",
    "Verdict",
    "____",
    "answers_on_other_relations",
    "close_number",
    "is_blank",
    "same_mapping",
    "same_member",
    "same_set",
]

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
def _brief(value, limit=80):
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


def _tidy(number):
    """2.0 -> 2 for showing a number; other values unchanged."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return int(number)
    return number


def _listing(values, limit=6):
    values = list(values)
    shown = ", ".join(_brief(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def _plural(count, word, many=None):
    return f"{count} {word if count == 1 else (many or word + 's')}"


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


# ====================================================================== checkers
@dataclass(frozen=True)
class Verdict:
    """What a checker says: whether the answer is right, and a message for the learner."""

    correct: bool
    message: str = ""


class Mismatch(Exception):
    """Raised while reading an answer that is the wrong kind of thing; carries the feedback."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _is_number(value):
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _raw_equal(a, b):
    if _is_number(a) and _is_number(b):
        return a == b
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:
        return False


class Checker:
    """Base of the checker building blocks: read the answer, compare it, explain a difference.

    Subclasses define :meth:`read` (turn an answer into a comparable value, or raise
    :class:`Mismatch` with feedback), :meth:`same` and :meth:`explain`. ``alternatives`` is a
    list of ``(wrong_value, feedback)`` pairs: typical wrong answers that deserve their own
    feedback (the measure on another relation, a tie counted twice, ...).
    """

    def __init__(self, expected, alternatives=()):
        self.expected_raw = expected
        self.expected, _ = self.read(expected)
        self.alternatives = list(alternatives)

    def read(self, answer):  # pragma: no cover - abstract
        raise NotImplementedError

    def same(self, value, expected):
        return value == expected

    def explain(self, value, notes):
        return "That is not the answer yet. Look at the question again, or ask for a hint."

    def _alternative_for(self, answer, value=None, readable=False):
        for wrong, feedback in self.alternatives:
            if readable:
                try:
                    wrong_value, _ = self.read(wrong)
                except Mismatch:
                    wrong_value = None
                else:
                    if self.same(value, wrong_value):
                        return feedback
                    continue
            if _raw_equal(answer, wrong):
                return feedback
        return None

    def __call__(self, answer):
        try:
            value, notes = self.read(answer)
        except Mismatch as mismatch:
            return Verdict(False, self._alternative_for(answer) or mismatch.message)
        if self.same(value, self.expected):
            return Verdict(True, " ".join(notes))
        feedback = self._alternative_for(answer, value, readable=True)
        return Verdict(False, feedback or self.explain(value, notes))


# ---------------------------------------------------------------------- members
def _members_and_names(members):
    """(ids, names) from a Network, a networkx graph, a mapping id -> name, or ids."""
    if members is None:
        return None, {}
    ids, names = [], {}
    if hasattr(members, "names") and hasattr(members, "members"):      # a netlearn Network
        ids = [str(i) for i in members.members["id"]]
        id_to_name = members.names()
    elif hasattr(members, "nodes") and hasattr(members, "adj"):         # a networkx graph
        ids = [str(n) for n in members.nodes]
        id_to_name = {str(n): data.get("name") for n, data in members.nodes(data=True)}
    elif isinstance(members, Mapping):
        ids = [str(i) for i in members]
        id_to_name = {str(i): n for i, n in members.items()}
    else:
        ids = [str(i) for i in members]
        id_to_name = {}
    by_name = {}
    for member, name in id_to_name.items():
        if isinstance(name, str) and name and name != member:
            by_name.setdefault(name, []).append(member)
    for name, owners in by_name.items():
        names[name] = owners[0] if len(owners) == 1 else tuple(owners)   # a tuple: ambiguous
    return ids, names


class _MemberReader:
    """Reads one member from an answer: an id, an unambiguous name, small slips forgiven."""

    def __init__(self, members):
        self.ids, self.names = _members_and_names(members)
        self.id_set = set(self.ids) if self.ids is not None else None

    def example(self, avoid=None):
        choices = [i for i in (self.ids or []) if i != avoid]
        return repr(choices[0]) if choices else "'A'"

    def member(self, answer, avoid=None):
        """Return (id, notes); raise Mismatch if it is not a member."""
        if isinstance(answer, bool):
            raise Mismatch(f"You gave {answer}. The question asks for a member: write their id as text in "
                           f"quotes, such as {self.example(avoid)}.")
        if _is_number(answer):
            as_text = str(answer)
            if isinstance(answer, float) and answer.is_integer():
                as_text = str(int(answer))
            if self.id_set is not None and as_text in self.id_set:
                return as_text, [f"Member ids are text, so '{as_text}' (in quotes) is the way to write it in code."]
            raise Mismatch(f"You gave a number ({_brief(answer)}). The question asks for a member: write their id "
                           f"as text in quotes, such as {self.example(avoid)}.")
        if not isinstance(answer, str):
            raise Mismatch(f"You gave {_kind(answer)}. The question asks for one member: write their id as text in "
                           f"quotes, such as {self.example(avoid)}.")
        text = answer.strip()
        if self.id_set is None or text in self.id_set:
            return text, []
        if text in self.names:
            owner = self.names[text]
            if isinstance(owner, tuple):
                raise Mismatch(f"More than one member is called {text!r} (ids {_listing(owner)}), so the name does "
                               "not say which one you mean. Give the id instead.")
            return owner, [f"You gave the name; the id is {owner!r}. Both are accepted here."]
        folded = [i for i in self.ids if i.casefold() == text.casefold()]
        if len(folded) == 1:
            return folded[0], [f"In code, capitals matter: the id is written {folded[0]!r}."]
        candidates = list(self.ids) + [n for n in self.names]
        close = difflib.get_close_matches(text, candidates, n=1, cutoff=0.7)
        suggestion = f" Did you mean {close[0]!r}?" if close else ""
        raise Mismatch(f"{text!r} is not a member of this network.{suggestion} Member ids must be written exactly "
                       "as in the data, in quotes: `sorted(G.nodes)` lists them all.")


def _kind(value):
    """How to describe the type of a learner's value in words."""
    if isinstance(value, Mapping):
        return "a dict (a value for each key)"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {_plural(len(value), 'item')}"
    if isinstance(value, (set, frozenset)):
        return f"a set of {_plural(len(value), 'item')}"
    if isinstance(value, str):
        return f"the text {_brief(value)}"
    if _is_number(value):
        return f"the number {_brief(value)}"
    return f"a value of type {type(value).__name__}"


def _is_collection(value):
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping))


class MemberChecker(Checker):
    """See :func:`same_member`."""

    def __init__(self, expected, *, members=None, otherwise=None, alternatives=()):
        self.reader = _MemberReader(members)
        self.otherwise = otherwise
        super().__init__(expected, alternatives)

    def read(self, answer):
        if isinstance(answer, Mapping):
            raise Mismatch("You gave a dict (a value for each member). The question asks for one member: find the "
                           "member in your dict that answers it, and give their id.")
        if isinstance(answer, tuple) and len(answer) == 2 and isinstance(answer[0], str) and _is_number(answer[1]):
            member, notes = self.reader.member(answer[0], avoid=self.expected_raw)
            return member, notes + ["You gave a (member, value) pair; the member on its own is enough."]
        if _is_collection(answer):
            items = list(answer)
            if len(items) == 1:
                member, notes = self.reader.member(items[0], avoid=self.expected_raw)
                return member, notes + ["One member on its own is enough; there is no need to put it in a list."]
            if not items:
                raise Mismatch("You gave an empty collection. The question asks for one member, such as "
                               f"{self.reader.example(self.expected_raw)}.")
            raise Mismatch(f"You gave {_plural(len(items), 'member')} ({_listing(items)}). The question asks for "
                           "one member: pick the single one that answers it.")
        return self.reader.member(answer, avoid=self.expected_raw)

    def explain(self, value, notes):
        if self.otherwise:
            return self.otherwise
        return f"{value!r} is a member of this network, but not the one the question asks for."


def same_member(expected, *, members=None, otherwise=None, alternatives=()):
    """A checker for "which member...?" questions.

    Parameters
    ----------
    expected : str
        The right member's id.
    members : Network, networkx graph, mapping id -> name, or iterable of ids, optional
        Who is in the network. With it, misspelt ids get a "did you mean", names are accepted
        where they are unambiguous, and capitals are forgiven (with a note).
    otherwise : str, optional
        Feedback for a member who is not the answer (default: a general sentence).
    alternatives : list of (answer, feedback)
        Typical wrong answers and what to say about each.

    >>> check = same_member("Diane", members=["Andre", "Diane"],
    ...                     alternatives=[("Andre", "Andre has the most advice ties, not the most ties.")])
    >>> check("Diane").correct, check("diane").correct
    (True, True)
    >>> check("Andre").message
    'Andre has the most advice ties, not the most ties.'
    >>> check("Dianne").message[:63]
    "'Dianne' is not a member of this network. Did you mean 'Diane'?"
    """
    return MemberChecker(expected, members=members, otherwise=otherwise, alternatives=alternatives)


# ---------------------------------------------------------------------- sets
class SetChecker(Checker):
    """See :func:`same_set`."""

    def __init__(self, expected, *, members=None, what="members", alternatives=()):
        self.reader = _MemberReader(members) if members is not None else None
        self.what = what
        super().__init__(expected, alternatives)

    def read(self, answer):
        notes = []
        if isinstance(answer, str):
            if "," in answer:
                raise Mismatch(f"You gave one piece of text, {_brief(answer)}. Put each item in its own quotes, "
                               "inside a list or set: ['A', 'B'] or {'A', 'B'}.")
            raise Mismatch(f"You gave one piece of text, {_brief(answer)}. The question asks for a collection of "
                           f"{self.what}, such as ['A', 'B'] or {{'A', 'B'}}.")
        if _is_number(answer):
            raise Mismatch(f"You gave a number ({_brief(answer)}). The question asks which {self.what}, not how "
                           f"many: give them as a list or set, such as ['A', 'B'].")
        if isinstance(answer, Mapping):
            items = list(answer.keys())
            notes.append("You gave a dict; its keys were used as your answer.")
        elif _is_collection(answer):
            items = list(answer)
        else:
            raise Mismatch(f"You gave {_kind(answer)}. The question asks for a collection of {self.what}, such as "
                           "['A', 'B'] or {'A', 'B'}.")
        values = []
        for item in items:
            if self.reader is None:
                values.append(item)
                continue
            try:
                member, member_notes = self.reader.member(item)
            except Mismatch:
                values.append(item if _hashable(item) else repr(item))
                continue
            values.append(member)
            for note in member_notes:
                if note.startswith("You gave the name"):
                    note = "You gave names rather than ids; both are accepted here."
                elif note.startswith("In code, capitals"):
                    note = "In code, capitals matter: ids are written exactly as in the data."
                if note not in notes:
                    notes.append(note)
        try:
            value = frozenset(values)
        except TypeError:
            raise Mismatch("Some of the items in your answer are themselves lists or dicts. The question asks for "
                           f"a flat collection of {self.what}, such as ['A', 'B'].") from None
        repeated = sorted({_brief(v) for v in values if values.count(v) > 1})
        if repeated:
            notes.append(f"{', '.join(repeated)} appeared more than once; each counts once.")
        return value, notes

    def explain(self, value, notes):
        right = value & self.expected
        extra = [v for v in value if v not in self.expected]
        missing = len(self.expected - value)
        parts = [f"You have {len(right)} of the {len(self.expected)} {self.what}."]
        known = self.reader.id_set if self.reader is not None else None
        strangers = sorted((v for v in value if known is not None and v not in known), key=str)
        if strangers:
            parts.append(f"Not members of this network: {_listing(strangers)} (check the spelling; ids are written "
                         "exactly as in the data).")
        extra = [v for v in extra if v not in strangers]
        if extra:
            parts.append(f"{_listing(sorted(extra, key=str))} should not be in it.")
        if missing:
            parts.append(f"{_plural(missing, 'more is', f'more are')} missing.")
        return " ".join(parts)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def same_set(expected, *, members=None, what="members", alternatives=()):
    """A checker for "which members...?" questions where order does not matter.

    Accepts a list, set, tuple, any iterable (``G.neighbors(...)``), or a dict's keys.
    Feedback names the extra items and counts the missing ones (without giving them away).

    Parameters
    ----------
    expected : iterable
    members : Network, networkx graph, mapping id -> name, or iterable of ids, optional
        Turns on the member reading of :func:`same_member` for every item: names accepted where
        unambiguous, capitals forgiven, non-members pointed out.
    what : str
        What the items are, in words ("members", "groups").
    alternatives : list of (answer, feedback)

    >>> check = same_set({"Andre", "Carol"}, members=["Andre", "Carol", "Ed"])
    >>> check(("Carol", "Andre")).correct
    True
    >>> print(check(["Andre", "Ed", "Carl"]).message)  # doctest: +NORMALIZE_WHITESPACE
    You have 1 of the 2 members. Not members of this network: 'Carl' (check the spelling; ids are
    written exactly as in the data). 'Ed' should not be in it. 1 more is missing.
    """
    return SetChecker(expected, members=members, what=what, alternatives=alternatives)


# ---------------------------------------------------------------------- numbers
def _to_number(answer, what):
    if isinstance(answer, bool):
        raise Mismatch(f"You gave {answer}, which is a yes/no value. The question asks for {what}.")
    if _is_number(answer):
        if isinstance(answer, numbers.Complex) and not isinstance(answer, numbers.Real):
            raise Mismatch(f"You gave a complex number ({_brief(answer)}); the question asks for {what}.")
        value = float(answer)
        if math.isnan(value):
            raise Mismatch("Your answer is 'nan' (not a number): something in the calculation had nothing to work "
                           "on, such as dividing zero by zero.")
        return value
    if isinstance(answer, str):
        try:
            float(answer.strip().rstrip("%"))
        except ValueError:
            raise Mismatch(f"You gave the text {_brief(answer)}. The question asks for {what}.") from None
        raise Mismatch(f"You gave the number as text, {_brief(answer)}. Write it without quotes, so Python treats "
                       f"it as a number: {answer.strip()}.")
    if hasattr(answer, "item") and getattr(answer, "size", None) == 1:      # a one-element numpy/pandas value
        return _to_number(answer.item(), what)
    if isinstance(answer, Mapping):
        raise Mismatch(f"You gave a dict with {_plural(len(answer), 'entry', 'entries')}. The question asks for a "
                       f"single number: {what}.")
    if _is_collection(answer):
        items = list(answer)
        if len(items) == 1 and _is_number(items[0]):
            raise Mismatch(f"You gave the number inside a {type(answer).__name__}. Give the number on its own: "
                           f"{_brief(items[0])}, not {_brief(answer)}.")
        raise Mismatch(f"You gave {_kind(answer)}. The question asks for a single number; if you meant to count "
                       "them, `len(...)` tells you how many there are.")
    raise Mismatch(f"You gave {_kind(answer)}. The question asks for {what}.")


class NumberChecker(Checker):
    """See :func:`close_number`."""

    def __init__(self, expected, *, tolerance=None, relative=1e-9, what="a number", alternatives=()):
        self.what = what
        self.relative = relative
        super().__init__(expected, alternatives)
        if tolerance is None:
            tolerance = 1e-9 * max(1.0, abs(self.expected))
        self.tolerance = tolerance

    def read(self, answer):
        return _to_number(answer, self.what), []

    def same(self, value, expected):
        return math.isclose(value, expected, rel_tol=self.relative, abs_tol=self.tolerance)

    def explain(self, value, notes):
        return _number_difference(value, self.expected, self.same)


def _difference_kind(value, expected, same):
    """("rounded", decimals), ("percentage", None), ("fraction", None) or ("other", None)."""
    for decimals in range(0, 7):
        if same(round(expected, decimals), expected):
            break
        # Any rounding rule (Python's, a spreadsheet's): few decimals, and within half a unit of them.
        has_few_decimals = math.isclose(value, round(value, decimals), rel_tol=0, abs_tol=1e-12)
        if has_few_decimals and value != 0 and abs(value - expected) <= 0.5 * 10 ** -decimals + 1e-12:
            return "rounded", decimals
    if expected != 0 and same(value / 100, expected):
        return "percentage", None
    if expected != 0 and same(value * 100, expected):
        return "fraction", None
    return "other", None


def _number_difference(value, expected, same):
    """Feedback on a number that is not the expected one: rounding, percentages, direction."""
    kind, decimals = _difference_kind(value, expected, same)
    value = _tidy(value)
    if kind == "rounded":
        places = _plural(decimals, "decimal place")
        return (f"Nearly: {_brief(value)} looks like the answer rounded to {places}. Give it without rounding "
                "(leave out `round(...)`), so it can be compared exactly.")
    if kind == "percentage":
        return (f"That looks like a percentage ({_brief(value)}). Give it as a fraction between 0 and 1 instead: "
                f"{_brief(value)}% is {_brief(_tidy(round(value / 100, 10)))}.")
    if kind == "fraction":
        return (f"That looks like a fraction ({_brief(value)}); the question asks for a percentage. Multiply by 100: "
                f"{_brief(value)} is {_brief(_tidy(round(value * 100, 10)))}%.")
    direction = "lower" if value > expected else "higher"
    return f"Not quite: the answer is {direction} than {_brief(value)}."


def close_number(expected, *, tolerance=None, relative=1e-9, what="a number", alternatives=()):
    """A checker for a number, with a tolerance for floating-point arithmetic.

    Parameters
    ----------
    expected : int or float
    tolerance : float, optional
        How far off an answer may be and still count (absolute). By default only floating-point
        noise (``1e-9``, scaled for large numbers); pass e.g. ``0.005`` to accept two decimals.
    relative : float
        Relative tolerance, as in :func:`math.isclose`.
    what : str
        What the number is, for messages ("the number of ties").
    alternatives : list of (answer, feedback)
        E.g. ``[(36, "You counted every tie twice...")]``.

    Answers rounded too far, percentages given for fractions (and the reverse), numbers given as
    text or inside a list all get their own feedback.

    >>> check = close_number(2 / 3)
    >>> check(0.6666666666666666).correct, check(0.67).message[:36]
    (True, 'Nearly: 0.67 looks like the answer r')
    >>> print(check("0.67").message)
    You gave the number as text, '0.67'. Write it without quotes, so Python treats it as a number: 0.67.
    """
    return NumberChecker(expected, tolerance=tolerance, relative=relative, what=what, alternatives=alternatives)


# ---------------------------------------------------------------------- mappings
class MappingChecker(Checker):
    """See :func:`same_mapping`."""

    def __init__(self, expected, *, members=None, tolerance=None, relative=1e-9, what="value",
                 alternatives=()):
        self.reader = _MemberReader(members) if members is not None else None
        self.what = what
        self.relative = relative
        self.tolerance = 1e-9 if tolerance is None else tolerance
        super().__init__(expected, alternatives)

    def _close(self, a, b):
        return math.isclose(a, b, rel_tol=self.relative, abs_tol=self.tolerance)

    def read(self, answer):
        notes = []
        if isinstance(answer, Mapping):
            pairs = list(answer.items())
        elif hasattr(answer, "items") and callable(answer.items) and not isinstance(answer, (str, bytes)):
            pairs = list(answer.items())                     # a pandas Series
        elif _is_collection(answer):
            items = list(answer)
            if items and all(isinstance(i, tuple) and len(i) == 2 for i in items):
                pairs = items                                 # e.g. G.degree, or a list of (member, value)
            elif items and all(_is_number(i) for i in items):
                raise Mismatch(f"You gave {_plural(len(items), 'number')} without saying whose they are. Give a dict "
                               "from each member to their value, such as {'A': 2, 'B': 3} (`dict(...)` makes one).")
            else:
                raise Mismatch(f"You gave {_kind(answer)}. The question asks for a dict from each member to their "
                               f"{self.what}, such as {{'A': 2, 'B': 3}}.")
        else:
            raise Mismatch(f"You gave {_kind(answer)}. The question asks for a dict from each member to their "
                           f"{self.what}, such as {{'A': 2, 'B': 3}}.")
        result = {}
        for key, value in pairs:
            if self.reader is not None:
                try:
                    key, key_notes = self.reader.member(key)
                except Mismatch:
                    pass
                else:
                    for note in key_notes:
                        if note.startswith("You gave the name"):
                            note = "You used names rather than ids as keys; both are accepted here."
                        if note not in notes:
                            notes.append(note)
            if isinstance(value, bool) or not (_is_number(value) or hasattr(value, "item")):
                raise Mismatch(f"The value for {key!r} is {_kind(value)}. Each value should be a number: the "
                               f"member's {self.what}.")
            result[key] = float(value.item() if hasattr(value, "item") else value)
        return result, notes

    def same(self, value, expected):
        return value.keys() == expected.keys() and all(self._close(value[k], expected[k]) for k in expected)

    def explain(self, value, notes):
        missing = [k for k in self.expected if k not in value]
        extra = [k for k in value if k not in self.expected]
        wrong = [k for k in self.expected if k in value and not self._close(value[k], self.expected[k])]
        parts = []
        if missing:
            parts.append(f"{_plural(len(missing), 'member is', f'members are')} missing from your dict.")
        if extra:
            parts.append(f"{_listing(extra)} should not be in it (not members of this network, or not part of the "
                         "question).")
        if wrong:
            first = wrong[0]
            parts.append(f"{_plural(len(wrong), 'value is', 'values are')} not right yet, for example "
                         f"{first!r}: you have {_brief(_tidy(value[first]))}.")
            kinds = {_difference_kind(value[k], self.expected[k], self._close)[0] for k in wrong}
            if kinds == {"rounded"}:
                parts.append("They look rounded: give the values without rounding (leave out `round(...)`).")
            elif kinds == {"percentage"}:
                parts.append("They look like percentages: give fractions between 0 and 1 instead.")
            elif kinds == {"fraction"}:
                parts.append("They look like fractions: the question asks for percentages (multiply by 100).")
        correct = len(self.expected) - len(missing) - len(wrong)
        return f"{correct} of the {len(self.expected)} members have the right {self.what}. " + " ".join(parts)


def same_mapping(expected, *, members=None, tolerance=None, relative=1e-9, what="value", alternatives=()):
    """A checker for "the value of each member" questions: a dict member -> number.

    Accepts a dict, a pandas Series, or pairs such as ``G.degree``. Values are compared with a
    tolerance; keys may be names where ``members`` makes them unambiguous.

    >>> check = same_mapping({"Andre": 4, "Ed": 3}, what="degree")
    >>> check({"Ed": 3, "Andre": 4}).correct, check([("Andre", 4), ("Ed", 3)]).correct
    (True, True)
    >>> check({"Andre": 4, "Ed": 2}).message
    "1 of the 2 members have the right degree. 1 value is not right yet, for example 'Ed': you have 2."
    """
    return MappingChecker(expected, members=members, tolerance=tolerance, relative=relative, what=what,
                          alternatives=alternatives)


# ---------------------------------------------------------------------- wrong relation
def answers_on_other_relations(network, compute, relation, *, measure="measure"):
    """Typical wrong answers: the same measure computed on the network's other relations.

    Parameters
    ----------
    network : netlearn.Network
    compute : callable
        ``compute(graph) -> answer``, the calculation the question asks for.
    relation : str
        The relation the question is about.
    measure : str
        The measure's name in words, for the feedback.

    Returns
    -------
    list of (wrong_answer, feedback)
        Ready for the ``alternatives=`` of any checker. Relations whose answer equals the right
        one are left out (that answer is right whichever way it was reached).
    """
    right = compute(network.graph(relation))
    pairs = []
    for other in network.relation_names:
        if other == relation:
            continue
        value = compute(network.graph(other))
        try:
            if _raw_equal(value, right):
                continue
        except Exception:
            pass
        pairs.append((value, f"That is the right {measure}, but on the '{other}' relation. The question is about "
                             f"the '{relation}' relation: use `net.graph('{relation}')` and calculate it again."))
    return pairs


# ====================================================================== exercises
def _as_verdict(outcome):
    if isinstance(outcome, Verdict):
        return outcome
    if isinstance(outcome, bool):
        return Verdict(outcome, "")
    if isinstance(outcome, tuple) and len(outcome) == 2:
        return Verdict(bool(outcome[0]), str(outcome[1] or ""))
    raise TypeError(f"a checker must return a Verdict or a bool, not {type(outcome).__name__}")


class _Item:
    """What every kind of exercise shares: a name, a prompt, and a place in an ExerciseSet."""

    kind = "item"

    def __init__(self, name, prompt, title=None):
        self.name = name
        self.prompt = prompt
        if title is None:
            title = f"Question {name[1:]}" if re.fullmatch(r"q\d+", name) else name
        self.title = title
        self.key = name
        self.exercise_set = None

    def _store(self):
        return progress_store()

    def __repr__(self):
        return f"<{type(self).__name__} {self.key}: {self.prompt.splitlines()[0][:60]}>"


class Exercise(_Item):
    """A question answered in code, checked straight away.

    Parameters
    ----------
    name : str
        Short name within its notebook, e.g. ``"q1"``: the learner writes ``ex.q1.check(...)``.
    prompt : str
        The question, as the notebook shows it.
    checker : callable
        ``checker(answer) -> Verdict`` (see :func:`same_member` and friends).
    hints : list of str
        From a gentle nudge to nearly the answer.
    solution : str
        Code that computes the answer and assigns it to ``answer_name``.
    explanation : str
        Why the solution works, in plain words.
    wrong_answers : list of (answer, feedback_substring)
        At least two typical wrong answers, with a piece of the feedback each must get. The
        catalogue test proves them.
    why : str
        Why it matters, shown with "Correct".
    answer_name : str
        The variable the learner fills in (``most_ties = ____``).
    """

    kind = "code"

    def __init__(self, name, *, prompt, checker, hints, solution, explanation, wrong_answers, why="",
                 answer_name="answer", title=None):
        super().__init__(name, prompt, title)
        self.checker = checker
        self.hints = list(hints)
        self.solution_code = solution.strip("\n")
        self.explanation = explanation
        self.wrong_answers = list(wrong_answers)
        self.why = why
        self.answer_name = answer_name
        self._hints_shown = 0

    @property
    def starter(self):
        """The line the learner starts from, e.g. ``most_ties = ____``."""
        return f"{self.answer_name} = ____"

    def _call(self):
        return f"ex.{self.name}"

    def evaluate(self, answer):
        """Check ``answer`` without showing or recording anything; return a :class:`CheckResult`."""
        if is_blank(answer):
            return CheckResult(
                NOT_ATTEMPTED,
                f"Replace `____` with your answer (on the line `{self.starter}`), then run the cell again. "
                f"Stuck? `{self._call()}.hint()` gives a hint.",
                exercise=self.key, where=self.title)
        try:
            verdict = _as_verdict(self.checker(answer))
        except Exception as error:  # a checker must never leave the learner with a traceback
            verdict = Verdict(False, f"This answer could not be checked ({type(error).__name__}: {error}). It is "
                                     f"{_kind(answer)}; look at what the question asks for and try again.")
        if verdict.correct:
            message = " ".join(part for part in (verdict.message, self.why) if part)
            return CheckResult(CORRECT, message, exercise=self.key, where=self.title)
        message = verdict.message or "That is not the answer yet."
        message += f"\n\nTry again, or ask for a hint: `{self._call()}.hint()`."
        return CheckResult(INCORRECT, message, exercise=self.key, where=self.title)

    def check(self, answer):
        """Check your answer: says Correct, Not attempted yet, or Not yet with what to look at.

        Returns the :class:`CheckResult` (``.status``, ``.message``), which Jupyter shows.
        """
        result = self.evaluate(answer)
        if result.status != NOT_ATTEMPTED:
            self._store().record_check(self.key, result.status, kind=self.kind)
        return result.show()

    def hint(self, number=None):
        """The next hint each time you call it; ``hint(2)`` shows hint 2 again."""
        total = len(self.hints)
        if number is None:
            if self._hints_shown >= total:
                return Feedback("hint", "No more hints", (
                    f"That was the last of the {_plural(total, 'hint')}. You can see any of them again with "
                    f"`{self._call()}.hint(1)` to `{self._call()}.hint({total})`, or see a worked answer with "
                    f"`{self._call()}.solution()`."), where=self.title).show()
            number = self._hints_shown + 1
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= total:
            return Feedback("hint", "No such hint", (
                f"This question has {_plural(total, 'hint')}: ask for one of `{self._call()}.hint(1)` to "
                f"`{self._call()}.hint({total})`."), where=self.title).show()
        self._hints_shown = max(self._hints_shown, number)
        self._store().record_hint(self.key, number)
        return Feedback("hint", f"Hint {number} of {total}", self.hints[number - 1], where=self.title).show()

    def solution(self):
        """Show a worked solution and why it works (this is recorded in your progress)."""
        self._store().record_solution(self.key)
        return Feedback("solution", "Solution", self.explanation, code=self.solution_code, where=self.title).show()

    def run_solution(self, namespace):
        """Run the solution code in ``namespace`` (a dict) and return the answer it makes."""
        exec(compile(self.solution_code, f"<solution {self.key}>", "exec"), namespace)
        return namespace[self.answer_name]


@dataclass(frozen=True)
class Option:
    """One option of a :class:`ConceptQuestion`: its text, whether it is right, and why."""

    text: str
    correct: bool
    explanation: str


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class ConceptQuestion(_Item):
    """A multiple-choice question about an idea, with an explanation for every option.

    Parameters
    ----------
    name, prompt : str
    options : list of Option
    multiple : bool
        True for "tick all that apply" (check boxes); False for one answer (radio buttons).
    why : str
        Why it matters, shown with "Correct".

    In a notebook, ``ex.q4.show()`` shows the question as a widget. In code,
    ``ex.q4.check("A")`` (or ``check(["A", "C"])``, or option numbers from 0) checks a choice.
    """

    kind = "concept"

    def __init__(self, name, *, prompt, options, multiple=False, why="", title=None):
        super().__init__(name, prompt, title)
        self.options = list(options)
        self.multiple = multiple
        self.why = why

    def letter(self, index):
        return _LETTERS[index]

    def label(self, index):
        return f"{self.letter(index)}. {self.options[index].text}"

    def _explained(self, index):
        option = self.options[index]
        verdict = "fits" if option.correct else "does not fit"
        return f"- {self.letter(index)} ({verdict}): {option.explanation}"

    def answer_key(self):
        """The indices of the right options, as a tuple."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)

    def _index(self, choice):
        if isinstance(choice, bool):
            raise Mismatch(f"{choice} is not one of the options.")
        if isinstance(choice, int) and 0 <= choice < len(self.options):
            return choice
        if isinstance(choice, str):
            text = choice.strip()
            if len(text) == 1 and text.upper() in _LETTERS[: len(self.options)]:
                return _LETTERS.index(text.upper())
            for i, option in enumerate(self.options):
                if text in (option.text, self.label(i)):
                    return i
        raise Mismatch(f"{_brief(choice)} is not one of the options: use the letters "
                       f"{', '.join(_LETTERS[: len(self.options)])}.")

    def _selection(self, choice):
        if is_blank(choice) or (_is_collection(choice) and not list(choice)):
            return None
        if _is_collection(choice):
            return tuple(sorted({self._index(c) for c in choice}))
        return (self._index(choice),)

    def evaluate(self, choice):
        """Check a choice without showing or recording it; return a :class:`CheckResult`."""
        try:
            selected = self._selection(choice)
        except Mismatch as mismatch:
            return CheckResult(INCORRECT, mismatch.message, exercise=self.key, where=self.title)
        if selected is None:
            what = "Tick the options you choose" if self.multiple else "Choose an option"
            return CheckResult(NOT_ATTEMPTED, f"{what}, then press Check my answer.", exercise=self.key,
                               where=self.title)
        key = set(self.answer_key())
        if not self.multiple and len(selected) > 1:
            return CheckResult(INCORRECT, "Choose one option only.", exercise=self.key, where=self.title)
        if set(selected) == key:
            shown = range(len(self.options)) if self.multiple else selected
            lines = [self._explained(i) for i in shown]
            message = "\n".join(lines) + (f"\n\n{self.why}" if self.why else "")
            return CheckResult(CORRECT, message, exercise=self.key, where=self.title)
        lines = [self._explained(i) for i in selected]
        message = "\n".join(lines)
        if self.multiple:
            missing = len(key - set(selected))
            if missing:
                message += f"\n\nThere {'is' if missing == 1 else 'are'} {_plural(missing, 'more option')} to tick."
            if set(selected) - key:
                message += "\n\nUntick the options that do not fit, and check again."
        else:
            message += "\n\nChoose another option and check again."
        return CheckResult(INCORRECT, message, exercise=self.key, where=self.title)

    def check(self, choice):
        """Check a choice made in code (letters, option numbers from 0, or option texts)."""
        result = self.evaluate(choice)
        if result.status != NOT_ATTEMPTED:
            try:
                selection = self._selection(choice)
            except Mismatch:
                selection = None
            self._store().record_check(self.key, result.status, kind=self.kind,
                                       choice=[self.letter(i) for i in selection] if selection else None)
        return result.show()

    def record(self, selection, result):
        """Record a choice made in the widget."""
        if result.status != NOT_ATTEMPTED:
            self._store().record_check(self.key, result.status, kind=self.kind,
                                       choice=[self.letter(i) for i in selection])

    def show(self):
        """The question as a widget: options, a Check my answer button, and the feedback."""
        from .widgets import concept_widget

        return concept_widget(self)


class Reflection(_Item):
    """A question to think about and write down; saved for the learner, never marked.

    Parameters
    ----------
    name, prompt : str
    guidance : str
        A line or two on how to go about it.
    placeholder : str
        Faint text in the empty box.
    """

    kind = "reflection"

    def __init__(self, name, *, prompt, guidance="", placeholder="Write your thoughts here.", title=None):
        super().__init__(name, prompt, title or "Reflection")
        self.guidance = guidance
        self.placeholder = placeholder

    @property
    def saved(self):
        """What was saved before, as ``{"text": ..., "saved_at": ...}``, or None."""
        return self._store().reflection(self.key)

    def save(self, text):
        """Save your reflection (replacing an earlier one); return a note saying where it is kept."""
        store = self._store()
        if not str(text).strip():
            return Feedback("info", "Nothing saved", "Write a sentence or two first, then save.", where=self.title)
        store.save_reflection(self.key, text)
        return Feedback("info", "Saved", f"Your reflection is saved on this computer ({store.location()}). It is "
                                         "not marked, and it will be here when you open the notebook again.",
                        where=self.title)

    def show(self):
        """A text box with your saved reflection (if any) and a Save button."""
        from .widgets import reflection_widget

        return reflection_widget(self)


class ExerciseSet:
    """The exercises of one exercise notebook, in order.

    Parameters
    ----------
    name : str
        The module's name, e.g. ``"how_exercises_work"``; keys of its items are ``name.q1``...
    number : int
        The notebook's number in the course.
    title : str
    items : list of Exercise, ConceptQuestion and Reflection
    namespace : callable, optional
        Returns the variables the notebook's setup cell makes (``net``, ``G``...), as a fresh
        dict: solutions are run in it by the catalogue test.
    """

    def __init__(self, name, *, number, title, items, namespace=None):
        self.name = name
        self.number = number
        self.title = title
        self.items = list(items)
        self.namespace = namespace or dict
        self.notebook = f"exercises/{number:02d}_{name}.ipynb"
        names = [item.name for item in self.items]
        if len(set(names)) != len(names):
            raise ValueError(f"{name}: two exercises share a name: {names}")
        for item in self.items:
            item.key = f"{name}.{item.name}"
            item.exercise_set = self

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, name):
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(name)

    def __repr__(self):
        return f"<ExerciseSet {self.notebook}: {len(self.items)} exercises>"

    def progress(self):
        """A small widget showing which of these exercises are done."""
        from .widgets import progress_widget

        return progress_widget(self)
