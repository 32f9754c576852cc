"""Purpose: why a network exists, why people join it, and whether members share it.

"Purpose" came up again and again in the masterclass this course grew from: a network is held
together by a purpose its members share, not by lines of management. This module gives three
practice aids for that conversation.

* :func:`check_purpose` - transparent feedback on a draft purpose statement. Five questions, each
  answered by looking for phrases from a word list (:data:`PURPOSE_RULES`) that you can print with
  :func:`rules_table`, question and change. It says which phrase it found and, where it found
  none, what to add. It checks **wording, not truth**: see :data:`LIMITS`.
* :func:`purpose_agreement` - how far members (all of them, or one region) agree on the order of
  the network's priorities: Kendall's W and the priority that divides them most, from
  :mod:`netlearn.agreement`, with each priority's mean rank.
* :func:`reasons_alignment` - what share of members give at least one reason for joining that
  serves the priorities a purpose names, using a mapping from reasons to priorities kept as data
  (:data:`REASONS_TO_PRIORITIES`).

>>> feedback = check_purpose("We exist so that people with diabetes in our county avoid amputation.")
>>> feedback.met
('whom', 'change')
>>> feedback["whom"].evidence
'people with'
"""

from __future__ import annotations

import difflib
import html
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from .agreement import kendalls_w, most_divisive_item
from .errors import DataError, MeasureError

