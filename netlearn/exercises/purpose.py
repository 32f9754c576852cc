"""Exercises of ``exercises/01_purpose.ipynb``: a purpose statement, agreement on priorities, and
why members joined.

The data are the synthetic improvement community (``q_community``): 150 invented members in six
regions, each of whom ranked six possible purposes of the community and listed their reasons for
joining.

>>> from netlearn.exercises import purpose as ex
>>> ex.q2.evaluate("London").status, ex.q2.evaluate("North").status
('correct', 'incorrect')
"""

from __future__ import annotations

import difflib

import netlearn
from netlearn import agreement, coaching
from netlearn import purpose as _purpose

from .engine import (
    ConceptQuestion,
    Exercise,
    ExerciseSet,
    Option,
    Reflection,
    Verdict,
    ____,
    close_number,
    same_set,
)
from .engine.feedback import a_or_an, plural, plural_noun

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "____", "DRAFT", "PURPOSE_PRIORITIES"]




def _build():
    NET = netlearn.load_dataset("q_community")
    RANKINGS = NET.tables["purpose_rankings"]

    #: The draft statement of question 1 (the notebook shows the same text).
    DRAFT = ("The Northshire frailty network brings GPs, community nurses and social workers together so that older "
             "people living with frailty stay well at home for longer.")

    #: The two priorities the community's draft purpose names in question 4.
    PURPOSE_PRIORITIES = ["peer_support", "influence_policy"]

    _FEEDBACK = _purpose.check_purpose(DRAFT)
    _BY_REGION = agreement.kendalls_w_by_group(RANKINGS, NET, attribute="region")
    _REGIONS = sorted(str(v) for v in NET.members["region"].unique())
    _REGION_W = _BY_REGION.drop(index="(all)")["w"]
    _WEAKEST = str(_REGION_W.idxmin())
    _STRONGEST = str(_REGION_W.idxmax())
    _DIVISIVE = agreement.most_divisive_item(RANKINGS)
    _ITEMS = [c for c in RANKINGS.columns if c != "member_id"]
    _MEANS = RANKINGS[_ITEMS].mean()
    _ALIGNED = _purpose.reasons_alignment(NET, PURPOSE_PRIORITIES)

    def namespace():
        """What the notebook's setup cell makes: ``netlearn``, ``agreement``, ``purpose``, ``net``,
    ``rankings`` and ``draft``."""
        return {"netlearn": netlearn, "agreement": agreement, "purpose": _purpose, "net": NET,
                "rankings": NET.tables["purpose_rankings"], "draft": DRAFT}

    # ---------------------------------------------------------------------- a checker for named choices
    def one_of(expected, choices, *, what, aliases=None, alternatives=()):
        """A checker for "which region / which priority" questions: one name from a known list.

    Capitals and (with ``aliases``) other spellings, such as a priority's plain-word label, are
    accepted with a note; a misspelling gets a "did you mean"; ``alternatives`` maps a wrong
    choice (or a wrong value of another kind) to its own feedback.

    >>> check = one_of("London", ["London", "North"], what="region",
    ...                alternatives=[("North", "North agrees most.")])
    >>> check("london").correct, check("North").message
    (True, 'North agrees most.')
    >>> check("Londn").message
    "'Londn' is not a region here. Did you mean 'London'? The regions are: London, North."
    """
        choices = [str(c) for c in choices]
        aliases = {str(k).casefold(): v for k, v in (aliases or {}).items()}
        folded = {c.casefold(): c for c in choices}

        def resolve(answer):
            if isinstance(answer, str):
                text = answer.strip()
                if text in choices:
                    return text, ""
                if text.casefold() in folded:
                    return folded[text.casefold()], f"In code, capitals matter: it is written {folded[text.casefold()]!r}."
                if text.casefold() in aliases:
                    return aliases[text.casefold()], (f"You gave the label; in the data it is called "
                                                      f"{aliases[text.casefold()]!r}. Both are accepted here.")
            return None, ""

        def check(answer):
            for wrong, feedback in alternatives:
                if isinstance(wrong, str) and isinstance(answer, str):
                    canonical = resolve(answer)[0] or answer.strip()
                    if canonical.casefold() == wrong.casefold():
                        return Verdict(False, feedback)
                if not isinstance(wrong, str) and not isinstance(answer, str) and answer == wrong:
                    return Verdict(False, feedback)
            if isinstance(answer, (list, tuple, set, frozenset)):
                items = list(answer)
                if len(items) == 1:
                    verdict = check(items[0])
                    note = f"One {what} on its own is enough; there is no need to put it in a list."
                    return Verdict(verdict.correct, f"{verdict.message} {note}".strip())
                return Verdict(False, f"You gave {plural(len(items), 'item')}. The question asks for one {what}: give "
                                      "its name in quotes.")
            if not isinstance(answer, str):
                kind = f"a number ({answer!r})" if isinstance(answer, (int, float)) else f"a {type(answer).__name__}"
                return Verdict(False, f"You gave {kind}. The question asks which {what}: give its name in quotes, such "
                                      f"as {choices[0]!r}.")
            name, note = resolve(answer)
            if name is None:
                close = difflib.get_close_matches(answer.strip(), choices, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                return Verdict(False, f"{answer.strip()!r} is not {a_or_an(what)} here.{hint} The "
                                      f"{plural_noun(what)} are: {', '.join(choices)}.")
            if name == expected:
                return Verdict(True, note)
            return Verdict(False, f"{name!r} is {a_or_an(what)} here, but not the one the question asks for.")

        return check

    # ---------------------------------------------------------------------- q1: reading the checker
    q1 = Exercise(
        "q1",
        prompt="Run the purpose checker on the draft statement `draft`. Which of the five questions does it **not** "
               "answer yet? Give the criteria's keys (such as 'whom' or 'impact') as a set or a list.",
        answer_name="not_met",
        checker=same_set(
            set(_FEEDBACK.not_met),
            what="criteria",
            alternatives=[
                (set(_FEEDBACK.met), "Those are the criteria the draft meets. The question asks which it does not meet "
                                     "yet: look at `.not_met` rather than `.met`."),
                ({"What members get back", "How we will know"}, "Those are the labels. Give the keys instead, as "
                                                                "`.not_met` lists them, such as 'impact'."),
                (set(_FEEDBACK.not_met) | {"why_network"},
                 "'why_network' is met, though only in general words (the draft says 'together'): the checker counts "
                 "that as met, with a nudge to say more. Leave it out of the criteria not met."),
            ],
        ),
        hints=[
            "`purpose.check_purpose(draft)` returns the feedback. Show it in a cell to see a table.",
            "The feedback has `.met` and `.not_met`: the keys of the criteria met and not met.",
            "`set(purpose.check_purpose(draft).not_met)` is the answer.",
        ],
        solution="""
feedback = purpose.check_purpose(draft)
not_met = set(feedback.not_met)
""",
        explanation="`check_purpose` looks for phrases from five word lists. The draft names whom it serves ('older "
                    "people', 'people living with frailty'), a change ('so that ... stay well at home') and, in general "
                    "words, why a network ('together'). Nothing says what members get back or how anyone will know it "
                    "is working, so `not_met` is {'reciprocity', 'impact'}.",
        why="A draft that never says what members get back asks for their time and gives nothing in return, and one "
            "without a way to know leaves success to opinion. These are the two gaps members are most likely to notice.",
        wrong_answers=[
            (set(_FEEDBACK.met), "meets"),
            ({"What members get back", "How we will know"}, "labels"),
            (set(_FEEDBACK.not_met) | {"why_network"}, "general words"),
            ({"reciprocity"}, "1 more is missing"),
        ],
    )

    # ---------------------------------------------------------------------- q2: agreement by region
    q2 = Exercise(
        "q2",
        prompt="Members ranked six priorities for the community. In which **region** do members agree least on the "
               "order (the lowest Kendall's W)? Give the region's name in quotes.",
        answer_name="weakest_region",
        checker=one_of(
            _WEAKEST, _REGIONS, what="region",
            alternatives=[
                (_STRONGEST, f"{_STRONGEST} is where members agree **most** (the highest W, "
                             f"{_REGION_W[_STRONGEST]:.2f}). The question asks where they agree least."),
                ("(all)", "'(all)' is the row for every member together. The question asks for one region."),
                (round(float(_REGION_W.min()), 2), "That is a value of W. The question asks which region has it: give "
                                                   "the region's name in quotes."),
                (float(_REGION_W.min()), "That is a value of W. The question asks which region has it: give the "
                                         "region's name in quotes."),
            ],
        ),
        hints=[
            "`agreement.kendalls_w_by_group(rankings, net, attribute='region')` gives W for each region, and for "
            "everyone as '(all)'.",
            "The table is sorted with the highest W first. The region you want is at the other end (and is not '(all)').",
        ],
        solution="""
table = agreement.kendalls_w_by_group(rankings, net, attribute="region")
weakest_region = table.drop(index="(all)")["w"].idxmin()
""",
        explanation="`kendalls_w_by_group` computes Kendall's W separately for each region's members. Leaving out the "
                    f"'(all)' row, the smallest W is {_WEAKEST}'s ({_REGION_W.min():.2f}), against "
                    f"{_BY_REGION.loc['(all)', 'w']:.2f} for all members together and {_REGION_W.max():.2f} in "
                    f"{_STRONGEST}.",
        why=f"Members in {_WEAKEST} do not share an order of priorities: a purpose that works for the rest may not speak "
            "to them yet. That is where a conversation about purpose would start, with them rather than about them.",
        wrong_answers=[
            (_STRONGEST, "agree **most**"),
            ("(all)", "every member together"),
            (round(float(_REGION_W.min()), 2), "value of W"),
            ("Londn", "Did you mean 'London'?"),
        ],
    )

    # ---------------------------------------------------------------------- q3: the divisive priority
    _LEAST = str(_MEANS.idxmax())
    _MOST_AGREED = str(_DIVISIVE.table["variance"].idxmin())
    q3 = Exercise(
        "q3",
        prompt="Which priority **divides** members most: the one whose ranks are most spread out, some putting it near "
               "the top and others near the bottom? Give its name as in the rankings table, such as 'build_skills'.",
        answer_name="divisive",
        checker=one_of(
            _DIVISIVE.item, _ITEMS, what="priority",
            aliases={label: key for key, label in _purpose.PRIORITY_LABELS.items()},
            alternatives=[
                (_LEAST, f"'{_LEAST}' has the worst mean rank: on average members put it low. But most of them agree "
                         "that it comes low, so it does not divide them. Look at how spread out the ranks are."),
                (_MOST_AGREED, f"Members agree most about '{_MOST_AGREED}': its ranks are the least spread out of all. "
                               "The question asks for the most spread out."),
                ("partner_with_patients", "Its ranks are spread out, but one priority's are far more so (about twice "
                                          "the variance)."),
            ],
        ),
        hints=[
            "`agreement.most_divisive_item(rankings)` finds it; its `.table` shows every priority's spread.",
            "The answer is the `.item` of that result.",
        ],
        solution="""
divisive = agreement.most_divisive_item(rankings).item
""",
        explanation="`most_divisive_item` measures the spread of each priority's ranks (their variance). "
                    f"'{_DIVISIVE.item}' has variance {_DIVISIVE.variance:.2f}, against {_DIVISIVE.chance_variance:.2f} "
                    "if members had ranked at random: they are split into two camps, some ranking it near the top and "
                    "some near the bottom.",
        why="An average rank in the middle can hide two camps. A purpose statement that leaves this priority out, or "
            "puts it first, will lose one camp: it is the conversation to have openly, not to settle by the average.",
        wrong_answers=[
            (_LEAST, "does not divide them"),
            (_MOST_AGREED, "least spread out"),
            ("partner_with_patients", "twice"),
            (4.37, "You gave a number"),
        ],
    )

    # ---------------------------------------------------------------------- q4: why members joined
    _ONLY = {p: _purpose.reasons_alignment(NET, [p]).share for p in PURPOSE_PRIORITIES}
    q4 = Exercise(
        "q4",
        prompt="A draft purpose for the community names two priorities: offer peer support ('peer_support') and "
               "influence national and local policy ('influence_policy'). What **share** of members gave at least one "
               "reason for joining that serves either of them? Give a fraction between 0 and 1.",
        answer_name="share_aligned",
        checker=close_number(
            _ALIGNED.share,
            what="the share of members (a fraction between 0 and 1)",
            method=("a member counts if at least one of their reasons for joining serves either priority; divide "
                    "those members by all the members counted"),
            shown_digits=2,
            alternatives=[
                (_ALIGNED.aligned, f"{_ALIGNED.aligned} is how many members that is. Divide by the number of members "
                                   f"counted ({_ALIGNED.counted}) to get the share."),
                (_ONLY["peer_support"], "That is the share for peer support alone. Include both priorities in the list."),
                (_ONLY["influence_policy"], "That is the share for influencing policy alone. Include both priorities in "
                                            "the list."),
            ],
        ),
        hints=[
            "`purpose.reasons_alignment(net, [...])` takes the members and a list of priorities.",
            "Its result has `.share` (and `.aligned`, `.counted`, and `.by_reason` to see which reasons count).",
            "`purpose.reasons_alignment(net, ['peer_support', 'influence_policy']).share`",
        ],
        solution="""
result = purpose.reasons_alignment(net, ["peer_support", "influence_policy"])
share_aligned = result.share
""",
        explanation="A member counts when at least one of their reasons for joining serves one of the two priorities, "
                    "using the course's mapping (`purpose.reason_mapping_table()`). "
                    f"{_ALIGNED.aligned} of {_ALIGNED.counted} members do, a share of {_ALIGNED.share:.3f}. Each member "
                    "counts once, however many of their reasons match.",
        why="Reciprocity starts here: most members can see something of their own reasons in this purpose. The rest "
            "joined for something else (skills, collaborators, sharing their work), and a purpose that ignores them "
            "asks for their time without giving anything back.",
        wrong_answers=[
            (_ALIGNED.aligned, "how many members"),
            (_ALIGNED.share * 100, "percentage"),
            (_ONLY["peer_support"], "peer support alone"),
            (_ONLY["influence_policy"], "policy alone"),
        ],
    )

    # ---------------------------------------------------------------------- q5: what the checker can tell you
    q5 = ConceptQuestion(
        "q5",
        prompt="Your network's draft purpose gets **5 of 5** from the purpose checker. Which of these can you safely "
               "conclude?",
        multiple=True,
        options=[
            Option("Members share this purpose: a statement that names whom it serves and what should change is one "
                   "they will sign up to.",
                   False,
                   "The checker reads words, not people. Whether members share a purpose shows in what they say and "
                   "do: ask them, for example by having them rank the priorities and looking at Kendall's W."),
            Option("The statement uses words that say whom it serves, what should change, why a network, what "
                   "members get and how you will know.",
                   True,
                   "Yes: that is exactly what the checker looks at, the wording."),
            Option("It is the right purpose for this network, since a statement that covers all five parts leaves "
                   "nothing important out.",
                   False,
                   "No word list can tell you that. A statement can tick every box and still aim at the wrong thing."),
            Option("It is a good moment to test the draft with members, for example by asking them to rank the "
                   "priorities it names.",
                   True,
                   "Yes: a draft that is clear enough to argue with is ready for members to argue with."),
            Option("A draft that scores 3 of 5 is always weaker than this one, because it leaves out at least two of "
                   "the parts a purpose needs.",
                   False,
                   "Not always: the lists can miss a point made in other words, and can count a phrase used after "
                   "'not'. Read the evidence for each tick, not just the score."),
        ],
        why="The checker is a practice aid for wording. Whether a purpose is shared, and right, is something only the "
            "members can settle: use the checker to prepare that conversation.",
    )

    # ---------------------------------------------------------------------- q6: reflection
    q6 = Reflection(
        "q6",
        prompt="Write a draft purpose for a network you belong to (two or three sentences), and run it through the "
               "checker in the lesson notebook. What did it find missing, and what would your members say is missing?",
        guidance="Think of the three questions from the masterclass: why does the network exist, why do people join it, "
                 "and why bother with a network at all rather than a project or a team?",
        placeholder="Our network exists so that ...",
    )

    return locals()


exercises = ExerciseSet(
    "purpose",
    number=1,
    title="Purpose: why the network exists and why people join",
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
