"""Scores per respondent and summaries per group, with small groups suppressed by default.

* :func:`score_respondents` - each respondent's score on each dimension: the mean of the items
  they answered, after turning reverse-keyed items round, or missing (with the reason) when too
  few items were answered.
* :func:`group_summary` - per group and dimension: how many, mean, median, SD, IQR, agreement
  (r_wg(J)), internal consistency (Cronbach's alpha) and the most and least agreed items.
* :func:`item_distribution` - how many chose each answer to each item (for the diverging bar chart).
* :func:`free_text` - the comments, shuffled and never attributed.

**Privacy by default.** Any summary of fewer than ``threshold`` respondents (5 unless you say
otherwise) is replaced by the words ``"suppressed: fewer than 5 respondents"``: no mean, no count,
nothing that could be traced to a person. Everything these functions publish from one set of
answers - each group's row on each dimension, the "(all)" rows, and the answer counts of each
item for everyone and for each group - is decided in one step by :func:`survey_plan`, using
:mod:`netlearn.disclosure`: a hidden figure must not be recoverable by subtracting shown ones
(everyone minus the other groups, everyone's answer counts minus a group's, or a dimension
rebuilt from its items when everyone answered every item), so further figures are hidden with
the words ``"suppressed: protects a smaller group"`` until none is. The decision depends only on
the answers, ``by``, ``threshold`` and ``min_answered``, so a summary and a chart made with the
same settings always agree. Free text comes without ids or groups, in a shuffled order that
depends only on the comments themselves.

>>> import pandas as pd
>>> from netlearn.diagnostics import read_responses
>>> frame = pd.DataFrame({"respondent": ["a", "b"], "fo1": [4, 2], "fo4": [2, None]})
>>> scores = score_respondents(read_responses(frame, "network_health_check"), min_answered=1)
>>> float(scores.loc["a", "form"])  # fo4 is reverse-keyed: 2 becomes 5 + 1 - 2 = 4; (4 + 4) / 2
4.0
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..agreement import cronbach_alpha, rwg, rwg_j
from ..disclosure import Publication, protect
from ..synthetic import StableRandom

__all__ = ["DEFAULT_THRESHOLD", "suppressed_text", "is_suppressed", "scored_answers", "score_respondents",
           "group_summary", "item_distribution", "free_text", "needed_items", "survey_plan", "SurveyPlan",
           "PROTECTS_TEXT"]

#: Summaries of fewer respondents than this are suppressed unless a function is told otherwise.
DEFAULT_THRESHOLD = 5
ALL = "(all)"
NO_GROUP = "(no group)"
_STATS = ("n", "mean", "median", "sd", "iqr", "rwg_j", "alpha", "most_agreed", "least_agreed")
#: The words in a cell hidden so that a smaller group's figures cannot be worked out from it.
PROTECTS_TEXT = "suppressed: protects a smaller group"


def suppressed_text(threshold=DEFAULT_THRESHOLD, what="respondents"):
    """The words that stand in for a suppressed figure.

    >>> suppressed_text(5)
    'suppressed: fewer than 5 respondents'
    """
    return f"suppressed: fewer than {threshold} {what}"


def is_suppressed(value):
    """True for a cell that holds the suppression words instead of a figure."""
    return isinstance(value, str) and value.startswith("suppressed")


def _check_threshold(threshold):
    if isinstance(threshold, bool) or not isinstance(threshold, (int, np.integer)) or threshold < 1:
        raise ValueError(f"threshold must be a whole number of respondents (1 or more); got {threshold!r}.")


def scored_answers(responses):
    """The answers with reverse-keyed items turned round (``max + min - x``), ready to add up.

    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> r = read_responses(pd.DataFrame({"respondent": ["a"], "st1": [2], "je1": [2]}), "curiosity_practice")
    >>> scored_answers(r).loc["a", ["st1", "je1"]].tolist()  # st1 reverse-keyed on 1-7: 7 + 1 - 2
    [6.0, 2.0]
    """
    frame = responses.answers.copy()
    scale = responses.instrument.scale
    for item in responses.instrument.rating_items:
        if item.reverse:
            frame[item.id] = scale.max + scale.min - frame[item.id]
    return frame


def needed_items(count, min_answered):
    """How many of ``count`` items must be answered for a score.

    ``min_answered`` is a share when it is a fraction (a float from 0 to 1: 0.5 = half, rounded
    up) and a number of items when it is a whole number (an int, capped at ``count``).

    >>> needed_items(6, 0.5), needed_items(7, 0.5), needed_items(4, 1.0), needed_items(4, 2), needed_items(3, 5)
    (3, 4, 4, 2, 3)
    """
    if isinstance(min_answered, bool):
        raise ValueError("min_answered must be a share (0 to 1, e.g. 0.5) or a number of items (e.g. 2).")
    if isinstance(min_answered, (int, np.integer)):
        if min_answered < 1:
            raise ValueError(f"min_answered={min_answered} items: at least 1 item is needed for a score.")
        return min(int(min_answered), count)
    share = float(min_answered)
    if not 0 < share <= 1:
        raise ValueError(f"min_answered={min_answered!r}: a share must be above 0 and at most 1.")
    return max(1, math.ceil(share * count - 1e-9))


def score_respondents(responses, *, min_answered=0.5):
    """Each respondent's score on each dimension, or the reason there is none.

    In words: turn reverse-keyed answers round (``max + min - x``), then average the answered
    items of each dimension. A dimension with fewer answered items than ``min_answered`` asks
    for gets no score (NaN) and the ``why`` column says so.

    Parameters
    ----------
    responses : Responses
        From :func:`~netlearn.diagnostics.read_responses`.
    min_answered : float or int
        The least a respondent must answer for a dimension score: a share of the dimension's
        items (a float; the default 0.5 means at least half, rounded up) or a number of items
        (an int).

    Returns
    -------
    DataFrame
        One row per respondent: ``group``, one column per dimension (the score), one
        ``<dimension>_answered`` column per dimension (items answered), and ``why`` ("" when every
        dimension has a score).

    Examples
    --------
    Two respondents answer the form items of the health check (six items, so three are
    needed). ``a`` answers fo1 = 4, fo2 = 5 and fo4 = 1; fo4 is reverse-keyed, so 1 counts as
    5 + 1 - 1 = 5, and the score is (4 + 5 + 5) / 3 = 4.67. ``b`` answers only two items, one
    short of three:

    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> frame = pd.DataFrame({"respondent": ["a", "b"], "fo1": [4, 3], "fo2": [5, 2], "fo4": [1, None]})
    >>> scores = score_respondents(read_responses(frame, "network_health_check"))
    >>> round(float(scores.loc["a", "form"]), 2), float(scores.loc["b", "form"])
    (4.67, nan)
    >>> scores.loc["b", "why"].split("; ")[-1]
    'form: 2 of 6 items answered, 3 needed'

    Notes
    -----
    For a network leader: a score from one answered item out of six says little, so the
    minimum rule leaves it out rather than letting it pull a group's average. Check the
    ``why`` column: many missing scores on one dimension may mean its questions were unclear or
    did not apply to some members.
    """
    instrument = responses.instrument
    values = scored_answers(responses)
    out = pd.DataFrame(index=values.index)
    out["group"] = responses.meta["group"]
    reasons = [[] for _ in range(len(values))]
    for dim in instrument.dimension_ids:
        ids = [i.id for i in instrument.items_of(dim)]
        block = values[ids]
        answered = block.notna().sum(axis=1)
        need = needed_items(len(ids), min_answered)
        score = block.mean(axis=1, skipna=True).where(answered >= need)
        out[dim] = score.astype(float)
        out[f"{dim}_answered"] = answered.astype(int)
        for k, count in enumerate(answered):
            if count < need:
                reasons[k].append(f"{dim}: {count} of {len(ids)} items answered, {need} needed")
    out["why"] = ["; ".join(r) for r in reasons]
    return out


def _group_labels(responses, by):
    if by is None:
        return None
    if by not in responses.meta.columns or by in ("file", "row"):
        raise ValueError(f"by={by!r}: answers can be grouped by 'group' or 'table' (or None for no groups).")
    if not (responses.meta[by] != "").any():
        return None  # nobody has a group: summarise everyone together only
    return responses.meta[by].map(lambda g: g if g else NO_GROUP).astype(object)


class SurveyPlan:
    """What may be shown from one set of answers: see :func:`survey_plan`.

    ``labels`` (each respondent's group, or None without groups), ``groups`` (in display order)
    and ``protection`` (a :class:`netlearn.disclosure.Protection` over the cells
    ``("dimension", group, dimension_id)`` and ``("item", group, item_id)``, with ``"(all)"`` for
    everyone).
    """

    def __init__(self, labels, groups, publication, protection):
        self.labels, self.groups, self.publication, self.protection = labels, groups, publication, protection

    def reason(self, kind, group, ident):
        """``"primary"``, ``"secondary"`` or ``""`` for the cell (``kind`` is "dimension" or "item")."""
        return self.protection.reason((kind, group, ident))

    def hidden(self, kind, group, ident):
        """True when that group's figures on that dimension or item must not be shown."""
        return self.protection.hidden((kind, group, ident))


def survey_plan(responses, *, by="group", threshold=DEFAULT_THRESHOLD, min_answered=0.5):
    """Decide, once, which group and dimension figures and which answer counts may be shown.

    In words: every figure the diagnostics publish from these answers becomes a cell of one
    :class:`netlearn.disclosure.Publication` - each group's (and everyone's) respondents with a
    score on each dimension, and their answers to each rating item. The relations a reader can
    see are added: everyone = the sum of the groups (per dimension and per item) and, for a
    group in which every respondent answered all or none of a dimension's items, ``k x`` the
    dimension's total score = the sum of its ``k`` items' totals (so a dimension can be rebuilt
    from its items' answer counts). :func:`netlearn.disclosure.protect` then suppresses cells of
    1 to ``threshold - 1`` respondents and, where one could still be worked out, further cells.

    Parameters
    ----------
    responses : Responses
    by, threshold, min_answered
        As for :func:`group_summary`.

    Returns
    -------
    SurveyPlan

    Examples
    --------
    Groups of 6 and 20; only 4 of the 6 answered the "purpose" items. Their purpose figures are
    hidden, and so are the 20's (else everyone minus the 20 gives the 4), but everyone's are
    shown:

    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> frame = pd.DataFrame({"respondent": [f"r{k}" for k in range(26)], "group": ["x"] * 6 + ["y"] * 20,
    ...                       "pu1": [4, 2, 3, 5, None, None] + [4] * 20, "fo1": [3] * 26})
    >>> plan = survey_plan(read_responses(frame, "network_health_check"), min_answered=1)
    >>> [plan.reason("dimension", g, "purpose") for g in ("(all)", "x", "y")]
    ['', 'primary', 'secondary']
    >>> [plan.reason("dimension", g, "form") for g in ("(all)", "x", "y")]
    ['', '', '']
    """
    _check_threshold(threshold)
    instrument = responses.instrument
    labels = _group_labels(responses, by)
    groups = sorted(labels.value_counts().index, key=lambda g: (g == NO_GROUP, str(g))) if labels is not None else []
    scores = score_respondents(responses, min_answered=min_answered)
    answers = responses.answers
    masks = [(ALL, np.ones(len(answers), dtype=bool))] + [(g, (labels == g).to_numpy()) for g in groups]
    pub = Publication(int(threshold))
    rating = {item.id for item in instrument.rating_items}
    for dim in instrument.dimension_ids:
        items = [i.id for i in instrument.items_of(dim) if i.id in rating]
        present = answers.reindex(columns=items).notna().to_numpy()
        answered = present.sum(axis=1)
        has_score = scores[dim].notna().to_numpy()
        for group, mask in masks:
            dim_key = pub.add(("dimension", group, dim), int(has_score[mask].sum()), total=group == ALL)
            per_item = present[mask].sum(axis=0)
            item_keys = [pub.add(("item", group, i), int(n), total=group == ALL) for i, n in zip(items, per_item)]
            if items and np.isin(answered[mask], (0, len(items))).all():  # all-or-none: the items rebuild it
                pub.add_relation({dim_key: len(items), **{key: -1 for key in item_keys}})
        if groups:
            pub.add_sum(("dimension", ALL, dim), [("dimension", g, dim) for g in groups])
            for i in items:
                pub.add_sum(("item", ALL, i), [("item", g, i) for g in groups])
    return SurveyPlan(labels, groups, pub, protect(pub))


def _dimension_stats(scores, scored, items, points):
    """The figures for one dimension in one group (no suppression here)."""
    valid = scores.dropna()
    n = len(valid)
    row = {"n": n, "mean": float(valid.mean()) if n else math.nan,
           "median": float(valid.median()) if n else math.nan,
           "sd": float(valid.std(ddof=1)) if n > 1 else math.nan,
           "iqr": float(valid.quantile(0.75) - valid.quantile(0.25)) if n else math.nan,
           "rwg_j": math.nan, "alpha": math.nan, "most_agreed": "", "least_agreed": ""}
    notes = []
    complete = scored[items].dropna()
    if len(complete) >= 2:
        row["rwg_j"] = rwg_j(complete, points)
        if len(items) >= 2:
            try:
                row["alpha"] = cronbach_alpha(complete)
            except ValueError:
                notes.append("alpha undefined: every complete answer set has the same total")
    else:
        notes.append("fewer than 2 respondents answered every item, so no r_wg(J) or alpha")
    per_item = {}
    for item in items:
        answered = scored[item].dropna()
        if len(answered) >= 2:
            per_item[item] = rwg(answered, points, truncate=False)
    if per_item:
        order = sorted(per_item, key=lambda i: (-per_item[i], items.index(i)))
        row["most_agreed"], row["least_agreed"] = order[0], order[-1]
    return row, notes


def group_summary(responses, *, by="group", threshold=DEFAULT_THRESHOLD, min_answered=0.5, include_all=True):
    """Per group and dimension: size, centre, spread, agreement and consistency - small groups suppressed.

    In words: for every group (and for everyone, as ``"(all)"``) and every dimension, the number
    of respondents with a score, their mean, median, standard deviation and interquartile range,
    r_wg(J) (James, Demaree & Wolf 1984: how far the group's members give the same answers to
    the dimension's items, 0 to 1), Cronbach's alpha (Cronbach 1951: whether the items hang
    together), and the items on which the group agrees most and least (highest and lowest r_wg).
    Agreement and alpha use the respondents who answered every item of the dimension, with
    reverse-keyed items turned round.

    Parameters
    ----------
    responses : Responses
    by : {"group", "table", None}
        Which column defines the groups; None (or a column nobody filled in) summarises everyone
        together only. Respondents with a blank group form the group ``"(no group)"``.
    threshold : int
        A group with fewer respondents than this (default 5) is suppressed: every figure in its
        rows, the count included, is replaced by ``"suppressed: fewer than 5 respondents"``. A
        dimension that fewer than ``threshold`` respondents of a group could be scored on is
        suppressed in the same way. Where a suppressed row could be worked out from the others
        (``"(all)"`` minus the groups shown, or the group's answer counts from
        :func:`item_distribution`), another row of the same dimension is suppressed too
        (``"suppressed: protects a smaller group"``): see :func:`survey_plan`.
    min_answered : float or int
        As for :func:`score_respondents`.
    include_all : bool
        Add the ``"(all)"`` rows (first). Suppression is decided as if they were shown, since
        everyone's figures are usually published somewhere else.

    Returns
    -------
    DataFrame
        One row per group and dimension: ``group``, ``dimension``, ``n``, ``mean``, ``median``,
        ``sd``, ``iqr``, ``rwg_j``, ``alpha``, ``most_agreed``, ``least_agreed`` and ``note``
        (why a figure is missing or suppressed). Columns hold objects, since a suppressed cell
        holds words.

    Examples
    --------
    Seven respondents in two groups answer three function items (fu1, fu2, fu3; none
    reverse-keyed); a score needs all three here. With a threshold of 3 the group of two is
    suppressed, and so is the group of five, which would otherwise give the two away by
    subtraction from the total. The seven scores are 4, 4.33, 5, 4.67, 4, 2.33, 2.33; their mean
    is 26.67 / 7 = 3.81:

    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> frame = pd.DataFrame({"respondent": list("abcdefg"), "group": ["x"] * 5 + ["y"] * 2,
    ...                       "fu1": [4, 4, 5, 5, 4, 2, 3], "fu2": [4, 4, 5, 5, 4, 2, 2],
    ...                       "fu3": [4, 5, 5, 4, 4, 3, 2]})
    >>> summary = group_summary(read_responses(frame, "network_health_check"), threshold=3, min_answered=3)
    >>> for row in summary[summary["dimension"] == "function"].itertuples():
    ...     print(row.group, row.n, row.mean if isinstance(row.mean, str) else round(row.mean, 2))
    (all) 7 3.81
    x suppressed: protects a smaller group suppressed: protects a smaller group
    y suppressed: fewer than 3 respondents suppressed: fewer than 3 respondents

    Notes
    -----
    For a network leader: read agreement before averages. A group mean of 3 can mean that
    everyone is lukewarm or that half love the network and half are giving up on it; r_wg(J)
    near 1 says the former, near 0 the latter, and the least agreed item is where to start the
    conversation. Suppression is a floor, not a guarantee of anonymity: in a small network even
    a group of six may be recognisable, so think before slicing results by more than one
    attribute.
    """
    _check_threshold(threshold)
    instrument = responses.instrument
    plan = survey_plan(responses, by=by, threshold=threshold, min_answered=min_answered)
    scored = scored_answers(responses)
    scores = score_respondents(responses, min_answered=min_answered)
    points = instrument.scale.points
    labels, groups = plan.labels, plan.groups
    everyone = pd.Series(True, index=responses.answers.index)
    rows_for = ([(ALL, everyone)] if include_all or labels is None else []) + [(g, labels == g) for g in groups]
    rows = []
    for group, mask in rows_for:
        size = int(mask.sum())
        for dim in instrument.dimension_ids:
            row = {"group": group, "dimension": dim}
            if size < threshold:
                row.update({s: suppressed_text(threshold) for s in _STATS})
                row["note"] = f"fewer than {threshold} respondents in the group"
            elif plan.reason("dimension", group, dim) == "secondary":
                row.update({s: PROTECTS_TEXT for s in _STATS})
                row["note"] = ("suppressed so that a smaller group's figures cannot be worked out from the total "
                               "or from other tables")
            else:
                items = [i.id for i in instrument.items_of(dim)]
                figures, notes = _dimension_stats(scores.loc[mask, dim], scored.loc[mask], items, points)
                if figures["n"] < threshold:
                    row.update({s: suppressed_text(threshold) for s in _STATS})
                    row["note"] = f"fewer than {threshold} respondents answered enough items for a score"
                else:
                    row.update(figures)
                    row["note"] = "; ".join(notes)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=["group", "dimension", *_STATS, "note"])
    for column in _STATS:
        frame[column] = frame[column].astype(object)
    return frame


