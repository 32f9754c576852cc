"""Feedback on a draft purpose statement: five questions, each answered from a word list.

:func:`check_purpose` looks for phrases from :data:`PURPOSE_RULES` (print them with
:func:`rules_table` or :func:`describe_rules`, and change them if you disagree), says which phrase
it found and, where it found none, what to add. It checks wording, not truth: see :data:`LIMITS`.
:data:`EXAMPLE_STATEMENTS` are drafts to practise on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from ..errors import MeasureError

__all__ = [
    "Criterion", "CriterionResult", "PurposeFeedback", "PURPOSE_RULES", "LIMITS", "EXAMPLE_STATEMENTS",
    "check_purpose", "rules_table", "describe_rules", "phrase_pattern",
]


# =========================================================================== the rules, as data


@dataclass(frozen=True)
class Criterion:
    """One question a purpose statement should answer, and the phrases that count as answering it.

    Attributes
    ----------
    key : str
        Short name, e.g. ``"whom"``.
    label : str
        The question in a few words, e.g. "Whom it serves".
    question : str
        The question in full, as a member might ask it.
    phrases : tuple of str
        Phrases that count as an answer (see :func:`phrase_pattern` for the small notation).
    general : tuple of str
        Phrases that count, but only as a general answer: the criterion is met, with a note
        asking for something more specific.
    suggestion : str
        What to add when no phrase is found.
    """

    key: str
    label: str
    question: str
    phrases: tuple
    general: tuple = ()
    suggestion: str = ""

    def __repr__(self):
        return (f"Criterion '{self.key}' ({self.label}): {self.question} {len(self.phrases)} phrases"
                f"{f', {len(self.general)} general ones' if self.general else ''}.")


#: The five checks, in the order they are reported. Change a copy of these (or write your own
#: :class:`Criterion` list) and pass it as ``rules=`` to :func:`check_purpose`.
PURPOSE_RULES = (
    Criterion(
        "whom",
        "Whom it serves",
        "Whose lives or work will be better because this network exists?",
        phrases=("patient*", "people who", "people with", "people living", "people in", "people using",
                 "people affected", "older people", "young people", "local people", "those who", "anyone who",
                 "families", "family", "parents", "children", "babies", "mothers", "carer*", "resident*",
                 "citizen*", "service users", "communities", "population*", "adults", "staff in", "staff who",
                 "staff working"),
        suggestion="Name the people the network is for: patients with a condition, residents of an area, "
                   "carers, staff in a service. 'Our members' is not enough on its own.",
    ),
    Criterion(
        "change",
        "What change it seeks",
        "What will be different, and for whom, if the network succeeds?",
        phrases=("so that", "reduc*", "increas*", "cut", "cuts", "halve", "halving", "prevent*", "avoid*",
                 "eliminat*", "end to", "shorten*", "faster", "fewer", "close the gap", "narrow*", "lower",
                 "raise", "speed up", "stop", "spread"),
        general=("improve", "improves", "improving", "better", "transform", "transforming", "enhance",
                 "develop"),
        suggestion="Say what will change: what will go up, go down, start or stop, and for whom. "
                   "'Improve care' is a start; 'fewer emergency admissions for people with heart failure' "
                   "says what improving means.",
    ),
    Criterion(
        "why_network",
        "Why a network, not a hierarchy",
        "Why does this need people from many places working as peers, rather than one organisation "
        "telling its staff what to do?",
        phrases=("no single", "no one organisation", "no one organization", "no organisation", "none of us",
                 "alone", "on our own", "on its own", "as equals", "as peers", "across organisations",
                 "across organizations", "across boundaries", "across organisational boundaries", "across sectors",
                 "across professions", "across the system", "whole system", "whole pathway",
                 "between organisations", "without a hierarchy"),
        general=("together", "collaborat*", "connect*", "partnership*", "jointly", "collectiv*"),
        suggestion="Say why the work needs a network: what no single organisation, team or profession can "
                   "do on its own, or which boundaries the network crosses.",
    ),
    Criterion(
        "reciprocity",
        "What members get back",
        "What does a member give, and what do they get in return?",
        phrases=("in return", "each other", "each other's", "one another", "mutual*", "reciproc*",
                 "give and get", "give and take", "something back", "members get", "members gain",
                 "members receive", "members will get", "members will gain", "you get", "you will get",
                 "peer support", "support from peers", "learn from", "swap", "exchange"),
        suggestion="Say what members get back for their time: help with their own problems, skills, "
                   "contacts, data, a voice. People give to a network when they also gain from it.",
    ),
    Criterion(
        "impact",
        "How we will know",
        "What will tell members, and the people the network serves, that it is working?",
        phrases=("we will know", "we'll know", "measur*", "track*", "monitor*", "evaluat*", "evidence", "data",
                 "indicator*", "metric*", "target*", "baseline", "<number>%", "<number> per cent",
                 "<number> percent", "by <year>", "within <number> months", "within <number> years",
                 "within a year", "by half", "halve", "halving"),
        suggestion="Say how you will know it is working: a measure you will track, a target and a date, or "
                   "what members and patients will see. 'We will know when...' is a good way in.",
    ),
)


#: What the checker can and cannot do. Shown with every result.
LIMITS = (
    "This is a practice aid that reads wording, not a judge of truth. It looks for phrases from the lists "
    "above, so a statement can pass every check and still be a purpose nobody shares. It can miss a point "
    "made in other words (add the phrase to the list), and it can be fooled by a phrase used in another "
    "sense, for example after 'not'. Use it to start a conversation with members, not to grade a purpose."
)


#: A labelled set of statements written for the course: each with what a careful reader would say
#: it answers (``expected``) and, where the word lists get it wrong, what the checker says instead
#: (``checker_says``) and why (``limitation``). Used by the tests and offered as examples in the widget.
EXAMPLE_STATEMENTS = {
    "stroke_network": {
        "title": "A regional stroke network (answers all five)",
        "text": "Our stroke network exists so that people who have a stroke anywhere in the region get the same "
                "fast, expert care in the first hour. No single hospital or ambulance service can fix this alone, "
                "so clinicians from every organisation work across boundaries as peers. Members get practical "
                "help from peers in return for sharing their own data and lessons. We will know we are "
                "succeeding when door-to-needle times are under 60 minutes in every unit by 2027.",
        "expected": {"whom", "change", "why_network", "reciprocity", "impact"},
    },
    "slogan": {
        "title": "A slogan (general words only)",
        "text": "Working together to transform care.",
        "expected": {"change", "why_network"},
        "general": {"change", "why_network"},
    },
    "activities": {
        "title": "A list of activities (says what, not why)",
        "text": "The network meets quarterly, publishes a newsletter and runs an annual conference for its members.",
        "expected": set(),
    },
    "crisis_care": {
        "title": "Crisis care (no reason for a network)",
        "text": "We are primary care and mental health teams who want to reduce avoidable A&E visits by people in "
                "mental health crisis. Members learn from each other's pilots, and we track attendances every "
                "quarter.",
        "expected": {"whom", "change", "reciprocity", "impact"},
    },
    "members_club": {
        "title": "A members' club (only what members get)",
        "text": "A place for improvement leads to share ideas, support one another and grow their skills.",
        "expected": {"reciprocity"},
    },
    "discharge": {
        "title": "Hospital discharge (nothing back for members)",
        "text": "Our partnership will cut the time older people wait to leave hospital, because no one organisation "
                "controls the whole pathway. We will measure delayed discharges every week.",
        "expected": {"whom", "change", "why_network", "impact"},
    },
    "diabetes_families": {
        "title": "Families and teams as equals (no way to know)",
        "text": "Parents of children with diabetes and the teams who care for them meet as equals, so that families "
                "shape the service. Everyone gives time and everyone gets something back: parents gain "
                "confidence, staff gain insight.",
        "expected": {"whom", "change", "why_network", "reciprocity"},
    },
    "falls_target": {
        "title": "A target on its own (no network, nothing back)",
        "text": "Halve falls among care home residents across the county by 2027.",
        "expected": {"whom", "change", "impact"},
    },
    "command": {
        "title": "An instruction from the top (a hierarchy, not a network)",
        "text": "The programme board will direct all trusts to adopt the new pathway and report compliance monthly.",
        "expected": set(),
    },
    "negation": {
        "title": "A limit: words used after 'not'",
        "text": "We will not measure anything or set targets: this group is about relationships.",
        "expected": set(),
        "checker_says": {"impact"},
        "limitation": "'measure' and 'targets' are found although the statement rejects them: the checker does not "
                      "read 'not'.",
    },
    "paraphrase": {
        "title": "A limit: the point made in other words",
        "text": "Everyone sleeping rough in our city deserves care that comes to them, and each partner brings "
                "what it could never offer alone.",
        "expected": {"whom", "why_network"},
        "checker_says": {"why_network"},
        "limitation": "'everyone sleeping rough' says whom the network serves, but no phrase on the list matches it.",
    },
}


# =========================================================================== matching phrases

_NUMBER = r"\d+(?:[.,]\d+)*"


_YEAR = r"(?:19|20)\d\d"


def phrase_pattern(phrase):
    """The regular expression behind one phrase of the word lists.

    The notation is small on purpose, so the lists stay readable:

    * letters are matched whatever their case, and only as whole words ("cut" does not match
      "cutlery");
    * a ``*`` at the end of a word stands for any ending ("reduc*" matches reduce, reduced,
      reduction);
    * a space matches any spaces or a hyphen between words ("door to door" matches "door-to-door");
    * ``<number>`` stands for a number (60, 3.5, 1,000) and ``<year>`` for a year from 1900 to 2099.

    >>> bool(phrase_pattern("reduc*").search("We will REDUCE waits"))
    True
    >>> bool(phrase_pattern("cut").search("new cutlery"))
    False
    >>> phrase_pattern("by <year>").search("done by 2027.").group(0)
    'by 2027'
    """
    if not isinstance(phrase, str) or not phrase.strip():
        raise MeasureError(f"A phrase in the word lists must be some text; got {phrase!r}.")
    words = phrase.strip().split()
    parts = []
    for word in words:
        piece = re.escape(word)
        piece = piece.replace(re.escape("<number>"), _NUMBER).replace(re.escape("<year>"), _YEAR)
        if piece.endswith(r"\*"):
            piece = piece[:-2] + r"[\w'’-]*"
        parts.append(piece)
    body = r"[\s-]+".join(parts)
    start = r"(?<![\w])" if re.match(r"[\w<]", phrase.strip()) else ""
    end = r"(?![\w])" if re.search(r"[\w>*]$", phrase.strip()) and not phrase.strip().endswith("*") else ""
    return re.compile(start + body + end, re.IGNORECASE)


# =========================================================================== results


@dataclass(frozen=True)
class CriterionResult:
    """What the checker found for one criterion.

    Attributes
    ----------
    key, label, question : str
        From the :class:`Criterion`.
    met : bool
        True when a phrase from either list was found.
    evidence : str or None
        The words in the statement that matched (the first found, in reading order).
    phrase : str or None
        The phrase of the word list that matched them.
    general_only : bool
        True when only a general phrase matched (met, but worth making specific).
    all_evidence : tuple of str
        Every matching piece of the statement, in reading order.
    advice : str
        The suggestion when not met; a nudge when met with general words only; otherwise empty.
    """

    key: str
    label: str
    question: str
    met: bool
    evidence: str | None
    phrase: str | None
    general_only: bool
    all_evidence: tuple
    advice: str

    def __repr__(self):
        if not self.met:
            return f"{self.label}: not yet. {self.advice}".strip()
        return f"{self.label}: met by \u201c{self.evidence}\u201d{' (general words only)' if self.general_only else ''}."


_GENERAL_NUDGE = ("Found only in general words ('{evidence}'). Members will read their own meaning into it: "
                  "say more exactly what you mean.")


@dataclass(frozen=True, repr=False)
class PurposeFeedback:
    """Feedback on a purpose statement: one :class:`CriterionResult` per criterion.

    Index it by criterion key (``feedback["whom"]``); ``met`` and ``not_met`` list the keys;
    ``score`` counts the criteria met; ``notes`` holds remarks on length; :meth:`table` gives a
    DataFrame; ``str()`` a plain-text report; in Jupyter it shows as a table.
    """

    statement: str
    results: tuple
    notes: tuple = ()
    limits: str = LIMITS

    def __getitem__(self, key):
        for result in self.results:
            if result.key == key:
                return result
        keys = ", ".join(r.key for r in self.results)
        raise KeyError(f"No criterion called {key!r}; the criteria are: {keys}.")

    def __iter__(self):
        return iter(self.results)

    @property
    def met(self):
        """Keys of the criteria met, in report order."""
        return tuple(r.key for r in self.results if r.met)

    @property
    def not_met(self):
        """Keys of the criteria not met, in report order."""
        return tuple(r.key for r in self.results if not r.met)

    @property
    def score(self):
        """How many criteria are met."""
        return len(self.met)

    def table(self):
        """One row per criterion: ``label``, ``met``, ``evidence``, ``phrase``, ``advice``."""
        frame = pd.DataFrame(
            [{"criterion": r.key, "label": r.label, "met": r.met, "evidence": r.evidence or "",
              "phrase": r.phrase or "", "advice": r.advice} for r in self.results]
        ).set_index("criterion")
        return frame

    def summary(self):
        """One line: how many of the criteria are met, and which are not."""
        total = len(self.results)
        if not self.not_met:
            return f"{self.score} of {total} met: the statement answers every question the checker asks."
        missing = ", ".join(self[k].label.lower() for k in self.not_met)
        return f"{self.score} of {total} met. Not found yet: {missing}."

    def __repr__(self):
        return f"<PurposeFeedback: {self.summary()}>"

    def __str__(self):
        lines = [self.summary()]
        for r in self.results:
            if r.met:
                lines.append(f"[met]     {r.label}: found '{r.evidence}' (rule: {r.phrase})")
                if r.general_only:
                    lines.append(f"          {r.advice}")
            else:
                lines.append(f"[not yet] {r.label}: {r.advice}")
        lines.extend(self.notes)
        lines.append(self.limits)
        return "\n".join(lines)

    def _repr_html_(self):
        rows = []
        for r in self.results:
            if r.met:
                status = ('<span aria-hidden="true">\u2714</span> Met' if not r.general_only
                          else '<span aria-hidden="true">\u2714</span> Met, in general words')
                shown = list(dict.fromkeys(r.all_evidence))[:4]
                found = ", ".join(f"&ldquo;{html.escape(e)}&rdquo;" for e in shown)
                found += f" <small>(first match by the rule <code>{html.escape(r.phrase)}</code>)</small>"
                advice = html.escape(r.advice)
                colour = "#1e6b2f"
            else:
                status = '<span aria-hidden="true">\u2718</span> Not yet'
                found = "nothing on the list"
                advice = html.escape(r.advice)
                colour = "#a15c00"
            rows.append(
                f'<tr><th scope="row" style="text-align:left">{html.escape(r.label)}</th>'
                f'<td style="text-align:left;color:{colour};font-weight:bold;white-space:nowrap">{status}</td>'
                f'<td style="text-align:left">{found}</td><td style="text-align:left">{advice}</td></tr>'
            )
        notes = "".join(f"<p>{html.escape(note)}</p>" for note in self.notes)
        return (
            f'<div class="netlearn-purpose-feedback" role="status" style="line-height:1.45">'
            f"<p><strong>{html.escape(self.summary())}</strong></p>"
            f'<table style="border-collapse:collapse"><thead><tr>'
            f'<th scope="col" style="text-align:left">Question</th><th scope="col" style="text-align:left">Result</th>'
            f'<th scope="col" style="text-align:left">Words found</th>'
            f'<th scope="col" style="text-align:left">What to add or sharpen</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{notes}'
            f'<p style="font-size:0.9em;color:#33414a"><em>{html.escape(self.limits)}</em></p></div>'
        )


def _find(patterns, text):
    """Every (start, end, phrase) where a phrase of ``patterns`` matches ``text``."""
    found = []
    for phrase, pattern in patterns:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), phrase))
    found.sort()
    return found


def _check_rules(rules):
    rules = tuple(rules)
    if not rules:
        raise MeasureError("The rules are empty: give at least one Criterion (see PURPOSE_RULES).")
    keys = [getattr(rule, "key", None) for rule in rules]
    if not all(isinstance(rule, Criterion) for rule in rules):
        raise MeasureError("Each rule must be a Criterion, like those in netlearn.purpose.PURPOSE_RULES.")
    if len(set(keys)) != len(keys):
        raise MeasureError(f"Two rules share a key: {keys}. Give each criterion its own key.")
    return rules


def check_purpose(statement, *, rules=None, long_words=80, short_words=12):
    """Feedback on a draft purpose statement: which of five questions it answers, and in which words.

    Rules, in words: for each criterion of ``rules`` (by default :data:`PURPOSE_RULES`), look for
    every phrase of its ``phrases`` and ``general`` lists in the statement (whole words, case
    ignored; see :func:`phrase_pattern`). The criterion is **met** if any phrase is found. The
    evidence is the first match in reading order, preferring a specific phrase to a general one;
    when only general phrases match, it is met "in general words", with a nudge to be specific.
    A criterion with no match is **not met** and comes with a suggestion. Statements longer than
    ``long_words`` or shorter than ``short_words`` words get a note.

    The five default criteria: whom it serves; what change it seeks; why a network rather than a
    hierarchy; what members get back (reciprocity); how we will know (impact).

    Parameters
    ----------
    statement : str
        The draft purpose statement.
    rules : sequence of Criterion, optional
        Your own criteria or word lists; by default :data:`PURPOSE_RULES`.
    long_words, short_words : int
        Word counts above or below which a note is added.

    Returns
    -------
    PurposeFeedback

    Raises
    ------
    MeasureError
        If the statement is empty or not text, or the rules are malformed.

    Examples
    --------
    >>> feedback = check_purpose("Working together to transform care.")
    >>> feedback.met, feedback.score
    (('change', 'why_network'), 2)
    >>> feedback["why_network"].general_only, feedback["why_network"].evidence
    (True, 'together')
    >>> print(feedback["impact"].advice[:38])
    Say how you will know it is working: a

    Notes
    -----
    For a network leader: a purpose statement is a promise members should recognise. Use the
    feedback to ask members the questions it flags ("whom is this for?", "what do you get back?"),
    not to polish wording alone. The checker reads wording, not truth: see :data:`LIMITS`.

    References
    ----------
    The Health Foundation (2014). Effective networks for improvement: developing and managing
    effective networks to support quality improvement in healthcare. (Common purpose is the first
    of the five features of effective networks it describes.)
    """
    if not isinstance(statement, str):
        raise MeasureError(f"The purpose statement must be text in quotes; got {type(statement).__name__}.")
    text = statement.strip()
    if not text:
        raise MeasureError("The purpose statement is empty. Write a sentence or two first: why the network exists, "
                           "for whom, and what it will change.")
    rules = _check_rules(PURPOSE_RULES if rules is None else rules)
    results = []
    for rule in rules:
        specific = _find([(p, phrase_pattern(p)) for p in rule.phrases], text)
        general = _find([(p, phrase_pattern(p)) for p in rule.general], text)
        every = sorted(specific + general)
        if specific:
            start, end, phrase = specific[0]
            evidence = text[start:end]
            results.append(CriterionResult(rule.key, rule.label, rule.question, True, evidence, phrase, False,
                                           tuple(text[s:e] for s, e, _ in every), ""))
        elif general:
            start, end, phrase = general[0]
            evidence = text[start:end]
            results.append(CriterionResult(rule.key, rule.label, rule.question, True, evidence, phrase, True,
                                           tuple(text[s:e] for s, e, _ in every),
                                           _GENERAL_NUDGE.format(evidence=evidence)))
        else:
            results.append(CriterionResult(rule.key, rule.label, rule.question, False, None, None, False, (),
                                           rule.suggestion))
    words = len(text.split())
    notes = []
    if words > long_words:
        notes.append(f"At {words} words the statement is long: members remember a purpose they can say in a breath. "
                     "Try keeping the first sentence to the heart of it.")
    elif words < short_words:
        notes.append(f"At {words} words the statement is very short: check that a newcomer could tell from it what "
                     "the network is for.")
    return PurposeFeedback(statement, tuple(results), tuple(notes))


def rules_table(rules=None):
    """The word lists behind :func:`check_purpose`, as a table to read (one row per criterion).

    Columns: ``label``, ``question``, ``phrases`` (specific phrases), ``general`` (phrases that count
    only as a general answer) and ``suggestion``.

    >>> table = rules_table()
    >>> list(table.index)
    ['whom', 'change', 'why_network', 'reciprocity', 'impact']
    >>> "so that" in table.loc["change", "phrases"]
    True
    """
    rules = _check_rules(PURPOSE_RULES if rules is None else rules)
    frame = pd.DataFrame([{"criterion": r.key, "label": r.label, "question": r.question,
                           "phrases": ", ".join(r.phrases), "general": ", ".join(r.general),
                           "suggestion": r.suggestion} for r in rules]).set_index("criterion")
    return frame


def describe_rules(rules=None, width=100):
    """The word lists behind :func:`check_purpose` as plain text, one block per criterion, to print.

    >>> print(describe_rules().splitlines()[0])
    Whom it serves (key 'whom')
    """
    import textwrap

    rules = _check_rules(PURPOSE_RULES if rules is None else rules)
    blocks = []
    for rule in rules:
        lines = [f"{rule.label} (key '{rule.key}')"]
        for head, body in (("Asks", rule.question), ("Phrases", ", ".join(rule.phrases)),
                           ("General words (met, with a nudge)", ", ".join(rule.general)),
                           ("If nothing is found", rule.suggestion)):
            if body:
                if head in ("Phrases", "General words (met, with a nudge)"):
                    body = body.replace(" ", "\u00a0").replace(",\u00a0", ", ")   # never split a phrase
                text = textwrap.fill(body, width=width, initial_indent=f"  {head}: ", subsequent_indent="    ")
                lines.append(text.replace("\u00a0", " "))
        blocks.append("\n".join(lines))
    notation = ("Notation: phrases match whole words whatever the capitals; * at the end of a word stands for any "
                "ending; <number> for a number and <year> for a year.")
    return "\n\n".join(blocks) + "\n\n" + textwrap.fill(notation, width=width)
