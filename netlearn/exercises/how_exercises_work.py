"""Exercises of ``exercises/00_how_exercises_work.ipynb``: a tour of every kind of exercise.

The network is Krackhardt's kite: ten people in an office and who knows whom (one relation,
``knows``, 18 ties). It is small enough to check answers by eye.

Both tracks of the course appear here. The *leader track* needs no code: q4 (a concept
question), q6 (predict, then see) and q7 (a decision graded by what it changes in the network),
and the reflection q5. The *analyst track* asks for code: q1 to q3.

>>> from netlearn.exercises import how_exercises_work as ex
>>> ex.q1.evaluate("Diane").status, ex.q1.evaluate(____).status, ex.q1.evaluate("Heather").status
('correct', 'not_attempted', 'incorrect')
"""

from __future__ import annotations

import networkx as nx

import netlearn
from netlearn import coaching

from .engine import (
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
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "____"]




def _build():
    NET = netlearn.load_dataset("krackhardt_kite")
    _G = NET.graph("knows")
    _DEGREES = dict(_G.degree)
    _MOST_TIES = max(_DEGREES, key=_DEGREES.get)
    _DIANES_CONTACTS = set(_G.neighbors("Diane"))

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``nx``, ``net`` and ``G``."""
        return {"netlearn": netlearn, "nx": nx, "net": NET, "G": NET.graph("knows")}

    q1 = Exercise(
        "q1",
        prompt="Who has the most ties in the kite network? Give the member's id as text in quotes, such as 'Andre'.",
        answer_name="most_ties",
        checker=same_member(
            _MOST_TIES,
            members=NET,
            otherwise="That member has fewer ties than someone else. Compare everyone's number of ties.",
            alternatives=[
                ("Heather", "Heather is the one who holds the network together: she is the only way to reach Ike and "
                            "Jane, so she has the highest betweenness. But she has only 3 ties. The question asks who "
                            "has the most ties."),
                ("Fernando", "Fernando has 5 ties, and with Garth is the closest to everyone else. One person has more."),
                ("Garth", "Garth has 5 ties, and with Fernando is the closest to everyone else. One person has more."),
                (3, "You gave a number (3). networkx's own copy of the kite numbers the people from 0 to 9, but in "
                    "this course every member's id is their first name, written in quotes, such as 'Andre'."),
                (_DEGREES[_MOST_TIES], f"{_DEGREES[_MOST_TIES]} is how many ties the best-connected person has. The "
                                       "question asks who that person is."),
            ],
        ),
        hints=[
            "A member's *degree* is their number of ties. `G.degree` pairs every member with their degree: run it in "
            "a new cell and look.",
            "`degrees = dict(G.degree)` makes a dict from member to degree. `max(degrees, key=degrees.get)` gives the "
            "member with the biggest value.",
            "The answer is one id, in quotes. If you looked by eye, check it with `G.degree['...']`.",
        ],
        solution="""
degrees = dict(G.degree)
most_ties = max(degrees, key=degrees.get)
""",
        explanation="`G.degree` gives each member's number of ties, and `max(degrees, key=degrees.get)` picks the member "
                    "whose number is largest. Diane has 6 ties, more than anyone else.",
        why="Diane knows 6 of the 9 other people directly, so news she hears can spread fast. Having the most ties is "
            "not the same as holding a network together, though: Heather has only 3, yet she is the only link to Ike "
            "and Jane.",
        wrong_answers=[
            ("Heather", "highest betweenness"),
            (["Diane", "Fernando", "Garth"], "asks for one member"),
            (3, "You gave a number"),
            (6, "is how many ties"),
            ("Dianne", "Did you mean 'Diane'?"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="How many ties does the kite network have? Give a number.",
        answer_name="n_ties",
        checker=close_number(
            _G.number_of_edges(),
            what="the number of ties",
            method="count the ties (edges), not the members, and count each tie once",
            alternatives=[
                (sum(_DEGREES.values()), "You counted every tie twice: adding up everyone's degree counts each tie "
                                         "once from each end. Halve it, or count the edges directly."),
                (_G.number_of_nodes(), "That is the number of members (people), not the number of ties between them."),
                (len(_G) * (len(_G) - 1) // 2, "That is how many ties there could be if everyone knew everyone. "
                                               "Count the ties there are."),
            ],
        ),
        hints=[
            "A tie joins two members. In networkx a tie is called an *edge*.",
            "`G.number_of_edges()` counts the edges. (`len(G)` counts members, not ties.)",
        ],
        solution="""
