"""Exercises of ``exercises/08_diagnostics.ipynb``: running the maturity matrix and the health check.

The data is synthetic: a workshop of five tables that used the course's own maturity matrix
(``datasets/responses/matrix_workshop.csv``) and 120 members' answers to the course's own health
check (``datasets/responses/health_check.csv``). Learners find the level a table records (the
lower-score rule), the dimension a table should discuss first (the widest disagreement), how far
one group agrees on one dimension (r_wg(j), James, Demaree & Wolf 1984), then answer two concept
questions (why small groups are suppressed; what a matrix score is for) and reflect.

The leader track needs no code: predict which role group rates the network's form lowest (q7, from
:func:`netlearn.diagnostics.group_summary`), put four of Table 3's dimensions in the order the table
should discuss them (q8, graded by the ``discuss_order`` of
:func:`netlearn.diagnostics.table_conversation`), and choose the two dimensions the plenary works on,
graded by how many tables then see one of their own priorities on the agenda (q9, a
:class:`~netlearn.exercises.engine.Decision` computed from each table's priorities and the room
summary). The concept questions (q4, q5) and the reflection (q6) are on the leader track too; q1
to q3 are the analyst track.

>>> from netlearn.exercises import diagnostics as ex
>>> ex.q1.evaluate(1).status, ex.q1.evaluate(4).status
('correct', 'incorrect')
>>> plenary_reach(ex.TALK, ["purpose", "reciprocity"]), plenary_reach(ex.TALK, ["purpose", "membership"])
(4, 5)
"""

from __future__ import annotations

import difflib
import statistics

import netlearn
from netlearn import coaching
from netlearn.diagnostics import (group_summary, load_instrument, read_matrix, read_responses, room_summary,
                                  table_conversation)

from .engine import (
    ConceptQuestion,
    Decision,
    Exercise,
    ExerciseSet,
    Option,
    Prediction,
    Ranking,
    Reflection,
    Verdict,
    ____,
    close_number,
)

