"""Agreement on the order of the network's priorities, for all members or one group, and a chart
of it group by group.

:func:`purpose_agreement` gives Kendall's W and the priority that divides members most (from
:mod:`netlearn.agreement`) with each priority's mean rank; :func:`plot_agreement_by_group` draws
one bar per group against the whole network's W.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..agreement import kendalls_w, most_divisive_item
from ..display import Readable, table_for_learners
from ..errors import MeasureError
from .priorities import members_frame, PRIORITY_LABELS, rankings_frame, subset_ids

__all__ = ["PurposeAgreement", "purpose_agreement", "plot_agreement_by_group"]


@dataclass(repr=False)
class PurposeAgreement(Readable):
    """How far one set of members agrees on the order of the network's priorities.

    Attributes
    ----------
    group : str
        Whose rankings: "All members", or e.g. "Region: London".
    raters : int
    w : KendallW
        From :func:`netlearn.agreement.kendalls_w`.
    divisive : DivisiveItem
        From :func:`netlearn.agreement.most_divisive_item`.
    order : DataFrame
        One row per priority, best mean rank first: ``label``, ``mean_rank``, ``share_top`` (share
        putting it in the top third), ``variance``.
    """

    group: str
    raters: int
    w: object
    divisive: object
    order: pd.DataFrame = field(repr=False)

    @property
    def interpretation(self):
        """The result in plain words: W, what it means, and the priority that divides most."""
        best = self.order["mean_rank"].min()
        firsts = [f"'{self.order.loc[item, 'label']}'" for item in self.order.index
                  if abs(self.order.loc[item, "mean_rank"] - best) < 1e-9]
        first = firsts[0] if len(firsts) == 1 else " and ".join(firsts) + " (tied)"
        return (f"{self.group} ({self.raters} members): {self.w.interpretation} "
                f"On average they put {first} first. {self.divisive.interpretation}")

    def __str__(self):
        return self.interpretation

    def describe(self):
        """The result in plain words without test statistics (those are in :meth:`analyst_detail`)."""
        best = self.order["mean_rank"].min()
        firsts = [f"'{self.order.loc[item, 'label']}'" for item in self.order.index
                  if abs(self.order.loc[item, "mean_rank"] - best) < 1e-9]
        first = firsts[0] if len(firsts) == 1 else " and ".join(firsts) + " (tied)"
        item = self.divisive.item
        label = self.order.loc[item, "label"] if item in self.order.index else None
        return (f"{self.group} ({self.raters} members): {self.w.describe()} On average they put {first} first. "
                f"{self.divisive.describe(label)}")

    def analyst_detail(self):
        return {**self.w.analyst_detail(), **self.divisive.analyst_detail()}

    def _extra_html(self):
        return table_for_learners(self.order, columns=[c for c in ("label", "mean_rank", "share_top")
                                                       if c in self.order.columns], show_index=False,
                                  labels={"label": "priority", "mean_rank": "mean rank (1 = most important)",
                                          "share_top": "share putting it in their top third"},
                                  percent=["share_top"])._repr_html_()


def purpose_agreement(rankings, members=None, *, attribute="region", value=None, id_column="member_id",
                      labels=None):
    """Agreement on priorities among all members, or among those with one value of an attribute.

    In words: take the rankings of the chosen members (all of them, or those whose ``attribute`` is
    ``value``), then compute Kendall's W (:func:`netlearn.agreement.kendalls_w`), the most divisive
    priority (:func:`netlearn.agreement.most_divisive_item`) and each priority's mean rank.

    Parameters
    ----------
    rankings : DataFrame or Network
        One row per member, a ``member_id`` column and one column of ranks per priority
        (1 = most important). A Network's ``purpose_rankings`` table is used.
    members : Network or DataFrame, optional
        Needed with ``value``: the members table with ``id`` and ``attribute``. A Network passed as
        ``rankings`` is used when this is left out.
    attribute : str
        The member column that picks the subgroup (default ``"region"``).
    value : str, optional
        The subgroup, e.g. ``"London"``; ``None`` for all members.
    labels : dict, optional
        Plain-word labels of the priorities (default :data:`PRIORITY_LABELS`).

    Returns
    -------
    PurposeAgreement

    Examples
    --------
    >>> import netlearn
    >>> net = netlearn.load_dataset("q_community")
    >>> everyone = purpose_agreement(net)
    >>> round(everyone.w.w, 2), everyone.divisive.item
    (0.4, 'influence_policy')
    >>> london = purpose_agreement(net, value="London")
    >>> london.raters, round(london.w.w, 2)
    (27, 0.37)

    Notes
    -----
    For a network leader: a group that agrees strongly but in a different order from the rest has
    a view the whole network should hear; a group with weak agreement needs its own conversation
    about what the network is for. Small groups give unstable values.
    """
    source = rankings
    rankings = rankings_frame(rankings)
    if members is None and hasattr(source, "members"):
        members = source
    labels = PRIORITY_LABELS if labels is None else labels
    group = "All members"
    if value is not None:
        if members is None:
            raise MeasureError("To look at one group, pass the members too, e.g. purpose_agreement(rankings, "
                               "net, value='London'), or pass the Network itself as rankings.")
        frame = members_frame(members)
        ids = subset_ids(frame, attribute, value)
        if id_column not in rankings.columns:
            raise MeasureError(f"The rankings have no {id_column!r} column to match members by.")
        rankings = rankings[rankings[id_column].astype(str).isin(ids)]
        if len(rankings) < 2:
            raise MeasureError(f"Only {len(rankings)} member(s) with {attribute} {value!r} ranked the priorities; "
                               "agreement needs at least two.")
        group = f"{attribute.replace('_', ' ').capitalize()}: {value}"
    w = kendalls_w(rankings, id_column=id_column)
    divisive = most_divisive_item(rankings, id_column=id_column)
    order = divisive.table[["mean_rank", "share_top", "variance"]].copy()
    order.insert(0, "label", [labels.get(item, str(item)) for item in order.index])
    # Best mean rank first; equal means (to 9 decimals) in the order of the priorities' names.
    order = order.assign(_mean=order["mean_rank"].round(9), _name=[str(item) for item in order.index])
    order = order.sort_values(["_mean", "_name"]).drop(columns=["_mean", "_name"])
    order.index.name = "priority"
    return PurposeAgreement(group, int(w.m), w, divisive, order)


# =========================================================================== a figure


def plot_agreement_by_group(table, *, title="Agreement on priorities, by group", ax=None):
    """A bar for each group's Kendall's W (drawn by seaborn), with the whole network's W as a dashed line.

    Parameters
    ----------
    table : DataFrame
        From :func:`netlearn.agreement.kendalls_w_by_group` (with its ``"(all)"`` row).
    title : str
    ax : matplotlib Axes, optional
        Draw into this; by default a new course figure, which Jupyter shows as a picture at the end
        of the cell (:func:`netlearn.drawing.close` releases it).

    Returns
    -------
    matplotlib.figure.Figure
        With ``summary``: one sentence naming the highest and lowest groups and the overall W.

    >>> import netlearn
    >>> from netlearn.agreement import kendalls_w_by_group
    >>> net = netlearn.load_dataset("q_community")
    >>> fig = plot_agreement_by_group(kendalls_w_by_group(net.tables["purpose_rankings"], net, attribute="region"))
    >>> fig.summary
    "Agreement on priorities, by group: Kendall's W is highest in North (0.64) and lowest in London (0.37); all members together 0.40."
    >>> [f"{bar.get_width():.2f}" for bar in fig.axes[0].patches][:2]      # lowest first
    ['0.37', '0.41']
    >>> from netlearn.drawing import close; close(fig)
    """
    import seaborn as sns  # here, so that importing netlearn stays quick

    from ..drawing import MIN_FONT, OKABE_ITO, new_figure

    if not isinstance(table, pd.DataFrame) or "w" not in table.columns:
        raise MeasureError("Pass the table from netlearn.agreement.kendalls_w_by_group (it has a 'w' column).")
    groups = table.drop(index="(all)", errors="ignore").dropna(subset=["w"])
    if groups.empty:
        raise MeasureError("The table has no group with a value of W to draw.")
    groups = groups.sort_values("w")
    if ax is None:
        # Handed to pyplot too, so a notebook cell that ends with ``print(fig.summary)`` still shows it.
        fig = new_figure((7, 0.45 * len(groups) + 1.8), layout="constrained", pyplot=True)
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    names = [str(g) for g in groups.index]
    sns.barplot(x=list(groups["w"]), y=names, order=names, orient="h", color=OKABE_ITO[4], saturation=1,
                edgecolor="black", linewidth=0.5, ax=ax)
    overall = table.loc["(all)", "w"] if "(all)" in table.index else None
    line = overall if overall is not None and not pd.isna(overall) else None
    for y, value in enumerate(groups["w"]):
        # Inside the end of the bar, unless the bar is too short or the dashed line would cross the number.
        crossed = line is not None and value - 0.11 <= line <= value
        if value >= 0.12 and not crossed:
            ax.text(value - 0.01, y, f"{value:.2f}", va="center", ha="right", fontsize=MIN_FONT + 1, color="white")
        else:
            ax.text(value + 0.01, y, f"{value:.2f}", va="center", fontsize=MIN_FONT + 1)
    if overall is not None and not pd.isna(overall):
        ax.axvline(overall, color="black", linestyle="--", linewidth=1.2, label=f"all members: {overall:.2f}")
        ax.legend(loc="lower right", frameon=False, fontsize=MIN_FONT + 1)
    ax.set_xlim(0, 1)
    ax.set_ylabel("")
    ax.set_xlabel("Kendall's W (0 = no shared order, 1 = everyone ranks the same)", fontsize=MIN_FONT + 1)
    ax.tick_params(labelsize=MIN_FONT + 1)
    ax.set_title(title, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    high, low = groups.index[-1], groups.index[0]
    text = (f"{title}: Kendall's W is highest in {high} ({groups['w'].iloc[-1]:.2f}) and lowest in {low} "
            f"({groups['w'].iloc[0]:.2f})")
    if overall is not None and not pd.isna(overall):
        text += f"; all members together {overall:.2f}"
    fig.summary = text + "."
    return fig