def item_distribution(responses, *, threshold=DEFAULT_THRESHOLD, group=None, by="group", min_answered=0.5):
    """How many respondents chose each point of the scale, per rating item, as given (not reversed).

    Parameters
    ----------
    responses : Responses
    threshold : int
        Items answered by fewer respondents than this are left out (their ids are listed in
        ``result.attrs["suppressed"]``), and so are items whose counts, taken from everyone's,
        would give such a small set of answers away (or rebuild a suppressed dimension of
        :func:`group_summary`): the decision is :func:`survey_plan`'s, made over every group at
        once, so asking for one group or for everyone gives counts that never combine into a
        hidden one. Items nobody answered (or that the file has no column for) have nothing to
        show and are listed in ``result.attrs["unanswered"]``.
    group : str, optional
        Only this group's respondents (the ``by`` column).
    by : str
        The column that defines the groups (``"group"`` or ``"table"``).
    min_answered : float or int
        As for :func:`group_summary`; use the same value there so that the two agree.

    Returns
    -------
    DataFrame
        One row per item, in the instrument's order: one column per scale point (counts),
        ``n`` (answers), ``reverse`` and ``wording``.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> r = read_responses(pd.DataFrame({"respondent": list("abcde"), "pu1": [5, 4, 4, 2, None]}),
    ...                    "network_health_check")
    >>> item_distribution(r, threshold=3).loc["pu1", [1, 2, 3, 4, 5, "n"]].tolist()
    [0, 1, 0, 2, 1, 4]

    Notes
    -----
    For a network leader: the distribution shows what an average hides - a split between the
    two ends of the scale, or a crowd in the middle.
    """
    _check_threshold(threshold)
    plan = survey_plan(responses, by=by, threshold=threshold, min_answered=min_answered)
    cell = ALL
    if group is not None:
        cell = NO_GROUP if group == "" else group
        responses = responses.subset(responses.meta[by] == ("" if group == NO_GROUP else group))
    instrument = responses.instrument
    points = instrument.scale.points
    rows, hidden, unanswered = [], [], []
    for item in instrument.rating_items:
        answers = responses.answers[item.id].dropna() if item.id in responses.answers else pd.Series(dtype=float)
        if len(answers) == 0:
            unanswered.append(item.id)
            continue
        if len(answers) < threshold or plan.hidden("item", cell, item.id):
            hidden.append(item.id)
            continue
        counts = answers.astype(int).value_counts()
        row = {p: int(counts.get(p, 0)) for p in points}
        row.update({"id": item.id, "n": int(len(answers)), "reverse": item.reverse, "wording": item.wording})
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["id", *points, "n", "reverse", "wording"]).set_index("id")
    frame.attrs["suppressed"] = hidden
    frame.attrs["unanswered"] = unanswered
    frame.attrs["threshold"] = threshold
    frame.attrs["scale"] = instrument.scale
    return frame


