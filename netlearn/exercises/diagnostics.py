"""Exercises of ``exercises/08_diagnostics.ipynb``: running the maturity matrix and the health check.

The data is synthetic: a workshop of five tables that used the course's own maturity matrix
(``datasets/responses/matrix_workshop.csv``) and 120 members' answers to the course's own health
check (``datasets/responses/health_check.csv``). Learners find the level a table records (the
lower-score rule), the dimension a table should discuss first (the widest disagreement), how far
one group agrees on one dimension (r_wg(j), James, Demaree & Wolf 1984), then answer two concept
questions (why small groups are suppressed; what a matrix score is for) and reflect.

>>> from netlearn.exercises import diagnostics as ex
>>> ex.q1.evaluate(1).status, ex.q1.evaluate(4).status
('correct', 'incorrect')
"""

from __future__ import annotations

import difflib
import statistics

import netlearn
from netlearn import coaching
from netlearn.diagnostics import (group_summary, load_instrument, read_matrix, read_responses, room_summary,
                                  table_conversation)

from .engine import ConceptQuestion, Exercise, ExerciseSet, Option, Reflection, Verdict, ____, close_number

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "____"]




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
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "concept", "q5": "concept", "q6": "reflection"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