n_ties = G.number_of_edges()
""",
        explanation="Each tie joins two people and is stored once, as one edge. Adding up everyone's degree gives 36, "
                    "twice as many, because that counts every tie once from each end.",
        why="18 of the 45 possible ties exist (a density of 0.4). How many ties a network has, against how many it could "
            "have, is a first sign of whether ideas can travel through it.",
        wrong_answers=[
            (36, "counted every tie twice"),
            (10, "number of members"),
            ("18", "without quotes"),
            (45, "if everyone knew everyone"),
            ([18], "on its own"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="Who does Diane know? Give the members she has a tie with, as a set or a list (order does not matter).",
        answer_name="dianes_contacts",
        checker=same_set(
            _DIANES_CONTACTS,
            members=NET,
            what="people Diane knows",
            alternatives=[
                (_DIANES_CONTACTS | {"Diane"}, "Diane is in your answer, but nobody has a tie with themselves: leave "
                                               "her out."),
            ],
        ),
        hints=[
            "The people someone has a tie with are their *neighbours* in networkx.",
            "`G.neighbors('Diane')` goes through them one at a time; wrap it in `set(...)` to see them all at once.",
        ],
        solution="""
dianes_contacts = set(G.neighbors("Diane"))
""",
        explanation="`G.neighbors('Diane')` lists the members Diane has a tie with, and `set(...)` collects them. "
                    "`list(G['Diane'])` gives the same people.",
        why="Diane reaches six of the nine others in one step. Ike and Jane are furthest from her: reaching them depends "
            "on Heather, which is why a well-connected person is not always the best person to spread a message alone.",
        wrong_answers=[
            (["Andre", "Beverly", "Carol"], "3 more are missing"),
            (_DIANES_CONTACTS | {"Diane"}, "with themselves"),
            (6, "not how many"),
            ("Andre, Beverly, Carol, Ed, Fernando, Garth", "its own quotes"),
            (sorted(_DIANES_CONTACTS - {"Ed"}) + ["Heather"], "'Heather' should not be in it"),
        ],
    )

    q4 = ConceptQuestion(
        "q4",
        prompt="Managing a network keeps it running; leading a network helps its members act together on a purpose "
               "they share. A regional stroke network has a coordinator and members in 40 organisations. Which of "
               "these are acts of network **leadership**?",
        multiple=True,
        options=[
            Option("Bringing stroke nurses, paramedics and GPs who have never met into one room to agree what a good "
                   "first hour after a stroke looks like.",
                   True,
                   "Leadership: this convenes people around a purpose they can all own."),
            Option("Sending every member organisation the quarterly reporting template, then chasing the late "
                   "returns so the board sees a full picture.",
                   False,
                   "Management: useful for keeping the network running, but it monitors members rather than helping "
                   "them act together."),
            Option("Introducing a therapist who has solved a discharge delay in one trust to a ward manager in "
                   "another trust who is stuck on it.",
                   True,
                   "Leadership: connecting people who can help each other is how a network spreads what works."),
            Option("Deciding on the members' behalf which three projects everyone will deliver this year, and "
                   "assigning an owner to each.",
                   False,
                   "This directs members as if they were staff. In a network nobody is in charge of everyone; "
                   "projects stick when members choose and own them."),
            Option("Giving a small group of members time, data and permission to test their own idea, then sharing "
                   "what they learn.",
                   True,
                   "Leadership: enabling members to act on their own ideas builds energy the whole network can draw "
                   "on."),
            Option("Fixing a shared problem yourself when members are stuck, because it is quicker than waiting for "
                   "them to agree what to do.",
                   False,
                   "Solving problems for members can feel helpful, but it keeps the work with the leader and leaves "
                   "members no more able to act than before."),
        ],
        why="A network leader convenes, connects and enables; the network's members do the work. Management tasks still "
            "matter, but on their own they do not make a network lead itself.",
    )

    q5 = Reflection(
        "q5",
        prompt="What is the purpose of a network you belong to?",
        guidance="Write it in one or two sentences, in words its members would recognise. Then add one sign that tells "
                 "you whether the members really share that purpose.",
        placeholder="For example: our network exists so that...",
    )

    def _cut_off(graph, leaving):
        """How many of the others can no longer reach the largest group once ``leaving`` is away."""
        rest = graph.copy()
        rest.remove_node(leaving)
        return rest.number_of_nodes() - max(len(part) for part in nx.connected_components(rest))

    CUT_OFF_BANDS = ["Nobody", "One person", "Two people", "Three or more"]

    q6 = Prediction(
        "q6",
        prompt="Predict first. Heather has only 3 ties, fewer than most of the office. If Heather moved to another "
               "job, how many of the other nine would be cut off from the rest of the office?",
        options=CUT_OFF_BANDS,
        answer=lambda: min(_cut_off(_G, "Heather"), 3),
        reveal=lambda: (f"without Heather, {_cut_off(_G, 'Heather')} people, Ike and Jane, are cut off: they still "
                        "know each other, but Heather was their only link to the rest of the office. Fewest ties is "
                        "not the same as least needed."),
        hints=["Look at who Heather knows. Does anyone she knows depend on her to reach the others?",
               "Ike knows only Heather and Jane; Jane knows only Ike."],
        explanation="The library takes Heather out of the network and counts who is left outside the largest "
                    "connected group.",
        wrong_answers=[(0, "What the data show"), (3, "The result matches C")],
        why="A person with few ties can still be the only bridge to part of a network: leaders need to know who "
            "those bridges are before they leave.",
    )

    INTRODUCTIONS = [("Beverly", "Carol"), ("Jane", "Fernando"), ("Andre", "Diane"), ("Ike", "Ed")]

    def _still_cut_off(combo):
        graph = _G.copy()
        graph.add_edges_from(INTRODUCTIONS[i] for i in combo)
        return _cut_off(graph, "Heather")

    q7 = Decision(
        "q7",
        prompt="Heather is leaving next month. You have time for **one** introduction before she goes (after it, the "
               "two will know each other). Which introduction keeps the most people connected to the office?",
        options=[f"Introduce {a} to {b}" for a, b in INTRODUCTIONS],
        pick=1,
        consequence=_still_cut_off,
        describe=lambda value: ("nobody is cut off once Heather leaves" if value == 0 else
                                f"{value} {'person is' if value == 1 else 'people are'} cut off once Heather leaves"),
        better="lower",
        baseline=lambda: _cut_off(_G, "Heather"),
        insight=lambda combo: ("An introduction helps only if it gives Ike and Jane a second route into the office; "
                               "Beverly and Carol, and Andre and Diane, can already reach each other."),
        hints=["Who is cut off when Heather leaves? Your introduction must reach one of them.",
               "Two of the introductions join people who can already reach each other without Heather."],
        explanation="For each introduction, the library adds the tie, takes Heather out and counts who is left "
                    "outside the largest connected group. Introducing Jane to Fernando and introducing Ike to Ed "
                    "both leave nobody cut off, so either counts as right.",
        wrong_answers=[(["A"], "2 people are cut off"), (["C"], "The best choice")],
        why="Before a bridge-builder leaves, a network leader makes the introductions that give the people who "
            "relied on them a second route.",
    )

    return locals()


exercises = ExerciseSet(
    "how_exercises_work",
    number=0,
    title="How the exercises work",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "reflection",
             "q6": "prediction", "q7": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
