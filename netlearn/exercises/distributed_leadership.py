"""Exercises of ``exercises/03_distributed_leadership.ipynb``: is leadership shared, or held by one person?

The network is ``q_community``: 150 invented members of an improvement community (synthetic data),
with one formal leader, the community lead. Learners find whom the advice network depends on,
measure how star-like it is (Freeman centralisation), how widely leadership is shared
(Carson, Tesluk & Marrone's density of leadership nominations) and how much advice is returned
(reciprocity), then tell acts of network leadership from acts of network management.

The leader track needs no code: predict how much reach survives the lead's leave (q7), rank members
by what their absence would cost (q8), and choose two introductions graded by what they keep in
reach while the lead is away (q9, a :class:`~netlearn.exercises.engine.Decision` computed with
:func:`netlearn.leadership.what_if_removed`). The concept question (q5) and the reflection (q6) are on
the leader track too; q1 to q4 are the analyst track.

>>> from netlearn.exercises import distributed_leadership as ex
>>> ex.q1.evaluate("q062").status, ex.q1.evaluate(____).status, ex.q1.evaluate("q055").status
('correct', 'not_attempted', 'incorrect')
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching
from netlearn.leadership import centralization, reciprocity, shared_leadership, what_if_removed

from .engine import (
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Ranking,
    Reflection,
    ____,
    answers_on_other_relations,
    close_number,
    same_member,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____"]

#: The introductions offered in question 9: pairs of members (an introduction is a two-way advice tie).
INTRODUCTIONS = (("q139", "q113"), ("q055", "q104"), ("q043", "q113"), ("q148", "q052"), ("q108", "q049"),
                 ("q047", "q100"))

#: The members to rank in question 8.
RANKED = ("q055", "q113", "q001", "q062")

#: The bands of question 7: (lowest share, highest share, option text).
KEPT_BANDS = ((0.9, 1.01, "Almost all of it: 90% or more"), (0.65, 0.9, "Most of it: between 65% and 90%"),
              (0.35, 0.65, "Something near half: between 35% and 65%"), (0.0, 0.35, "Less than 35%"))


def reach_without(advice, lead, introductions=()):
    """Average reachability of ``advice`` once ``lead`` is away, after making ``introductions``.

    An introduction ``(a, b)`` adds advice ties both ways. Uses
    :func:`netlearn.leadership.what_if_removed`.

    >>> import networkx as nx
    >>> chain = nx.DiGraph([("a", "hub"), ("hub", "b")])
    >>> reach_without(chain, "hub"), reach_without(chain, "hub", [("a", "b")])
    (0.0, 1.0)
    """
    graph = advice.copy()
    for a, b in introductions:
        graph.add_edge(a, b)
        graph.add_edge(b, a)
    return float(what_if_removed(graph, lead).loc["average reachability", "after"])




def _build():
    NET = netlearn.load_dataset("q_community")
    _ADVICE = NET.graph("advice")
    _LEADERSHIP = NET.graph("leadership")
    _KNOWS = NET.graph("knows")

    _ASKED = dict(_ADVICE.in_degree())
    _MOST_ASKED = max(_ASKED, key=_ASKED.get)
    _ASKING = dict(_ADVICE.out_degree())
    _ASKS_MOST = max(_ASKING, key=_ASKING.get)
    _KNOWN = dict(_KNOWS.degree())
    _KNOWS_MOST = max(_KNOWN, key=_KNOWN.get)

    _CENTRALIZATION = centralization(_ADVICE, "degree")
    _SHARED = shared_leadership(_LEADERSHIP)
    _N = _LEADERSHIP.number_of_nodes()
    _RECIPROCITY = reciprocity(_ADVICE)
    _RETURNED = sum(1 for u, v in _ADVICE.edges if u != v and _ADVICE.has_edge(v, u))

    #: Answers given to about three significant figures count as right.
    _CLOSE = 5e-3

    def namespace():
        """What the notebook's setup cell makes."""
        return {"netlearn": netlearn, "nx": nx, "net": NET, "advice": NET.graph("advice"),
                "leadership": NET.graph("leadership"), "centralization": centralization,
                "reciprocity": reciprocity, "shared_leadership": shared_leadership}

    q1 = Exercise(
        "q1",
        prompt="In the advice network, a tie from A to B means *A goes to B for advice*. Who do the most members go "
               "to for advice? Give the member's id, such as 'q001'.",
        answer_name="most_asked",
        checker=same_member(
            _MOST_ASKED,
            members=NET,
            otherwise="That member is not the one most people go to. A tie points from the person asking to the "
                      "person asked, so count the ties each member receives (`advice.in_degree`), not the ties "
                      "they send.",
            alternatives=[
                (_KNOWS_MOST, f"{_KNOWS_MOST} knows the most people ({_KNOWN[_KNOWS_MOST]} `knows` ties), but the "
                              "question is about advice. Use `advice = net.graph('advice')` and count the ties each "
                              "member receives there."),
                (_ASKED[_MOST_ASKED], f"{_ASKED[_MOST_ASKED]} is how many members go to that person. The question asks "
                                      "who it is: give their id."),
                (_ASKS_MOST, f"{_ASKS_MOST} asks others for advice more than most ({_ASKING[_ASKS_MOST]} ties sent). The "
                             "question is about the ties each member receives: `advice.in_degree`."),
            ],
        ),
        hints=[
            "In a directed network each member has an *in-degree* (ties received) and an *out-degree* (ties sent).",
            "`asked = dict(advice.in_degree())` pairs each member with the number of people who go to them.",
            "`max(asked, key=asked.get)` gives the member with the largest number.",
        ],
        solution="""
asked = dict(advice.in_degree())
most_asked = max(asked, key=asked.get)
""",
        explanation="`advice.in_degree()` counts, for each member, the ties pointing at them: the people who come to "
                    f"them for advice. {_MOST_ASKED} receives {_ASKED[_MOST_ASKED]}; the next member receives "
                    f"{sorted(_ASKED.values())[-2]}.",
        why=f"{_MOST_ASKED} is the community lead, the only formal leader in the data. Almost half of the members go "
            "to one person for advice: the network is run as a hub, which is quick while the lead has time and a "
            "bottleneck when they do not.",
        wrong_answers=[
            (_KNOWS_MOST, "knows the most people"),
            (_ASKED[_MOST_ASKED], "is how many members go to that person"),
            (_ASKS_MOST, "ties each member receives"),
            ("q06", "Did you mean"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="How star-like is the advice network? Give Freeman's degree centralisation of `advice`, counting the "
               "ties each member receives (a fraction between 0 and 1).",
        answer_name="advice_centralization",
        checker=close_number(
            _CENTRALIZATION,
            relative=_CLOSE,
            what="a centralization between 0 and 1",
            method="degree centralisation of the advice network, counting the ties each member receives",
            shown_digits=2,
            alternatives=[
                *answers_on_other_relations(NET, lambda G: centralization(G, "degree"), "advice",
                                            measure="degree centralization"),
                (centralization(_ADVICE, "degree", mode="out"),
                 "That counts the ties members *send* (mode='out'). Everyone asks only a few people, so that is "
                 "near 0. The question is about ties received: leave mode out, or use mode='in'."),
                (centralization(_ADVICE, "degree", mode="all"),
                 "That adds ties sent and received (mode='all'). The question is about the ties each member "
                 "receives: mode='in', which is the default for a directed network."),
            ],
        ),
        hints=[
            "`centralization(G, 'degree')` is in the setup cell. For a directed network it counts ties received "
            "unless you say otherwise.",
            "Use the advice network: `centralization(advice, 'degree')`.",
        ],
        solution="""
advice_centralization = centralization(advice, "degree")
""",
        explanation="Freeman's centralisation adds up how far each member falls short of the most central one, "
                    "and divides by the largest that total could be (a perfect star). Counting ties received, the "
                    f"advice network scores {_CENTRALIZATION:.2f}.",
        why=f"{_CENTRALIZATION:.2f} is high for a network of 150: most of the distance to a perfect star is covered "
            "by one person. The `knows` network, where people choose whom to know, is far flatter "
            f"({centralization(_KNOWS, 'degree'):.2f}).",
        wrong_answers=[
            (centralization(_KNOWS, "degree"), "on the 'knows' relation"),
            (centralization(_LEADERSHIP, "degree"), "on the 'leadership' relation"),
            (centralization(_ADVICE, "degree", mode="out"), "mode='out'"),
            (round(_CENTRALIZATION * 100, 2), "percentage"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="Shared leadership: in the leadership network, a tie from A to B means *A names B as someone who "
               "leads or influences the community*. Carson, Tesluk & Marrone (2007) measure shared leadership as the "
               "density of these nominations. What is it? (A fraction between 0 and 1.)",
        answer_name="leadership_density",
        checker=close_number(
            _SHARED.density,
            relative=_CLOSE,
            what="a density between 0 and 1",
            method=("nominations made divided by nominations possible; nominations have a direction, so n(n-1) are "
                    "possible"),
            shown_digits=3,
            alternatives=[
                (_SHARED.nominations / (_N * (_N - 1) / 2),
                 "That divides by n(n-1)/2, the number of *pairs*. Nominations have a direction (A can name B "
                 "without B naming A), so there are n(n-1) possible nominations: twice as many."),
                (_SHARED.in_degree_centralization,
                 "That is the in-degree centralisation of the nominations: how far they pile onto one person. "
                 "The question asks for the density: nominations made divided by nominations possible."),
                (_SHARED.nominations,
                 f"{_SHARED.nominations} is the number of nominations. Density divides it by the number possible."),
                *answers_on_other_relations(NET, nx.density, "leadership", measure="density"),
            ],
        ),
        hints=[
            "Density is the ties there are divided by the ties there could be.",
            "`shared_leadership(leadership)` returns both the density and the centralisation of the nominations; "
            "`nx.density(leadership)` gives the density alone.",
            "Take `.density` of the result: `shared_leadership(leadership).density`.",
        ],
        solution="""
leadership_density = shared_leadership(leadership).density
""",
        explanation=f"There are {_SHARED.nominations} nominations out of {_N} x {_N - 1} = {_N * (_N - 1)} possible, "
                    f"so the density is {_SHARED.density:.4f}.",
        why="About one nomination in a hundred possible is made, and the in-degree centralisation of "
            f"{_SHARED.in_degree_centralization:.2f} says nearly all of them go to the lead. Mehra et al. (2006) "
            "found that spreading leadership more widely did not by itself go with better team performance; how "
            "the leaders' ties were arranged is what mattered. So read the pattern, not only the amount.",
        wrong_answers=[
            (_SHARED.nominations / (_N * (_N - 1) / 2), "n(n-1)/2"),
            (_SHARED.in_degree_centralization, "in-degree centralisation"),
            (_SHARED.nominations, "number of nominations"),
            (nx.density(_ADVICE), "on the 'advice' relation"),
        ],
    )

    q4 = Exercise(
        "q4",
        prompt="Reciprocity: what share of advice ties are returned (A goes to B for advice, and B also goes to A)? "
               "Give a fraction between 0 and 1.",
        answer_name="advice_reciprocity",
        checker=close_number(
            _RECIPROCITY,
            relative=_CLOSE,
            what="a share between 0 and 1",
            method="the share of advice ties whose reverse tie also exists, counting both ties of a returned pair",
            shown_digits=2,
            alternatives=[
                (_RETURNED / 2 / _ADVICE.number_of_edges(),
                 "That counts each returned *pair* once. A returned pair is two ties (A to B and B to A), and "
                 "reciprocity is the share of *ties* that are returned, so both count."),
                (_RETURNED, f"{_RETURNED} is how many advice ties are returned. The question asks what share of all "
                            f"{_ADVICE.number_of_edges()} advice ties that is."),
                *[(value, feedback) for value, feedback in answers_on_other_relations(
                    NET, lambda G: reciprocity(G) if G.is_directed() else None, "advice", measure="reciprocity")
                  if value is not None],
            ],
        ),
        hints=[
            "`reciprocity(G)` is in the setup cell: it gives the share of ties whose reverse tie also exists.",
            "Use it on the advice network: `reciprocity(advice)`.",
        ],
        solution="""
advice_reciprocity = reciprocity(advice)
""",
        explanation=f"{_RETURNED} of the {_ADVICE.number_of_edges()} advice ties have a tie going back the other way, "
                    f"a share of {_RECIPROCITY:.2f}.",
        why="Most advice flows one way, much of it to the lead, who asks almost nobody in return. The masterclass "
            "put it as leaders creating, and expecting, give-and-take: a network in which members help each other "
            "in both directions does not stop when one person is busy.",
        wrong_answers=[
            (_RETURNED / 2 / _ADVICE.number_of_edges(), "counts each returned *pair* once"),
            (_RETURNED, "how many advice ties are returned"),
            (reciprocity(_LEADERSHIP), "on the 'leadership' relation"),
            (12.9, "percentage"),
        ],
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="Network management is not network leadership. The community lead is asked for advice by almost half "
               "the members and wants the community to depend on them less. Which of these are acts of network "
               "**leadership** rather than management?",
        multiple=True,
        options=[
            Option("Setting up a booking system so that members can get fifteen minutes with the lead more easily, "
                   "and nobody waits long.",
                   False,
                   "Management: it makes the hub run more smoothly, but every question still travels through one "
                   "person."),
            Option("Introducing members who keep asking the lead the same question to each other, and to a member "
                   "who has solved it.",
                   True,
                   "Leadership: it builds ties between members, so the next answer does not need the lead."),
            Option("Requiring every advice request to go through the lead first, so that quality is assured and the "
                   "same advice is given.",
                   False,
                   "This is control, not leadership: it makes the network more centralised and the lead a gatekeeper "
                   "for everything."),
            Option("Asking each member who has been helped to offer help to someone else in return.",
                   True,
                   "Leadership: it creates and expects reciprocity, so help flows in more than one direction."),
            Option("Inviting the regional connectors and brokers to host open sessions where members work on each "
                   "other's problems.",
                   True,
                   "Leadership: it spreads leadership to people others already trust, and lets the network, not the "
                   "leader, produce the solutions."),
            Option("Publishing a monthly report of how many requests the lead answered, so the board can see the "
                   "demand on them.",
                   False,
                   "Management: monitoring can be useful, but it measures the bottleneck rather than reducing it."),
        ],
        why="Managing keeps a network running; leading helps its members connect, give and take, and act on a shared "
            "purpose without waiting for one person. The masterclass asked participants to repeat that difference "
            "until it stuck.",
    )

    _PEOPLE = NET.members.set_index("id")

    def _name(member):
        return str(_PEOPLE.loc[member, "name"])

    def _who(member):
        row = _PEOPLE.loc[member]
        return f"{row['name']} ({row['stakeholder']}, {row['region']}; asked for advice by {_ASKED[member]})"

    _REACH_WITH_LEAD = float(what_if_removed(_ADVICE, _MOST_ASKED).loc["average reachability", "before"])

    def _reach_alone():
        return reach_without(_ADVICE, _MOST_ASKED)

    def _kept_band():
        kept = _reach_alone() / _REACH_WITH_LEAD
        return next(i for i, (low, high, _) in enumerate(KEPT_BANDS) if low <= kept < high)

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. The community lead, {_name(_MOST_ASKED)}, is going on leave for a month. Today a member can "
               f"reach another through advice ties (directly, or through people they ask) in {_REACH_WITH_LEAD:.0%} "
               "of pairs of members. While the lead is away, how much of that reach do you expect to remain?",
        options=[text for _, _, text in KEPT_BANDS],
        answer=_kept_band,
        reveal=lambda: (f"without the lead, a member can reach another in {_reach_alone():.1%} of pairs, against "
                        f"{_REACH_WITH_LEAD:.1%} with them: {_reach_alone() / _REACH_WITH_LEAD:.0%} of the reach "
                        f"remains. The lead is asked by {_ASKED[_MOST_ASKED]} members, and much of the advice that "
                        "travels between regions travels through them."),
        hints=["Think of who the lead connects: members who ask the lead, and the few people the lead asks in turn.",
               f"{_ASKED[_MOST_ASKED]} of the {len(_ADVICE)} members go to the lead for advice. How many of them have "
               "another route?"],
        explanation="The library takes the lead out of the advice network and counts, for every pair of members, "
                    "whether the first can still reach the second (`what_if_removed`).",
        wrong_answers=[(0, "What the data show"), (3, "The result matches C")],
        why="A hub is quick while the hub is there; the same ties make the network fragile when it is not.",
    )

    def _reach_if_away(member):
        return float(what_if_removed(_ADVICE, member).loc["average reachability", "after"])

    q8 = Ranking(
        "q8",
        prompt="Whose month away would the advice network miss most? Rank these four members from the one whose "
               "absence would cut the most reach between members (first) to the least (last).",
        options=[_who(member) for member in RANKED],
        values=lambda: [_reach_if_away(member) for member in RANKED],
        descending=False,
        tolerance=0.005,
        describe=lambda value: f"while they are away, {value:.1%} of pairs of members stay in reach",
        note=lambda: (f"Being asked often is not the same as holding the network together: {_name(RANKED[1])} is asked by "
                      f"only {_ASKED[RANKED[1]]} members but is a bridge between regions, and would be missed about "
                      "as much as the lead. Within 0.5 points, either order counts."),
        hints=["Being asked by many people is one thing; being the only route between groups is another.",
               "Look for a member who is asked by few but sits between regions: advice that crosses regions has to "
               "pass through someone."],
        explanation="Each member is taken out of the advice network in turn (`what_if_removed`), and the share of "
                    "pairs of members still in reach is compared: the lower it falls, the more they are missed.",
        wrong_answers=[(["D", "A", "B", "C"], "wrong way round"), (["A", "D", "B", "C"], "you put A above D")],
        why="Hidden bridges matter for succession and cover as much as the obvious hub: plan for both.",
    )

    def _introduced(combo):
        return [INTRODUCTIONS[i] for i in combo]

    def _insight(combo):
        without_lead = _ADVICE.copy()
        without_lead.remove_node(_MOST_ASKED)
        already = [f"{_name(a)} and {_name(b)}" for a, b in _introduced(combo)
                   if nx.has_path(without_lead, a, b) and nx.has_path(without_lead, b, a)]
        text = ("Introductions keep the network together when they join members who, without the lead, "
                "cannot reach each other's part of the network.")
        if already:
            text += (f" {' and '.join(already)} can already reach each other without the lead, so introducing them "
                     "adds no new route.")
        return text

    q9 = Decision(
        "q9",
        prompt=f"Your formal lead, {_name(_MOST_ASKED)}, is going on leave for a month. You have time to make **two** "
               "introductions before they go (an introduction means each will go to the other for advice). Which two "
               "best keep members in reach of each other while the lead is away?",
        options=[f"Introduce {_who(a)} to {_who(b)}" for a, b in INTRODUCTIONS],
        pick=2,
        consequence=lambda combo: reach_without(_ADVICE, _MOST_ASKED, _introduced(combo)),
        describe=lambda value: f"without the lead, a member can reach another in {value:.1%} of pairs",
        baseline=_reach_alone,
        tolerance=0.005,
        insight=_insight,
        hints=["Which members, once the lead is away, have no other route to the rest of the network?",
               "An introduction between two people who can already reach each other adds little. Look for pairs "
               "in different regions, one of them asked by many who relied on the lead."],
        explanation="For each pair of introductions, the library adds the ties, takes the lead out "
                    "(`what_if_removed`) and measures the share of pairs of members still in reach. The best pair "
                    "joins members whose parts of the network only the lead connected; a choice within half a point "
                    "of the best also counts.",
        wrong_answers=[(["C", "E"], "can already reach each other"), (["A", "B"], "The best choice, A and D")],
        why="Making introductions before a leader steps away is network leadership: the network keeps working "
            "because members can reach each other, not because someone covers the lead's inbox.",
    )

    q6 = Reflection(
        "q6",
        prompt="Think of a network you belong to. If its formal leader stepped away tomorrow, to whom would people go "
               "for advice, and who would be cut off?",
        guidance="Name roles rather than people if you prefer. Then note one tie you could help to form this month "
                 "so that the network depends a little less on one person.",
        placeholder="If our lead stepped away, people would go to...",
    )

    return locals()


exercises = ExerciseSet(
    "distributed_leadership",
    number=3,
    title="Distributed leadership, power and reciprocity",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "ranking", "q9": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
