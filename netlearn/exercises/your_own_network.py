"""Exercises of ``exercises/10_your_own_network.ipynb``: reading a network report and acting on it.

The code questions use the course's example community (``q_community``, synthetic: 150 invented
members of an improvement community), the same network the report and notebook 10 fall back to.
The concept questions and reflections are about interpreting results on your own network: what a
high reliance on the formal leader suggests doing, why small groups are suppressed, what an
isolated member may or may not mean.

The leader track needs no code: predict what share of the example's ties cross regions (q9, from
:func:`netlearn.diversity.ei_index`), rank four regions from the most outward-looking to the most
inward (q10, :func:`netlearn.diversity.ei_index_by_group`, as in the report's diversity section),
and choose two new ties graded by how much of the network then runs through its formal leader
(q11, a :class:`~netlearn.exercises.engine.Decision` computed with
:func:`netlearn.leadership.reliance_on_formal_leaders`, the report's leadership headline). The
concept questions (q4 to q6) and the reflections (q7, q8) are on the leader track too; q1 to q3
are the analyst track.

>>> from netlearn.exercises import your_own_network as ex
>>> ex.q1.evaluate(ex._RELIANCE.path_share).status
'correct'
>>> ex.q1.evaluate(round(ex._RELIANCE.path_share, 2)).status     # rounded as the notebook shows it
'correct'
>>> ex.q1.evaluate(round(ex._RELIANCE.path_share, 2) + 0.05).status
'incorrect'
>>> round(reliance_after(ex.NET.graph("knows")), 3), round(reliance_after(ex.NET.graph("knows"), [NEW_TIES[0]]), 3)
(0.157, 0.135)
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching, diversity, leadership

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
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11",
           "reliance_after", "____"]

#: The new ties offered in question 11, in option order.
NEW_TIES = (("q055", "q148"), ("q110", "q062"), ("q105", "q107"), ("q141", "q058"), ("q088", "q006"),
            ("q096", "q043"))

#: The regions ranked in question 10, in option order.
RANKED_REGIONS = ("South East", "South West", "North", "East")

#: The bands of question 9: (lowest share, highest share, option text), in option order.
CROSSING_BANDS = ((0.6, 1.01, "More than 60%"), (0.4, 0.6, "Between 40% and 60%"), (0.2, 0.4, "Between 20% and 40%"),
                  (0.0, 0.2, "Less than 20%"))


def reliance_after(G, ties=()):
    """The share of shortest paths between other members through the formal leaders, after adding ``ties``.

    The ``path_share`` of :func:`netlearn.leadership.reliance_on_formal_leaders`, the figure the
    report's leadership section leads with, on ``G`` with the new ties added.

    >>> import networkx as nx
    >>> star = nx.star_graph(3)      # member 0 at the centre
    >>> nx.set_node_attributes(star, {n: n == 0 for n in star}, "formal_leader")
    >>> reliance_after(star), reliance_after(star, [(1, 2), (2, 3), (1, 3)])
    (1.0, 0.0)
    """
    H = G.copy()
    H.add_edges_from(ties)
    return float(leadership.reliance_on_formal_leaders(H).path_share)




def _build():
    NET = netlearn.load_dataset("q_community")
    _G = NET.graph("knows")
    _RELIANCE = leadership.reliance_on_formal_leaders(_G)
    _EI_GROUP = diversity.ei_index(_G, "group")
    _EI_SECTOR = diversity.ei_index(_G, "sector")
    _STAKEHOLDERS = NET.members["stakeholder"].value_counts()
    _SMALL = {str(k) for k, count in _STAKEHOLDERS.items() if 0 < count < 5}

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``nx``, ``leadership``, ``diversity``, ``net``, ``G``."""
        return {"netlearn": netlearn, "nx": nx, "leadership": leadership, "diversity": diversity, "net": NET,
                "G": NET.graph("knows")}

    q1 = Exercise(
        "q1",
        prompt="In the example community's 'knows' network, what share of the shortest paths between members who are "
               "not formal leaders runs through the formal leader? Give the `path_share` of "
               "`leadership.reliance_on_formal_leaders`, as a fraction between 0 and 1.",
        answer_name="through_leader",
        checker=close_number(
            _RELIANCE.path_share,
            what="the share of shortest paths through the formal leader",
            method="the `path_share` of the reliance on formal leaders, in the 'knows' network",
            shown_digits=2,
            alternatives=[
                (_RELIANCE.efficiency_drop, "That is the efficiency drop: how much harder members find it to reach each "
                                            "other when the leader is taken out. The question asks for the share of "
                                            "shortest paths that pass through the leader: `path_share`."),
                *answers_on_other_relations(NET, lambda G: leadership.reliance_on_formal_leaders(G).path_share, "knows",
                                            measure="share of shortest paths through the formal leader"),
            ],
        ),
        hints=[
            "`leadership.reliance_on_formal_leaders(G)` works out who the formal leaders are from the `formal_leader` "
            "column and returns several numbers at once.",
            "The result has the fields `path_share`, `efficiency_drop`, `leaders` and `pairs`: "
            "`leadership.reliance_on_formal_leaders(G).path_share` is the one asked for.",
        ],
        solution="""
through_leader = leadership.reliance_on_formal_leaders(G).path_share
""",
        explanation="`reliance_on_formal_leaders` finds the members marked as formal leaders, then, for every pair of "
                    "other members, the share of the shortest chains of ties between them that pass through a leader. "
                    "`path_share` is the average over all pairs who can reach each other.",
        why=f"About {_RELIANCE.path_share:.0%} of the shortest paths in who-knows-whom need the formal leader: noticeable, "
            "but most members can reach each other without them. On the 'advice' and 'leadership' relations the share is "
            "far higher, which is where a leader might ask whether the network leans on them too much.",
        wrong_answers=[
            (_RELIANCE.efficiency_drop, "efficiency drop"),
            (leadership.reliance_on_formal_leaders(NET.graph("advice")).path_share, "on the 'advice' relation"),
            (_RELIANCE.path_share * 100, "looks like a percentage"),
            ("0.16", "as text"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="With the report's default minimum group size of 5, which stakeholder categories of the example "
               "community are suppressed in the report (shown as 'suppressed (fewer than 5)' instead of a number)? "
               "Give them as a list or set of the categories as written in the data.",
        answer_name="suppressed",
        checker=same_set(
            _SMALL,
            what="stakeholder categories",
            alternatives=[
                ({"lay member"}, "'lay member' is a value of the sector column, which has 8 members. The question "
                                 "is about the stakeholder column."),
                (_SMALL | {"researcher"}, "Researchers number 20, well above the minimum of 5: their count is shown."),
            ],
        ),
        hints=[
            "`net.members['stakeholder'].value_counts()` counts the members in each stakeholder category.",
            "A category is suppressed when it has between 1 and 4 members. "
            "`counts[counts < 5].index` picks those categories out.",
        ],
        solution="""
counts = net.members["stakeholder"].value_counts()
suppressed = set(counts[counts < 5].index)
""",
        explanation="`value_counts()` counts members per category; the report hides every count between 1 and 4, and "
                    "each figure computed from those few people alone.",
        why="Patients, carers and citizens are exactly the voices a network most wants to hear, and the few who take part "
            "are the easiest to recognise. Suppression protects them; the report still says how many there are in "
            "total (8), because that number describes no one in particular.",
        wrong_answers=[
            ({"lay member"}, "sector column"),
            (_SMALL | {"researcher"}, "Researchers number 20"),
            (8, "not how many"),
            ("patient, carer, citizen", "its own quotes"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="What is the E-I index of the example community's 'knows' network by `group` (the region)? "
               "Use `diversity.ei_index`.",
        answer_name="ei_by_region",
        checker=close_number(
            _EI_GROUP,
            what="the E-I index",
            method=("(E - I) / (E + I) in the 'knows' network by `group`, with E the ties between regions and I "
                    "the ties inside one"),
            shown_digits=2,
            alternatives=[
                (_EI_SECTOR, "That is the E-I index by sector (ties across sectors are common here). The question asks "
                             "about `group`, the region."),
                (-_EI_GROUP, "The sign is the wrong way round: the E-I index is (external - internal) / (external + "
                             "internal), so ties mostly inside groups give a negative value."),
                *answers_on_other_relations(NET, lambda G: diversity.ei_index(G, "group"), "knows", measure="E-I index"),
            ],
        ),
        hints=[
            "`diversity.ei_index(G, attribute)` compares ties between groups with ties inside them.",
            "The attribute is `'group'`: `diversity.ei_index(G, 'group')`.",
        ],
        solution="""
ei_by_region = diversity.ei_index(G, "group")
""",
        explanation="The E-I index counts the ties that cross regions (E) and those that stay inside one (I), and "
                    "gives (E - I) / (E + I): -1 if every tie stays inside a region, +1 if every tie crosses.",
        why=f"At {_EI_GROUP:+.2f}, most acquaintance stays within regions, while ties cross sectors freely "
            f"({_EI_SECTOR:+.2f}). For a national network that is a prompt: what would help ideas travel between "
            "regions, not only between professions?",
        wrong_answers=[
            (_EI_SECTOR, "by sector"),
            (-_EI_GROUP, "wrong way round"),
            (diversity.ei_index(NET.graph("leadership"), "group"), "on the 'leadership' relation"),
        ],
    )

    q4 = ConceptQuestion(
        "q4",
        prompt="A report on your network shows that 60% of the shortest paths between members run through the chair, "
               "and that taking the chair out would cut several members off. Which of these responses fit leading a "
               "network rather than managing it? Tick all that apply.",
        multiple=True,
        options=[
            Option("Introduce members who work on similar problems to each other directly, so they no longer need the "
                   "chair to connect them.",
                   True,
                   "Building ties that do not run through the chair spreads the load and makes the network resilient."),
            Option("Ask other members to host the next few conversations, and give them what they need to do it.",
                   True,
                   "Distributing the convening role is distributed leadership in practice."),
            Option("Ask that all contact between member organisations goes through the chair, so nothing is missed.",
                   False,
                   "That makes the reliance worse: the network becomes a hierarchy with the chair as the bottleneck."),
            Option("Take the figures to a members' meeting as a question (is this the network we want?) before deciding "
                   "anything.",
                   True,
                   "The report is a starting point for a conversation; members may know why paths run through the chair "
                   "and what would change it."),
            Option("Replace the chair, since the figures show they are holding the network back.",
                   False,
                   "High reliance describes the network's structure, not the chair's performance; removing them would, "
                   "by the report's own what-if, cut members off."),
            Option("Publish a ranking of members by how central they are, to encourage the others to do more.",
                   False,
                   "Ranking people by network position turns a diagnostic into a league table, and makes people guard "
                   "their answers next time."),
        ],
        why="A network leader convenes, connects and enables: the aim is a network that would carry on if the formal "
            "leader stepped back, built by growing ties between members rather than by controlling them.",
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="Why does the report show 'suppressed (fewer than 5)' instead of the number of patients in a network?",
        options=[
            Option("Because a figure about two or three people describes those individuals: others in the network "
                   "can often tell who they are.",
                   True,
                   "Right: small groups are recognisable, so their figures are personal information about named "
                   "people in all but name."),
            Option("Because averages and counts from fewer than five people are statistically unreliable, so showing "
                   "them could mislead the network.",
                   False,
                   "Small numbers are indeed noisy, but counts are exact and the report hides them too. The reason "
                   "is privacy, not precision."),
            Option("Because UK data protection law forbids publishing any count below five, so the report must leave "
                   "those numbers out to stay legal.",
                   False,
                   "There is no such rule. Five is a common convention for sharing results; raise it for sensitive "
                   "topics with --min-group-size."),
            Option("To keep the report short and readable, since rows about very small groups add detail that rarely "
                   "changes what a leader decides.",
                   False,
                   "The suppressed rows are still listed, with the words instead of numbers, so the report is no "
                   "shorter; it just says less about individuals."),
        ],
        why="Suppression is a floor, not a guarantee: in a small network even a group of six may be recognisable, so "
            "think before slicing results by more than one attribute.",
    )

    q6 = ConceptQuestion(
        "q6",
        prompt="The report on your network says 30 of 90 members are isolated in 'knows'. Which of these could explain "
               "it? Tick all that apply.",
        multiple=True,
        options=[
            Option("The isolated members are not contributing much to the network's work.",
                   False,
                   "The map cannot say that: people can contribute through channels the survey did not ask about, "
                   "such as reading, spreading ideas in their own organisation, or specialist advice when asked."),
            Option("Many members did not answer the survey, and nobody who answered named them.",
                   True,
                   "Non-response looks like isolation. Check the response rate before drawing conclusions."),
            Option("Many members joined recently and have not met others yet.",
                   True,
                   "Newcomers often start at the edge; that suggests a welcome or introductions, not a problem with "
                   "them."),
            Option("The question asked was narrow (for example 'who have you worked with this month').",
                   True,
                   "What the question asks decides what a tie is; a narrow question gives a sparse network."),
        ],
        why="A network map is only as complete as the answers behind it. Before acting on who looks isolated, ask how "
            "the data were collected and talk with the people themselves.",
    )

    # ---------------------------------------------------------------------- leader track
    _NAMES = NET.names()
    _REGION = nx.get_node_attributes(_G, "region")
    _CROSSING = (1 + _EI_GROUP) / 2
    _SECTOR_CROSSING = (1 + _EI_SECTOR) / 2

    q9 = Prediction(
        "q9",
        prompt="Predict first. The example community has members in six regions and many sectors (acute care, "
               "primary care, community services and others). Of all the ties in who-knows-whom, what share join "
               "two members from **different regions**?",
        options=[text for _, _, text in CROSSING_BANDS],
        answer=lambda: next(i for i, (low, high, _) in enumerate(CROSSING_BANDS) if low <= _CROSSING < high),
        reveal=lambda: (f"{_CROSSING:.0%} of the ties cross regions (E-I index {_EI_GROUP:+.2f}), while "
                        f"{_SECTOR_CROSSING:.0%} cross sectors (E-I index {_EI_SECTOR:+.2f}). People know colleagues "
                        "from other sectors in their own patch, but few people in other regions."),
        hints=["A national community meets mostly online and at a few events; day-to-day work happens near home.",
               "The E-I index is (E - I) / (E + I), so the share of ties that cross is (1 + E-I) / 2."],
        explanation="`diversity.ei_index(G, 'group')` counts the ties between regions (E) and inside them (I); the "
                    "share that cross is E / (E + I), which equals (1 + E-I index) / 2.",
        wrong_answers=[(0, "What the data show"), (2, "The result matches D")],
        why="A community can be diverse in who belongs and still be a set of regional islands: ideas travel "
            "between professions here, hardly between places.",
    )

    _BY_REGION = diversity.ei_index_by_group(_G, "group")

    def _region_option(region):
        return f"{region} ({int(_BY_REGION.loc[region, 'members'])} members)"

    def _region_share(value):
        return f"{(1 + value) / 2:.0%} of its members' ties reach another region (E-I index {value:+.2f})"

    q10 = Ranking(
        "q10",
        prompt="The report's diversity section gives an E-I index for each group. Rank these four regions from the "
               "most **outward-looking** (the largest share of its members' ties reaching another region) to the "
               "most inward-looking.",
        options=[_region_option(region) for region in RANKED_REGIONS],
        values=lambda: [float(_BY_REGION.loc[region, "ei_index"]) for region in RANKED_REGIONS],
        descending=True,
        describe=_region_share,
        note=lambda: ("Every region is inward-looking (all four indices are below zero); the question for a leader "
                      "is which region most needs a bridge. South East's ties reach out least; South West's reach out "
                      "most, though still fewer than one tie in three."),
        hints=["For each region, count where its members' ties go: to people at home, or to other regions. Size "
               "alone does not decide it.",
               "Look for the region with the fewest ties to other regions in the lesson's table of ties between "
               "regions (notebook 09)."],
        explanation="`diversity.ei_index_by_group(G, 'group')` counts, for each region, the ties its members have "
                    "with other regions (E) and inside it (I), and gives (E - I) / (E + I).",
        wrong_answers=[(["A", "B", "C", "D"], "you put A above B"), (["B", "D", "A", "C"], "you put A above C")],
        why="Knowing which group looks most inward tells a leader where one introduction would do most, without "
            "naming any individual.",
    )

    _BASE = reliance_after(_G)
    _LEADERS = list(_RELIANCE.leaders)

    def _tie_option(pair):
        a, b = pair
        return (f"{_NAMES[a]} ({_REGION[a]}, knows {_G.degree(a)}) and {_NAMES[b]} ({_REGION[b]}, "
                f"knows {_G.degree(b)})")

    def _ties_insight(combo):
        chosen = [NEW_TIES[i] for i in combo]
        notes = [f"Today {_NAMES[_LEADERS[0]]}, the formal leader, joins London to the other regions: new ties that "
                 "open other routes between regions take weight off them."]
        with_leader = [pair for pair in chosen if set(pair) & set(_LEADERS)]
        if with_leader:
            notes.append(f"A tie to {_NAMES[_LEADERS[0]]} puts more routes through the formal leader, not fewer.")
        inside = [pair for pair in chosen if _REGION[pair[0]] == _REGION[pair[1]]]
        if inside:
            notes.append(f"{_NAMES[inside[0][0]]} and {_NAMES[inside[0][1]]} are both in {_REGION[inside[0][0]]}: a "
                         "tie inside one region opens few new routes between regions.")
        small = [m for pair in chosen for m in pair if _G.degree(m) <= 3]
        if small:
            notes.append(f"{_NAMES[small[0]]} knows only {_G.degree(small[0])} people, so few routes pass through "
                         "the new tie; a welcome for them matters, for other reasons.")
        return " ".join(notes)

    q11 = Decision(
        "q11",
        prompt=f"The report says that {_BASE:.0%} of the shortest routes between members run through the formal "
               f"leader, {_NAMES[_LEADERS[0]]}. You can help **two** new working relationships to form this quarter. Which two "
               "make the network rely least on the formal leader?",
        options=[_tie_option(pair) for pair in NEW_TIES],
        pick=2,
        consequence=lambda combo: reliance_after(_G, [NEW_TIES[i] for i in combo]),
        describe=lambda share: f"{share:.1%} of the shortest routes between other members run through the formal leader",
        better="lower",
        baseline=_BASE,
        baseline_label="With no new working relationship",
        tolerance=0.002,
        insight=_ties_insight,
        hints=["The formal leader is in London and knows people in every other region: many routes between regions "
               "pass through them.",
               "A new tie between two well-connected members of different regions opens routes for all the people "
               "they know; a tie to the leader or inside one region does little of that."],
        explanation="For each pair of new ties, the library adds them to the who-knows-whom network and recomputes "
                    "the report's reliance on formal leaders (`reliance_on_formal_leaders`, its `path_share`). The "
                    "best pairs join well-connected members of different regions; a choice within 0.2 points of the "
                    "best counts.",
        wrong_answers=[(["B", "C"], "more routes through the formal leader"), (["C", "D"], "both in London")],
        why="Relying less on a formal leader is built one working relationship at a time, between people whose "
            "circles do not yet meet; it is not done by asking the leader to do less.",
    )

    q7 = Reflection(
        "q7",
        prompt="Which finding from your own network's report (or the example's) would you take to your network's next "
               "meeting, and how would you raise it without putting any individual on the spot?",
        guidance="Name the finding, the question you would ask the group about it, and who you would talk to first.",
        placeholder="For example: I would show that most ties stay inside regions, and ask...",
    )

    q8 = Reflection(
        "q8",
        prompt="What is one thing you will do differently in your network as a result of this course?",
        guidance="Make it small and concrete enough to start next week, and say how you will know it made a difference.",
        placeholder="Next week I will...",
    )

    return locals()


exercises = ExerciseSet(
    "your_own_network",
    number=10,
    title="Analysing your own network",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "concept", "q6": "concept",
             "q7": "reflection", "q8": "reflection",
             "q9": "prediction", "q10": "ranking", "q11": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
