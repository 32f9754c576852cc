"""An active-listening coach: does a reply to a colleague's problem listen, or jump in?

The masterclass asked network leaders to practise *not* solving other people's problems: to ask,
reflect back and check they have understood, so that the person (and the network) finds the
answer. This module reads a written reply and says which of those moves it makes, and where it
jumps in instead: with advice, an instruction, a story of what worked elsewhere, a rhetorical
question, a rebuke, or reassurance that closes the conversation down. It is deliberately simple
and transparent:

* the rules are plain data (:data:`RULES`, in :mod:`netlearn.listening_rules`, or
  :func:`rules_table` to print them), each a regular expression with a name, a kind (``"advice"``,
  meaning jumping in, or ``"listening"``) and a sentence that explains it;
* every finding quotes the words that matched, so a learner can see exactly why;
* it reads **wording, not tone**. It knows "What were you thinking...?" as a rebuke, but an
  unkind reply can still be worded as a perfect open question. Treat the verdict as a prompt to
  look again at your words, not as a mark.

How a reply is read
    The reply is split into sentences. A sentence that ends with ``?`` and starts with *what, how,
    where, when, who, which* or *why* is an **open question**, unless it is a suggestion (*how
    about ..., what if you ..., why don't you ...*) or a rebuke (*what were you thinking ...*).
    Advice phrases inside an open question are not counted ("What do you think you should do?"
    hands the choice back). "Have you tried ...?" at the start of a sentence is advice; "What
    have you tried so far?" is an open question. A verb that gives the person room ("Take your
    time", "Talk me through it") is listening, not an instruction. A plain statement that
    restates what was heard ("So the GPs want it, but nobody has time") is a **play-back**.

Verdicts
    ``"listens"`` (listening moves and no jumping in), ``"advises"`` (jumping in and no
    listening), ``"mixed"`` (both) or ``"unclear"`` (neither was recognised: the coach cannot tell).

How well it reads unseen replies
    See :func:`coach`: it states the agreement on the held-out replies, which the tests recompute.

>>> coach("Have you tried asking the practice managers?").label
'advises'
>>> coach("What have you tried so far?").label
'listens'
>>> result = coach("It sounds like a hard week. You should take it to the board.")
>>> result.label, [f.phrase for f in result.findings]
('mixed', ['It sounds like', 'You should'])
>>> coach("Don't worry, you'll be fine.").summary.split(":")[0]
'Jumps in with reassurance'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd

from .errors import DataError
from .listening_rules import ADVICE, LISTENING, RULES, Rule

__all__ = ["ADVICE", "LISTENING", "LABELS", "RULES", "Rule", "Finding", "CoachResult", "coach", "rules_table",
           "split_sentences", "is_open_question", "evaluate_examples", "load_examples", "EXAMPLE_COLUMNS", "SPLITS",
           "SCENARIOS", "result_html"]

#: The verdicts the coach can give; the labelled examples use the first three.
LABELS = ("listens", "advises", "mixed", "unclear")

_OPEN_STARTS = r"(?:what|how|where|when|who|whom|which|why)"
# "so", "and", "ok" or a short lead-in such as "I'm curious," may come before the question word.
_LEAD_IN = r"(?:(?:so|and|ok|okay|right|then|i'm curious|i am curious|i wonder)\s*,?\s+)?"
_OPEN = re.compile(rf"^\W*{_LEAD_IN}{_OPEN_STARTS}\b", re.IGNORECASE)


_OPEN_RULE = next(rule for rule in RULES if rule.name == "open question")


@dataclass(frozen=True)
class Finding:
    """One thing the coach found: which rule, the words that matched, and the sentence they are in."""

    rule: str
    kind: str
    phrase: str
    sentence: str
    explanation: str
    counted: bool = True

    def text(self):
        note = "" if self.counted else " (inside an open question, so not counted as advice)"
        return f"{self.kind}: {self.rule} - \u201c{self.phrase}\u201d{note}"

    def __repr__(self):
        return self.text()


@dataclass
class CoachResult:
    """What the coach made of a reply.

    Attributes
    ----------
    reply : str
    label : str
        ``"listens"``, ``"advises"``, ``"mixed"`` or ``"unclear"``.
    findings : list of Finding
        Everything matched, in the order of the reply (advice inside an open question is listed
        with ``counted=False``).
    is_question : bool
        True if any sentence ends with a question mark.
    open_questions : list of str
        The sentences read as open questions.
    """

    reply: str
    label: str
    findings: list = field(default_factory=list)
    is_question: bool = False
    open_questions: list = field(default_factory=list)

    @property
    def advice(self):
        """The advice findings that count."""
        return [f for f in self.findings if f.kind == ADVICE and f.counted]

    @property
    def listening(self):
        """The listening findings."""
        return [f for f in self.findings if f.kind == LISTENING]

    def has(self, rule):
        """True if a counted finding of the rule named ``rule`` was made."""
        return any(f.rule == rule and f.counted for f in self.findings)

    @property
    def summary(self):
        """One plain sentence on the verdict."""
        n_advice, n_listen = len(self.advice), len(self.listening)
        if self.label == "listens":
            return (f"Listens: {_count(n_listen, 'listening move')} and no advice. The problem stays with the "
                    "person who owns it.")
        reassures = [f for f in self.advice if f.rule == "closing reassurance"]
        if self.label == "advises" and len(reassures) == n_advice:
            return ("Jumps in with reassurance: it closes the conversation down before the person has been heard. "
                    "Reassurance is a kind of jumping in. Try saying back what you heard, or asking what worries "
                    "them most.")
        if self.label == "advises":
            return (f"Jumps to a solution: {_count(n_advice, 'piece')} of advice and no listening move. Try "
                    "asking an open question or saying back what you heard first.")
        if self.label == "mixed" and len(reassures) == n_advice:
            return (f"Mixed: {_count(n_listen, 'listening move')}, then reassurance that closes the conversation "
                    "down (a kind of jumping in). Could you stay with the worry instead?")
        if self.label == "mixed":
            return (f"Mixed: {_count(n_listen, 'listening move')} and {_count(n_advice, 'piece')} of advice. "
                    "The advice is likely to be what the person remembers; could you leave it out for now?")
        if not self.reply.strip():
            return "Nothing to read yet: write a reply first."
        return ("Unclear: the coach recognised neither advice nor a listening move. That is not a verdict on "
                "your reply; look at the rules to see what it looks for.")

    def text(self):
        """The verdict and every finding, as plain text."""
        lines = [self.summary]
        lines += [" - " + f.text() for f in self.findings]
        return "\n".join(lines)

    def __str__(self):
        return self.text()

    def __repr__(self):
        return self.text()

    def _repr_html_(self):
        return result_html(self)


def _count(n, word):
    return f"{n} {word}{'' if n == 1 else 's'}"


def split_sentences(reply):
    """Split a reply into sentences at ``.``, ``!``, ``?`` or a line break.

    >>> split_sentences("That sounds hard. What happened next? Tell me more")
    ['That sounds hard.', 'What happened next?', 'Tell me more']
    """
    parts = re.split(r"(?<=[.!?])\s+|\n+", str(reply).strip())
    return [p.strip() for p in parts if p.strip()]


def is_open_question(sentence):
    """True for a sentence that ends with ``?`` and starts with an open question word.

    A question that an advice rule counting inside open questions matches is not open: a suggestion
    ("How about...?", "Why don't you...?") or a rebuke ("What were you thinking...?").

    >>> is_open_question("What have you tried so far?"), is_open_question("Have you tried that?")
    (True, False)
    >>> is_open_question("How about asking her?"), is_open_question("What were you thinking?")
    (False, False)
    """
    sentence = sentence.strip()
    if not (sentence.endswith("?") and _OPEN.match(sentence)):
        return False
    return not any(_matches(rule, regex, sentence) for rule, regex in _compiled_rules()
                   if rule.kind == ADVICE and rule.counts_in_open_question)


def _matches(rule, regex, sentence):
    """The matches of one rule in one sentence (at most one for a sentence-start rule)."""
    if regex is None:
        return []
    if rule.sentence_start:
        match = regex.match(sentence)
        return [match] if match else []
    return list(regex.finditer(sentence))


_COMPILED = None


def _compiled_rules():
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = [(rule, rule.compiled() if rule.pattern else None) for rule in RULES]
    return _COMPILED


def coach(reply):
    """Read a reply to a colleague's problem and say whether it listens or jumps to a solution.

    Parameters
    ----------
    reply : str
        What you would say or write back.

    Returns
    -------
    CoachResult
        ``.label`` (listens / advises / mixed / unclear), ``.findings`` (each quoting the matched
        words), ``.summary`` and ``.text()``; shows as a coloured box in Jupyter.

    Accuracy
    --------
    ``datasets/listening/example_replies.csv`` holds 154 replies labelled by a person. The 56 marked
    ``split = held_out`` were written before the present rules and never used to write them. On
    those the coach gives the person's label for 55 of 56 held-out replies (98.2%), and it calls
    none of the 27 listening replies among them jumping in. (The coach before these rules agreed on
    21 of 56, 37.5%.) Expect it to do less well on your own words: the held-out replies were written by
    the same course team.

    Examples
    --------
    >>> coach("So you're saying the GPs feel left out. Have I got that right?").label
    'listens'
    >>> coach("Why don't you just email them all?").advice[0].phrase
    "Why don't you"
    """
    if not isinstance(reply, str):
        raise TypeError(f"coach() reads text: give your reply in quotes, e.g. coach(\"What happened?\"), "
                        f"not {type(reply).__name__}.")
    findings, open_questions = [], []
    sentences = split_sentences(reply)
    for sentence in sentences:
        is_open = is_open_question(sentence)
        if is_open:
            open_questions.append(sentence)
            words = sentence if len(sentence) <= 70 else sentence[:67].rstrip() + "..."
            findings.append(Finding("open question", LISTENING, words, sentence, _OPEN_RULE.explanation))
        in_sentence, fallbacks = [], []
        for rule, regex in _compiled_rules():
            for match in _matches(rule, regex, sentence):
                phrase = re.sub(r"^\W+", "", match.group(0).strip(" ,"))
                if rule.fallback:  # e.g. a play-back: a match of its own words, not a word of the next one
                    phrase = sentence if len(sentence) <= 70 else sentence[:67].rstrip() + "..."
                counted = not (rule.kind == ADVICE and is_open and not rule.counts_in_open_question)
                finding = Finding(rule.name, rule.kind, phrase, sentence, rule.explanation, counted)
                (fallbacks if rule.fallback else in_sentence).append(finding)
        findings += in_sentence if (in_sentence or is_open) else fallbacks[:1]
    # An instruction and a more specific advice rule can match the same words: keep the specific one.
    findings = _drop_overlaps(findings)
    n_advice = sum(1 for f in findings if f.kind == ADVICE and f.counted)
    n_listen = sum(1 for f in findings if f.kind == LISTENING)
    if n_advice and n_listen:
        label = "mixed"
    elif n_advice:
        label = "advises"
    elif n_listen:
        label = "listens"
    else:
        label = "unclear"
    order = {s: i for i, s in enumerate(sentences)}
    findings.sort(key=lambda f: (order.get(f.sentence, 0), f.sentence.lower().find(f.phrase.lower())))
    return CoachResult(reply=reply, label=label, findings=findings,
                       is_question=any(s.endswith("?") for s in sentences), open_questions=open_questions)


def _drop_overlaps(findings):
    kept = []
    for f in findings:
        # "Take your time", "Talk me through it": a verb first, but the words are a listening move.
        if f.rule == "instruction" and any(g.sentence == f.sentence and g.kind == LISTENING
                                           and g.phrase.lower().startswith(f.phrase.lower()) for g in findings):
            continue
        if f.rule == "instruction" and any(g.sentence == f.sentence and g.kind == ADVICE and g.rule != f.rule
                                           and (g.phrase.lower() in f.phrase.lower()
                                                or f.phrase.lower() in g.phrase.lower())
                                           for g in findings):
            continue
        if f.rule == "you could just" and any(g.sentence == f.sentence and g.rule == "you should"
                                              for g in findings):
            continue
        kept.append(f)
    return kept


def rules_table():
    """The rules as a table you can print: name, kind, what it looks for, and the pattern.

    >>> table = rules_table()
    >>> sorted(set(table["kind"]))
    ['advice', 'listening']
    """
    rows = []
    for rule in RULES:
        where = "start of a sentence" if rule.sentence_start else "anywhere"
        if rule.name == "open question":
            where = "a whole sentence ending in ?"
        if rule.fallback:
            where += ", only when nothing else is found in the sentence"
        if rule.kind == ADVICE:
            where += "; counts inside an open question" if rule.counts_in_open_question else \
                "; not counted inside an open question"
        rows.append({"rule": rule.name, "kind": rule.kind, "what it looks for": rule.explanation, "where": where,
                     "pattern": rule.pattern or f"^{_LEAD_IN}{_OPEN_STARTS} ... ?$"})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------- HTML
_COLOURS = {  # colour, icon and word together, so nothing depends on seeing colour
    "listens": ("\u2714", "#1e6b2f", "#e9f5ec", "#10361a"),
    "advises": ("\u21bb", "#a15c00", "#fff4e2", "#3d2500"),
    "mixed": ("\u25d1", "#5a3d99", "#f1ecfa", "#2a1a4a"),
    "unclear": ("?", "#5b6770", "#f0f2f4", "#1f2a30"),
}


def result_html(result):
    """The verdict and findings as safe HTML (the learner's words are escaped)."""
    icon, accent, background, ink = _COLOURS[result.label]
    items = []
    for f in result.findings:
        kind = "Listening" if f.kind == LISTENING else "Advice"
        note = "" if f.counted else " <i>(inside an open question, so not counted)</i>"
        items.append(f"<li><b>{kind}</b> ({html.escape(f.rule)}): &ldquo;{html.escape(f.phrase)}&rdquo;{note}"
                     f"<br><span style=\"font-size:0.92em\">{html.escape(f.explanation)}</span></li>")
    found = f"<ul style=\"margin:0.3em 0\">{''.join(items)}</ul>" if items else ""
    return (f'<div class="netlearn-listening-result netlearn-listening-{result.label}" role="status" '
            f'aria-live="polite" style="border-left:6px solid {accent};background:{background};color:{ink};'
            f'padding:0.5em 0.9em;margin:0.4em 0;border-radius:4px;line-height:1.45">'
            f'<div style="font-weight:bold"><span aria-hidden="true" style="color:{accent}">{icon}</span> '
            f'{html.escape(result.summary)}</div>{found}'
            f'<div style="font-size:0.88em;margin-top:0.3em">The coach reads your wording, not your tone or '
            f'the relationship: use it as a prompt to look again, not as a mark.</div></div>')


# ---------------------------------------------------------------------- the labelled examples
#: The columns of the labelled examples, and the values ``label`` and ``split`` may take.
EXAMPLE_COLUMNS = ("reply", "label", "form", "split", "note")
SPLITS = ("rules", "held_out")


def load_examples(path=None):
    """The labelled example replies (``datasets/listening/example_replies.csv``).

    Columns: ``reply``; ``label`` (listens, advises or mixed); ``form`` (which move or moves it
    makes, e.g. "play-back" or "reflecting back + best bet"); ``split`` (``rules``: used when the
    rules were written; ``held_out``: kept out of rule-writing, to measure the coach on unseen
    replies); ``note`` (why it has that label).

    >>> examples = load_examples()
    >>> sorted(set(examples["split"]))
    ['held_out', 'rules']
    """
    if path is None:
        from .loaders import datasets_folder

        path = datasets_folder() / "listening" / "example_replies.csv"
    name = getattr(path, "name", str(path))
    examples = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in EXAMPLE_COLUMNS if c not in examples.columns]
    if missing:
        raise DataError(f"the column '{missing[0]}' is missing", file=name, column=missing[0],
                        fix="The header row must be: " + ",".join(EXAMPLE_COLUMNS) + ".")
    for column, allowed in (("label", LABELS[:3]), ("split", SPLITS)):
        bad = [i + 2 for i, value in enumerate(examples[column]) if value not in allowed]
        if bad:
            value = examples[column].iloc[bad[0] - 2]
            raise DataError(f"'{value}' is not a {column} the coach knows", file=name, row=bad[0], column=column,
                            fix="Use one of: " + ", ".join(allowed) + ".", more_rows=bad[1:])
    return examples


