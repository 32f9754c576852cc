"""Seeded synthetic answers to the course's diagnostic instruments: tables only, no files.

* :func:`make_matrix_workshop` - a maturity-matrix workshop: five tables of four to eight
  members, each member's current and target level on every dimension, with some disagreement
  within tables and some tables marking their priorities.
* :func:`make_health_check` - 120 members answering the health-check survey, in five role
  groups (one with only four people, so that suppression shows), with gaps and free-text comments.
* :func:`make_curiosity` - 60 course participants answering the curiosity practice items.

``scripts/build_response_datasets.py`` writes them to ``datasets/responses/``. As in
:mod:`netlearn.synthetic`, every random number comes from :meth:`random.Random.random` through
:class:`netlearn.synthetic.StableRandom`, so a seed gives the same bytes on every Python version. No
person exists behind these rows: ids are codes, groups are broad roles, and every comment was
written for the course as an example of what members might say.

>>> tables = make_matrix_workshop()
>>> sorted(tables["table"].unique())
['Table 1', 'Table 2', 'Table 3', 'Table 4', 'Table 5']
"""

from __future__ import annotations

import math

import pandas as pd

from .diagnostics.instruments import load_instrument
from .synthetic.draws import StableRandom

__all__ = ["make_matrix_workshop", "make_health_check", "make_curiosity", "HEALTH_CHECK_GROUPS",
           "SEED_MATRIX", "SEED_HEALTH_CHECK", "SEED_CURIOSITY"]

SEED_MATRIX = 2024
SEED_HEALTH_CHECK = 2025
SEED_CURIOSITY = 2018

#: Role groups of the synthetic health check and how many respondents each has (one below 5).
HEALTH_CHECK_GROUPS = (("clinician", 38), ("manager", 31), ("improvement specialist", 27),
                       ("commissioner", 20), ("patient or carer", 4))

# Where the synthetic network stands on each matrix dimension (the room's typical level), and
# how far tables wander from it: a young network, clearer about purpose than about impact.
_MATRIX_BASE = {"purpose": 3.0, "membership": 2.4, "relationships": 3.1, "leadership": 2.2, "reciprocity": 2.6,
                "governance": 2.0, "learning": 2.5, "impact": 1.6}
_TABLE_SIZES = (6, 5, 8, 4, 7)

# Dimension means of the health check on the "healthy" direction, and shifts per group.
_HEALTH_BASE = {"purpose": 3.5, "function": 3.3, "form": 2.9}
_HEALTH_GROUP_SHIFT = {
    "clinician": {"purpose": 0.0, "function": 0.1, "form": -0.2},
    "manager": {"purpose": 0.2, "function": -0.1, "form": 0.2},
    "improvement specialist": {"purpose": 0.3, "function": 0.4, "form": 0.1},
    "commissioner": {"purpose": -0.2, "function": -0.4, "form": 0.0},
    "patient or carer": {"purpose": -0.6, "function": -0.2, "form": -0.5},
}
# Items whose answers lean away from their dimension's mean (on the healthy direction).
_ITEM_SHIFT = {"pu1": 0.4, "pu5": -0.7, "pu6": -0.3, "fu1": 0.5, "fu3": 0.2, "fu5": 0.3, "fu6": -0.3,
               "fu7": -0.5, "fo1": -0.6, "fo4": -0.9, "fo5": -0.4, "fo6": 0.2}

