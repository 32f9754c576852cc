"""The network's priorities as data: their plain-word labels, the course's mapping from reasons
for joining to the priorities they serve, and members' rankings read from a network or a table.

These are shared by :mod:`netlearn.purpose.groups` (agreement on the order of priorities) and
:mod:`netlearn.purpose.reasons` (whether reasons for joining serve a purpose).
"""

from __future__ import annotations

import difflib

import pandas as pd

from ..errors import DataError, MeasureError

__all__ = ["PRIORITY_LABELS", "REASONS_TO_PRIORITIES", "reason_mapping_table", "top_priorities"]


# =========================================================================== priorities and reasons

#: The six purposes members of the q_community dataset rank, in plain words.
PRIORITY_LABELS = {
    "share_learning": "share learning about what works",
    "spread_improvements": "spread proven improvements",
    "build_skills": "build improvement skills",
    "peer_support": "offer peer support",
    "influence_policy": "influence national and local policy",
    "partner_with_patients": "partner with patients and citizens",
}


#: The course's own reading of which priorities each reason for joining serves. It is a judgement,
#: kept as data so you can disagree with it: pass your own dict as ``mapping=``. No reason on the
#: q_community list serves "partner with patients and citizens", which is itself worth discussing.
REASONS_TO_PRIORITIES = {
    "learn from peers": ("share_learning", "peer_support"),
    "find collaborators": ("spread_improvements",),
    "share my work": ("share_learning", "spread_improvements"),
    "develop my skills": ("build_skills",),
    "get support for a project": ("peer_support",),
    "influence the wider system": ("influence_policy",),
    "meet people outside my organisation": ("peer_support",),
}


def reason_mapping_table(mapping=None):
    """The mapping from reasons for joining to priorities, one row per reason, to read or print.

    ``serves`` lists the priorities' names as the rankings table spells them (see
    :data:`PRIORITY_LABELS` for their plain-word labels).

    >>> reason_mapping_table().loc["learn from peers", "serves"]
    'share_learning; peer_support'
    """
    mapping = REASONS_TO_PRIORITIES if mapping is None else mapping
    rows = [{"reason": reason, "serves": "; ".join(priorities) or "(none)"} for reason, priorities in mapping.items()]
    return pd.DataFrame(rows).set_index("reason")


def rankings_frame(rankings):
    """Members' rankings as a table: a Network's ``purpose_rankings`` table, or the DataFrame given."""
    if hasattr(rankings, "tables") and hasattr(rankings, "members"):      # a Network
        if "purpose_rankings" not in rankings.tables:
            raise DataError(f"The network '{rankings.name}' has no purpose_rankings table.",
                            fix="Use a network with members' rankings of its priorities, e.g. "
                                "netlearn.load_dataset('q_community').")
        rankings = rankings.tables["purpose_rankings"]
    if not isinstance(rankings, pd.DataFrame):
        raise MeasureError(f"The rankings must be a table (a DataFrame) with one row per member; got "
                           f"{type(rankings).__name__}.")
    return rankings


def top_priorities(rankings, k=3, *, id_column="member_id"):
    """The ``k`` priorities with the best (lowest) mean rank: what members put first on average.

    Ties in mean rank are broken by the priority's name, so the answer is always the same.

    >>> import pandas as pd
    >>> ranks = pd.DataFrame({"member_id": ["a", "b"], "learn": [1, 2], "spread": [2, 1], "lobby": [3, 3]})
    >>> top_priorities(ranks, k=2)
    ['learn', 'spread']
    """
    rankings = rankings_frame(rankings)
    items = rankings.drop(columns=[id_column]) if id_column in rankings.columns else rankings
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= items.shape[1]:
        raise MeasureError(f"k must be a whole number from 1 to {items.shape[1]} (the number of priorities); "
                           f"got {k!r}.")
    means = items.apply(pd.to_numeric, errors="coerce").mean()
    order = sorted(means.index, key=lambda item: (means[item], str(item)))
    return [str(item) for item in order[:k]]


def members_frame(members):
    """The members table of a Network, or the DataFrame given (anything else is a clear error)."""
    if hasattr(members, "members") and isinstance(getattr(members, "members"), pd.DataFrame):
        return members.members
    if not isinstance(members, pd.DataFrame):
        raise MeasureError(f"members must be a Network or its members table (a DataFrame); got "
                           f"{type(members).__name__}.")
    return members


def subset_ids(members, attribute, value):
    """Ids of members whose ``attribute`` equals ``value`` (with clear errors)."""
    if attribute not in members.columns:
        raise MeasureError(f"Members have no {attribute!r} column; their columns are: "
                           f"{', '.join(map(str, members.columns))}.")
    values = sorted({str(v) for v in members[attribute].dropna()})
    if str(value) not in values:
        close = difflib.get_close_matches(str(value), values, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise MeasureError(f"No member has {attribute} {value!r}.{hint} The values are: {', '.join(values)}.")
    return set(members.loc[members[attribute].astype(str) == str(value), "id"].astype(str))


def read_priorities(priorities, mapping, labels):
    """The priorities named (by name or plain-word label) as a list of names; unknown ones are a clear error."""
    if isinstance(priorities, str):
        priorities = [priorities]
    try:
        priorities = list(priorities)
    except TypeError:
        raise MeasureError(f"priorities must be a list of priority names, such as ['share_learning']; got "
                           f"{priorities!r}.") from None
    if not priorities:
        raise MeasureError("Name at least one priority of the purpose, such as ['share_learning'].")
    known = list(dict.fromkeys([*labels, *(p for serves in mapping.values() for p in serves)]))
    by_label = {str(label).casefold(): key for key, label in labels.items()}
    chosen = []
    for item in priorities:
        text = str(item).strip()
        if text in known:
            key = text
        elif text.casefold() in by_label:
            key = by_label[text.casefold()]
        else:
            close = difflib.get_close_matches(text, known + list(labels.values()), n=1)
            hint = ""
            if close:
                hint = f" Did you mean {by_label.get(close[0].casefold(), close[0])!r}?"
            raise MeasureError(f"{text!r} is not one of the priorities.{hint} The priorities are: "
                               f"{', '.join(known)}.")
        if key not in chosen:
            chosen.append(key)
    return chosen
