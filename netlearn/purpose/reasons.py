"""Whether members' reasons for joining serve the priorities a purpose names.

:func:`reasons_alignment` gives the share of members with at least one reason that serves them,
using the mapping :data:`~netlearn.purpose.REASONS_TO_PRIORITIES` (or your own).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from ..display import Readable, table_for_learners
from ..errors import DataError, MeasureError
from .priorities import members_frame, PRIORITY_LABELS, read_priorities, REASONS_TO_PRIORITIES, subset_ids

__all__ = ["ReasonsAlignment", "reasons_alignment"]


@dataclass(repr=False)
class ReasonsAlignment(Readable):

    """How members' reasons for joining line up with the priorities a purpose names.

    Attributes
    ----------
    priorities : tuple of str
    share : float
        Aligned members divided by members with at least one reason recorded (0 to 1).
    aligned, counted : int
        Members with a reason serving a priority; members with any reason recorded.
    without_reasons : int
        Members with no reason recorded (left out of ``counted``, never silently).
    per_member : DataFrame
        Indexed by member id: ``reasons``, ``serving`` (the reasons that serve a priority), ``aligned``.
    by_reason : DataFrame
        One row per reason: ``members`` giving it, ``serves`` (priorities it maps to), ``in_purpose``.
    uncovered : tuple of str
        Priorities of the purpose that no reason on the list serves.
    """

    priorities: tuple
    share: float
    aligned: int
    counted: int
    without_reasons: int
    per_member: pd.DataFrame = field(repr=False)
    by_reason: pd.DataFrame = field(repr=False)
    uncovered: tuple = ()
    labels: dict = field(default_factory=dict, repr=False)

    @property
    def interpretation(self):
        names = ", ".join(f"'{self.labels.get(p, p)}'" for p in self.priorities)
        text = (f"{self.aligned} of {self.counted} members ({self.share:.0%}) gave at least one reason for joining "
                f"that serves {names}.")
        if self.uncovered:
            gaps = ", ".join(f"'{self.labels.get(p, p)}'" for p in self.uncovered)
            text += f" No reason on the list serves {gaps}: members did not say they joined for that."
        if self.without_reasons:
            text += f" {self.without_reasons} member(s) gave no reason and are not counted."
        return text

    def __str__(self):
        return self.interpretation

    def describe(self):
        return self.interpretation

    def _extra_html(self):
        table = self.by_reason.assign(serves=[", ".join(self.labels.get(p, p) for p in str(s).split("; ") if p)
                                              for s in self.by_reason["serves"]])
        return table_for_learners(table, index_label="reason for joining",
                                  labels={"members": "members giving it", "serves": "serves (the course's reading)",
                                          "in_purpose": "serves this purpose?"})._repr_html_()


def _split(text, separator):
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return []
    return [item.strip() for item in str(text).split(separator) if item.strip()]


def reasons_alignment(members, priorities, *, mapping=None, column="reasons_for_joining", separator=";",
                      attribute=None, value=None, unknown="error", labels=None):
    """Share of members who gave at least one reason for joining that serves the purpose's priorities.

    Rule, in words: a reason *serves* a priority when ``mapping`` (default
    :data:`REASONS_TO_PRIORITIES`) lists that priority for it. A member is *aligned* when at least
    one of their reasons serves at least one of ``priorities``. The share is aligned members divided
    by members who gave any reason (members with none are counted separately, not dropped silently).

    Parameters
    ----------
    members : Network or DataFrame
        Members with an ``id`` column and the ``column`` of reasons.
    priorities : str or list of str
        The priorities the purpose names, e.g. ``["share_learning", "influence_policy"]`` (keys of
        :data:`PRIORITY_LABELS`; their plain-word labels are accepted too).
    mapping : dict, optional
        Reason -> priorities it serves (reasons matched ignoring case).
    column : str
        The column listing each member's reasons, separated by ``separator``.
    attribute, value : str, optional
        Only count members whose ``attribute`` equals ``value`` (e.g. ``"region"``, ``"London"``).
    unknown : {"error", "ignore"}
        A reason that is not in ``mapping``: an error naming it (default), or counted as serving
        nothing (it is listed in ``by_reason`` with ``serves`` "(not in the mapping)").

    Returns
    -------
    ReasonsAlignment

    Examples
    --------
    >>> import pandas as pd
    >>> members = pd.DataFrame({"id": ["a", "b", "c"],
    ...     "reasons_for_joining": ["develop my skills", "learn from peers; share my work", "find collaborators"]})
    >>> result = reasons_alignment(members, ["build_skills", "peer_support"])
    >>> result.aligned, result.counted, round(result.share, 3)
    (2, 3, 0.667)

    Notes
    -----
    For a network leader: reciprocity means members give to the network's purpose because it also
    serves their own. A low share says the purpose and the reasons people came for have drifted
    apart; a priority no reason serves needs its case made to members. The mapping is a judgement:
    argue with it, and change it.
    """
    if unknown not in ("error", "ignore"):
        raise MeasureError(f"unknown={unknown!r} is not one of the accepted values: 'error', 'ignore'.")
    mapping = REASONS_TO_PRIORITIES if mapping is None else mapping
    labels = PRIORITY_LABELS if labels is None else labels
    frame = members_frame(members)
    if column not in frame.columns:
        raise MeasureError(f"Members have no {column!r} column; their columns are: "
                           f"{', '.join(map(str, frame.columns))}.")
    if "id" not in frame.columns:
        raise MeasureError("Members need an 'id' column.")
    priorities = read_priorities(priorities, mapping, labels)
    if attribute is not None or value is not None:
        if attribute is None or value is None:
            raise MeasureError("Give both attribute and value to count one group, e.g. attribute='region', "
                               "value='London'.")
        ids = subset_ids(frame, attribute, value)
        frame = frame[frame["id"].astype(str).isin(ids)]
    lookup = {str(reason).strip().casefold(): tuple(serves) for reason, serves in mapping.items()}
    wanted = set(priorities)

    rows, reason_counts, not_mapped = [], {}, {}
    for member, text in zip(frame["id"].astype(str), frame[column]):
        reasons = _split(text, separator)
        serving = []
        for reason in reasons:
            key = reason.casefold()
            reason_counts[key] = reason_counts.get(key, 0) + 1
            if key not in lookup:
                not_mapped.setdefault(key, member)
                continue
            if wanted & set(lookup[key]):
                serving.append(reason)
        rows.append({"member": member, "reasons": "; ".join(reasons), "serving": "; ".join(serving),
                     "aligned": bool(serving), "has_reasons": bool(reasons)})
    if not_mapped and unknown == "error":
        first, who = next(iter(not_mapped.items()))
        raise DataError(f"{len(not_mapped)} reason(s) for joining are not in the mapping, for example {first!r} "
                        f"(member {who!r}).", column=column,
                        fix="Add each reason to the mapping with the priorities it serves (an empty tuple if none), "
                            "or pass unknown='ignore' to count them as serving nothing.")
    per_member = pd.DataFrame(rows, columns=["member", "reasons", "serving", "aligned", "has_reasons"])
    per_member = per_member.set_index("member")
    counted = int(per_member["has_reasons"].sum())
    if counted == 0:
        raise MeasureError(f"No member in this group listed a reason in {column!r}, so there is nothing to compare.")
    aligned = int((per_member["aligned"] & per_member["has_reasons"]).sum())
    names = {str(reason).strip().casefold(): str(reason) for reason in mapping}
    by_reason = pd.DataFrame(
        [{"reason": names.get(key, key), "members": count,
          "serves": "; ".join(labels.get(p, p) for p in lookup[key]) if key in lookup else "(not in the mapping)",
          "in_purpose": bool(key in lookup and wanted & set(lookup[key]))}
         for key, count in reason_counts.items()]
    )
    by_reason = by_reason.sort_values(["in_purpose", "members", "reason"], ascending=[False, False, True])
    by_reason = by_reason.set_index("reason")
    served = {p for serves in mapping.values() for p in serves}
    uncovered = tuple(p for p in priorities if p not in served)
    return ReasonsAlignment(tuple(priorities), aligned / counted, aligned, counted,
                            int((~per_member["has_reasons"]).sum()), per_member.drop(columns="has_reasons"),
                            by_reason, uncovered, dict(labels))