# Comments written for the course: invented, varied, and free of names and identifying details.
_CHANGE_COMMENTS_CRITICAL = (
    "Fewer presentations and more time to actually talk to each other.",
    "Hold some meetings outside office hours; clinics make the daytime slots impossible for me.",
    "Be clearer about what the network is for - I still could not explain it to my team.",
    "Stop relying on the same two people to organise everything.",
    "Tell us what happened to the ideas from the last workshop.",
    "A simple directory of who is working on what would save a lot of emails.",
    "Involve people who use services from the start, not once the plan is written.",
    "Shorter notes after meetings, with the actions at the top.",
    "Some sessions in the north of the patch; the travel rules most of us out.",
    "Less about national policy, more about what we can change locally.",
    "A named person to welcome newcomers - I sat at the back for three meetings before anyone spoke to me.",
    "More honesty about projects that did not work.",
    "Agree two or three priorities and stick with them for a year.",
    "Protected time: my manager sees this as a nice-to-have.",
    "Fewer online sessions in a row; screen fatigue is real.",
    "Share the budget decisions openly.",
)
_CHANGE_COMMENTS_WARM = (
    "Keep the small-group sessions - they are the most useful part.",
    "More of the peer visits, they taught me more than any training course.",
    "A chance to shadow members in other organisations.",
    "Pair new members with someone who has been around for a while.",
    "Short case studies from members that I can share with my team.",
    "A regular slot for people to bring a problem and get ideas.",
    "Run the data clinic again; it helped us fix our run charts.",
    "Invite social care colleagues more often.",
    "An online space where questions get answered between meetings.",
    "Keep meeting in different places so we see each other's services.",
    "Help with writing up our work so others can reuse it.",
    "Space at the end of each meeting to agree who will follow up what.",
    "Recognise the time carers and patients give, perhaps with paid sessions.",
    "A mix of face-to-face and online, as now, but with the dates agreed further ahead.",
    "Celebrate small wins more - it keeps people going.",
    "Link us up with similar networks elsewhere in the country.",
)
_ANYTHING_ELSE_COMMENTS = (
    "Thank you for keeping this going when things have been so stretched.",
    "I joined recently and have already found two people working on the same problem as me.",
    "It sometimes feels like a club for people who already know each other.",
    "The network made it possible for us to test the new discharge checklist.",
    "Please do not let this turn into another reporting requirement.",
    "I value the honesty in the room more than anything else.",
    "I am not sure my organisation knows I am part of this.",
    "The workshop on failure was the best session I have been to in years.",
    "Could the survey be shorter next time?",
    "Some of us feel talked at rather than listened to.",
    "It would help to know who makes the decisions about funding.",
    "As a carer I feel welcome, but the jargon is hard going.",
    "Good energy, but I worry about what happens when the current lead moves on.",
    "Please keep the evening sessions.",
    "More than anything I need permission from my own organisation to take part.",
    "I have learned a lot from colleagues in primary care through this.",
)


def _clamp_round(value, low, high):
    """Round half up to a whole point, then keep it on the scale."""
    return int(min(high, max(low, math.floor(value + 0.5))))


