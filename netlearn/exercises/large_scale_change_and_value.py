"""Exercises of ``exercises/11_large_scale_change_and_value.ipynb``: showing a board what a network is worth.

The network is ``q_community`` (150 invented members of an improvement community, in six regions)
with an invented value-creation story about its online huddles on delayed discharges
(:mod:`netlearn.value_creation.example`), the course's synthetic health-check answers, and two
invented outcome measures.

The leader track needs no code: name the cycle of value a claim belongs to (q4, a
:class:`~netlearn.exercises.engine.Choice`), predict whether advice stays inside regions (q5, a
:class:`~netlearn.exercises.engine.Prediction` computed with :func:`netlearn.diversity.ei_index`),
choose which three pieces of evidence to collect before the board meets (q6, a
:class:`~netlearn.exercises.engine.Decision` graded by how far the story then holds, computed with
:func:`netlearn.value_creation.value_story`), and choose the measures to put in front of the board
(q7). The reflection on taking a bigger leap (q8) is on the leader track too; q1 to q3 are the
analyst track.

>>> from netlearn.exercises import large_scale_change_and_value as ex
>>> ex.q1.evaluate(["potential", "applied", "realised"]).status, ex.q1.evaluate(____).status
('correct', 'not_attempted')
"""

from __future__ import annotations

import netlearn
from netlearn import coaching
from netlearn.diagnostics import read_responses
from netlearn.diversity import ei_index
from netlearn.value_creation import CYCLES, evaluation_plan, value_story
from netlearn.value_creation.example import (BOARD_QUESTIONS, EVIDENCE_OPTIONS, OUTCOMES, evidence_consequence,
                                             huddle_story)

from .engine import (
    Choice,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Reflection,
    ____,
    close_number,
    same_set,
)

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "____"]

#: The bands of question 5: (lowest E-I index, highest, option text).
EI_BANDS = ((-1.01, -0.75, "Almost all stay within a region (E-I index below -0.75)"),
            (-0.75, -0.25, "Most stay within a region (between -0.75 and -0.25)"),
            (-0.25, 0.25, "About as many cross between regions as stay within (between -0.25 and 0.25)"),
            (0.25, 1.01, "Most cross between regions (above 0.25)"))


def ties_within_and_between(graph, attribute):
    """The number of ties within groups and between them (self-ties left out).

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y"}, "region")
    >>> ties_within_and_between(G, "region")
    (1, 1)
    """
    groups = dict(graph.nodes(data=attribute))
    within = sum(1 for u, v in graph.edges if u != v and groups[u] == groups[v])
    between = sum(1 for u, v in graph.edges if u != v and groups[u] != groups[v])
    return within, between


