"""An active-listening coach: does a reply to a colleague's problem listen, or jump to a solution?

The masterclass asked network leaders to practise *not* solving other people's problems: to ask,
reflect back and check they have understood, so that the person (and the network) finds the
answer. This module reads a written reply and says which of those moves it makes, and where it
slips into advice. It is deliberately simple and transparent:

* the rules are plain data (:data:`RULES`, or :func:`rules_table` to print them), each a
  regular expression with a name, a kind (``"advice"`` or ``"listening"``) and a sentence that
  explains it;
* every finding quotes the words that matched, so a learner can see exactly why;
* it reads **wording, not tone**. "What were you thinking?" is an open question on paper and a
  rebuke in the room. Treat the verdict as a prompt to look again at your words, not as a mark.

How a reply is read
    The reply is split into sentences. A sentence that ends with ``?`` and starts with *what, how,
    where, when, who, which* or *why* is an **open question**. Advice phrases inside an open question
    are not counted ("What do you think you should do?" hands the choice back), except the
    suggestion forms *how about ..., what if you ..., what about trying ...*, which are advice
    phrased as questions. "Have you tried ...?" at the start of a sentence is advice; "What have
    you tried so far?" is an open question.

Verdicts
    ``"listens"`` (listening moves and no advice), ``"advises"`` (advice and no listening),
    ``"mixed"`` (both) or ``"unclear"`` (neither was recognised: the coach cannot tell).

>>> coach("Have you tried asking the practice managers?").label
'advises'
>>> coach("What have you tried so far?").label
'listens'
>>> result = coach("It sounds like a hard week. You should take it to the board.")
>>> result.label, [f.phrase for f in result.findings]
('mixed', ['It sounds like', 'You should'])
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["ADVICE", "LISTENING", "LABELS", "RULES", "Rule", "Finding", "CoachResult", "coach", "rules_table",
           "split_sentences", "is_open_question", "evaluate_examples", "load_examples", "SCENARIOS", "result_html"]

ADVICE = "advice"
LISTENING = "listening"
#: The verdicts the coach can give; the labelled examples use the first three.
LABELS = ("listens", "advises", "mixed", "unclear")

_OPEN_STARTS = r"(?:what|how|where|when|who|whom|which|why)"
# "so", "and", "ok" or a short lead-in such as "I'm curious," may come before the question word.
_LEAD_IN = r"(?:(?:so|and|ok|okay|right|then|i'm curious|i am curious|i wonder)\s*,?\s+)?"
_SUGGESTION = re.compile(
    r"^\W*(?:so\s*,?\s+|and\s+)?(?:how about|what about (?:trying|asking|talking|getting|using|doing|speaking|"
    r"setting|bringing|calling|sending|making|going|putting)|what if (?:you|we)|why not|why don'?t you|"
    r"why do not you)\b", re.IGNORECASE)
_OPEN = re.compile(rf"^\W*{_LEAD_IN}{_OPEN_STARTS}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One rule of the coach.

    Attributes
    ----------
    name : str
        A short name, e.g. ``"you should"``.
    kind : str
        ``"advice"`` (jumping to a solution) or ``"listening"``.
    pattern : str
        A regular expression, matched without regard to case.
    explanation : str
        What the rule looks for and why it matters, in plain words.
    sentence_start : bool
        Only counts at the start of a sentence (after an optional "so", "just", "maybe"...).
    counts_in_open_question : bool
        For advice rules: whether it still counts inside an open question. "What do you think you
        should do?" contains "you should" but hands the choice back, so by default it does not.
    """

    name: str
    kind: str
    pattern: str
    explanation: str
    sentence_start: bool = False
    counts_in_open_question: bool = False

    def compiled(self):
        body = self.pattern
        if self.sentence_start:
            body = r"^\W*(?:(?:so|and|but|then|first|well|ok|okay|honestly|maybe|perhaps|just|i think|i'd say)\s*,?\s+)*" \
                   rf"(?:{body})"
        return re.compile(body, re.IGNORECASE)

    def __repr__(self):
        return f"{self.kind} rule '{self.name}': {self.explanation}"


_IMPERATIVE_VERBS = (
    "try", "talk", "speak", "call", "phone", "ring", "email", "e-mail", "send", "go(?! on\\b)", "get", "book", "escalate",
    "make", "put", "stop", "start", "take(?! me\\b)", "give", "write", "raise", "push", "delegate", "bring", "invite",
    "arrange", "organise", "organize", "schedule", "contact", "meet", "involve", "set", "sort", "tell them",
    "tell her", "tell him", "ask them", "ask her", "ask him", "ask the", "don't", "do not", "never", "always",
    "remember", "make sure", "insist", "refuse", "ignore", "drop", "let(?! me\\b)", "focus", "use", "run", "pull",
)