def evaluate_examples(examples=None, split=None):
    """Run the coach on labelled replies; return the replies with the coach's label and a confusion matrix.

    Parameters
    ----------
    examples : pandas.DataFrame, optional
        Replies with ``reply`` and ``label`` columns; by default :func:`load_examples`.
    split : str, optional
        Keep only the rows of this ``split`` (``"held_out"`` to see how the coach reads replies it
        was not written against).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The examples with a ``coach`` column and an ``agrees`` column; and the confusion matrix
        (rows: the label given by a person; columns: the coach's verdict).

    >>> examples, confusion = evaluate_examples(split="held_out")
    >>> f"{examples['agrees'].sum()} of {len(examples)}"
    '55 of 56'
    """
    examples = (load_examples() if examples is None else examples).copy()
    if split is not None:
        examples = examples[examples["split"] == split].reset_index(drop=True)
    examples["coach"] = [coach(reply).label for reply in examples["reply"]]
    examples["agrees"] = examples["coach"] == examples["label"]
    confusion = pd.crosstab(pd.Categorical(examples["label"], categories=LABELS[:3]),
                            pd.Categorical(examples["coach"], categories=LABELS),
                            rownames=["labelled"], colnames=["coach"], dropna=False)
    return examples, confusion


# ---------------------------------------------------------------------- scenarios for practice
#: Problems a peer might bring to you, written for the course (invented, not real cases).
SCENARIOS = {
    "The group nobody comes to": (
        "A GP colleague says: \u201cI set up a peer-learning group for the practices in our patch. After three "
        "meetings only two practices still come. I'm starting to think nobody cares.\u201d"),
    "The sponsors want numbers": (
        "A network manager says: \u201cOur sponsors want a dashboard of outcomes by March, but most of what the "
        "network does is conversations and introductions. I don't know how to show what we're worth.\u201d"),
    "Two organisations not talking": (
        "A programme lead says: \u201cTwo trusts in our network have fallen out over a shared pathway. Each sends "
        "someone different to every meeting, so nothing gets agreed and the work has stalled.\u201d"),
    "Leading without line management": (
        "A senior nurse says: \u201cI've just been asked to lead our regional network. I've never led anything "
        "where I wasn't the line manager, and honestly I'm a bit daunted.\u201d"),
}