def _build():
    NET = netlearn.load_dataset("q_community")
    _ADVICE = NET.graph("advice")
    _KNOWS = NET.graph("knows")
    _HEALTH = read_responses(netlearn.datasets_folder() / "responses" / "health_check.csv", "network_health_check")
    _STORY = huddle_story()
    _CHECKED = value_story(_STORY)

    _EI = ei_index(_ADVICE, "region")
    _WITHIN, _BETWEEN = ties_within_and_between(_ADVICE, "region")
    _PLAN = evaluation_plan([{"question": q, "pillar": p, "measure": m} for q, p, m in BOARD_QUESTIONS if m],
                            outcomes=OUTCOMES)
    _VALUES = _PLAN.compute(_ADVICE, group="region", health=_HEALTH).set_index("measure")["value"]
    _REACH = float(_VALUES["average reachability"])

    #: Answers given to about three significant figures count as right.
    _CLOSE = 5e-3

    def namespace():
        """What the notebook's setup cell makes."""
        return {"netlearn": netlearn, "net": NET, "advice": NET.graph("advice"), "story": huddle_story(),
                "value_story": value_story, "evaluation_plan": evaluation_plan, "ei_index": ei_index,
                "health": _HEALTH, "OUTCOMES": OUTCOMES, "BOARD_QUESTIONS": BOARD_QUESTIONS}

    q1 = Exercise(
        "q1",
        prompt="The table `story` holds the network lead's value-creation story about the huddles. Check it with "
               "`value_story(story)`. Which links of the story are broken (claimed with no evidence, or missing)? "
               "Give the cycles' names as a list, such as `['immediate']`.",
        answer_name="broken_links",
        checker=same_set(
            set(_CHECKED.gaps),
            what="cycles",
            alternatives=[
                (["realised"], "Realised value is broken, but it is not the only link: the board would ask how the "
                               "huddles led to the fall. Look at `value_story(story).gaps`, which lists every broken "
                               "link."),
                (["potential"], "Potential value is the first broken link, but not the only one: the links above it "
                                "have no evidence either. `value_story(story).gaps` lists them all."),
            ],
        ),
        hints=["`checked = value_story(story)` checks the story; `checked.links()` shows each link and its status.",
               "`checked.gaps` lists the broken links, in order.",
               "`broken_links = list(value_story(story).gaps)`."],
        solution="""
checked = value_story(story)
broken_links = list(checked.gaps)
""",
        explanation=f"Only immediate value has evidence (the attendance log). The other three links are claimed with "
                    f"nothing to show them, so `value_story` lists {', '.join(_CHECKED.gaps)}.",
        why="A board cannot see potential or applied value unless someone collects the evidence: a result at the "
            "end of a chain with missing links is a result the network cannot show it helped to bring about.",
        wrong_answers=[(["realised"], "not the only link"), (["potential"], "first broken link"),
                       (["immediate", "potential"], "should not be in it")],
    )

    q2 = Exercise(
        "q2",
        prompt="Connectivity: the board asks whether members in different regions help each other. Compute "
               "Krackhardt & Stern's E-I index of the advice network, with `region` as the groups (from -1, every "
               "tie within a region, to +1, every tie between regions).",
        answer_name="advice_ei",
        checker=close_number(
            _EI,
            relative=_CLOSE,
            what="an E-I index between -1 and 1",
            method="ties between regions minus ties within them, divided by all ties, in the advice network",
            shown_digits=2,
            alternatives=[
                (ei_index(_KNOWS, "region"),
                 "That is the E-I index of the `knows` network. The board's question is about help, so use the advice "
                 "network: `ei_index(advice, 'region')`."),
                (-_EI, "The sign is the wrong way round: the E-I index is (between - within) / all ties, so it is "
                       "negative when most ties stay within a group."),
                (ei_index(_ADVICE, "stakeholder"),
                 "That compares stakeholder groups. The board asked about regions: use `'region'`."),
            ],
        ),
        hints=["`ei_index(G, attribute)` is in the setup cell.",
               "Use the advice network and the member attribute `'region'`: `ei_index(advice, 'region')`."],
        solution="""
advice_ei = ei_index(advice, "region")
""",
        explanation=f"Of the {_WITHIN + _BETWEEN} advice ties, {_BETWEEN} cross between regions and {_WITHIN} stay "
                    f"within one: ({_BETWEEN} - {_WITHIN}) / {_WITHIN + _BETWEEN} = {_EI:.2f}.",
        why="Most advice stays inside regions. For a board, that is a connectivity finding with a clear next step: "
            "huddles that mix regions are a way to build ties between them, and a repeat survey can show whether "
            "they did.",
        wrong_answers=[(ei_index(_KNOWS, "region"), "`knows` network"), (-_EI, "wrong way round"),
                       (ei_index(_ADVICE, "stakeholder"), "stakeholder groups")],
    )

    q3 = Exercise(
        "q3",
        prompt="Build the evaluation plan of the board's questions that have a measure, and compute it on the advice "
               "network (groups: `region`) and the health-check answers `health`. What value does the plan give for "
               "average reachability?",
        answer_name="reachability",
        checker=close_number(
            _REACH,
            relative=_CLOSE,
            what="a share between 0 and 1",
            method="the share of pairs of members in which the first can reach the second through advice ties",
            shown_digits=2,
            alternatives=[
                (float(evaluation_plan([{"question": "q", "pillar": "connectivity", "measure": "average reachability"}])
                       .compute(_KNOWS).loc[0, "value"]),
                 "That is the reachability of the `knows` network. The plan is computed on the advice network: "
                 "`plan.compute(advice, group='region', health=health)`."),
                (float(_VALUES["E-I index"]), "That is the E-I index row. Read the row whose measure is "
                                             "'average reachability'."),
            ],
        ),
        hints=["A question with no measure is refused: keep the questions whose measure is not blank, "
               "`[q for q in BOARD_QUESTIONS if q[2]]`.",
               "`evaluation_plan(rows, outcomes=OUTCOMES)` takes rows with the keys question, pillar and measure.",
               "`plan.compute(advice, group='region', health=health)` gives a table with a `value` column."],
        solution="""
rows = [{"question": q, "pillar": p, "measure": m} for q, p, m in BOARD_QUESTIONS if m]
plan = evaluation_plan(rows, outcomes=OUTCOMES)
values = plan.compute(advice, group="region", health=health).set_index("measure")["value"]
reachability = values["average reachability"]
""",
        explanation=f"Average reachability is the share of ordered pairs of members in which the first can reach the "
                    f"second by following advice ties: {_REACH:.3f} here.",
        why="Every number the plan gives comes from a measure that answers the board's question. The question about "
            "money saved has no measure, so the plan says so rather than guessing.",
        wrong_answers=[(float(_VALUES["E-I index"]), "E-I index row"), (0.9, "pairs of members")],
    )

    q4 = Choice(
        "q4",
        prompt="After seeing the ward figures, the trust board changed its discharge target from 'beds freed by noon' "
               "to 'days at home in the month after leaving hospital'. Which cycle of value is this?",
        options=[
            Option("Immediate value", False,
                   "Immediate value is what an activity is worth at the time. This is a change in what the board "
                   "counts as success."),
            Option("Potential value (knowledge capital)", False,
                   "Potential value is knowledge capital saved up for later, such as new ties. Here something has "
                   "already changed, and not in practice but in the goal."),
            Option("Applied value", False,
                   "Applied value is a change in practice. Changing the target changes what counts as success."),
            Option("Realised value (better performance)", False,
                   "Realised value is better performance on the measures that matter. Here the measure itself "
                   "changed."),
            Option("Reframing value", True,
                   "Reframing value: learning led the board to redefine success. It is the rarest cycle and the "
                   "one a board may not notice unless someone names it."),
        ],
        hints=["Is something being done better, or is what counts as 'better' changing?",
               "Wenger, Trayner & de Laat call the redefinition of success the fifth cycle."],
        explanation="The board did not improve on its old target; it changed the target. That is reframing value: "
                    "what was learned changed how success is defined.",
        why="Naming reframing value helps a board see that a network can change the question, not only the answer.",
        wrong_answers=[("D", "the measure itself changed"), ("C", "what counts as success")],
    )

    def _band():
        return next(i for i, (low, high, _) in enumerate(EI_BANDS) if low <= _EI < high)

    q5 = Prediction(
        "q5",
        prompt="Predict first. The board asks whether members in different regions help each other. Of all the "
               "advice ties in the community, do most stay within a region or cross between regions?",
        options=[text for _, _, text in EI_BANDS],
        answer=_band,
        reveal=lambda: (f"{_WITHIN} advice ties stay within a region and {_BETWEEN} cross between regions: the E-I "
                        f"index is {_EI:.2f}. Most advice stays close to home, so ties between regions are where the "
                        "network has most to build."),
        hints=["Members of a community mostly know, and ask, people near them.",
               "The community has six regions; a few brokers and the lead link them."],
        explanation="The library counts the advice ties within and between regions and computes Krackhardt & Stern's "
                    "E-I index, (between - within) / all ties (`ei_index(advice, 'region')`).",
        wrong_answers=[(2, "What the data show"), (3, "The result matches B")],
        why="A connectivity measure a board can follow: it says where the network joins people up and where it "
            "does not yet.",
    )

    def _holds_as_far_as(level):
        if level == 0:
            return "no link of the story holds"
        if level == 4:
            return "all four links hold, from immediate value to realised value"
        if level == 1:
            return f"only immediate value holds; the story breaks at {CYCLES[1].name}"
        return f"the story holds from immediate value to {CYCLES[level - 1].name}, then breaks at {CYCLES[level].name}"

    _SPARE = {"D": "the feedback poll", "E": "the viewing count", "F": "the chief executive's praise"}

    def _letters(combo):
        return [EVIDENCE_OPTIONS[i][0] for i in combo]

    def _insight(combo):
        chosen = {EVIDENCE_OPTIONS[i][2] for i in combo}
        story = value_story(huddle_story(_letters(combo)))
        text = ("A story holds only as far as its first link without evidence: evidence for a later link does not "
                "make up for a missing earlier one.")
        if "realised" in chosen and story.gaps and story.gaps[0] != "realised":
            text += (" You have the ward figures, but the story still breaks earlier, so the board cannot see how the "
                     f"huddles led to them. {story.first_gap_text()}")
        spare = [_SPARE[EVIDENCE_OPTIONS[i][0]] for i in combo if EVIDENCE_OPTIONS[i][0] in _SPARE]
        if spare:
            letters = set(_letters(combo))
            reasons = (["immediate value already has its evidence"] if letters & {"D", "E"} else []) + \
                (["praise shows no link"] if "F" in letters else [])
            text += (f" {' and '.join(spare).capitalize()} add{'s' if len(spare) == 1 else ''} nothing the story "
                     f"needs: {' and '.join(reasons)}.")
        return text

    q6 = Decision(
        "q6",
        prompt="The board meets in three weeks and wants to know whether the huddles made a difference. You have time "
               "to collect **three** pieces of evidence. Which three make the story hold furthest?",
        options=[text for _, text, _ in EVIDENCE_OPTIONS],
        pick=3,
        consequence=lambda combo: evidence_consequence(_letters(combo)),
        describe=_holds_as_far_as,
        baseline=lambda: _CHECKED.level,
        baseline_label="With no new evidence collected",
        insight=_insight,
        hints=["Check the story link by link, from the bottom: which links have no evidence yet?",
               "Figures at the end of the chain help only if the links before them hold. One piece of evidence "
               "for each broken link."],
        explanation="For every choice of three, the library adds the evidence to the story and checks it "
                    "(`value_story`), counting how many links hold in a row from immediate value. Only the new "
                    "advice ties (potential), the ward managers' accounts (applied) and the ward figures (realised) "
                    "together make all four links hold.",
        wrong_answers=[(["A", "D", "F"], "The best choice, A, B and C"),
                       (["A", "B", "D"], "breaks at potential value")],
        why="Collect evidence for the chain, not only for the result: a board trusts a story it can follow from what "
            "the network did to what changed.",
    )

    q7 = Choice(
        "q7",
        prompt="The board asks three things: is the network joining up the regions, can it keep going, and is it "
               "making a difference for patients? Choose the **three** measures to put in front of it.",
        options=[
            Option("The E-I index of advice ties between regions", True,
                   "Connectivity: it answers whether the regions are joined up, and a repeat survey shows change."),
            Option("The number of people on the network's mailing list, and how fast it grows", False,
                   "Size is not connection: a long list can hide members who never speak to anyone outside their "
                   "own team."),
            Option("Health check scores on the network's structure and resources", True,
                   "Health: whether the network has what it needs to keep going."),
            Option("Attendance at each of the six huddles, by region and profession", False,
                   "Attendance is immediate value. Worth reporting, but it does not say whether the network will last "
                   "or whether patients gained."),
            Option("Delayed discharges a month on the wards that took part", True,
                   "Results: the network's own outcome measure, on the wards where practice changed."),
            Option("A quote from the trust's chief executive praising the network's work", False,
                   "An endorsement is welcome but measures nothing; a board will ask what it rests on."),
        ],
        hints=["One measure for each of the board's three questions: connections, the network's health, results.",
               "Which option measures something that would change if the network succeeded?"],
        explanation="Network Impact's three pillars match the board's three questions: connectivity (the E-I index), "
                    "health (the health check's form dimension) and results (delayed discharges on the wards).",
        why="A board that sees one measure per question, each computed the same way every time, can follow the "
            "network's progress instead of hearing a new anecdote each meeting.",
        wrong_answers=[(["A", "B", "E"], "Size is not connection"), (["A", "D", "E"], "Attendance is immediate value")],
    )

    q8 = Reflection(
        "q8",
        prompt="The masterclass urged network leaders to go further than feels safe. What is the bigger leap your "
               "network could take this year, one that feels just beyond your reach? And which value-creation "
               "story would you need to be able to tell the board in a year's time to show it worked?",
        guidance="Write the leap in one sentence, then the story's links: what the network will do, what members will "
                 "gain, what they will do differently, and what will improve. Note the evidence you would start "
                 "collecting now for the link you are least sure of.",
        placeholder="The bigger leap: ... The story I want to tell: ...",
    )

    return locals()


exercises = ExerciseSet(
    "large_scale_change_and_value",
    number=11,
    title="Large-scale change and the value of networks",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "choice", "q5": "prediction", "q6": "decision",
             "q7": "choice", "q8": "reflection"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
