"""Exercises of ``exercises/04_conflict_and_viewpoints.ipynb``: conflict, silos and whose voices are present.

Two networks: Zachary's karate club (real: 34 members of a club that split in two after a dispute,
with the side each member joined), and ``q_community`` (synthetic: 150 invented members of an
improvement community). Learners measure how far ties crossed the line along which the club
split (Krackhardt & Stern's E-I index), find who bridged the two sides, measure the diversity of
the community's membership (Blau's index) and work out how many patients, carers and citizens
would have to join to reach a target.

The leader track needs no code: predict how many of the club's ties crossed the line along which it
later split (q7), choose three go-betweens before a dispute comes to a head, graded by how many
members would hear the other side's view from someone they already know (q8, a
:class:`~netlearn.exercises.engine.Decision` computed with :func:`heard_across`, which uses the
side of each member and the ties the library reads), and choose where to start building trust
between two wary partners, after Vangen & Huxham's (2003) trust-building loop (q9). The concept
question (q5) and the reflection (q6) are on the leader track too; q1 to q4 are the analyst track.

>>> from netlearn.exercises import conflict_and_viewpoints as ex
>>> ex.q2.evaluate("3").status, ex.q2.evaluate("9").status
('correct', 'incorrect')
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching
from netlearn.diversity import blau_index, ei_index, ei_index_by_member, iqv, voices_present

from .engine import (
    Choice,
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Reflection,
    ____,
    close_number,
    same_member,
)

__all__ = ["exercises", "heard_across", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____"]

#: The members offered as go-betweens in question 8 (the instructor, 1, and the president, 34, are
#: the two parties to the dispute, so they are not offered).
GO_BETWEENS = ("3", "9", "31", "33", "2", "32", "20")

#: The bands of question 7: (lowest share, highest share, option text).
CROSSING_BANDS = ((0.5, 1.01, "More than half of them"), (0.35, 0.5, "Between a third and a half"),
                  (0.2, 0.35, "Between a fifth and a third"), (0.0, 0.2, "Fewer than one in five"))


def heard_across(G, group, attribute="side"):
    """How many members have a tie to someone in ``group`` from the *other* side of ``attribute``.

    Those are the members who would hear the other side's view from someone they already know,
    if the members of ``group`` act as go-betweens. The group's own members are not counted.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "x"), ("c", "x"), ("c", "y")])
    >>> nx.set_node_attributes(G, {"a": "L", "b": "L", "c": "L", "x": "R", "y": "R"}, "side")
    >>> heard_across(G, ["b"]), heard_across(G, ["b", "c"]), heard_across(G, ["x"])
    (1, 2, 2)
    """
    group = set(group)
    heard = {other for member in group for other in G.neighbors(member)
             if G.nodes[other][attribute] != G.nodes[member][attribute]}
    return len(heard - group)




def _build():
    KARATE = netlearn.load_dataset("karate_club")
    Q = netlearn.load_dataset("q_community")
    _CLUB = KARATE.graph("interaction")
    _KNOWS = Q.graph("knows")

    _EI = ei_index(_CLUB, "side")
    _TIES = _CLUB.number_of_edges()
    _ACROSS = sum(1 for u, v in _CLUB.edges if _CLUB.nodes[u]["side"] != _CLUB.nodes[v]["side"])
    _BY_MEMBER = ei_index_by_member(_CLUB, "side")
    _MOST_ACROSS = _BY_MEMBER["external"].idxmax()
    _HIGHEST_RATIO = _BY_MEMBER["ei_index"].idxmax()
    _DEGREE = dict(_CLUB.degree())
    _MOST_TIES = max(_DEGREE, key=_DEGREE.get)

    _BLAU = blau_index(Q, "sector")
    _VOICES = voices_present(Q)

    #: Answers given to about three significant figures count as right.
    _CLOSE = 5e-3

    def namespace():
        """What the notebook's setup cell makes."""
        return {"netlearn": netlearn, "nx": nx, "club": KARATE.graph("interaction"), "q": Q,
                "knows": Q.graph("knows"), "blau_index": blau_index, "ei_index": ei_index,
                "ei_index_by_member": ei_index_by_member, "voices_present": voices_present}

    q1 = Exercise(
        "q1",
        prompt="Before the karate club split, how far did its ties cross the line along which it later split? Give "
               "the E-I index of `club` by `side`, counting each tie once (ignore the weights).",
        answer_name="club_ei",
        checker=close_number(
            _EI,
            relative=_CLOSE,
            what="an E-I index between -1 and 1",
            method=("(E - I) / (E + I) on `club` by `side`, with E the ties between the sides and I the ties "
                    "inside a side, each tie counted once"),
            shown_digits=2,
            alternatives=[
                (ei_index(_CLUB, "side", weight="weight"),
                 "That adds up the weights (the number of settings in which each pair met) instead of counting "
                 "ties. The question asks to count each tie once: leave out weight=."),
                (-_EI, "The sign is the wrong way round. The E-I index is (E - I) / (E + I): ties *between* groups "
                       "minus ties *inside* them. Mostly inside gives a negative value."),
                (_ACROSS, f"{_ACROSS} is E, the number of ties between the two sides. The E-I index compares it with "
                          f"the ties inside the sides: (E - I) / (E + I)."),
                (_ACROSS / _TIES, f"That is the share of ties that cross ({_ACROSS} of {_TIES}). The E-I index is "
                                  "(E - I) / (E + I), which runs from -1 to +1."),
            ],
        ),
        hints=[
            "E counts ties between members of different sides, I ties between members of the same side.",
            "`ei_index(G, attribute)` is in the setup cell.",
            "`ei_index(club, 'side')`.",
        ],
        solution="""
club_ei = ei_index(club, "side")
""",
        explanation=f"Of the {_TIES} ties, {_ACROSS} joined members who ended up on different sides (E) and "
                    f"{_TIES - _ACROSS} joined members who ended up on the same side (I): "
                    f"({_ACROSS} - {_TIES - _ACROSS}) / {_TIES} = {_EI:.2f}.",
        why="Most ties already ran inside the two factions before the split: the network showed where the club would "
            "break. A network whose groups mostly talk among themselves can split along those lines when conflict "
            "comes, instead of working the disagreement through.",
        wrong_answers=[
            (ei_index(_CLUB, "side", weight="weight"), "adds up the weights"),
            (-_EI, "sign is the wrong way round"),
            (_ACROSS, "is E, the number of ties"),
            (_ACROSS / _TIES, "share of ties that cross"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="Who had the most ties to members of the *other* side before the split? Give the member's id, such "
               "as '5'.",
        answer_name="bridge",
        checker=same_member(
            _MOST_ACROSS,
            members=KARATE,
            otherwise="That member had fewer ties across the divide than someone else. Count, for each member, the "
                      "ties to people on the other side (the `external` column of `ei_index_by_member`).",
            alternatives=[
                (_HIGHEST_RATIO,
                 f"Member {_HIGHEST_RATIO} has the highest E-I index: more of their ties cross than stay inside. "
                 "But they have only "
                 f"{int(_BY_MEMBER.loc[_HIGHEST_RATIO, 'external'])} ties across. The question asks who had the most "
                 "ties across: look at the `external` column, not `ei_index`."),
                (_MOST_TIES,
                 f"Member {_MOST_TIES} has the most ties of all ({_DEGREE[_MOST_TIES]}), but nearly all of them are "
                 "inside their own side. Count only the ties to the other side."),
                (int(_BY_MEMBER.loc[_MOST_ACROSS, "external"]),
                 f"{int(_BY_MEMBER.loc[_MOST_ACROSS, 'external'])} is the largest number of ties across. The question "
                 "asks whose ties they are: give the member's id."),
            ],
        ),
        hints=[
            "`ei_index_by_member(club, 'side')` gives a table with one row per member; its `external` column counts "
            "ties to the other side.",
            "`table['external'].idxmax()` gives the id of the member with the largest value.",
        ],
        solution="""
table = ei_index_by_member(club, "side")
bridge = table["external"].idxmax()
""",
        explanation=f"Member {_MOST_ACROSS} had {int(_BY_MEMBER.loc[_MOST_ACROSS, 'external'])} ties to the other "
                    "side, more than anyone else. The E-I index of a member is a ratio, so someone with few ties can "
                    "score higher while bridging less.",
        why="People with ties on both sides of a conflict are the ones who can carry each side's view to the other. "
            "In the club there were very few of them, and the members whose ties spanned the divide still had to "
            "choose a side in the end.",
        wrong_answers=[
            (_HIGHEST_RATIO, "highest E-I index"),
            (_MOST_TIES, "most ties of all"),
            (int(_BY_MEMBER.loc[_MOST_ACROSS, "external"]), "asks whose ties they are"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="How diverse is the improvement community's membership by sector? Give Blau's index of `q` by "
               "`sector` (between 0 and 1).",
        answer_name="sector_blau",
        checker=close_number(
            _BLAU,
            relative=_CLOSE,
            what="Blau's index, between 0 and 1",
            method="one minus the sum of the squared shares of each sector, over the whole membership",
            shown_digits=2,
            alternatives=[
                (blau_index(Q, "stakeholder"),
                 "That is Blau's index by `stakeholder` (the perspective members bring). The question asks about "
                 "`sector`."),
                (iqv(Q, "sector"),
                 "That is the IQV: Blau's index divided by its largest possible value. The question asks for "
                 "Blau's index itself."),
                (1 - _BLAU,
                 "That is the sum of the squared shares, the chance that two members picked at random are in the "
                 "*same* sector. Blau's index is one minus it."),
            ],
        ),
        hints=[
            "Blau's index is 1 minus the sum of the squared shares of each category.",
            "`blau_index(q, 'sector')` works on the whole network `q` (or on a graph such as `knows`).",
        ],
        solution="""
sector_blau = blau_index(q, "sector")
""",
        explanation=f"The shares of the eight sectors, squared and added up, make {1 - _BLAU:.3f}; one minus that is "
                    f"{_BLAU:.3f}, the chance that two members picked at random come from different sectors.",
        why="A high value says many sectors are in the room. It does not say whether they talk to each other (that "
            "is the E-I index), or whether the smallest groups, such as patients, carers and citizens, are present "
            "in numbers that give them a real voice.",
        wrong_answers=[
            (blau_index(Q, "stakeholder"), "by `stakeholder`"),
            (iqv(Q, "sector"), "That is the IQV"),
            (1 - _BLAU, "sum of the squared shares"),
            (round(_BLAU * 100, 2), "percentage"),
        ],
    )

    q4 = Exercise(
        "q4",
        prompt="One member in five should be a patient, carer or citizen. How many more would have to join (with "
               "nobody leaving) for the community to reach that? Give a whole number.",
        answer_name="more_needed",
        checker=close_number(
            _VOICES.needed,
            what="a number of people",
            method=("the smallest number of newcomers x such that (those present + x) / (members + x) reaches one "
                    "in five"),
            alternatives=[
                (round(0.2 * _VOICES.total) - _VOICES.count,
                 f"That is 20% of today's {_VOICES.total} members, minus the {_VOICES.count} already there. But every "
                 "new member also makes the community bigger, so the target grows as people join: you need a few "
                 "more than that."),
                (round(0.2 * _VOICES.total),
                 f"{round(0.2 * _VOICES.total)} is 20% of today's membership. The question asks how many *more* would "
                 "have to join."),
                (_VOICES.count + _VOICES.needed,
                 "That is how many there would be in total. The question asks how many more would have to join."),
                (_VOICES.share, "That is today's share. The question asks how many more people would have to join."),
            ],
        ),
        hints=[
            "`voices_present(q)` counts patients, carers and citizens and compares their share with a target of 20%.",
            "Its result has a `needed` attribute; `print(voices_present(q))` says the same in words.",
            "If you work it out by hand: you need the smallest x with (8 + x) / (150 + x) at least 0.2.",
        ],
        solution="""
more_needed = voices_present(q).needed
""",
        explanation=f"With {_VOICES.count} of {_VOICES.total} members, reaching one in five needs x more with "
                    f"({_VOICES.count} + x) / ({_VOICES.total} + x) >= 0.2, so x = {_VOICES.needed}.",
        why="Turning 'we should involve patients' into a number makes it an ask partners can act on. The notebook's "
            "widget then shows the next question: are the new members connected across regions, or added in one "
            "corner of the network?",
        wrong_answers=[
            (round(0.2 * _VOICES.total) - _VOICES.count, "the target grows as people join"),
            (round(0.2 * _VOICES.total), "is 20% of today's membership"),
            (_VOICES.count + _VOICES.needed, "how many there would be in total"),
            (_VOICES.share, "today's share"),
        ],
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="In a diabetes network, clinicians who want to put money into specialist clinics and public health "
               "staff who want to put it into prevention disagree sharply. Meetings are tense. What does the "
               "masterclass's view of conflict suggest a network leader does?",
        multiple=False,
        options=[
            Option("Decide between the two quickly on the evidence you have, so that calm returns, trust can recover "
                   "and the work of the network can go on.",
                   False,
                   "This brings the leader's solution. It may calm things, but it throws away what the disagreement "
                   "could teach, and one side learns that its view does not count."),
            Option("Put the two groups into separate workstreams, one on specialist clinics and one on prevention, "
                   "so that each can make progress without clashing.",
                   False,
                   "This builds silos: ties stay inside each group (an E-I index heading towards -1), and the "
                   "network can split along that line, as the karate club did."),
            Option("Make the disagreement a shared question: bring both groups together with patients and carers "
                   "over the evidence and what each side values.",
                   True,
                   "This treats conflict as a source of ideas. Many viewpoints, patients' included, meet in one "
                   "place, and the network rather than the leader builds the way forward."),
            Option("Leave the topic off the agenda for a few months, so that feelings can settle and the two sides "
                   "can come round to agreeing by themselves.",
                   False,
                   "Avoiding it rarely makes conflict go away; it tends to move out of the meeting and into "
                   "corridors, where nobody can learn from it."),
            Option("Ask the chair to draft a consensus statement that balances both positions, invite comments, and "
                   "have every member organisation sign it.",
                   False,
                   "A statement written for people is the leader building consensus on the network's behalf; "
                   "agreement that members have not worked out themselves rarely holds."),
        ],
        why="Disagreement that is brought into the open, with many viewpoints present, is how networks find ideas no "
            "single group had. The leader's job is to make that safe and productive, not to end it.",
    )

    q6 = Reflection(
        "q6",
        prompt="Where does disagreement show up in a network you belong to, and whose viewpoint is missing from it?",
        guidance="Think of one recent disagreement. Who was in the room, and who was not (patients, carers, citizens, "
                 "another sector)? Note one person you could invite, and whom in the network you would introduce "
                 "them to.",
        placeholder="The disagreement I have in mind is...",
    )

    # ------------------------------------------------------------------ leader track
    _CROSS_SHARE = _ACROSS / _TIES

    def _crossing_band():
        return next(i for i, (low, high, _) in enumerate(CROSSING_BANDS) if low <= _CROSS_SHARE < high)

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. Zachary recorded {_TIES} ties between members of the karate club who met outside "
               "its classes, before the dispute between the instructor and the president split the club in two. "
               "How many of those ties do you expect joined two members who later went to **different** sides?",
        options=[text for _, _, text in CROSSING_BANDS],
        answer=_crossing_band,
        reveal=lambda: (f"{_ACROSS} of the {_TIES} ties ({_CROSS_SHARE:.0%}) crossed the line along which the club "
                        f"split; {_TIES - _ACROSS} stayed inside what became each side. The E-I index by side is "
                        f"{_EI:.2f}: the club was already two clusters joined by a few threads."),
        hints=["People spend time with people like themselves and with the leader they follow.",
               "Look at the lesson's drawing of the club: how many lines run between the two colours?"],
        explanation="The library counts, for every tie, whether its two members joined the same side after the "
                    "split (`ei_index` and `ei_index_by_group` by `side`).",
        wrong_answers=[(0, "What the data show"), (2, "The result matches D")],
        why="A network whose ties mostly stay inside groups shows where it will break when conflict comes. "
            "Counting the ties that cross is a way to see the fault line before it opens.",
    )

    _SIDE_WORDS = {"Mr. Hi": "the instructor's side", "Officer": "the officers' side"}

    def _member(member):
        external = int(_BY_MEMBER.loc[member, "external"])
        return (f"Member {member} ({_SIDE_WORDS[_CLUB.nodes[member]['side']]}; {_DEGREE[member]} ties, "
                f"{external} of them to the other side)")

    def _group(combo):
        return [GO_BETWEENS[i] for i in combo]

    def _heard(combo):
        return heard_across(_CLUB, _group(combo))

    def _go_between_insight(combo):
        group = _group(combo)
        reached = {}
        for member in group:
            for other in _CLUB.neighbors(member):
                if _CLUB.nodes[other]["side"] != _CLUB.nodes[member]["side"] and other not in group:
                    reached.setdefault(other, []).append(member)
        shared = sorted((o for o, by in reached.items() if len(by) > 1), key=int)
        inside = [m for m in group if any(o in group for o in _CLUB.neighbors(m)
                                          if _CLUB.nodes[o]["side"] != _CLUB.nodes[m]["side"])]
        text = ("Go-betweens help most when their ties across reach *different* people: two bridges who know the "
                "same members on the other side carry the view to the same few.")
        if shared:
            text += f" In your group, member{'s' if len(shared) > 1 else ''} {', '.join(shared)} would hear it twice."
        if inside:
            text += (f" Members {' and '.join(inside)} are tied to each other across the divide, so part of their "
                     "bridging stays inside your group.")
        leaders = [leader for leader in ("1", "34") if leader in reached]
        if leaders:
            text += (f" Your group has a tie to {' and '.join('the instructor' if x == '1' else 'the president' for x in leaders)}"
                     " on the other side: a go-between who can talk to a party to the dispute is worth a great deal.")
        return text

    q8 = Decision(
        "q8",
        prompt="The dispute between the instructor (member 1) and the president (member 34) is coming to a head. "
               "You can ask **three** members to act as go-betweens: to talk with people on the other side and "
               "carry each side's view across. Which three would let the most members hear the other side's view "
               "from someone they already know?",
        options=[_member(member) for member in GO_BETWEENS],
        pick=3,
        consequence=_heard,
        describe=lambda value: (f"{value} members of the club would hear the other side's view from someone they "
                                "already know"),
        insight=_go_between_insight,
        hints=["Count the ties across, but check whom they reach: two bridges tied to the same people add little.",
               "A single tie across can matter a lot when it reaches one of the two leaders of the dispute."],
        explanation="For each group of three, the library counts the members (outside the group) who have a tie to "
                    "someone in the group from the other side (`heard_across`). The best groups combine member 3, "
                    "the strongest bridge, with go-betweens whose ties across reach different people, one of them a "
                    "leader of the other side.",
        wrong_answers=[(["A", "B", "C"], "would hear it twice"), (["D", "E", "F"], "The best choice")],
        why="Choosing go-betweens is choosing ties, not titles: the people who already have the other side's ear, "
            "spread so that between them they reach as many different people as possible.",
    )

    q9 = Choice(
        "q9",
        prompt="A council and a hospital trust have to run a joint discharge service. Their last joint project "
               "failed, and each side suspects the other of protecting its budget. Vangen & Huxham (2003) describe "
               "trust between partners as built in a loop. As the network leader, where do you start?",
        options=[
            Option("Agree the most ambitious goal straight away, so the prize is big enough to make both sides "
                   "take the risk.",
                   False,
                   "A big first step asks for more trust than the partners have. If it disappoints, as ambitious "
                   "joint work often does, it confirms each side's suspicion and the loop runs backwards."),
            Option("Wait until relations improve and trust has grown on its own, then start on joint work.",
                   False,
                   "In the loop, trust grows from working together and seeing expectations met. Waiting gives it "
                   "nothing to grow from: someone has to take a first, modest risk."),
            Option("Agree a small joint task both can deliver within weeks, say what each expects, then build on it.",
                   True,
                   "This starts the loop: a modest aim, clear expectations, a risk each side can afford. When the "
                   "result meets expectations, trust grows and the partners can take on more ambitious work. "
                   "Vangen & Huxham also stress that building trust is hard work that never quite finishes: the "
                   "loop has to be tended as people and circumstances change."),
            Option("Set up a detailed check on every commitment, so each side can see whether the other keeps "
                   "its word.",
                   False,
                   "Checks can help partners cope where trust is lacking, but checking everything signals distrust "
                   "and does not by itself build trust: nobody risks anything, so nobody can be shown to be "
                   "trustworthy."),
        ],
        hints=["Trust grows when someone takes a risk and the other side lives up to it.",
               "How big should the first risk be when trust is low?"],
        explanation="Vangen & Huxham's trust-building loop: partners form expectations of each other and take a "
                    "risk; when the outcome meets the expectations, trust grows and supports a more ambitious next "
                    "step. Where trust is low, the loop starts best with modest aims that can be met (small wins).",
        wrong_answers=[("A", "runs backwards"), ("B", "nothing to grow from"), ("D", "signals distrust")],
        why="Conflict and mistrust between partners are normal in networks; trust is built by action, in small "
            "steps that each side can see being kept, not by waiting or by more control.",
    )

    return locals()


exercises = ExerciseSet(
    "conflict_and_viewpoints",
    number=4,
    title="Conflict and many viewpoints",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "decision", "q9": "choice"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