#: The coach's rules, in the order they are tried. Print them with :func:`rules_table`.
RULES = (
    # ------------------------------------------------------------------ advice
    Rule("you should", ADVICE,
         r"\byou(?:'d| would)? (?:really |probably |just |definitely )?(?:should|ought to|need to|must|"
         r"have to|'ve got to|have got to|had better|'d better)\b",
         "Tells the person what to do. Even when it is right, it takes the problem off them."),
    Rule("you could just", ADVICE,
         r"\byou (?:could|might|can) (?:just |always |simply |easily )?(?:try|ask|talk|speak|go|get|send|call|"
         r"email|book|set|put|escalate|tell|raise|bring|invite|use|make|start|want to)\b",
         "A softer instruction (\"you could just...\"): still a solution offered before the problem is "
         "understood."),
    Rule("have you tried", ADVICE,
         r"(?:have|did) you (?:tried|try|thought about|think about|considered|consider|looked at|looked into|"
         r"spoken to|talked to|asked)\b",
         "A yes-or-no question that carries a suggestion (\"Have you tried X?\"). Compare the open question "
         "\"What have you tried so far?\", which is not counted.",
         sentence_start=True),
    Rule("why don't you", ADVICE,
         r"\bwhy (?:(?:don'?t|do not) (?:you|we)|not)\b",
         "A suggestion dressed as a question.", counts_in_open_question=True),
    Rule("how about / what if you", ADVICE,
         r"(?:how about|what if (?:you|we)|what about (?:trying|asking|talking|getting|using|doing|speaking|"
         r"setting|bringing|calling|sending|making|going|putting))\b",
         "A suggestion phrased as a question: the idea is yours, not theirs.", counts_in_open_question=True),
    Rule("if I were you", ADVICE,
         r"\b(?:if i were you|if i was you|in your shoes|in your position|what i(?:'d| would) do|"
         r"i(?:'d| would) (?:just |probably |definitely )?(?:go|talk|speak|ask|tell|call|email|escalate|get|"
         r"try|start|set|put|send|raise|book|push|make|take|write|bring|invite|stop|drop))\b",
         "Puts your own choice in place of theirs.", counts_in_open_question=True),
    Rule("my advice", ADVICE,
         r"\b(?:my advice|i(?:'d| would)? (?:suggest|recommend|advise)|i suggest|i recommend|my suggestion|"
         r"the (?:answer|solution|fix|trick) is|what you need is|the best thing (?:to do )?is|"
         r"the way to (?:do|fix|solve|handle) (?:this|it|that) is)\b",
         "Offers a solution outright.", counts_in_open_question=True),
    Rule("instruction", ADVICE,
         r"(?:" + "|".join(_IMPERATIVE_VERBS) + r")\b",
         "A sentence that starts with an instruction (\"Escalate it\", \"Just talk to her\", "
         "\"Don't worry\").",
         sentence_start=True),
    # ------------------------------------------------------------------ listening
    Rule("open question", LISTENING, "",
         "A question starting with what, how, where, when, who, which or why: it invites the person to think and "
         "say more, and cannot be answered with yes or no."),
    Rule("tell me more", LISTENING,
         r"\b(?:tell me (?:more|about|what|how)|say (?:a bit |a little |some )?more|talk me through|take me through|"
         r"walk me through|help me understand|i'd (?:like|love) to (?:hear|understand)|"
         r"i would (?:like|love) to (?:hear|understand)|can you (?:tell me|say|describe|explain)|"
         r"could you (?:tell me|say|describe|explain)|go on)\b",
         "An invitation to say more, without steering where the person goes."),
    Rule("reflecting back", LISTENING,
         r"\b(?:it sounds (?:like|as if|as though)|sounds (?:like|as if|as though)|so you'?re saying|"
         r"so you are saying|what i'?m hearing|what i am hearing|what i hear is|i'?m hearing|i can hear|"
         r"it seems (?:like )?you|you seem|you'?re feeling|you are feeling|you feel|that must (?:be|have been|feel)|"
         r"it must (?:be|have been|feel)|if i'?ve understood|if i understand|i get the sense|i sense)\b",
         "Says back what you heard, or the feeling behind it, so the person knows they were heard."),
    Rule("checking understanding", LISTENING,
         r"\b(?:let me check|(?:check|make sure) (?:that )?i'?ve (?:understood|got)|have i got (?:that|this|it) right|did i get (?:that|this|it) right|have i understood|"
         r"did i understand|do i have (?:that|this|it) right|is that (?:right|fair|it|what you mean)|"
         r"am i right|does that sound right|is that a fair (?:summary|way to put it)|am i hearing (?:that|you) right)\b",
         "Checks that you have understood, rather than assuming."),
)


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
        if self.label == "advises":
            return (f"Jumps to a solution: {_count(n_advice, 'piece')} of advice and no listening move. Try "
                    "asking an open question or saying back what you heard first.")
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
    """True for a sentence that ends with ``?`` and starts with an open question word (not a suggestion).

    >>> is_open_question("What have you tried so far?"), is_open_question("Have you tried that?")
    (True, False)
    >>> is_open_question("How about asking her?")
    False
    """
    sentence = sentence.strip()
    return sentence.endswith("?") and bool(_OPEN.match(sentence)) and not _SUGGESTION.match(sentence)


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
        for rule, regex in _compiled_rules():
            if regex is None:
                continue
            matches = [regex.match(sentence)] if rule.sentence_start else list(regex.finditer(sentence))
            for match in matches:
                if match is None:
                    continue
                phrase = match.group(0).strip(" ,")
                phrase = re.sub(r"^\W+", "", phrase)
                counted = True
                if rule.kind == ADVICE and is_open and not rule.counts_in_open_question:
                    counted = False
                findings.append(Finding(rule.name, rule.kind, phrase, sentence, rule.explanation, counted))
                if rule.sentence_start:
                    break
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
def load_examples(path=None):
    """The labelled example replies (``datasets/listening/example_replies.csv``): reply, label, note."""
    if path is None:
        from .loaders import datasets_folder

        path = datasets_folder() / "listening" / "example_replies.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate_examples(examples=None):
    """Run the coach on labelled replies; return the replies with the coach's label and a confusion matrix.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        The examples with a ``coach`` column and an ``agrees`` column; and the confusion matrix
        (rows: the label given by a person; columns: the coach's verdict).
    """
    examples = load_examples() if examples is None else examples.copy()
    examples = examples.copy()
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