def free_text(responses, *, seed=0, threshold=DEFAULT_THRESHOLD):
    """The free-text answers, never attributed: no respondent ids, no groups, shuffled order.

    Parameters
    ----------
    responses : Responses
    seed : int
        The comments of each question are put in alphabetical order and then shuffled with this
        seed, so the order never follows the file (which could follow who answered first) and
        is the same every time.
    threshold : int
        If fewer respondents than this answered a question, its comments are withheld (one row
        says so), since with so few a comment is easy to attribute.

    Returns
    -------
    DataFrame
        ``question`` (item id), ``wording`` and ``comment``.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> frame = pd.DataFrame({"respondent": list("abcdef"), "group": ["x"] * 6,
    ...                       "tx1": ["More time", "Fewer emails", "", "Better notes", "A newsletter",
    ...                               "Meet in person"]})
    >>> comments = free_text(read_responses(frame, "network_health_check"))
    >>> sorted(comments["comment"])
    ['A newsletter', 'Better notes', 'Fewer emails', 'Meet in person', 'More time']
    >>> list(comments.columns)
    ['question', 'wording', 'comment']

    Notes
    -----
    For a network leader: comments are often the most useful part of a survey and the easiest
    to trace back to a person. Read them with the group, never quote one with a name or a role
    attached, and take out details (a named colleague, a rare job title) before sharing.
    """
    _check_threshold(threshold)
    rng = StableRandom(seed)
    rows = []
    for item in responses.instrument.text_items:
        comments = sorted(c.strip() for c in responses.text[item.id] if isinstance(c, str) and c.strip())
        if not comments:
            continue
        if len(comments) < threshold:
            rows.append({"question": item.id, "wording": item.wording,
                         "comment": suppressed_text(threshold, "respondents answered this question")})
            continue
        rng.shuffle(comments)
        rows.extend({"question": item.id, "wording": item.wording, "comment": c} for c in comments)
    return pd.DataFrame(rows, columns=["question", "wording", "comment"])
