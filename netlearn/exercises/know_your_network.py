"""Exercises of ``exercises/02_know_your_network.ipynb``: who holds a network together, and who
could take on the roles it needs.

Three networks: Krackhardt's kite (ten people in an office, made up for teaching), the marriages
of sixteen Florentine families in the early fifteenth century (real, Padgett & Ansell 1993), and
the synthetic improvement community (``q_community``, 150 invented members).

>>> from netlearn.exercises import know_your_network as ex
>>> ex.q1.evaluate("Heather").status, ex.q1.evaluate("Diane").status
('correct', 'incorrect')
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching, roles
from netlearn.fastgraph import betweenness

from .engine import (
    ConceptQuestion,
    Exercise,
    ExerciseSet,
    Option,
    Reflection,
    ____,
    answers_on_other_relations,
    close_number,
    same_member,
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "____"]




def _build():
    KITE = netlearn.load_dataset("krackhardt_kite")
    FLORENCE = netlearn.load_dataset("florentine_families")
    NET = netlearn.load_dataset("q_community")

    _K = KITE.graph("knows")
    _K_BETWEEN = betweenness(_K)
    _K_TOP = max(_K_BETWEEN, key=_K_BETWEEN.get)

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
        """What the notebook's setup cell makes: ``netlearn``, ``nx``, ``roles``, ``betweenness``, the
    kite (``kite``, ``K``), Florence (``florence``, ``F``) and the community (``net``, ``G``, ``E``)."""
        return {"netlearn": netlearn, "nx": nx, "roles": roles, "betweenness": betweenness,
                "kite": KITE, "K": KITE.graph("knows"), "florence": FLORENCE, "F": FLORENCE.graph("marriage"),
                "net": NET, "G": NET.graph("knows"), "E": NET.graph("energy")}

    # ---------------------------------------------------------------------- q1: the kite
    q1 = Exercise(
        "q1",
        prompt="In Krackhardt's kite (`K`), who has the highest **betweenness**: who lies on the most shortest paths "
               "between other people? Give the member's id in quotes.",
        answer_name="top_broker",
        checker=same_member(
            _K_TOP,
            members=KITE,
            otherwise="That member lies on fewer shortest paths than someone else. Compare everyone's betweenness.",
            alternatives=[
                ("Diane", "Diane has the **most ties** (6), but her contacts mostly know each other, so few paths need "
                          "her. The question asks about betweenness."),
                ("Fernando", "Fernando (with Garth) can reach everyone in the fewest steps: that is closeness. Someone "
                             "else lies on more paths between others."),
                ("Garth", "Garth (with Fernando) can reach everyone in the fewest steps: that is closeness. Someone else "
                          "lies on more paths between others."),
                (round(_K_BETWEEN[_K_TOP], 3), "That is the highest betweenness value. The question asks who has it."),
                (_K_BETWEEN[_K_TOP], "That is the highest betweenness value. The question asks who has it."),
            ],
        ),
        hints=[
            "`betweenness(K)` gives every member's betweenness, as a dict.",
            "`scores = betweenness(K)`, then `max(scores, key=scores.get)` picks the member with the biggest value.",
        ],
        solution="""
scores = betweenness(K)
top_broker = max(scores, key=scores.get)
""",
        explanation=f"`betweenness(K)` is the share of shortest paths between other pairs that pass through each member. "
                    f"{_K_TOP} has {_K_BETWEEN[_K_TOP]:.3f}, the highest, with only {_K.degree[_K_TOP]} ties: she is the "
                    "only link between the cluster and Ike and Jane.",
        why="The best-connected person (Diane) and the person who holds the network together (Heather) are different "
            "people. If Heather left, Ike and Jane would be cut off; if Diane left, her contacts would still reach each "
            "other.",
        wrong_answers=[
            ("Diane", "most ties"),
            ("Fernando", "closeness"),
            (round(_K_BETWEEN[_K_TOP], 3), "who has it"),
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
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
