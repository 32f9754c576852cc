"""Peer consultation in threes: plan the rounds for a room, and read the consultant's questions.

The masterclass asked: *how could our peers help us out?* One answer is a simple practice in
groups of three. One person **brings** a real, current problem from their network; one
**consults**, by asking questions only (open questions, reflections, checks that they have
understood: listening, not advising); one **observes**, keeping time and noting each time the
consultant listened and each time they jumped in with a solution. Then the roles rotate, until
everyone has brought a problem.

It is a relative of *Troika Consulting*, one of the Liberating Structures (Lipmanowicz &
McCandless 2014), in which two consultants discuss ideas while the person who brought the problem
listens with their back turned. Here the one consultant does not advise at all: the practice is
listening, and the problem stays with the person who owns it.

**The timings are the course's own choice**, set out in :data:`ROUND_PHASES`, :data:`BRIEFING_MINUTES`,
:data:`CHANGEOVER_MINUTES` and :data:`DEBRIEF_MINUTES`. They are not a published standard; change
them for your room.

* :func:`group_sizes` splits a room into groups of three, with the remainder in groups of four
  (a room of five stays one group);
* :func:`plan_rounds` turns people and minutes into a :class:`RoomPlan`: groups, rounds, minutes
  for each phase, a run sheet (:meth:`RoomPlan.run_sheet`) and who does what in each round
  (:meth:`RoomPlan.roles`);
* :func:`read_question` asks the listening coach (:func:`netlearn.listening.coach`) whether a
  consultant's question listens or jumps in, and :func:`observer_tally` counts them, as the
  observer would; :func:`listening_balance` is the number the tally comes to.

>>> plan = plan_rounds(14, 60)
>>> plan.groups, plan.rounds, plan.phase_minutes["consult"]
((3, 3, 4, 4), 4, 8)
>>> read_question("What have you tried so far?").verdict
'listening'
>>> read_question("Have you tried a newsletter?").verdict
'jumping in'
"""

from __future__ import annotations

import html
import string
from dataclasses import dataclass

import pandas as pd

from .display import Readable
from .listening import ADVICE, LISTENING, coach

__all__ = ["Phase", "ROUND_PHASES", "BRIEFING_MINUTES", "CHANGEOVER_MINUTES", "DEBRIEF_MINUTES",
           "LONGEST_ROUND", "LONGEST_DEBRIEF", "group_sizes", "minimum_minutes", "plan_rounds", "RoomPlan", "QuestionReading",
           "read_question", "observer_tally", "listening_balance", "LISTENING_MOVE", "JUMPING_IN", "CANNOT_TELL"]


@dataclass(frozen=True)
class Phase:
    """One phase of a round: its name, who speaks, what they do, and the course's minutes for it.

    ``minutes`` is the length in a round of the usual length (:data:`ROUND_PHASES` add up to 14
    minutes); ``shortest`` is the least the phase can be squeezed to and still work.
    """

    name: str
    who: str
    what: str
    minutes: int
    shortest: int


#: The phases of one round, in order, with the course's own timings (not a published standard).
ROUND_PHASES = (
    Phase("tell", "the person bringing the problem",
          "describes a real, current problem in their network; the others listen without interrupting", 3, 2),
    Phase("consult", "the consultant",
          "asks questions only: open questions, saying back what they heard, checking they have understood. "
          "No advice, no stories of what worked elsewhere", 7, 3),
    Phase("take stock", "the person bringing the problem",
          "says what they see now, and one thing they will do next", 2, 1),
    Phase("observe", "the observer",
          "says what they noticed, quoting the consultant's words: when they listened, when they jumped in", 2, 1),
)

#: Minutes at the start for the trainer to explain the roles and for people to find their groups.
BRIEFING_MINUTES = 3
#: Minutes between rounds to swap roles.
CHANGEOVER_MINUTES = 1
#: Minutes at the end for the whole room: what did it feel like not to advise?
DEBRIEF_MINUTES = 5
#: The longest round the planner makes; extra time goes to the whole-room debrief.
LONGEST_ROUND = 25
#: The longest debrief the planner makes; time beyond it is left spare (finish early, or take a break).
LONGEST_DEBRIEF = 15

