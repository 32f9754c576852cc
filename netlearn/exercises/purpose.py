"""Exercises of ``exercises/01_purpose.ipynb``: a purpose statement, agreement on priorities, and
why members joined.

The data are the synthetic improvement community (``q_community``): 150 invented members in six
regions, each of whom ranked six possible purposes of the community and listed their reasons for
joining.

The leader track needs no code: predict where the split about influencing policy runs (q7), rank
priorities by how many members' reasons for joining they serve (q8), and choose two priorities to
name beside partnering with patients, graded by the share of members whose reasons the purpose
then serves (q9, a :class:`~netlearn.exercises.engine.Decision` computed with
:func:`netlearn.purpose.reasons_alignment`). The concept question (q5) and the reflection (q6) are
on the leader track too; q1 to q4 are the analyst track.

>>> from netlearn.exercises import purpose as ex
>>> ex.q2.evaluate("local authority").status, ex.q2.evaluate("London").status
('correct', 'incorrect')
"""

from __future__ import annotations

import difflib

import netlearn
from netlearn import agreement, coaching
from netlearn import purpose as _purpose

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
    same_set,
)
from .engine.feedback import a_or_an, plural, plural_noun

__all__ = ["exercises", "progress", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "____", "DRAFT", "PURPOSE_PRIORITIES"]




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
    _DIVISIVE = agreement.most_divisive_item(RANKINGS)
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

    # ---------------------------------------------------------------------- q2: agreement by sector
    _BY_SECTOR = agreement.kendalls_w_by_group(RANKINGS, NET, attribute="sector")
    _SECTORS = sorted(str(v) for v in NET.members["sector"].unique())
    _SECTOR_W = _BY_SECTOR.drop(index="(all)")["w"]
    _WEAKEST_SECTOR = str(_SECTOR_W.idxmin())
    _STRONGEST_SECTOR = str(_SECTOR_W.idxmax())
    _NEXT_SECTOR = str(_SECTOR_W.drop(index=_WEAKEST_SECTOR).idxmin())
    _RATERS = _BY_SECTOR["raters"]
    q2 = Exercise(
        "q2",
        prompt="The lesson compared regions. Members also work in different **sectors** (the `sector` column of "
               "`net.members`: acute, primary care, local authority...). In which sector do members agree least on "
               "the order of the six priorities (the lowest Kendall's W)? Give the sector's name in quotes.",
        answer_name="weakest_sector",
        checker=one_of(
            _WEAKEST_SECTOR, _SECTORS, what="sector",
            alternatives=[
                (_STRONGEST_SECTOR, f"{_STRONGEST_SECTOR} is where members agree **most** (the highest W, "
                                    f"{_SECTOR_W[_STRONGEST_SECTOR]:.2f}). The question asks where they agree least."),
                ("(all)", "'(all)' is the row for every member together. The question asks for one sector."),
                *[(region, f"{region} is a region. The question asks about sectors: group the members by their "
                           "`sector` column (attribute='sector') rather than by region.") for region in _REGIONS],
                (round(float(_SECTOR_W.min()), 2), "That is a value of W. The question asks which sector has it: give "
                                                   "the sector's name in quotes."),
                (float(_SECTOR_W.min()), "That is a value of W. The question asks which sector has it: give the "
                                         "sector's name in quotes."),
            ],
        ),
        hints=[
            "`agreement.kendalls_w_by_group` works for any column of the members table: tell it which one with "
            "`attribute=`.",
            "`agreement.kendalls_w_by_group(rankings, net, attribute='sector')` gives W for each sector, highest "
            "first, and for everyone as '(all)'. The sector you want is at the other end (and is not '(all)').",
        ],
        solution="""
table = agreement.kendalls_w_by_group(rankings, net, attribute="sector")
weakest_sector = table.drop(index="(all)")["w"].idxmin()
""",
        explanation="`kendalls_w_by_group` computes Kendall's W separately for the members of each sector. Leaving "
                    f"out the '(all)' row, the smallest W is {_WEAKEST_SECTOR}'s ({_SECTOR_W.min():.2f}, "
                    f"{_RATERS[_WEAKEST_SECTOR]} members), against {_BY_SECTOR.loc['(all)', 'w']:.2f} for all members "
                    f"together and {_SECTOR_W.max():.2f} in {_STRONGEST_SECTOR}.",
        why=f"Only {_RATERS[_WEAKEST_SECTOR]} members work in {_WEAKEST_SECTOR}, and W from a handful of people moves "
            f"a lot when one of them changes their mind; {_NEXT_SECTOR} ({_RATERS[_NEXT_SECTOR]} members, "
            f"W {_SECTOR_W[_NEXT_SECTOR]:.2f}) is close behind. Read a small group's value as a reason to ask them, "
            "not as a finding about them.",
        wrong_answers=[
            (_STRONGEST_SECTOR, "agree **most**"),
            ("(all)", "every member together"),
            ("London", "is a region"),
            (round(float(_SECTOR_W.min()), 2), "value of W"),
        ],
    )

    # ---------------------------------------------------------------------- q3: where policy splits members
    _REGION_OF = NET.members.set_index("id")["region"]
    _POLICY_SPREAD = RANKINGS.groupby(RANKINGS["member_id"].map(_REGION_OF))["influence_policy"].var(ddof=0)
    _MOST_SPLIT = str(_POLICY_SPREAD.idxmax())
    _LEAST_SPLIT = str(_POLICY_SPREAD.idxmin())
    q3 = Exercise(
        "q3",
        prompt="The lesson found that 'influence_policy' divides members most. Is the split the same everywhere? "
               "In which **region** are members most split about it: the largest variance of its ranks among that "
               "region's members? Give the region's name in quotes.",
        answer_name="most_split",
        checker=one_of(
            _MOST_SPLIT, _REGIONS, what="region",
            alternatives=[
                (_WEAKEST, f"{_WEAKEST} agrees least on the order of all six priorities (the lowest W), but that is "
                           "not the same as being most split on this one priority. Compare the variance of the "
                           "'influence_policy' ranks in each region."),
                (_LEAST_SPLIT, f"{_LEAST_SPLIT} is where members are **least** split about influencing policy "
                               f"(variance {_POLICY_SPREAD[_LEAST_SPLIT]:.2f}). The question asks for the most."),
                ("influence_policy", "That is the priority. The question asks in which region its ranks are most "
                                     "spread out: give a region's name."),
                (round(float(_POLICY_SPREAD.max()), 2), "That is a variance. The question asks which region has it: "
                                                        "give the region's name in quotes."),
            ],
        ),
        hints=[
            "Each member's region is in `net.members`; `rankings` has one row per member, with their `member_id`. "
            "Map each id to its region, then group the ranks of 'influence_policy' by region.",
            "`region = net.members.set_index('id')['region']`, then "
            "`rankings.groupby(rankings['member_id'].map(region))['influence_policy'].var(ddof=0)` gives each "
            "region's variance (ddof=0, as `most_divisive_item` uses).",
            "`.idxmax()` of that gives the region with the largest variance.",
        ],
        solution="""
region = net.members.set_index("id")["region"]
spread = rankings.groupby(rankings["member_id"].map(region))["influence_policy"].var(ddof=0)
most_split = spread.idxmax()
""",
        explanation="Grouping the ranks members gave 'influence_policy' by region and taking each region's variance "
                    f"gives {_POLICY_SPREAD.max():.2f} in {_MOST_SPLIT}, the largest, down to "
                    f"{_POLICY_SPREAD.min():.2f} in {_LEAST_SPLIT}; for all members together it is "
                    f"{_DIVISIVE.variance:.2f}. (With the sample variance, ddof=1, the order of regions is the same.)",
        why="Every region is split about influencing policy, and none agrees about it: the two camps run through each "
            f"region rather than between them, most sharply in {_MOST_SPLIT}. So the conversation about policy cannot "
            "be settled region by region; it needs people from both camps in the same room.",
        wrong_answers=[
            (_WEAKEST, "not the same as being most split"),
            (_LEAST_SPLIT, "**least** split"),
            ("influence_policy", "That is the priority"),
            ("Midland", "Did you mean"),
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

    # ---------------------------------------------------------------------- leader track: q7 to q9
    _LABELS = _purpose.PRIORITY_LABELS
    _POLICY = RANKINGS["influence_policy"]

    def _explained(groups):
        """The share of the spread in the ranks of 'influence_policy' that ``groups`` accounts for (eta squared)."""
        means = _POLICY.groupby(groups).transform("mean")
        return float(((means - _POLICY.mean()) ** 2).sum() / ((_POLICY - _POLICY.mean()) ** 2).sum())

    _MEMBERS = NET.members.set_index("id")
    _BY = RANKINGS["member_id"]
    _SPLITS = {"region": _explained(_BY.map(_MEMBERS["region"]).to_numpy()),
               "clinician": _explained((_BY.map(_MEMBERS["stakeholder"]) == "clinician").to_numpy()),
               "years": _explained((_BY.map(_MEMBERS["years_in_community"]) <= 2).to_numpy())}
    _SPLIT_OPTION = {"region": 0, "clinician": 1, "years": 3}

    def _split_answer():
        strongest = max(_SPLITS, key=_SPLITS.get)
        return 2 if _SPLITS[strongest] < 0.2 else _SPLIT_OPTION[strongest]

    q7 = Prediction(
        "q7",
        prompt=f"Predict first. Members are split about influencing national and local policy: {(_POLICY <= 2).mean():.0%} "
               f"put it in their top two priorities and {(_POLICY >= 5).mean():.0%} in their bottom two. Where do you "
               "expect the line between the two camps to run?",
        options=[
            Option("Between regions: some regions put it near the top, others near the bottom", False,
                   "Tempting, because regions differ in much else. But a region's average hides its own members."),
            Option("Between clinicians and the members who are not clinicians", False,
                   "Professions often see policy differently, so this is a fair guess to test."),
            Option("Within every region: each region has members in both camps", False, ""),
            Option("Between newer members and those who have been in the community longer", False,
                   "Newcomers and old hands can want different things, so this is worth testing too."),
        ],
        answer=_split_answer,
        reveal=lambda: (f"knowing a member's region accounts for only {_SPLITS['region']:.0%} of how spread out the "
                        f"ranks of 'influence policy' are; knowing whether they are a clinician, "
                        f"{_SPLITS['clinician']:.0%}; whether they joined in the last two years, "
                        f"{_SPLITS['years']:.0%}. Inside every region the ranks are about as spread out as in the "
                        f"whole community (variance {_POLICY_SPREAD.min():.1f} to {_POLICY_SPREAD.max():.1f}, against "
                        f"{_DIVISIVE.variance:.1f} overall): both camps are everywhere."),
        hints=["If one group explained the split, that group's members would mostly agree with each other about it.",
               "The lesson's table shows the whole community's split; think about whether a region's members would "
               "agree among themselves."],
        explanation="The library groups members (by region, by profession, by time in the community) and measures "
                    "how much of the spread in the ranks each grouping accounts for: the share of the variance that "
                    "lies between the groups' averages rather than within the groups.",
        wrong_answers=[(0, "What the data show"), (1, "The result matches C")],
        why="When a split runs through every group, no group can be asked to settle it for the others: a leader "
            "brings people from both camps together, in every region.",
    )

    _RANKED_PRIORITIES = ("share_learning", "influence_policy", "peer_support", "spread_improvements")
    _SERVED = {p: _purpose.reasons_alignment(NET, [p]).share for p in _LABELS}
    _MEAN_RANK = RANKINGS[list(_LABELS)].mean()

    q8 = Ranking(
        "q8",
        prompt="Members' reasons for joining (learning from peers, getting support for a project, finding "
               "collaborators...) each serve some of the priorities. Rank these four priorities from the one that "
               "serves the most members' reasons for joining (first) to the fewest (last).",
        options=[_LABELS[p].capitalize() for p in _RANKED_PRIORITIES],
        values=lambda: [_SERVED[p] for p in _RANKED_PRIORITIES],
        descending=True,
        tolerance=0.01,
        describe=lambda value: f"{value:.0%} of members gave a reason for joining that it serves",
        note=lambda: (f"What members say the community is for and what they joined it for are not the same: they rank "
                      f"'{_LABELS['share_learning']}' first on average (mean rank {_MEAN_RANK['share_learning']:.1f}) "
                      f"and '{_LABELS['peer_support']}' near the bottom ({_MEAN_RANK['peer_support']:.1f}), yet peer "
                      "support serves the most reasons for joining. A purpose that leaves it out asks members for their "
                      "time and forgets what they came for."),
        hints=["Think of why people join an improvement community: to learn, to get help, to meet people, to share "
               "their own work.",
               "Several different reasons (learning from peers, support for a project, meeting people outside your "
               "organisation) all come back to one priority."],
        explanation="For each priority, the library counts the members who gave at least one reason for joining that "
                    "serves it (`purpose.reasons_alignment`, using the course's mapping of reasons to priorities) and "
                    "divides by all the members.",
        wrong_answers=[([0, 3, 1, 2], "wrong way round"), ([1, 0, 3, 2], "you put B above")],
        why="Reciprocity in numbers: the priorities that give members what they came for are the ones that keep them "
            "giving their time.",
    )

    _DECISION_PRIORITIES = [p for p in _LABELS if p != "partner_with_patients"]

    def _purpose_of(combo):
        return ["partner_with_patients", *[_DECISION_PRIORITIES[i] for i in combo]]

    def _left_out(combo):
        table = _purpose.reasons_alignment(NET, _purpose_of(combo)).by_reason
        left = table[~table["in_purpose"]].sort_values("members", ascending=False, kind="stable")
        if left.empty:
            return "Every reason members gave for joining is served by one of the three priorities."
        listed = "; ".join(f"'{reason}' ({count} members)" for reason, count in left["members"].items())
        return (f"Reasons for joining that this purpose does not serve: {listed}. A member counts once, however many "
                "of their reasons it serves, so two priorities that serve the same people add little.")

    q9 = Decision(
        "q9",
        prompt="The steering group has decided that the purpose will name **partnering with patients and citizens**, "
               "though no member gave it as a reason for joining. You can name **two** more priorities alongside it. "
               "Which two let the most members see a reason they joined for in the purpose?",
        options=[_LABELS[p].capitalize() for p in _DECISION_PRIORITIES],
        pick=2,
        consequence=lambda combo: _purpose.reasons_alignment(NET, _purpose_of(combo)).share,
        describe=lambda value: f"{value:.0%} of members gave at least one reason for joining that the purpose serves",
        tolerance=0.01,
        insight=_left_out,
        hints=["Members rank some priorities high, but the question is about their reasons for joining. Those are not "
               "the same thing.",
               "Pick two priorities that serve *different* members: one that serves learning and support, and one that "
               "serves people who came to find collaborators or share their work."],
        explanation="For each pair, the library names the three priorities in a purpose and counts the members with at "
                    "least one reason for joining that serves any of them (`purpose.reasons_alignment`). The best pair "
                    "reaches members whose reasons the other does not.",
        wrong_answers=[(["A", "B"], "The best choice, B and D"), (["D", "E"], "Reasons for joining that this purpose")],
        why="A purpose that leaders want (partnering with patients) can sit beside what members came for. Naming both "
            "is how a network asks for effort on something new while still giving members something back.",
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
    outline={"q1": "code", "q2": "code", "q3": "code", "q4": "code", "q5": "concept", "q6": "reflection",
             "q7": "prediction", "q8": "ranking", "q9": "decision"},
    build=_build,
)

progress = exercises.progress

coaching.enable()

# ``ex.q1``, ``ex.NET``...: built on first use, so importing this module computes nothing.
__getattr__ = exercises.module_attribute