__all__ = [
    "Criterion",
    "CriterionResult",
    "PurposeFeedback",
    "PURPOSE_RULES",
    "LIMITS",
    "EXAMPLE_STATEMENTS",
    "check_purpose",
    "rules_table",
    "describe_rules",
    "phrase_pattern",
    "PRIORITY_LABELS",
    "REASONS_TO_PRIORITIES",
    "reason_mapping_table",
    "top_priorities",
    "PurposeAgreement",
    "purpose_agreement",
    "ReasonsAlignment",
    "reasons_alignment",
    "plot_agreement_by_group",
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


# =========================================================================== priorities and reasons

#: The six purposes members of the q_community dataset rank, in plain words.
PRIORITY_LABELS = {
    "share_learning": "share learning about what works",
    "spread_improvements": "spread proven improvements",
    "build_skills": "build improvement skills",
    "peer_support": "offer peer support",
    "influence_policy": "influence national and local policy",
    "partner_with_patients": "partner with patients and citizens",
}

#: The course's own reading of which priorities each reason for joining serves. It is a judgement,
#: kept as data so you can disagree with it: pass your own dict as ``mapping=``. No reason on the
#: q_community list serves "partner with patients and citizens", which is itself worth discussing.
REASONS_TO_PRIORITIES = {
    "learn from peers": ("share_learning", "peer_support"),
    "find collaborators": ("spread_improvements",),
    "share my work": ("share_learning", "spread_improvements"),
    "develop my skills": ("build_skills",),
    "get support for a project": ("peer_support",),
    "influence the wider system": ("influence_policy",),
    "meet people outside my organisation": ("peer_support",),
}


def reason_mapping_table(mapping=None):
    """The mapping from reasons for joining to priorities, one row per reason, to read or print.

    ``serves`` lists the priorities' names as the rankings table spells them (see
    :data:`PRIORITY_LABELS` for their plain-word labels).

    >>> reason_mapping_table().loc["learn from peers", "serves"]
    'share_learning; peer_support'
    """
    mapping = REASONS_TO_PRIORITIES if mapping is None else mapping
    rows = [{"reason": reason, "serves": "; ".join(priorities) or "(none)"} for reason, priorities in mapping.items()]
    return pd.DataFrame(rows).set_index("reason")


def _rankings_frame(rankings):
    if hasattr(rankings, "tables") and hasattr(rankings, "members"):      # a Network
        if "purpose_rankings" not in rankings.tables:
            raise DataError(f"The network '{rankings.name}' has no purpose_rankings table.",
                            fix="Use a network with members' rankings of its priorities, e.g. "
                                "netlearn.load_dataset('q_community').")
        rankings = rankings.tables["purpose_rankings"]
    if not isinstance(rankings, pd.DataFrame):
        raise MeasureError(f"The rankings must be a table (a DataFrame) with one row per member; got "
                           f"{type(rankings).__name__}.")
    return rankings


def top_priorities(rankings, k=3, *, id_column="member_id"):
    """The ``k`` priorities with the best (lowest) mean rank: what members put first on average.

    Ties in mean rank are broken by the priority's name, so the answer is always the same.

    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"member_id": ["a", "b"], "learn": [1, 2], "spread": [2, 1], "lobby": [3, 3]})
    >>> top_priorities(ranks, k=2)
    ['learn', 'spread']
    """
    rankings = _rankings_frame(rankings)
    items = rankings.drop(columns=[id_column]) if id_column in rankings.columns else rankings
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= items.shape[1]:
        raise MeasureError(f"k must be a whole number from 1 to {items.shape[1]} (the number of priorities); "
                           f"got {k!r}.")
    means = items.apply(pd.to_numeric, errors="coerce").mean()
    order = sorted(means.index, key=lambda item: (means[item], str(item)))
    return [str(item) for item in order[:k]]


def _members_frame(members):
    if hasattr(members, "members") and isinstance(getattr(members, "members"), pd.DataFrame):
        return members.members
    if not isinstance(members, pd.DataFrame):
        raise MeasureError(f"members must be a Network or its members table (a DataFrame); got "
                           f"{type(members).__name__}.")
    return members


def _subset_ids(members, attribute, value):
    """Ids of members whose ``attribute`` equals ``value`` (with clear errors)."""
    if attribute not in members.columns:
        raise MeasureError(f"Members have no {attribute!r} column; their columns are: "
                           f"{', '.join(map(str, members.columns))}.")
    values = sorted({str(v) for v in members[attribute].dropna()})
    if str(value) not in values:
        close = difflib.get_close_matches(str(value), values, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise MeasureError(f"No member has {attribute} {value!r}.{hint} The values are: {', '.join(values)}.")
    return set(members.loc[members[attribute].astype(str) == str(value), "id"].astype(str))


@dataclass
class PurposeAgreement:
    """How far one set of members agrees on the order of the network's priorities.

    Attributes
    ----------
    group : str
        Whose rankings: "All members", or e.g. "Region: London".
    raters : int
    w : KendallW
        From :func:`netlearn.agreement.kendalls_w`.
    divisive : DivisiveItem
        From :func:`netlearn.agreement.most_divisive_item`.
    order : DataFrame
        One row per priority, best mean rank first: ``label``, ``mean_rank``, ``share_top`` (share
        putting it in the top third), ``variance``.
    """

    group: str
    raters: int
    w: object
    divisive: object
    order: pd.DataFrame = field(repr=False)

    @property
    def interpretation(self):
        """The result in plain words: W, what it means, and the priority that divides most."""
        best = self.order["mean_rank"].min()
        firsts = [f"'{self.order.loc[item, 'label']}'" for item in self.order.index
                  if abs(self.order.loc[item, "mean_rank"] - best) < 1e-9]
        first = firsts[0] if len(firsts) == 1 else " and ".join(firsts) + " (tied)"
        return (f"{self.group} ({self.raters} members): {self.w.interpretation} "
                f"On average they put {first} first. {self.divisive.interpretation}")

    def __str__(self):
        return self.interpretation


def purpose_agreement(rankings, members=None, *, attribute="region", value=None, id_column="member_id",
                      labels=None):
    """Agreement on priorities among all members, or among those with one value of an attribute.

    In words: take the rankings of the chosen members (all of them, or those whose ``attribute`` is
    ``value``), then compute Kendall's W (:func:`netlearn.agreement.kendalls_w`), the most divisive
    priority (:func:`netlearn.agreement.most_divisive_item`) and each priority's mean rank.

    Parameters
    ----------
    rankings : DataFrame or Network
        One row per member, a ``member_id`` column and one column of ranks per priority
        (1 = most important). A Network's ``purpose_rankings`` table is used.
    members : Network or DataFrame, optional
        Needed with ``value``: the members table with ``id`` and ``attribute``. A Network passed as
        ``rankings`` is used when this is left out.
    attribute : str
        The member column that picks the subgroup (default ``"region"``).
    value : str, optional
        The subgroup, e.g. ``"London"``; ``None`` for all members.
    labels : dict, optional
        Plain-word labels of the priorities (default :data:`PRIORITY_LABELS`).

    Returns
    -------
    PurposeAgreement

    Examples
    --------
    >>> import netlearn
    >>> net = netlearn.load_dataset("q_community")
    >>> everyone = purpose_agreement(net)
    >>> round(everyone.w.w, 2), everyone.divisive.item
    (0.4, 'influence_policy')
    >>> london = purpose_agreement(net, value="London")
    >>> london.raters, round(london.w.w, 2)
    (27, 0.37)

    Notes
    -----
    For a network leader: a group that agrees strongly but in a different order from the rest has
    a view the whole network should hear; a group with weak agreement needs its own conversation
    about what the network is for. Small groups give unstable values.
    """
    source = rankings
    rankings = _rankings_frame(rankings)
    if members is None and hasattr(source, "members"):
        members = source
    labels = PRIORITY_LABELS if labels is None else labels
    group = "All members"
    if value is not None:
        if members is None:
            raise MeasureError("To look at one group, pass the members too, e.g. purpose_agreement(rankings, "
                               "net, value='London'), or pass the Network itself as rankings.")
        frame = _members_frame(members)
        ids = _subset_ids(frame, attribute, value)
        if id_column not in rankings.columns:
            raise MeasureError(f"The rankings have no {id_column!r} column to match members by.")
        rankings = rankings[rankings[id_column].astype(str).isin(ids)]
        if len(rankings) < 2:
            raise MeasureError(f"Only {len(rankings)} member(s) with {attribute} {value!r} ranked the priorities; "
                               "agreement needs at least two.")
        group = f"{attribute.replace('_', ' ').capitalize()}: {value}"
    w = kendalls_w(rankings, id_column=id_column)
    divisive = most_divisive_item(rankings, id_column=id_column)
    order = divisive.table[["mean_rank", "share_top", "variance"]].copy()
    order.insert(0, "label", [labels.get(item, str(item)) for item in order.index])
    # Best mean rank first; equal means (to 9 decimals) in the order of the priorities' names.
    order = order.assign(_mean=order["mean_rank"].round(9), _name=[str(item) for item in order.index])
    order = order.sort_values(["_mean", "_name"]).drop(columns=["_mean", "_name"])
    order.index.name = "priority"
    return PurposeAgreement(group, int(w.m), w, divisive, order)


@dataclass
class ReasonsAlignment:
    """How members' reasons for joining line up with the priorities a purpose names.

    Attributes
    ----------
    priorities : tuple of str
    share : float
        Aligned members divided by members with at least one reason recorded (0 to 1).
    aligned, counted : int
        Members with a reason serving a priority; members with any reason recorded.
    without_reasons : int
        Members with no reason recorded (left out of ``counted``, never silently).
    per_member : DataFrame
        Indexed by member id: ``reasons``, ``serving`` (the reasons that serve a priority), ``aligned``.
    by_reason : DataFrame
        One row per reason: ``members`` giving it, ``serves`` (priorities it maps to), ``in_purpose``.
    uncovered : tuple of str
        Priorities of the purpose that no reason on the list serves.
    """

    priorities: tuple
    share: float
    aligned: int
    counted: int
    without_reasons: int
    per_member: pd.DataFrame = field(repr=False)
    by_reason: pd.DataFrame = field(repr=False)
    uncovered: tuple = ()
    labels: dict = field(default_factory=dict, repr=False)

    @property
    def interpretation(self):
        names = ", ".join(f"'{self.labels.get(p, p)}'" for p in self.priorities)
        text = (f"{self.aligned} of {self.counted} members ({self.share:.0%}) gave at least one reason for joining "
                f"that serves {names}.")
        if self.uncovered:
            gaps = ", ".join(f"'{self.labels.get(p, p)}'" for p in self.uncovered)
            text += f" No reason on the list serves {gaps}: members did not say they joined for that."
        if self.without_reasons:
            text += f" {self.without_reasons} member(s) gave no reason and are not counted."
        return text

    def __str__(self):
        return self.interpretation


def _split(text, separator):
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return []
    return [item.strip() for item in str(text).split(separator) if item.strip()]


def reasons_alignment(members, priorities, *, mapping=None, column="reasons_for_joining", separator=";",
                      attribute=None, value=None, unknown="error", labels=None):
    """Share of members who gave at least one reason for joining that serves the purpose's priorities.

    Rule, in words: a reason *serves* a priority when ``mapping`` (default
    :data:`REASONS_TO_PRIORITIES`) lists that priority for it. A member is *aligned* when at least
    one of their reasons serves at least one of ``priorities``. The share is aligned members divided
    by members who gave any reason (members with none are counted separately, not dropped silently).

    Parameters
    ----------
    members : Network or DataFrame
        Members with an ``id`` column and the ``column`` of reasons.
    priorities : str or list of str
        The priorities the purpose names, e.g. ``["share_learning", "influence_policy"]`` (keys of
        :data:`PRIORITY_LABELS`; their plain-word labels are accepted too).
    mapping : dict, optional
        Reason -> priorities it serves (reasons matched ignoring case).
    column : str
        The column listing each member's reasons, separated by ``separator``.
    attribute, value : str, optional
        Only count members whose ``attribute`` equals ``value`` (e.g. ``"region"``, ``"London"``).
    unknown : {"error", "ignore"}
        A reason that is not in ``mapping``: an error naming it (default), or counted as serving
        nothing (it is listed in ``by_reason`` with ``serves`` "(not in the mapping)").

    Returns
    -------
    ReasonsAlignment

    Examples
    --------
    >>> import pandas as pd
    >>> members = pd.DataFrame({"id": ["a", "b", "c"],
    ...     "reasons_for_joining": ["develop my skills", "learn from peers; share my work", "find collaborators"]})
    >>> result = reasons_alignment(members, ["build_skills", "peer_support"])
    >>> result.aligned, result.counted, round(result.share, 3)
    (2, 3, 0.667)

    Notes
    -----
    For a network leader: reciprocity means members give to the network's purpose because it also
    serves their own. A low share says the purpose and the reasons people came for have drifted
    apart; a priority no reason serves needs its case made to members. The mapping is a judgement:
    argue with it, and change it.
    """
    if unknown not in ("error", "ignore"):
        raise MeasureError(f"unknown={unknown!r} is not one of the accepted values: 'error', 'ignore'.")
    mapping = REASONS_TO_PRIORITIES if mapping is None else mapping
    labels = PRIORITY_LABELS if labels is None else labels
    frame = _members_frame(members)
    if column not in frame.columns:
        raise MeasureError(f"Members have no {column!r} column; their columns are: "
                           f"{', '.join(map(str, frame.columns))}.")
    if "id" not in frame.columns:
        raise MeasureError("Members need an 'id' column.")
    priorities = _read_priorities(priorities, mapping, labels)
    if attribute is not None or value is not None:
        if attribute is None or value is None:
            raise MeasureError("Give both attribute and value to count one group, e.g. attribute='region', "
                               "value='London'.")
        ids = _subset_ids(frame, attribute, value)
        frame = frame[frame["id"].astype(str).isin(ids)]
    lookup = {str(reason).strip().casefold(): tuple(serves) for reason, serves in mapping.items()}
    wanted = set(priorities)

    rows, reason_counts, not_mapped = [], {}, {}
    for member, text in zip(frame["id"].astype(str), frame[column]):
        reasons = _split(text, separator)
        serving = []
        for reason in reasons:
            key = reason.casefold()
            reason_counts[key] = reason_counts.get(key, 0) + 1
            if key not in lookup:
                not_mapped.setdefault(key, member)
                continue
            if wanted & set(lookup[key]):
                serving.append(reason)
        rows.append({"member": member, "reasons": "; ".join(reasons), "serving": "; ".join(serving),
                     "aligned": bool(serving), "has_reasons": bool(reasons)})
    if not_mapped and unknown == "error":
        first, who = next(iter(not_mapped.items()))
        raise DataError(f"{len(not_mapped)} reason(s) for joining are not in the mapping, for example {first!r} "
                        f"(member {who!r}).", column=column,
                        fix="Add each reason to the mapping with the priorities it serves (an empty tuple if none), "
                            "or pass unknown='ignore' to count them as serving nothing.")
    per_member = pd.DataFrame(rows, columns=["member", "reasons", "serving", "aligned", "has_reasons"])
    per_member = per_member.set_index("member")
    counted = int(per_member["has_reasons"].sum())
    if counted == 0:
        raise MeasureError(f"No member in this group listed a reason in {column!r}, so there is nothing to compare.")
    aligned = int((per_member["aligned"] & per_member["has_reasons"]).sum())
    names = {str(reason).strip().casefold(): str(reason) for reason in mapping}
    by_reason = pd.DataFrame(
        [{"reason": names.get(key, key), "members": count,
          "serves": "; ".join(labels.get(p, p) for p in lookup[key]) if key in lookup else "(not in the mapping)",
          "in_purpose": bool(key in lookup and wanted & set(lookup[key]))}
         for key, count in reason_counts.items()]
    )
    by_reason = by_reason.sort_values(["in_purpose", "members", "reason"], ascending=[False, False, True])
    by_reason = by_reason.set_index("reason")
    served = {p for serves in mapping.values() for p in serves}
    uncovered = tuple(p for p in priorities if p not in served)
    return ReasonsAlignment(tuple(priorities), aligned / counted, aligned, counted,
                            int((~per_member["has_reasons"]).sum()), per_member.drop(columns="has_reasons"),
                            by_reason, uncovered, dict(labels))


def _read_priorities(priorities, mapping, labels):
    if isinstance(priorities, str):
        priorities = [priorities]
    try:
        priorities = list(priorities)
    except TypeError:
        raise MeasureError(f"priorities must be a list of priority names, such as ['share_learning']; got "
                           f"{priorities!r}.") from None
    if not priorities:
        raise MeasureError("Name at least one priority of the purpose, such as ['share_learning'].")
    known = list(dict.fromkeys([*labels, *(p for serves in mapping.values() for p in serves)]))
    by_label = {str(label).casefold(): key for key, label in labels.items()}
    chosen = []
    for item in priorities:
        text = str(item).strip()
        if text in known:
            key = text
        elif text.casefold() in by_label:
            key = by_label[text.casefold()]
        else:
            close = difflib.get_close_matches(text, known + list(labels.values()), n=1)
            hint = ""
            if close:
                hint = f" Did you mean {by_label.get(close[0].casefold(), close[0])!r}?"
            raise MeasureError(f"{text!r} is not one of the priorities.{hint} The priorities are: "
                               f"{', '.join(known)}.")
        if key not in chosen:
            chosen.append(key)
    return chosen


# =========================================================================== a figure


def plot_agreement_by_group(table, *, title="Agreement on priorities, by group", ax=None):
    """A bar for each group's Kendall's W, with the whole network's W as a dashed line.

    Parameters
    ----------
    table : DataFrame
        From :func:`netlearn.agreement.kendalls_w_by_group` (with its ``"(all)"`` row).
    title : str

    Returns
    -------
    matplotlib.figure.Figure
        With ``summary``: one sentence naming the highest and lowest groups and the overall W.

    >>> import netlearn
    >>> from netlearn.agreement import kendalls_w_by_group
    >>> net = netlearn.load_dataset("q_community")
    >>> fig = plot_agreement_by_group(kendalls_w_by_group(net.tables["purpose_rankings"], net, attribute="region"))
    >>> fig.summary
    "Agreement on priorities, by group: Kendall's W is highest in North (0.64) and lowest in London (0.37); all members together 0.40."
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from .drawing import OKABE_ITO

    if not isinstance(table, pd.DataFrame) or "w" not in table.columns:
        raise MeasureError("Pass the table from netlearn.agreement.kendalls_w_by_group (it has a 'w' column).")
    groups = table.drop(index="(all)", errors="ignore").dropna(subset=["w"])
    if groups.empty:
        raise MeasureError("The table has no group with a value of W to draw.")
    groups = groups.sort_values("w")
    if ax is None:
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(groups) + 1.6))
    else:
        fig = ax.figure
    ax.barh([str(g) for g in groups.index], groups["w"], color=OKABE_ITO[4], edgecolor="black", linewidth=0.5)
    for y, value in enumerate(groups["w"]):
        if value >= 0.12:     # inside the end of the bar, clear of the dashed line
            ax.text(value - 0.01, y, f"{value:.2f}", va="center", ha="right", fontsize=9, color="white")
        else:
            ax.text(value + 0.01, y, f"{value:.2f}", va="center", fontsize=9)
    overall = table.loc["(all)", "w"] if "(all)" in table.index else None
    if overall is not None and not pd.isna(overall):
        ax.axvline(overall, color="black", linestyle="--", linewidth=1.2, label=f"all members: {overall:.2f}")
        ax.legend(loc="lower right", frameon=False, fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_xlabel("Kendall's W (0 = no shared order, 1 = everyone ranks the same)")
    ax.set_title(title)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    high, low = groups.index[-1], groups.index[0]
    text = (f"{title}: Kendall's W is highest in {high} ({groups['w'].iloc[-1]:.2f}) and lowest in {low} "
            f"({groups['w'].iloc[0]:.2f})")
    if overall is not None and not pd.isna(overall):
        text += f"; all members together {overall:.2f}"
    fig.summary = text + "."
    return fig