_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def group_sizes(people):
    """Split a room into groups of three, with the remainder in groups of four.

    A room whose size divides by three gets only threes; one person over makes one group of four,
    two over make two groups of four. A room of five stays one group of five (two observers),
    since it cannot be split into threes and fours. Fewer than three people cannot take the three
    roles.

    >>> group_sizes(9), group_sizes(10), group_sizes(11), group_sizes(5)
    ((3, 3, 3), (3, 3, 4), (3, 4, 4), (5,))
    """
    if isinstance(people, bool) or not isinstance(people, int):
        raise TypeError(f"The number of people must be a whole number, such as 12, not {people!r}.")
    if people < 3:
        raise ValueError(f"Peer consultation needs at least three people (one brings a problem, one consults, "
                         f"one observes); the room has {people}.")
    if people == 5:
        return (5,)
    fours = people % 3
    return (3,) * ((people - 4 * fours) // 3) + (4,) * fours


def _fixed_minutes(rounds):
    return BRIEFING_MINUTES + DEBRIEF_MINUTES + CHANGEOVER_MINUTES * (rounds - 1)


def minimum_minutes(people):
    """The fewest minutes in which everyone in a room of ``people`` can bring a problem.

    Every phase at its shortest, for as many rounds as the largest group has people, plus the
    briefing, the changeovers and the debrief.

    >>> minimum_minutes(12), minimum_minutes(13)
    (31, 39)
    """
    rounds = max(group_sizes(people))
    return _fixed_minutes(rounds) + rounds * sum(phase.shortest for phase in ROUND_PHASES)


def _split_round(length):
    """Share ``length`` minutes among the phases: each phase but the questions gets its share in the course's
    proportions, rounded down and at least its shortest; the questions get the rest."""
    usual = sum(phase.minutes for phase in ROUND_PHASES)
    minutes = {phase.name: max(phase.shortest, length * phase.minutes // usual)
               for phase in ROUND_PHASES if phase.name != "consult"}
    minutes["consult"] = length - sum(minutes.values())
    return {phase.name: minutes[phase.name] for phase in ROUND_PHASES}


def plan_rounds(people, minutes):
    """Plan peer consultation for a room: groups, rounds and minutes for each phase.

    Parameters
    ----------
    people : int
        How many people take part (at least three).
    minutes : int
        The minutes available, from the trainer's first word to the end of the debrief.

    Returns
    -------
    RoomPlan
        ``groups`` (sizes), ``rounds``, ``phase_minutes``, ``round_minutes``, ``debrief_minutes``,
        ``spare_minutes`` (time the plan does not need);
        :meth:`RoomPlan.run_sheet` and :meth:`RoomPlan.roles` as tables.

    How the plan is made
    --------------------
    The room is split by :func:`group_sizes`. Everyone brings a problem once, so the room runs as
    many rounds as its largest group has people, all groups in step so one person can call time
    (a group of three uses a fourth round to compare what its observers noticed). After the
    briefing (3 minutes), the changeovers (1 minute between rounds) and the debrief (5 minutes),
    the time left is shared equally among the rounds, in whole minutes, at most
    :data:`LONGEST_ROUND` each; minutes that do not divide evenly, or that a round cannot use, go
    to the debrief (at most :data:`LONGEST_DEBRIEF`; beyond that they are ``spare_minutes``).
    Within a round, telling, taking stock and observing get their share in the course's proportions
    (3 : 7 : 2 : 2 for tell, consult, take stock, observe), rounded down and at least their shortest
    (2, 1 and 1 minutes); the consultant's questions get the rest. These are the course's own
    timings, not a published standard.

    Raises
    ------
    ValueError
        Fewer than three people, or fewer minutes than :func:`minimum_minutes`; the message says
        how many minutes the room needs.

    Examples
    --------
    Twelve people in an hour: four groups of three, three rounds of 16 minutes. (60 - 3 - 2 - 5 = 50
    minutes for three rounds: 16 each, and the odd 2 minutes make the debrief 7.)

    >>> plan = plan_rounds(12, 60)
    >>> plan.groups, plan.rounds, plan.round_minutes, plan.debrief_minutes
    ((3, 3, 3, 3), 3, 16, 7)
    >>> plan.phase_minutes
    {'tell': 3, 'consult': 9, 'take stock': 2, 'observe': 2}
    >>> plan_rounds(12, 20)
    Traceback (most recent call last):
    ...
    ValueError: 20 minutes is not enough for everyone in a room of 12 to bring a problem: four groups of three need 3 rounds, and the shortest workable plan takes 31 minutes. Give it at least 31 minutes, or run it with fewer people.
    """
    groups = group_sizes(people)
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TypeError(f"The minutes available must be a whole number, such as 60, not {minutes!r}.")
    rounds = max(groups)
    needed = minimum_minutes(people)
    if minutes < needed:
        raise ValueError(
            f"{minutes} minutes is not enough for everyone in a room of {people} to bring a problem: "
            f"{_group_words(groups)} need {rounds} rounds, and the shortest workable plan takes {needed} minutes. "
            f"Give it at least {needed} minutes, or run it with fewer people.")
    length = min(LONGEST_ROUND, (minutes - _fixed_minutes(rounds)) // rounds)
    left = minutes - _fixed_minutes(rounds) - rounds * length + DEBRIEF_MINUTES
    debrief = min(left, LONGEST_DEBRIEF)
    return RoomPlan(people=people, minutes=minutes, groups=groups, rounds=rounds, round_minutes=length,
                    phase_minutes=_split_round(length), debrief_minutes=debrief, spare_minutes=left - debrief)


def _group_words(groups):
    counts = {size: groups.count(size) for size in sorted(set(groups))}
    parts = [f"{_WORDS.get(n, n)} group{'s' if n > 1 else ''} of {_WORDS[size]}" for size, n in counts.items()]
    return " and ".join(parts)


def _clock(minute):
    return f"{minute // 60}:{minute % 60:02d}"


@dataclass(frozen=True, repr=False)
class RoomPlan(Readable):
    """A plan for peer consultation in a room (see :func:`plan_rounds`)."""

    people: int
    minutes: int
    groups: tuple
    rounds: int
    round_minutes: int
    phase_minutes: dict
    debrief_minutes: int
    spare_minutes: int = 0

    def describe(self):
        m = self.phase_minutes
        text = (f"{self.people} people in {_group_words(self.groups)}: {self.rounds} rounds of {self.round_minutes} "
                f"minutes, so that everyone brings a problem once. In each round: {m['tell']} minutes to tell the "
                f"problem, {m['consult']} of questions from the consultant, {m['take stock']} to take stock and "
                f"{m['observe']} for the observer.")
        if 3 in self.groups and self.rounds == 4:
            text += " Groups of three use the fourth round to compare what their observers noticed."
        if self.rounds == 5:
            text += " With five people, two observe in each round."
        text += f" {BRIEFING_MINUTES} minutes to start and {self.debrief_minutes} to close"
        if self.spare_minutes:
            return text + (f": {self.minutes - self.spare_minutes} minutes in all, so {self.spare_minutes} of the "
                           f"{self.minutes} are spare.")
        return text + f", {self.minutes} in all."

    def analyst_detail(self):
        return {
            "the course's timings": "Per round, in proportion 3 : 7 : 2 : 2 (tell, consult, take stock, observe), "
                                    "each phase at least 2, 3, 1, 1 minutes; 3 minutes to start, 1 between rounds, "
                                    f"at least 5 to close; rounds at most {LONGEST_ROUND} minutes. The course's own "
                                    "choice, not a published standard.",
            "groups": "Threes, with one or two groups of four for a remainder of one or two (a room of five is "
                      "one group). All groups run the same number of rounds, so one person can call time.",
        }

    def run_sheet(self):
        """The session minute by minute: start and end (hours:minutes from the start) and what happens."""
        rows, now = [], 0

        def add(length, what):
            nonlocal now
            rows.append({"from": _clock(now), "to": _clock(now + length), "minutes": length, "what happens": what})
            now += length

        add(BRIEFING_MINUTES, "Briefing: the roles, the one rule (the consultant asks, never advises), groups form")
        for number in range(1, self.rounds + 1):
            spare = number > 3 and 3 in self.groups
            for phase in ROUND_PHASES:
                what = f"Round {number}, {phase.name}: {phase.who} {phase.what}"
                if spare and phase is ROUND_PHASES[0]:
                    what += " (groups of three: compare what your observers noticed instead)"
                add(self.phase_minutes[phase.name], what)
            if number < self.rounds:
                add(CHANGEOVER_MINUTES, "Swap roles")
        add(self.debrief_minutes, "Whole room: what was it like to ask and not advise? What did the observers notice?")
        return pd.DataFrame(rows)

    def roles(self, size=3):
        """Who does what in each round of a group of ``size`` people, called Person A, B, C...

        >>> plan_rounds(12, 60).roles().iloc[0].tolist()
        ['Person A', 'Person B', 'Person C']
        """
        if size not in self.groups:
            raise ValueError(f"This plan has no group of {size}; its groups have {sorted(set(self.groups))} people.")
        people = [f"Person {letter}" for letter in string.ascii_uppercase[:size]]
        rows = []
        for number in range(self.rounds):
            if number >= size:
                rows.append({"brings the problem": "nobody: compare notes", "consults": "-",
                             "observes": ", ".join(people)})
                continue
            rows.append({"brings the problem": people[number], "consults": people[(number + 1) % size],
                         "observes": ", ".join(people[(number + k) % size] for k in range(2, size))})
        return pd.DataFrame(rows, index=pd.Index(range(1, self.rounds + 1), name="round"))

    def _extra_html(self):
        sheet = self.run_sheet()
        rows = "".join(f"<tr><td>{r['from']}</td><td>{r['to']}</td><td>{html.escape(r['what happens'])}</td></tr>"
                       for r in sheet.to_dict("records"))
        return ('<table class="netlearn-run-sheet"><thead><tr><th>from</th><th>to</th><th>what happens</th></tr>'
                f"</thead><tbody>{rows}</tbody></table>")


# ---------------------------------------------------------------------- the consultant's questions
LISTENING_MOVE = "listening"
JUMPING_IN = "jumping in"
CANNOT_TELL = "the coach cannot tell"

_VERDICTS = {"listens": LISTENING_MOVE, "advises": JUMPING_IN, "mixed": JUMPING_IN, "unclear": CANNOT_TELL}


@dataclass(frozen=True)
class QuestionReading:
    """What the coach makes of one thing the consultant said: ``verdict`` and the coach's ``result``."""

    question: str
    verdict: str
    result: object

    @property
    def words(self):
        """The moves the verdict rests on: each rule, with the words that matched when they are not the whole
        sentence."""
        kind = ADVICE if self.verdict == JUMPING_IN else LISTENING
        return "; ".join(f.rule if f.phrase.strip() == f.sentence.strip() else f"{f.rule}, \u201c{f.phrase}\u201d"
                         for f in self.result.findings if f.kind == kind and f.counted)

    def text(self):
        if self.verdict == CANNOT_TELL:
            return "The coach cannot tell: it recognised neither a listening move nor advice."
        if self.verdict == JUMPING_IN:
            return f"Jumping in ({self.words}). The problem has moved from them to you."
        return f"Listening ({self.words}). The problem stays with them."

    def __repr__(self):
        return self.text()


def read_question(question):
    """Is a consultant's question listening or jumping in? The listening coach decides.

    ``"listening"`` when the coach reads listening moves and no advice; ``"jumping in"`` when it
    finds any advice, even alongside listening (a consultant who listens and then suggests has
    still jumped in); ``"the coach cannot tell"`` when it recognises neither.

    >>> read_question("So you're saying nobody has time. Have I got that right?").verdict
    'listening'
    >>> read_question("It sounds hard. Why don't you email them?").text()
    "Jumping in (why don't you, \u201cWhy don't you\u201d). The problem has moved from them to you."
    >>> read_question("What have you tried so far?").text()
    'Listening (open question). The problem stays with them.'
    """
    result = coach(question)
    return QuestionReading(question=question, verdict=_VERDICTS[result.label], result=result)


def observer_tally(questions):
    """Count a consultant's questions as the observer would: listening, jumping in, cannot tell.

    >>> observer_tally(["What happened?", "Have you tried asking?", "Right."])
    {'listening': 1, 'jumping in': 1, 'the coach cannot tell': 1}
    """
    tally = {LISTENING_MOVE: 0, JUMPING_IN: 0, CANNOT_TELL: 0}
    for question in questions:
        tally[read_question(question).verdict] += 1
    return tally


def listening_balance(reply):
    """The coach's listening moves in a reply, minus its moves that jump in.

    Counts the coach's findings (:func:`netlearn.listening.coach`): each listening move +1, each
    counted piece of advice, rebuke or closing reassurance -1. Above 0, the reply leaves the
    problem with the person; 0 or below, it takes it over (or the coach recognised nothing).

    >>> listening_balance("It sounds like a hard week. Have I got that right?")
    2
    >>> listening_balance("It sounds hard. You should take it to the board.")
    0
    """
    findings = coach(reply).findings
    return (sum(1 for f in findings if f.kind == LISTENING)
            - sum(1 for f in findings if f.kind == ADVICE and f.counted))
