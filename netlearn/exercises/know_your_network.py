"""Exercises of ``exercises/02_know_your_network.ipynb``: who holds a network together, and who
could take on the roles it needs.

Three networks: Krackhardt's kite (ten people in an office, made up for teaching), the marriages
of sixteen Florentine families in the early fifteenth century (real, Padgett & Ansell 1993), and
the synthetic improvement community (``q_community``, 150 invented members).

The leader track needs no code: predict how far a broker's circle relies on the broker (q7), rank members
by how far their circles rely on them (q8), and choose two introductions between a broker's
contacts, graded by the circle's dependence on the broker before and after (q9, a
:class:`~netlearn.exercises.engine.Decision` computed with :func:`netlearn.weaving.hub_dependence`).
The concept question (q5) and the reflection (q6) are on the leader track too; q1 to q4 and q10
(the best introduction in a circle, with :func:`netlearn.weaving.triangle_closing_introductions`)
are the analyst track.

>>> from netlearn.exercises import know_your_network as ex
>>> ex.q1.evaluate("Diane").status, ex.q1.evaluate("Heather").status
('correct', 'incorrect')
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching, roles, weaving
from netlearn.fastgraph import betweenness

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
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "____"]




def _build():
    KITE = netlearn.load_dataset("krackhardt_kite")
    FLORENCE = netlearn.load_dataset("florentine_families")
    NET = netlearn.load_dataset("q_community")

    _K = KITE.graph("knows")
    _K_BETWEEN = betweenness(_K)
    _K_WITHOUT = _K.copy()
    _K_WITHOUT.remove_node("Heather")
    _K_WITHOUT_BETWEEN = betweenness(_K_WITHOUT)
    _K_TOP_WITHOUT = max(_K_WITHOUT_BETWEEN, key=_K_WITHOUT_BETWEEN.get)

    _F = FLORENCE.graph("marriage")
    _MEDICI = betweenness(_F)["Medici"]
    _MEDICI_COUNT = nx.betweenness_centrality(_F, normalized=False)["Medici"]
    _MEDICI_NX15 = nx.betweenness_centrality(nx.florentine_families_graph())["Medici"]

    _G = NET.graph("knows")
    _ENERGY = NET.graph("energy")
    _PROFILE = roles.role_profile(_G, group="region", energy=_ENERGY, expertise="can_help_with")
    _BROKERS = set(_PROFILE.index[_PROFILE["broker"]])
    _CONNECTORS = set(_PROFILE.index[_PROFILE["central_connector"]])
    _MOST_TIES = set(_PROFILE.sort_values("degree", ascending=False, kind="stable").index[:len(_BROKERS)])
    _SPOT = roles.talent_spot(_G, "energizer", profile=_PROFILE, topic="spread and scale")
    _SPOT_TOP = str(_SPOT.index[0])
    _BEST_ENERGIZER = str(roles.talent_spot(_G, "energizer", profile=_PROFILE, top=1).index[0])
    _BEST_BROKER_TOPIC = str(roles.talent_spot(_G, "broker", profile=_PROFILE, topic="spread and scale", top=1).index[0])

    def _brokers_on(graph):
        profile = roles.role_profile(graph, group="region")
        return set(profile.index[profile["broker"]])

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``nx``, ``roles``, ``weaving``, ``betweenness``,
    the kite (``kite``, ``K``), Florence (``florence``, ``F``) and the community (``net``, ``G``, ``E``)."""
        return {"netlearn": netlearn, "nx": nx, "roles": roles, "weaving": weaving, "betweenness": betweenness,
                "kite": KITE, "K": KITE.graph("knows"), "florence": FLORENCE, "F": FLORENCE.graph("marriage"),
                "net": NET, "G": NET.graph("knows"), "E": NET.graph("energy")}

    # ---------------------------------------------------------------------- q1: the kite
    q1 = Exercise(
        "q1",
        prompt="Heather has moved to another job. In the kite without her (`K_without = K.copy()`, then "
               "`K_without.remove_node('Heather')`), who now has the highest **betweenness**: who lies on the most "
               "shortest paths between other people? Give the member's id in quotes.",
        answer_name="top_broker",
        checker=same_member(
            _K_TOP_WITHOUT,
            members=KITE,
            otherwise="That member lies on fewer shortest paths than someone else once Heather has gone. Compare "
                      "everyone's betweenness in the network without her.",
            alternatives=[
                ("Heather", "Heather held the kite together while she was there (the lesson shows it), but she has "
                            "left: take her out of the network first, then compare everyone else."),
                ("Fernando", f"With Heather there, Fernando was next after her ({_K_BETWEEN['Fernando']:.3f}): many "
                             "routes to Ike and Jane ran through him. Without her those routes are gone, and his "
                             f"betweenness falls to {_K_WITHOUT_BETWEEN['Fernando']:.3f}. Someone else now lies on "
                             "more paths."),
                ("Garth", f"With Heather there, Garth was next after her ({_K_BETWEEN['Garth']:.3f}): many routes to "
                          "Ike and Jane ran through him. Without her those routes are gone, and his betweenness falls "
                          f"to {_K_WITHOUT_BETWEEN['Garth']:.3f}. Someone else now lies on more paths."),
                ("Ike", "Ike now knows only Jane: the two of them are cut off from the rest, and nobody's paths pass "
                        "through Ike."),
                (round(_K_WITHOUT_BETWEEN[_K_TOP_WITHOUT], 3),
                 "That is the highest betweenness value without Heather. The question asks who has it."),
                (_K_WITHOUT_BETWEEN[_K_TOP_WITHOUT],
                 "That is the highest betweenness value without Heather. The question asks who has it."),
            ],
        ),
        hints=[
            "Make the network without Heather first: `K_without = K.copy()` and `K_without.remove_node('Heather')`.",
            "`scores = betweenness(K_without)`, then `max(scores, key=scores.get)` picks the member with the biggest "
            "value.",
        ],
        solution="""
K_without = K.copy()
K_without.remove_node("Heather")
scores = betweenness(K_without)
top_broker = max(scores, key=scores.get)
""",
        explanation=f"Without Heather, {_K_TOP_WITHOUT} has the highest betweenness "
                    f"({_K_WITHOUT_BETWEEN[_K_TOP_WITHOUT]:.3f}): with the routes to Ike and Jane gone, the paths that "
                    f"remain run inside the close-knit group, and {_K_TOP_WITHOUT}'s {_K.degree[_K_TOP_WITHOUT]} ties "
                    "put her on more of them than anyone. Who holds a network together changes when someone leaves.",
        why="The person who holds a network together is not fixed: when a bridge-builder leaves, the network's shape "
            "changes, and so does who others rely on. Plan for who takes the role next, and for the people who are "
            "cut off.",
        wrong_answers=[
            ("Heather", "has left"),
            ("Fernando", "Without her those routes are gone"),
            (round(_K_WITHOUT_BETWEEN[_K_TOP_WITHOUT], 3), "who has it"),
            ("Heathcliff", "is not a member"),
        ],
    )

    # ---------------------------------------------------------------------- q2: the Medici
    q2 = Exercise(
        "q2",
        prompt="In the Florentine marriage network (`F`), what is the Medici family's betweenness? Use `betweenness(F)` "
               "(normalised: a share between 0 and 1) and give the number.",
        answer_name="medici",
        checker=close_number(
            _MEDICI,
            what="the Medici's betweenness (a share between 0 and 1)",
            method=("use the normalised `betweenness(F)` on the Florentine marriage network, and read the Medici's "
                    "value"),
            shown_digits=2,
            alternatives=[
                (_MEDICI_COUNT, f"{_MEDICI_COUNT:g} counts shortest paths through the Medici, without dividing by how "
                                "many there could be. `betweenness(F)` gives the normalised share."),
                (_F.degree["Medici"], f"{_F.degree['Medici']} is how many families the Medici married into (their "
                                      "degree). The question asks for betweenness."),
                (_MEDICI_NX15, "That is the value on networkx's own copy, which leaves out the Pucci family (who married "
                               "into none of the others). The course's data keeps all 16 families: use `F`."),
            ],
        ),
        hints=[
            "`betweenness(F)` returns a dict from family to betweenness.",
            "`betweenness(F)['Medici']`",
        ],
        solution="""
medici = betweenness(F)["Medici"]
""",
        explanation=f"The Medici lie on {_MEDICI:.1%} of the shortest paths between other pairs of families: "
                    f"{_MEDICI:.3f}, about twice the next family. The families they married into mostly did not marry "
                    "each other, so marriages between those families' circles ran through the Medici.",
        why="Padgett & Ansell (1993) argue that this position, tied to families that were not tied to each other, "
            "is what let the Medici rise, more than wealth (the Strozzi were richer). The same position in a health "
            "network belongs to whoever links groups that do not talk to each other.",
        wrong_answers=[
            (_MEDICI_COUNT, "counts shortest paths"),
            (_F.degree["Medici"], "married into"),
            (_MEDICI_NX15, "Pucci"),
            (round(_MEDICI * 100, 10), "percentage"),
        ],
    )

    # ---------------------------------------------------------------------- q3: brokers in the community
    q3 = Exercise(
        "q3",
        prompt="In the improvement community's `knows` network (`G`), which members does `roles.role_profile` flag as "
               "**brokers** when groups are regions (`group='region'`)? Give their ids as a set or a list.",
        answer_name="brokers",
        checker=same_set(
            _BROKERS,
            members=NET,
            what="brokers",
            alternatives=[
                (_CONNECTORS, "Those are the central connectors: the people their own region turns to. Brokers link "
                              "regions; use the 'broker' column."),
                (_MOST_TIES, f"Those are the {len(_BROKERS)} members with the most ties. Brokers are picked by "
                             "betweenness, constraint and ties to other regions, not by the number of ties."),
                *answers_on_other_relations(NET, _brokers_on, "knows", measure="set of brokers"),
            ],
        ),
        hints=[
            "`profile = roles.role_profile(G, group='region')` gives one row per member, with a yes/no column per role.",
            "`profile.index[profile['broker']]` picks the rows where the broker column is True.",
            "`set(profile.index[profile['broker']])`",
        ],
        solution="""
profile = roles.role_profile(G, group="region")
brokers = set(profile.index[profile["broker"]])
""",
        explanation=f"The broker rule asks for betweenness in the top 10%, constraint in the lowest 25% and at least one "
                    f"contact in another region. {len(_BROKERS)} members meet it. Four of them know people in all five "
                    "other regions with only 11 or 12 contacts each; the community lead is one too.",
        why="Brokers are whom to ask when an idea from one region should reach another. Notice how few of them are "
            "among the best-connected members, and that the formal lead is on the list: much depends on one person.",
        wrong_answers=[
            (_CONNECTORS, "central connectors"),
            (_MOST_TIES, "most ties"),
            (_brokers_on(NET.graph("advice")), "'advice' relation"),
            ("q062", "one piece of text"),
        ],
    )

    # ---------------------------------------------------------------------- q4: talent spotting
    q4 = Exercise(
        "q4",
        prompt="The community wants to spread proven improvements. Using `roles.talent_spot`, who is the best-placed "
               "**energizer** among members who can help with 'spread and scale'? Energy ratings are in `E`. Give the "
               "member's id in quotes.",
        answer_name="energizer",
        checker=same_member(
            _SPOT_TOP,
            members=NET,
            otherwise="That member is not the first on the shortlist. Check the role and the topic.",
            alternatives=[
                (_BEST_ENERGIZER, "That is the best-placed energizer overall, but they do not list 'spread and scale' "
                                  "among what they can help with. Add topic='spread and scale'."),
                (_BEST_BROKER_TOPIC, "That is the best-placed **broker** for spread and scale. The question asks for "
                                     "an energizer."),
            ],
        ),
        hints=[
            "`roles.talent_spot(G, 'energizer', energy=E, topic='spread and scale')` gives a shortlist, best first.",
            "The best-placed member is the first row: `.index[0]`.",
        ],
        solution="""
shortlist = roles.talent_spot(G, "energizer", energy=E, topic="spread and scale", group="region")
energizer = shortlist.index[0]
""",
        explanation="`talent_spot` keeps the members whose `can_help_with` mentions the topic, then ranks them by the "
                    f"energizer score (positive energy received). {_SPOT.loc[_SPOT_TOP, 'name']} ({_SPOT_TOP}) comes "
                    f"first: {_SPOT.loc[_SPOT_TOP, 'reasons']}.",
        why="Talent spotting joins a role to the network's purpose: an energizer who also knows about spread and scale is "
            "someone people will follow when an improvement needs to travel. It is a shortlist for a conversation: "
            "ask them whether they want the role and have the time.",
        wrong_answers=[
            (_BEST_ENERGIZER, "Add topic="),
            (_BEST_BROKER_TOPIC, "**broker**"),
            ("Priya Hussein", "Did you mean"),
        ],
    )

    # ---------------------------------------------------------------------- q5: the roles and what they do
    q5 = ConceptQuestion(
        "q5",
        prompt="Arena, Cross, Sims & Uhl-Bien (2017) link network roles to the stages an idea goes through, and Cross & "
               "Prusak (2002) describe further roles. Which of these statements fit?",
        multiple=True,
        options=[
            Option("The person with the most ties is the network's broker, because more ties mean more groups they "
                   "can link together.",
                   False,
                   "Not necessarily: in the kite Diane has the most ties and Heather is the broker; a connector's "
                   "many ties often stay inside one group."),
            Option("Brokers help new ideas to be discovered, because they link groups that would otherwise not hear "
                   "of each other's work.",
                   True,
                   "Yes: standing between groups, brokers see ideas that one group has and another needs."),
            Option("Peripheral specialists add little to an idea's journey, because with so few ties they cannot "
                   "pass it on to anyone.",
                   False,
                   "Few ties is not little value: they often hold expertise the network needs, and can be drawn in."),
            Option("Central connectors help an idea to be developed, because their own group knows and trusts them.",
                   True,
                   "Yes: the trust of a close group is what an idea needs to be worked up and tested."),
            Option("Energizers help ideas to spread, because people want to take part in what they are doing.",
                   True,
                   "Yes: energy draws people in, which is what spreading an idea needs."),
            Option("Energizers are always the best-connected members: the energy they bring is what draws so many "
                   "contacts to them.",
                   False,
                   "In the improvement community the strongest energizers have 10 to 12 contacts, fewer than the "
                   "best-connected members: energy is not the same as contact."),
        ],
        why="A network needs all of these roles, and they are rarely held by the same people, or by the people with "
            "formal titles. Knowing who holds which role tells a leader whom to involve at each stage of an idea.",
    )

    # ---------------------------------------------------------------------- weaving: q7 to q10
    _PEOPLE = NET.members.set_index("id")

    def _name(member):
        return str(_PEOPLE.loc[member, "name"])

    def _circle(member):
        """A member's circle: the member, their contacts in `knows` and the ties among those contacts."""
        return nx.ego_graph(_G, member)

    _WEAVER = "q126"
    _WEAVER_CIRCLE = _circle(_WEAVER)
    _WEAVER_CONTACTS = len(_WEAVER_CIRCLE) - 1
    _WEAVER_TIES = _WEAVER_CIRCLE.number_of_edges() - _WEAVER_CONTACTS
    _WEAVER_REGIONS = _PEOPLE.loc[list(_WEAVER_CIRCLE), "region"].nunique()

    def _weaver_dependence():
        return weaving.hub_dependence(_WEAVER_CIRCLE, _WEAVER)

    _BANDS = ((0.0, 0.3, "Less than 30% of the routes"), (0.3, 0.6, "Between 30% and 60% of the routes"),
              (0.6, 0.9, "Between 60% and 90% of the routes"), (0.9, 1.01, "90% of the routes or more"))

    def _band():
        value = _weaver_dependence()
        return next(i for i, (low, high, _) in enumerate(_BANDS) if low <= value < high)

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. {_name(_WEAVER)}, a {_PEOPLE.loc[_WEAVER, 'stakeholder']} in the "
               f"{_PEOPLE.loc[_WEAVER, 'region']}, knows {_WEAVER_CONTACTS} members in {_WEAVER_REGIONS} regions. Take "
               f"their **circle**: their contacts and the ties among them. When two of those contacts need to reach "
               f"each other, what share of the shortest routes between them do you expect to pass through {_name(_WEAVER)}?",
        options=[text for _, _, text in _BANDS],
        answer=_band,
        reveal=lambda: (f"{_weaver_dependence():.0%} of the shortest routes between their contacts pass through "
                        f"{_name(_WEAVER)}. Of the {_WEAVER_CONTACTS * (_WEAVER_CONTACTS - 1) // 2} pairs of these "
                        f"contacts, {_WEAVER_TIES} {'is' if _WEAVER_TIES == 1 else 'are'} tied directly; every other "
                        f"pair reaches each other through {_name(_WEAVER)}: the circle is a hub with spokes."),
        hints=["A broker's contacts are in different groups: do you expect them to know each other?",
               f"If none of the contacts knew each other, every route between them would pass through "
               f"{_name(_WEAVER)}."],
        explanation="The library measures the circle's dependence on its hub (`weaving.hub_dependence`): for every "
                    "pair of contacts, the share of the shortest routes between them that pass through the hub, "
                    "averaged over the pairs.",
        wrong_answers=[(0, "What the data show"), (2, "The result matches D")],
        why="Brokers are valuable because their contacts do not know each other, and for the same reason everything "
            "between those contacts waits for the broker. That is where weaving starts.",
    )

    _RANKED = ("q062", "q108", "q126", "q027")

    def _who(member):
        row = _PEOPLE.loc[member]
        return f"{row['name']} ({row['stakeholder']}, {row['region']}; {_G.degree(member)} contacts)"

    q8 = Ranking(
        "q8",
        prompt="Whose circle relies most on them? For each of these four members, take their contacts and the ties "
               "among them, and ask what share of the shortest routes between their contacts passes through them. "
               "Rank them from the most relied on (first) to the least (last).",
        options=[_who(member) for member in _RANKED],
        values=lambda: [weaving.hub_dependence(_circle(member), member) for member in _RANKED],
        descending=True,
        tolerance=0.01,
        describe=lambda value: f"{value:.0%} of the shortest routes between their contacts pass through them",
        note=lambda: (f"Most contacts is not most relied on: {_name('q062')}, the community lead, has the most "
                      f"contacts, but many of them know each other ({_name('q055')} alone knows "
                      f"{_circle('q062').degree('q055') - 1} of them), so there are routes round the lead. "
                      f"{_name(_WEAVER)}'s contacts, spread over {_WEAVER_REGIONS} regions, hardly know each other."),
        hints=["Count contacts if you like, but ask a different question: do a person's contacts know each other?",
               "A broker's contacts sit in different groups; a central connector's contacts sit in one group that "
               "already knows itself."],
        explanation="For each member, the library takes their circle and measures its dependence on them "
                    "(`weaving.hub_dependence`); the higher it is, the more their contacts rely on them to reach "
                    "each other.",
        wrong_answers=[(["A", "B", "C", "D"], "wrong way round"), (["C", "A", "D", "B"], "you put A above D")],
        why="The people whose circles rely most on them are where introductions do most good, and where a sudden "
            "absence would be felt most.",
    )

    #: The introductions offered in question 9: pairs of the weaver's contacts.
    _OFFERED = (("q012", "q081"), ("q065", "q049"), ("q028", "q069"), ("q005", "q081"), ("q007", "q082"),
                ("q075", "q005"))

    def _introduce_to(combo):
        return weaving.introduce(_WEAVER_CIRCLE, [_OFFERED[i] for i in combo])

    def _person(member):
        row = _PEOPLE.loc[member]
        return f"{row['name']} ({row['stakeholder']}, {row['region']})"

    def _groups_insight(combo):
        woven = _introduce_to(combo)
        woven.remove_node(_WEAVER)
        largest = max(nx.connected_components(woven), key=len)
        centre = max(sorted(largest), key=woven.degree)
        text = (f"Without {_name(_WEAVER)}, the largest group of their contacts who can still reach each other now has "
                f"{len(largest)} people.")
        if woven.degree(centre) >= 3:
            text += (f" {_name(centre)} knows {woven.degree(centre)} of them: the circle has a second hub, and routes "
                     f"between those contacts have a way round {_name(_WEAVER)}.")
        else:
            text += (" Introductions that bring several contacts to one person who already knows someone start a "
                     "second hub; separate pairs, or a chain, free fewer routes.")
        return text

    q9 = Decision(
        "q9",
        prompt=f"{_name(_WEAVER)} wants the circle of contacts to rely less on one person, and has time for **two** "
               "introductions between those contacts this month (an introduction makes a tie between the two). Which two lower the share of "
               f"routes between the contacts that pass through {_name(_WEAVER)} the most?",
        options=[f"Introduce {_person(a)} to {_person(b)}" for a, b in _OFFERED],
        pick=2,
        consequence=lambda combo: weaving.hub_dependence(_introduce_to(combo), _WEAVER),
        describe=lambda value: f"{value:.1%} of the shortest routes between the contacts pass through {_name(_WEAVER)}",
        better="lower",
        baseline=_weaver_dependence,
        tolerance=0.005,
        insight=_groups_insight,
        hints=[f"Two of {_name(_WEAVER)}'s contacts already know each other. Who are they?",
               "An introduction that joins someone to a pair who already know each other frees more routes than one "
               "that makes a new, separate pair."],
        explanation="For each pair of introductions, the library adds the ties to the circle and measures its "
                    "dependence on the hub again (`weaving.hub_dependence`). The best pair brings two contacts to the "
                    "same person, who already knows someone else in the circle: a second hub begins.",
        wrong_answers=[(["B", "C"], "The best choice, A and D"), (["D", "F"], "The best choice, A and D")],
        why="Closing triangles is the weaver's everyday work, and it is most useful when it builds a second hub "
            "rather than scattered pairs: Krebs & Holley (2006) describe networks growing from one hub to several.",
    )

    _JACK = "q113"
    _JACK_OPTIONS = weaving.triangle_closing_introductions(_circle(_JACK), _JACK)
    _JACK_BEST = float(_JACK_OPTIONS["dependence_after"].iloc[0])
    _JACK_BEFORE = float(_JACK_OPTIONS.attrs["dependence_before"])
    _JACK_REACH = float(weaving.triangle_closing_introductions(_circle(_JACK), _JACK, k=1,
                                                               kind="reach")["dependence_after"].iloc[0])
    q10 = Exercise(
        "q10",
        prompt=f"{_name(_JACK)} ({_JACK}) links the South East to other regions. Build the circle with "
               f"`circle = nx.ego_graph(G, '{_JACK}')`. Using `weaving.triangle_closing_introductions`, what would the "
               f"circle's dependence on {_name(_JACK)} be after the best single introduction between two of the contacts? Give "
               "a number between 0 and 1.",
        answer_name="after_best",
        checker=close_number(
            _JACK_BEST,
            what="the dependence after the best introduction (a share between 0 and 1)",
            method=("list the introductions with `weaving.triangle_closing_introductions(circle, 'q113')`, best first, "
                    "and read `dependence_after` in the first row"),
            shown_digits=3,
            alternatives=[
                (_JACK_BEFORE, "That is the dependence before any introduction (`.attrs['dependence_before']`, or "
                               "`weaving.hub_dependence(circle, 'q113')`). The question asks for the value after the "
                               "best introduction: the first row's `dependence_after`."),
                (_JACK_BEFORE - _JACK_BEST, "That is how much the best introduction lowers the dependence "
                                            "(`lowered_by`). The question asks for the dependence after it."),
                (_JACK_REACH, "That uses kind='reach' (pairs cut off without the hub). The question uses the default, "
                              "the share of shortest routes."),
            ],
        ),
        hints=["`weaving.triangle_closing_introductions(circle, 'q113')` returns a table of introductions, best first.",
               "The first row is the best: `table['dependence_after'].iloc[0]`."],
        solution="""
circle = nx.ego_graph(G, "q113")
table = weaving.triangle_closing_introductions(circle, "q113")
after_best = table["dependence_after"].iloc[0]
""",
        explanation=f"Before any introduction, {_JACK_BEFORE:.1%} of the shortest routes between {_name(_JACK)}'s "
                    f"{len(_circle(_JACK)) - 1} contacts pass through the hub. The best single introduction brings that "
                    f"to {_JACK_BEST:.1%}: it joins a contact to others who already know each other, so several pairs "
                    "gain a route that avoids the hub.",
        why="One introduction will not turn a hub into a network, but the table shows where to start, and how much "
            "each possible introduction would change. A weaver works down it over months, checking with the people "
            "concerned first.",
        wrong_answers=[
            (_JACK_BEFORE, "before any introduction"),
            (_JACK_BEFORE - _JACK_BEST, "lowers the dependence"),
            (_JACK_REACH, "kind='reach'"),
            (round(_JACK_BEST * 100, 2), "percentage"),
        ],
    )

    # ---------------------------------------------------------------------- q6: reflection
    q6 = Reflection(
        "q6",
        prompt="Think of a network you belong to. Who plays the broker, the central connector and the energizer, and "
               "which role is missing or rests on one person?",
        guidance="Use first names or initials only, and keep it on your computer. Then name one person you could talent-"
                 "spot for a role, and the part of the network's purpose you would connect them to.",
        placeholder="In our network, the broker is ...",
    )

    return locals()


exercises = ExerciseSet(
    "know_your_network",
    number=2,
    title="Knowing your members and the roles a network needs",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "ranking", "q9": "decision", "q10": "code"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