def make_matrix_workshop(seed=SEED_MATRIX, instrument="network_maturity_matrix"):
    """A maturity-matrix workshop: five tables of 4 to 8 members, current and target levels on each dimension.

    How it is drawn: the room has a typical level per dimension (``_MATRIX_BASE``); each table
    sees the network a little differently (a shift drawn for each table and dimension, standard
    deviation 0.45), and each member differs again, rounded to a level from 1 to 5. On about
    three in ten of a table's dimensions the picture is clear to everyone (member standard
    deviation 0.2, so the table usually agrees); on the rest it is not (0.7), so tables disagree
    by a level or two, sometimes three. Each member's
    target is their current level plus 1 or 2 (more often 1), at most 5. Tables 1, 3 and 4 mark
    the two or three dimensions with their largest average gap as priorities (on every member's
    row); tables 2 and 5 leave the priority column blank. Two members leave one dimension
    unscored (blank current and target), as happens in a real room.

    Parameters
    ----------
    seed : int
    instrument : Instrument or str
        The matrix whose dimensions are used (default: the course's own).

    Returns
    -------
    DataFrame
        Long format: ``table``, ``member``, ``dimension``, ``current``, ``target``, ``priority``
        (yes, no or blank), sorted by table, member and the matrix's dimension order.

    Examples
    --------
    >>> workshop = make_matrix_workshop()
    >>> workshop.groupby("table")["member"].nunique().tolist()
    [6, 5, 8, 4, 7]
    >>> workshop.equals(make_matrix_workshop())
    True
    """
    instrument = instrument if hasattr(instrument, "dimension_ids") else load_instrument(instrument)
    rng = StableRandom(seed)
    low, high = instrument.scale.min, instrument.scale.max
    dims = instrument.dimension_ids
    rows = []
    blanks = {("Table 2", 3, "impact"), ("Table 5", 6, "governance")}
    for number, size in enumerate(_TABLE_SIZES, start=1):
        table = f"Table {number}"
        shift = {d: rng.gauss(0, 0.45) for d in dims}
        clear = {d: rng.random() < 0.3 for d in dims}
        members = []
        for k in range(1, size + 1):
            member = {"id": f"t{number}-m{k}"}
            for d in dims:
                spread = 0.2 if clear[d] else 0.7
                current = _clamp_round(_MATRIX_BASE.get(d, 2.5) + shift[d] + rng.gauss(0, spread), low, high)
                step = 1 if rng.random() < 0.65 else 2
                member[d] = (current, min(high, current + step))
            members.append(member)
        marks = number in (1, 3, 4)
        chosen = set()
        if marks:
            gaps = {d: sum(m[d][1] - m[d][0] for m in members) / size for d in dims}
            how_many = 2 + (rng.random() < 0.5)
            chosen = set(sorted(dims, key=lambda d: (-gaps[d], dims.index(d)))[:how_many])
        for k, member in enumerate(members, start=1):
            for d in dims:
                current, target = member[d]
                if (table, k, d) in blanks:
                    current = target = None
                rows.append({"table": table, "member": member["id"], "dimension": d,
                             "current": current, "target": target,
                             "priority": ("yes" if d in chosen else "no") if marks else ""})
    frame = pd.DataFrame(rows, columns=["table", "member", "dimension", "current", "target", "priority"])
    for column in ("current", "target"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _pick_comment(rng, pools, used):
    """A comment not used yet, from the first pool that has one left (None when all are used)."""
    for pool in pools:
        left = [c for c in pool if c not in used]
        if left:
            choice = left[min(int(rng.random() * len(left)), len(left) - 1)]
            used.add(choice)
            return choice
    return None


def make_health_check(seed=SEED_HEALTH_CHECK, instrument="network_health_check"):
    """120 members' answers to the health-check survey, in five role groups, with gaps and comments.

    How it is drawn: each respondent has a general warmth towards the network (standard
    deviation 0.55) added to their group's mean for each dimension (``_HEALTH_BASE`` plus
    ``_HEALTH_GROUP_SHIFT``: patients and carers, for example, feel less part of the purpose);
    each item adds its own lean (``_ITEM_SHIFT``) and noise (standard deviation 0.8), and the
    result is rounded to the 1-5 scale. Reverse-keyed items store the turned-round answer (a
    healthy network *disagrees* that it depends on one or two people). About 4% of answers are
    left blank at random; six respondents stop before the form questions, and four more answer
    only two of the six form items, so their form score is missing under the default half rule.
    About a quarter write a comment on what would make the network more useful (critical ones
    from cooler respondents, appreciative ones from warmer respondents) and about one in eight
    add something else; no comment is used twice.

    Parameters
    ----------
    seed : int
    instrument : Instrument or str

    Returns
    -------
    DataFrame
        ``respondent`` (hc001 to hc120, in a shuffled order that says nothing about the person),
        ``group`` (one of :data:`HEALTH_CHECK_GROUPS`), one column per rating item (Int64, blank =
        not answered) and one per free-text item ("" = no comment).

    Examples
    --------
    >>> survey = make_health_check()
    >>> len(survey), survey["group"].value_counts()["patient or carer"]
    (120, np.int64(4))
    """
    instrument = instrument if hasattr(instrument, "dimension_ids") else load_instrument(instrument)
    rng = StableRandom(seed)
    scale = instrument.scale
    groups = [g for g, size in HEALTH_CHECK_GROUPS for _ in range(size)]
    rng.shuffle(groups)
    form_items = [i.id for i in instrument.items_of("form")] if "form" in instrument.dimension_ids else []
    stop_early = set(rng.sample(range(len(groups)), 6))
    partial_form = set(rng.sample([k for k in range(len(groups)) if k not in stop_early], 4))
    used = set()
    rows = []
    for k, group in enumerate(groups):
        warmth = rng.gauss(0, 0.55)
        row = {"respondent": f"hc{k + 1:03d}", "group": group}
        keep_form = set(rng.sample(form_items, 2)) if k in partial_form else None
        for item in instrument.rating_items:
            mean = _HEALTH_BASE.get(item.dimension, 3.0) + _HEALTH_GROUP_SHIFT.get(group, {}).get(item.dimension, 0.0)
            healthy = _clamp_round(mean + warmth + _ITEM_SHIFT.get(item.id, 0.0) + rng.gauss(0, 0.8),
                                   scale.min, scale.max)
            answer = scale.reverse(healthy) if item.reverse else healthy
            blank = rng.random() < 0.04
            if k in stop_early and item.id in form_items:
                blank = True
            if keep_form is not None and item.id in form_items and item.id not in keep_form:
                blank = True
            row[item.id] = None if blank else answer
        texts = instrument.text_items
        if texts:
            first_pools = ((_CHANGE_COMMENTS_CRITICAL, _CHANGE_COMMENTS_WARM) if warmth < 0
                           else (_CHANGE_COMMENTS_WARM, _CHANGE_COMMENTS_CRITICAL))
            row[texts[0].id] = (_pick_comment(rng, first_pools, used) or "") if rng.random() < 0.25 else ""
            for extra in texts[1:]:
                row[extra.id] = (_pick_comment(rng, (_ANYTHING_ELSE_COMMENTS,), used) or "") \
                    if rng.random() < 0.13 else ""
        rows.append(row)
    columns = ["respondent", "group", *[i.id for i in instrument.items]]
    frame = pd.DataFrame(rows, columns=columns)
    for item in instrument.rating_items:
        frame[item.id] = frame[item.id].astype("Int64")
    return frame


def make_curiosity(seed=SEED_CURIOSITY, instrument="curiosity_practice", n=60):
    """``n`` course participants' answers to the curiosity practice items (1 to 7), in three cohorts.

    How it is drawn: each participant has a level on each of the five dimensions (mean 4.6 for
    joyous exploration, 4.4 for deprivation sensitivity, 4.0 for stress tolerance, 4.8 for
    social curiosity, 3.4 for thrill seeking; standard deviation 1.0), and each item adds
    noise (standard deviation 0.9), rounded to the scale. Stress-tolerance items are worded as
    difficulties, so the stored answer is the turned-round value (someone tolerant of
    uncertainty says the difficulty is not like them). About 2% of answers are blank.

    Parameters
    ----------
    seed : int
    instrument : Instrument or str
    n : int
        Number of participants (three cohorts of as equal a size as possible).

    Returns
    -------
    DataFrame
        ``respondent`` (cu01 ...), ``group`` (cohort 1 to 3) and one Int64 column per item.

    Examples
    --------
    >>> answers = make_curiosity()
    >>> answers.shape, sorted(answers["group"].unique())
    ((60, 22), ['cohort 1', 'cohort 2', 'cohort 3'])
    """
    instrument = instrument if hasattr(instrument, "dimension_ids") else load_instrument(instrument)
    rng = StableRandom(seed)
    scale = instrument.scale
    means = {"joyous_exploration": 4.6, "deprivation_sensitivity": 4.4, "stress_tolerance": 4.0,
             "social_curiosity": 4.8, "thrill_seeking": 3.4}
    rows = []
    for k in range(n):
        level = {d: rng.gauss(means.get(d, 4.0), 1.0) for d in instrument.dimension_ids}
        row = {"respondent": f"cu{k + 1:02d}", "group": f"cohort {k * 3 // n + 1}"}
        for item in instrument.rating_items:
            value = _clamp_round(level[item.dimension] + rng.gauss(0, 0.9), scale.min, scale.max)
            answer = scale.reverse(value) if item.reverse else value
            row[item.id] = None if rng.random() < 0.02 else answer
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["respondent", "group", *[i.id for i in instrument.rating_items]])
    for item in instrument.rating_items:
        frame[item.id] = frame[item.id].astype("Int64")
    return frame