__all__ = ["exercises", "plenary_reach", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____"]

#: The dimensions offered for the plenary in question 9, in option order.
PLENARY_OPTIONS = ("purpose", "membership", "relationships", "leadership", "reciprocity", "impact")

#: The table and dimensions of question 8, in option order (not the order to discuss them).
RANKED_TABLE, RANKED_DIMENSIONS = "Table 3", ("governance", "learning", "leadership", "purpose")

#: The role groups of question 7 (those whose figures the summary shows), in option order.
FORM_GROUPS = ("manager", "improvement specialist", "clinician")


def _and(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def plenary_reach(conversation, dimensions):
    """How many tables chose at least one of ``dimensions`` as a priority.

    ``conversation`` is :func:`netlearn.diagnostics.table_conversation`'s table (one row per table
    and dimension, with a boolean ``priority`` column). A plenary that works on ``dimensions``
    takes up at least one priority of each table counted here.

    >>> import pandas as pd
    >>> talk = pd.DataFrame({"table": ["T1", "T1", "T2", "T2"], "dimension": ["a", "b", "a", "b"],
    ...                      "priority": [True, False, False, True]})
    >>> plenary_reach(talk, ["a"]), plenary_reach(talk, ["a", "b"])
    (1, 2)
    """
    chosen = conversation[conversation["dimension"].isin(list(dimensions)) & conversation["priority"].astype(bool)]
    return int(chosen["table"].nunique())




def _build():
    _RESPONSES = netlearn.datasets_folder() / "responses"
    MATRIX = read_matrix(_RESPONSES / "matrix_workshop.csv")
    TALK = table_conversation(MATRIX)
    HEALTH = read_responses(_RESPONSES / "health_check.csv", "network_health_check")
    SUMMARY = group_summary(HEALTH)
    _INSTRUMENT = load_instrument("network_maturity_matrix")

    # Question 1: Table 3, learning: members gave levels from 1 to 4.
    _Q1_TABLE, _Q1_DIM = "Table 3", "learning"
    _q1_row = TALK[(TALK["table"] == _Q1_TABLE) & (TALK["dimension"] == _Q1_DIM)].iloc[0]
    _q1_levels = MATRIX.scores.loc[(MATRIX.scores["table"] == _Q1_TABLE) & (MATRIX.scores["dimension"] == _Q1_DIM),
                                   "current"].dropna().astype(int).tolist()
    _RECORDED = int(_q1_row["recorded"])
    _HIGHEST = int(_q1_row["highest"])
    _MEDIAN = statistics.median(_q1_levels)
    _MEAN = statistics.mean(_q1_levels)
    _TARGET = int(_q1_row["target"])

    # Question 2: Table 1's first dimension to discuss.
    _t1 = TALK[TALK["table"] == "Table 1"].set_index("dimension")
    _FIRST = _t1["discuss_order"].idxmin()
    _SECOND = _t1.index[_t1["discuss_order"] == 2][0]
    _LOWEST_AGREED = _t1[(_t1["range"] == 0)]["recorded"].idxmin()
    _PRIORITY = _t1.index[_t1["priority"]][0]
    _NAMES = {d.id: d.name for d in _INSTRUMENT.dimensions}

    # Question 3: clinicians' agreement on form.
    _row = SUMMARY.set_index(["group", "dimension"])
    _RWG = float(_row.loc[("clinician", "form"), "rwg_j"])
    _RWG_ALL = float(_row.loc[("(all)", "form"), "rwg_j"])
    _ALPHA = float(_row.loc[("clinician", "form"), "alpha"])
    _RWG_PURPOSE = float(_row.loc[("clinician", "purpose"), "rwg_j"])

    def namespace():
        """What the notebook's setup cell makes."""
        matrix = read_matrix(_RESPONSES / "matrix_workshop.csv")
        health = read_responses(_RESPONSES / "health_check.csv", "network_health_check")
        return {"netlearn": netlearn, "matrix": matrix, "talk": table_conversation(matrix), "health": health,
                "table_conversation": table_conversation, "room_summary": room_summary, "group_summary": group_summary}

    def _dimension_checker(answer):
        if not isinstance(answer, str):
            return Verdict(False, "Give the dimension as text in quotes: its id (such as `'purpose'`) or its name "
                                  "(such as `'Shared purpose'`).")
        text = answer.strip().lower()
        by_name = {name.lower(): dim for dim, name in _NAMES.items()}
        dim = text if text in _NAMES else by_name.get(text)
        if dim is None:
            close = difflib.get_close_matches(text, list(_NAMES) + list(by_name), n=1)
            guess = f" Did you mean {close[0]!r}?" if close else ""
            return Verdict(False, f"{answer!r} is not a dimension of the matrix.{guess} The ids are: "
                                  f"{', '.join(_NAMES)}.")
        if dim == _FIRST:
            return Verdict(True, f"{_NAMES[dim]} (`discuss_order` 1).")
        row = _t1.loc[dim]
        if dim == _LOWEST_AGREED or (row["range"] == 0):
            return Verdict(False, f"At Table 1 everyone put {_NAMES[dim]} at level {int(row['recorded'])}: there is "
                                  "nothing to reconcile there. Discuss first where members are furthest apart.")
        if dim == _PRIORITY or bool(row["priority"]):
            return Verdict(False, f"{_NAMES[dim]} is one of the priorities Table 1 chose: that comes at the end of the "
                                  "conversation. The question is where to *start*: the widest disagreement "
                                  "(`discuss_order` 1).")
        if dim == _SECOND:
            return Verdict(False, f"{_NAMES[dim]} comes second. Several dimensions share the widest range at Table 1; the tie "
                                  "is broken by how spread out the answers are. Look at `discuss_order`.")
        return Verdict(False, f"{_NAMES[dim]} is number {int(row['discuss_order'])} in Table 1's `discuss_order`. "
                              "Look for the dimension with `discuss_order` 1.")

    q1 = Exercise(
        "q1",
        prompt=f"At {_Q1_TABLE}, members gave these levels for *{_NAMES[_Q1_DIM]}*: {sorted(_q1_levels)}. Using the "
               "maturity matrix's rule for a table, which level does the table **record**?",
        answer_name="recorded_level",
        checker=close_number(
            _RECORDED,
            what="a level from 1 to 5",
            alternatives=[
                (_HIGHEST, f"{_HIGHEST} is the highest level anyone gave. Where members differ, the table records the "
                           "*lower* level, and notes the spread."),
                (_MEDIAN, f"{_MEDIAN:g} is the median, a sensible summary elsewhere. The matrix's rule is different: "
                          "where members differ, record the lower level."),
                (_MEAN, f"{_MEAN:g} is the mean. A level is a description of where the network is, so it is a whole "
                        "number, and the rule is to record the lower level."),
                (_TARGET, f"{_TARGET} is the table's starting point for a *target* (the median of members' targets). "
                          "The question asks for the level recorded now."),
            ],
        ),
        hints=[
            "The rule: start at level 1 and move up only while everyone agrees the description is true.",
            "Where members differ, the table records the lower level and notes how far apart people were.",
            f"`talk[(talk.table == '{_Q1_TABLE}') & (talk.dimension == '{_Q1_DIM}')]` shows the row; look at "
            "`recorded`.",
        ],
        solution=f'''
row = talk[(talk["table"] == "{_Q1_TABLE}") & (talk["dimension"] == "{_Q1_DIM}")]
recorded_level = int(row["recorded"].iloc[0])
''',
        explanation=f"The lowest level anyone gave is {_RECORDED}, so the table records {_RECORDED}; the spread, "
                    f"{min(_q1_levels)} to {max(_q1_levels)}, is noted beside it.",
        why="Recording the lower level is cautious on purpose: a network is only as far along as the members who see "
            "it least favourably believe. The spread is the interesting part: why does one member see level 4?",
        wrong_answers=[
            (_HIGHEST, "highest level anyone gave"),
            (_MEDIAN, "median"),
            (_TARGET, "target"),
        ],
    )

    q2 = Exercise(
        "q2",
        prompt="Which dimension should **Table 1** discuss first? Give its id (such as `'purpose'`) or its name.",
        answer_name="discuss_first",
        checker=_dimension_checker,
        hints=[
            "Start the conversation where people are furthest apart, not where the level is lowest.",
            "`talk[talk['table'] == 'Table 1']` has a `range` column and a `discuss_order` column.",
            "Find the row with `discuss_order` equal to 1.",
        ],
        solution='''
table_1 = talk[talk["table"] == "Table 1"]
discuss_first = table_1.loc[table_1["discuss_order"] == 1, "dimension"].iloc[0]
''',
        explanation=f"{_NAMES[_FIRST]} has the widest range at Table 1 (ties broken by the spread of answers), so "
                    "it is `discuss_order` 1.",
        why="Disagreement is information: members who put the network at different levels have seen different things. "
            "Talking about the widest gap first is where the table learns most, and the masterclass treated "
            "conflict of views as a source of new ideas, not a problem.",
        wrong_answers=[
            ("impact", "nothing to reconcile"),
            (_PRIORITY, "priorities Table 1 chose"),
            (_SECOND, "comes second"),
            ("membershp", "Did you mean"),
        ],
    )

    q3 = Exercise(
        "q3",
        prompt="In the health check, how far do **clinicians** agree with each other on the network's **form**? Give "
               "their r_wg(j) for the form dimension, from `group_summary(health)`.",
        answer_name="clinician_form_rwg",
        checker=close_number(
            _RWG,
            tolerance=0.001,
            what="an agreement index between 0 and 1",
            shown_digits=3,
            alternatives=[
                (_RWG_ALL, "That is the whole membership's value (group `(all)`). The question is about the clinician "
                           "group."),
                (_ALPHA, "That is Cronbach's alpha: whether the form items hang together as one scale. Agreement "
                         "between people is the `rwg_j` column."),
                (_RWG_PURPOSE, "That is the clinicians' agreement on *purpose*. Look at the row for form."),
            ],
        ),
        hints=[
            "`summary = group_summary(health)` gives one row per group and dimension.",
            "Pick the row where `group` is 'clinician' and `dimension` is 'form', and read `rwg_j`.",
        ],
        solution='''
summary = group_summary(health)
row = summary[(summary["group"] == "clinician") & (summary["dimension"] == "form")]
clinician_form_rwg = float(row["rwg_j"].iloc[0])
''',
        explanation=f"The clinicians' r_wg(j) for form is {_RWG:.3f}. It compares how much their answers vary with "
                    "how much they would vary if everyone answered at random (James, Demaree & Wolf 1984): near 1, "
                    "they largely agree.",
        why="A mean hides disagreement. Two groups with the same mean score can be one that agrees and one that is "
            "split down the middle, and those need different conversations.",
        wrong_answers=[
            (_RWG_ALL, "whole membership"),
            (_ALPHA, "Cronbach's alpha"),
            (_RWG_PURPOSE, "purpose"),
        ],
    )

    q4 = ConceptQuestion(
        "q4",
        prompt="In the health-check summary, the patient-and-carer group (4 people) is suppressed, and so is the "
               "commissioner group, which has 20. Why is the commissioner group hidden too?",
        options=[
            Option("Because commissioners' answers are less reliable than other members', since they see the network "
                   "from outside rather than working in it.",
                   False,
                   "Suppression says nothing about the quality of anyone's answers; it protects people from being "
                   "identified."),
            Option("Because otherwise the patient-and-carer figures could be worked out by subtracting every other "
                   "group from the whole membership.",
                   True,
                   "Yes. Hiding one more group, the smallest of the rest, stops anyone recovering the small group's "
                   "figures by subtraction."),
            Option("Because a group's mean only means something with enough members, and the rule hides any group "
                   "that is small next to the whole.",
                   False,
                   "The threshold here is 5, and it is about privacy, not statistics: with very few people, a group "
                   "result points at individuals. A group of 20 is not small by that rule."),
            Option("Because the commissioners asked not to be shown separately, as their answers could be read as "
                   "the view of the funders.",
                   False,
                   "No one asked: the rule is applied automatically so that nobody has to ask."),
        ],
        why="Members answer honestly only if they trust that their answers cannot be traced back to them. In a "
            "network of a few dozen people, a group of four is easy to identify.",
    )

    q5 = ConceptQuestion(
        "q5",
        prompt="After the workshop, a director asks you to use the maturity-matrix levels to rank the networks in the "
               "region and decide which to fund. What do you say?",
        options=[
            Option("That it is fine as long as every network scores itself with the official Source4Networks matrix, "
                   "so that the levels mean the same.",
                   False,
                   "Using the same matrix does not turn a table's agreed starting point into a measurement; and the "
                   "method, as the Source4Networks guidance describes it, is a structured discussion, not an audit."),
            Option("That it is fine if you use the mean of each network's members' levels rather than the recorded "
                   "level, so no one voice skews it.",
                   False,
                   "Changing the summary does not change what the numbers are: members' judgements in one "
                   "conversation, shaped by who was at the table."),
            Option("That the health check's r_wg values should be used instead, because they come from every "
                   "member's answers and so are more precise.",
                   False,
                   "r_wg says how far members agree, not how good a network is; and the course's health check has "
                   "not been validated either."),
            Option("That the levels organise a conversation within one network; they are not validated measurements "
                   "for ranking networks.",
                   True,
                   "Yes. The value is the conversation and the priorities it produces. Different tables, different "
                   "people and a different matrix would give different numbers."),
        ],
        why="Used as a league table, a self-assessment invites people to score generously, and the honest "
            "conversation it exists for is lost.",
    )

    # ---------------------------------------------------------------------- leader track
    _groups = SUMMARY.set_index(["group", "dimension"])
    _FORM_MEANS = {group: float(_groups.loc[(group, "form"), "mean"]) for group in FORM_GROUPS}
    _FORM_ALL = float(_groups.loc[("(all)", "form"), "mean"])
    _FORM_LABELS = {"clinician": "Clinicians", "manager": "Managers", "improvement specialist": "Improvement specialists"}
    _CLOSE_MEANS = 0.1

    def _lowest_form():
        values = list(_FORM_MEANS.values())
        if max(values) - min(values) < _CLOSE_MEANS:
            return len(FORM_GROUPS)
        return FORM_GROUPS.index(min(_FORM_MEANS, key=_FORM_MEANS.get))

    def _form_reveal():
        means = "; ".join(f"{_FORM_LABELS[g].lower()} {_FORM_MEANS[g]:.2f}"
                          for g in sorted(FORM_GROUPS, key=_FORM_MEANS.get))
        return (f"on a scale of 1 to 5, the mean score for form is {means} (everyone together {_FORM_ALL:.2f}). "
                "The clinicians, the largest group, are the most critical of how the network is organised and "
                "resourced. The commissioners' and the patients' and carers' figures are suppressed, so nobody "
                "can say where they stand.")

    q7 = Prediction(
        "q7",
        prompt="Predict first. Every group in the health check rates the network's **form** (how it is organised "
               "and resourced) below its purpose and function. Which of the role groups whose figures are shown "
               "rates form **lowest**?",
        options=[_FORM_LABELS[g] for g in FORM_GROUPS] + ["All three within a tenth of a point of each other"],
        answer=_lowest_form,
        reveal=_form_reveal,
        hints=["Think about who meets the network's meetings, budgets and support in their working week, and who "
               "has to fit it around clinics.",
               "The group summary gives each group's mean for form; a tenth of a point is small on a scale of 1 to 5."],
        explanation="`group_summary` scores each member on form (the mean of the form items, after turning the "
                    "problem-worded items round) and averages the scores within each role group.",
        wrong_answers=[(3, "What the data show"), (0, "The result matches C")],
        why="A mean for everyone can hide which group is least well served by how the network works: here the "
            "largest group. That is a conversation to have with clinicians, not about them.",
    )

    _t3 = TALK[TALK["table"] == RANKED_TABLE].set_index("dimension")

    def _spread(dim):
        row = _t3.loc[dim]
        if int(row["range"]) == 0:
            text = f"{_NAMES[dim]}: everyone chose level {int(row['lowest'])}"
        else:
            text = f"{_NAMES[dim]}: members chose levels {int(row['lowest'])} to {int(row['highest'])}"
        return text + (", and the table chose it as a priority" if bool(row["priority"]) else "")

    q8 = Ranking(
        "q8",
        prompt=f"{RANKED_TABLE} has twenty minutes left. Put these four dimensions in the order the table should "
               "discuss them, following the matrix's method: first place for the one to discuss first.",
        options=[_spread(dim) for dim in RANKED_DIMENSIONS],
        values=lambda: [int(_t3.loc[dim, "discuss_order"]) for dim in RANKED_DIMENSIONS],
        descending=False,
        describe=lambda value: f"number {value} of the table's 8 dimensions in the order of discussion",
        note=lambda: ("The method starts where members are furthest apart, because members who chose different "
                      "levels have seen different things. A dimension everyone agrees on has nothing to reconcile, "
                      "even if the table chose it as a priority: priorities come at the end of the conversation."),
        hints=["Start where members are furthest apart, not where the level is lowest.",
               "Compare the lowest and highest level each dimension was given: the wider the range, the sooner it "
               "is discussed. A priority is chosen after the discussion."],
        explanation="`table_conversation` orders each table's dimensions by the range of levels its members gave, "
                    "widest first (ties broken by how spread out the answers are): its `discuss_order` column.",
        wrong_answers=[(["C", "B", "D", "A"], "you put C above B"), (["A", "B", "C", "D"], "you put A above B")],
        why="Leading the conversation from the widest disagreement treats difference as information, and keeps "
            "the member who sees the network least favourably in the room.",
    )

    _ROOM = room_summary(TALK).set_index("dimension")
    _TABLES = list(dict.fromkeys(TALK["table"]))
    _CHOSEN = {table: [d for d in TALK.loc[(TALK["table"] == table) & TALK["priority"].astype(bool), "dimension"]]
               for table in _TABLES}

    _SOURCE = TALK.groupby("table")["priority_source"].first()
    _CHOSE_OWN = [t for t in _TABLES if _SOURCE[t] == "chosen by the table"]
    _PROPOSED = [t for t in _TABLES if _SOURCE[t] != "chosen by the table"]

    def _votes(dim):
        return int(_ROOM.loc[dim, "tables_prioritising"])

    def _plenary_insight(combo):
        dims = [PLENARY_OPTIONS[i] for i in combo]
        left_out = [table for table in _TABLES if not set(_CHOSEN[table]) & set(dims)]
        text = (f"The room summary counts the tables that have each as a priority: "
                f"{_and(f'{_NAMES[d]} {_votes(d)} of {len(_TABLES)}' for d in dims)}.")
        if left_out:
            text += (" " + _and(f"{t} (whose priorities are {_and(_NAMES[d] for d in _CHOSEN[t])})" for t in left_out)
                     + f" {'hears' if len(left_out) == 1 else 'hear'} none of {'its' if len(left_out) == 1 else 'their'} "
                       "own priorities taken up. Adding up votes favours the dimensions most tables share and can "
                       "leave one table out altogether.")
        else:
            text += " Every table sees one of its own priorities taken up, so every table has a reason to stay in the work."
        return text

    q9 = Decision(
        "q9",
        prompt=f"After the table conversations, the whole room has time to work on **two** dimensions. Every table "
               f"has its priorities: {_and(_CHOSE_OWN)} chose theirs, and for {_and(_PROPOSED)}, which left the "
               "priority column blank, the workshop view proposes the dimensions with the largest gaps to target. "
               "Which two dimensions should the plenary take up so that as many tables as possible see one of their "
               "own priorities on the agenda?",
        options=[f"{_NAMES[dim]} (recorded at level {_ROOM.loc[dim, 'median_recorded']:g} by the median table)"
                 for dim in PLENARY_OPTIONS],
        pick=2,
        consequence=lambda combo: plenary_reach(TALK, [PLENARY_OPTIONS[i] for i in combo]),
        describe=lambda n: (f"{n} of the {len(_TABLES)} tables {'sees' if n == 1 else 'see'} at least one of "
                            "their own priorities taken up"),
        insight=_plenary_insight,
        hints=["Look at each table's priorities in the workshop view, not only at how many tables have each "
               "dimension as a priority.",
               "One table has neither of the two most popular dimensions among its priorities. Which of its "
               "priorities could go on "
               "the agenda beside the most popular one?"],
        explanation="For each pair of dimensions, the library counts the tables that chose at least one of the two "
                    "as a priority (from `table_conversation`'s `priority` column). Shared purpose reaches four "
                    "tables on its own; the second dimension should reach the table it misses. Any pair that "
                    "reaches all five counts.",
        wrong_answers=[(["A", "E"], "Table 3"), (["C", "F"], "The best choice")],
        why="A plenary that takes up one priority from every table keeps every table invested in what happens next; "
            "the dimension most tables chose is not enough on its own.",
    )

    q6 = Reflection(
        "q6",
        prompt="If you ran the maturity-matrix conversation with your own network next month, which dimension do you "
               "expect people to disagree about most, and why?",
        guidance="Think about who would sit at the tables: which members see the network from very different places? "
                 "Note one thing you would do to make it safe for the member who sees things least favourably to "
                 "say so.",
        placeholder="I expect the most disagreement about...",
    )

    return locals()


exercises = ExerciseSet(
    "diagnostics",
    number=8,
    title="Diagnostics: the maturity matrix and the health check",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "ranking", "q9": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
