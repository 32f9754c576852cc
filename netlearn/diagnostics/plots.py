"""Charts for the diagnostics: a radar of levels, diverging Likert bars, a tables-by-dimensions heatmap.

Every function returns a :class:`~netlearn.drawing.CourseFigure` (a matplotlib Figure) with a title
and a one-line ``text_summary`` attribute describing what it shows, for use as alt text and for
anyone who cannot see the chart. Figures are made without :mod:`matplotlib.pyplot`, so nothing is
kept in pyplot's list of open figures and nothing needs closing; Jupyter shows a returned figure as
a picture whether or not pyplot has been imported. The heatmap and the Likert bars are drawn with
seaborn (``heatmap``, ``barplot``) on the figure's own axes; the radar is plain matplotlib.
Colours are colour-blind safe: the Okabe-Ito palette (Okabe & Ito 2008) for lines and the two
sides of the Likert bars, and ``cividis`` (Nuñez et al. 2018) for the heatmap. No text is smaller
than 9 points (12 pixels at the 100 dots per inch the notebooks show).

>>> fig = radar_chart({"purpose": 2, "learning": 3, "impact": 1}, {"purpose": 4, "learning": 4, "impact": 3})
>>> fig.text_summary
'Radar chart of 3 dimensions on a 1 to 5 scale. Now: lowest impact (1), highest learning (3). Target: largest gap purpose (+2).'
"""

from __future__ import annotations

import math
import textwrap

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgb
from matplotlib.patches import Patch

from ..drawing import GREY, MIN_FONT, OKABE_ITO_NAMES, new_figure
from .instruments import Instrument, load_instrument
from .responses import Responses
from .scoring import DEFAULT_THRESHOLD, item_distribution

__all__ = ["radar_chart", "table_radar", "likert_chart", "matrix_heatmap", "likert_colours"]


def _fmt(value):
    """A value for the text summary: at most two decimals (3.47222 reads 3.47; 3.0 reads 3)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    return f"{round(float(value), 2):g}"



def radar_chart(current, target=None, *, labels=None, scale=(1, 5),
                title="Where the network is now, and where it is heading"):
    """A radar (spider) chart of levels per dimension: now, and optionally the target.

    Parameters
    ----------
    current : dict or pandas Series
        Dimension id -> level (or score) now. NaN leaves a gap in the line.
    target : dict or pandas Series, optional
        Dimension id -> target level, drawn dashed.
    labels : dict, optional
        Dimension id -> name shown on the chart (default: the ids).
    scale : (int, int)
        The scale's ends; the rings are drawn at each whole point.
    title : str

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.text_summary`` says which dimension is lowest and highest now and where the
        largest gap to the target is; ``fig.chart_data`` holds the values drawn.

    Examples
    --------
    >>> fig = radar_chart({"a": 2, "b": 4, "c": 3}, title="Table A")
    >>> [float(v) for v in fig.axes[0].lines[0].get_ydata()]  # the polygon closes back on its first point
    [2.0, 4.0, 3.0, 2.0]
    >>> fig.axes[0].get_title()
    'Table A'

    Notes
    -----
    For a network leader: read the shape, not the area. A lopsided shape shows which
    dimensions lag the others; the space between the two lines is the work the table wants to
    do. With fewer than three dimensions a radar is not meaningful, so use a bar chart.
    """
    current = pd.Series(current, dtype=float)
    if len(current) < 3:
        raise ValueError("A radar chart needs at least three dimensions.")
    target = None if target is None else pd.Series(target, dtype=float).reindex(current.index)
    labels = labels or {}
    names = [labels.get(d, d) for d in current.index]
    angles = np.linspace(0, 2 * np.pi, len(current), endpoint=False).tolist()
    fig = new_figure((7.2, 7.2), layout="constrained")
    ax = fig.add_subplot(projection="polar")
    ax.tick_params(axis="x", pad=14)
    ax.set_theta_offset(np.pi / 2)
    ax.set_theta_direction(-1)
    loop = angles + angles[:1]
    values = current.tolist()
    now_colour, target_colour = OKABE_ITO_NAMES["blue"], OKABE_ITO_NAMES["vermillion"]
    ax.plot(loop, values + values[:1], color=now_colour, linewidth=2.2, marker="o", label="now")
    ax.fill(loop, [v if not math.isnan(v) else scale[0] for v in values + values[:1]], color=now_colour, alpha=0.12)
    if target is not None:
        t = target.tolist()
        ax.plot(loop, t + t[:1], color=target_colour, linewidth=2, linestyle="--", marker="s", label="target")
    ax.set_ylim(scale[0] - 0.5 if scale[0] > 0 else scale[0], scale[1])
    ax.set_yticks(list(range(scale[0], scale[1] + 1)))
    ax.set_xticks(angles)
    ax.set_xticklabels([textwrap.fill(n, 14) for n in names], fontsize=MIN_FONT + 1)
    for angle, text in zip(angles, ax.get_xticklabels()):  # keep side labels clear of the rings
        side = math.sin(angle)
        text.set_horizontalalignment("left" if side > 0.2 else "right" if side < -0.2 else "center")
    ax.set_title(title, pad=18)
    # The legend sits in its own strip under the chart (constrained layout makes room for it), so it
    # never covers an axis label, whatever the size the chart is shown at.
    fig.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=MIN_FONT + 1)
    known = current.dropna()
    summary = f"Radar chart of {len(current)} dimensions on a {scale[0]} to {scale[1]} scale."
    if len(known):
        low, high = known.idxmin(), known.idxmax()
        summary += (f" Now: lowest {labels.get(low, low)} ({_fmt(known[low])}), highest {labels.get(high, high)} "
                    f"({_fmt(known[high])}).")
    else:
        summary += " No levels given yet."
    if target is not None:
        gaps = (target - current).dropna()
        if len(gaps):
            d = gaps.idxmax()
            summary += f" Target: largest gap {labels.get(d, d)} ({gaps[d]:+g})."
    fig.text_summary = summary
    fig.chart_data = {"current": current.to_dict(), "target": None if target is None else target.to_dict()}
    return fig


def table_radar(conversation, table, *, instrument=None, title=None):
    """:func:`radar_chart` of one table's recorded levels and targets (from ``table_conversation``).

    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_matrix, table_conversation
    >>> rows = pd.DataFrame({"table": ["A"] * 2, "member": ["1", "2"], "purpose_current": [2, 3],
    ...                      "impact_current": [1, 1], "learning_current": [3, 4], "impact_target": [3, 2]})
    >>> fig = table_radar(table_conversation(read_matrix(rows)), "A")
    >>> fig.chart_data["current"]
    {'Shared purpose': 2.0, 'Learning and a safe space to experiment': 3.0, 'Impact': 1.0}

    Notes
    -----
    For a network leader: give each table its own radar when it reports back, so the room sees
    where each table put itself and where it wants to go; the recorded level is the table's
    cautious, lower-score level, not an average.
    """
    part = conversation[conversation["table"] == table]
    if part.empty:
        tables = ", ".join(map(str, conversation["table"].unique()))
        raise ValueError(f"There is no table {table!r}; the tables are: {tables}.")
    scale = (1, 5)
    if instrument is not None:
        instrument = instrument if isinstance(instrument, Instrument) else load_instrument(instrument)
        scale = (instrument.scale.min, instrument.scale.max)
    current = pd.Series(part["recorded"].astype(float).to_numpy(), index=part["name"])
    target = pd.Series(part["target"].astype(float).to_numpy(), index=part["name"])
    return radar_chart(current, target, scale=scale,
                       title=title or f"{_table_title(table)}: recorded level now and target")


def _item_label(item_id, wording, reverse, wrap):
    """``"fo4 (R): The network depends ..."`` on at most two lines of ``wrap`` characters."""
    text = f"{item_id}{' (R)' if reverse else ''}: {wording}"
    return textwrap.fill(textwrap.shorten(text, 2 * wrap, placeholder="..."), wrap)


def _table_title(table):
    return str(table) if str(table).lower().startswith("table") else f"Table {table}"


def likert_colours(n_points):
    """Colours for an ``n_points`` scale: vermillion shades below the middle, grey in it, blue shades above.

    >>> likert_colours(5)[2]
    '#BBBBBB'
    """
    half = n_points // 2

    def shades(base, k):
        r, g, b = to_rgb(base)
        out = []
        for j in range(k):  # j = 0 is the extreme, most saturated; lighter towards the middle
            t = 0.55 * j / max(k - 1, 1)
            out.append("#{:02X}{:02X}{:02X}".format(*(round(255 * (c + (1 - c) * t)) for c in (r, g, b))))
        return out

    low = shades(OKABE_ITO_NAMES["vermillion"], half)
    high = list(reversed(shades(OKABE_ITO_NAMES["blue"], half)))
    return low + ([GREY] if n_points % 2 else []) + high


def likert_chart(source, *, threshold=DEFAULT_THRESHOLD, title="How members answered each question", wrap=48):
    """A diverging stacked bar chart of answers to Likert items, centred on the scale's middle.

    In words: one bar per item, split into the share of answers at each point. Answers below the
    middle of the scale stack to the left of zero, answers above it to the right, and the middle
    answer (on a scale with an odd number of points) straddles zero, half on each side. The
    length of the right-hand part is the share of positive answers.

    Parameters
    ----------
    source : Responses or DataFrame
        Answers (counted with :func:`~netlearn.diagnostics.item_distribution`), or that
        function's result.
    threshold : int
        Passed to :func:`~netlearn.diagnostics.item_distribution`: items answered by fewer
        respondents are left out, and the summary says how many.
    title : str
    wrap : int
        Item wording is shortened to this many characters.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.text_summary`` names the items with the most and the fewest answers above the
        middle; ``fig.chart_data`` holds the percentages drawn (items by points). Reverse-keyed
        items are marked ``(R)``: for them, answers above the middle point to a problem.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_responses
    >>> r = read_responses(pd.DataFrame({"respondent": list("abcde"), "fu1": [1, 3, 4, 5, 5],
    ...                                  "fu2": [2, 2, 3, 3, 4]}), "network_health_check")
    >>> fig = likert_chart(r)
    >>> [round(bar.get_width()) for bar in fig.axes[0].containers[2]]  # the middle point: 20% and 40%
    [20, 40]
    >>> [round(bar.get_x()) for bar in fig.axes[0].containers[2]]  # centred on zero
    [-10, -20]
    >>> fig.text_summary
    'Diverging bar chart of 2 items (5 answers each). Most answers above the middle: fu1 (60%); fewest: fu2 (20%).'

    Notes
    -----
    For a network leader: an average of 3 can be a crowd in the middle or a room split between
    both ends; this chart shows which. Look at the left-hand side too: a quarter of members
    strongly disagreeing matters even when most agree.
    """
    table = item_distribution(source, threshold=threshold) if isinstance(source, Responses) else source
    scale = table.attrs.get("scale")
    points = [c for c in table.columns if isinstance(c, (int, np.integer))]
    hidden = list(table.attrs.get("suppressed", []))
    fig = new_figure((10, 0.6 * max(len(table), 2) + 2.2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title)
    if table.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No item was answered by enough respondents to show.", ha="center", va="center",
                transform=ax.transAxes)
        fig.text_summary = (f"No bars: every item was answered by fewer than {table.attrs.get('threshold', threshold)} "
                            "respondents, so all are suppressed.")
        fig.chart_data = pd.DataFrame()
        return fig
    counts = table[points].astype(float)
    percent = counts.div(counts.sum(axis=1), axis=0) * 100
    n = len(points)
    colours = likert_colours(n)
    half = n // 2
    middle = points[half] if n % 2 else None
    below = points[:half]
    above = points[n - half:]
    neutral = percent[middle] if middle is not None else pd.Series(0.0, index=percent.index)
    left_edge = -neutral / 2 - percent[below].sum(axis=1)
    starts = {}
    edge = left_edge.copy()
    for p in below:
        starts[p] = edge.copy()
        edge = edge + percent[p]
    if middle is not None:
        starts[middle] = -neutral / 2
    edge = neutral / 2
    for p in above:
        starts[p] = edge.copy()
        edge = edge + percent[p]
    labels = scale.labels if scale is not None else {p: str(p) for p in points}
    names = [_item_label(i, table.loc[i, "wording"], table.loc[i, "reverse"], wrap) if "wording" in table.columns
             else str(i) for i in table.index]
    import seaborn as sns  # here, so that importing netlearn stays quick

    for p, colour in zip(points, colours):  # seaborn draws each point's bars from zero; each is then moved
        sns.barplot(x=percent[p].to_numpy(), y=names, order=names, orient="h", color=colour, saturation=1,
                    edgecolor="white", linewidth=0.6, width=0.75, ax=ax)  # to start where the last point ends
        for bar, start in zip(ax.containers[-1], starts[p].to_numpy()):
            bar.set_x(start)
    ax.axvline(0, color="#333333", linewidth=1)
    ax.set_ylabel("")
    ax.tick_params(axis="y", labelsize=MIN_FONT)
    reach = float(max((neutral / 2 + percent[above].sum(axis=1)).max(),
                      (neutral / 2 + percent[below].sum(axis=1)).max()))
    reach = min(100.0, math.ceil(reach / 10) * 10 + 5)
    ax.set_xlim(-reach, reach)
    ticks = [t for t in range(-100, 101, 25) if abs(t) <= reach]
    ax.set_xticks(ticks)
    ax.set_xticklabels([f"{abs(t)}%" for t in ticks])
    ax.set_xlabel("share of answers: below the middle of the scale to the left, above it to the right")
    handles = [Patch(facecolor=c, edgecolor="white", label=f"{p} {labels.get(p, '')}".strip())
               for p, c in zip(points, colours)]
    fig.legend(handles=handles, loc="outside lower center", ncol=n if n <= 5 else 4, frameon=False, fontsize=MIN_FONT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    positive = percent[above].sum(axis=1)
    sizes = table["n"] if "n" in table.columns else counts.sum(axis=1)
    size_text = f"{int(sizes.min())} answers each" if sizes.min() == sizes.max() else \
        f"{int(sizes.min())} to {int(sizes.max())} answers each"
    summary = (f"Diverging bar chart of {len(table)} items ({size_text}). Most answers above the middle: "
               f"{positive.idxmax()} ({positive.max():.0f}%); fewest: {positive.idxmin()} ({positive.min():.0f}%).")
    if "reverse" in table.columns and table["reverse"].any():
        summary += " Items marked (R) are reverse-keyed: for them, agreeing points to a problem."
    if hidden:
        summary += f" {len(hidden)} item(s) answered by too few respondents are not shown."
    fig.text_summary = summary
    fig.chart_data = percent
    return fig


def matrix_heatmap(conversation, *, value="recorded", title=None, scale=(1, 5)):
    """A heatmap of tables (rows) by dimensions (columns): each table's recorded level, gap or range.

    Parameters
    ----------
    conversation : DataFrame
        From :func:`~netlearn.diagnostics.table_conversation`.
    value : {"recorded", "target", "gap", "range"}
        What each cell shows.
    title : str, optional
    scale : (int, int)
        The colour range for ``recorded`` and ``target`` levels.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig.chart_data`` is the table drawn; ``fig.text_summary`` names the lowest and highest
        dimension (by median over tables) and the dimension on which tables differ most.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn.diagnostics import read_matrix, table_conversation
    >>> rows = pd.DataFrame({"table": ["A", "A", "B", "B"], "member": ["1", "2", "1", "2"],
    ...                      "purpose_current": [2, 3, 4, 4], "impact_current": [1, 2, 1, 1]})
    >>> fig = matrix_heatmap(table_conversation(read_matrix(rows)))
    >>> fig.axes[0].collections[0].get_array().reshape(2, 2).tolist()   # seaborn's heatmap cells
    [[2.0, 1.0], [4.0, 1.0]]
    >>> fig.text_summary
    'Heatmap of recorded levels at 2 tables on 2 dimensions. Lowest (median over tables): Impact (1); highest: Shared purpose (3). Tables differ most on Shared purpose (2 to 4).'

    Notes
    -----
    For a network leader: this is the picture tables report back to the room - each table's
    agreed level, not anyone's own score. Columns that change colour from row to row are
    dimensions on which parts of the network see things differently.
    """
    if value not in ("recorded", "target", "gap", "range"):
        raise ValueError(f"value={value!r}: choose recorded, target, gap or range.")
    names = list(dict.fromkeys(conversation["name"]))
    tables = list(dict.fromkeys(conversation["table"]))
    grid = conversation.pivot(index="table", columns="name", values=value).reindex(index=tables, columns=names)
    grid = grid.astype(float)
    fig = new_figure((1.15 * len(names) + 3, 0.6 * len(tables) + 2.6), layout="constrained")
    ax = fig.add_subplot()
    if value in ("recorded", "target"):
        low, high, cmap = scale[0], scale[1], "cividis"
    else:
        top = max(1.0, float(np.nanmax(np.abs(grid.to_numpy()))) if grid.notna().any().any() else 1.0)
        low, high, cmap = (0, top, "cividis") if value == "range" else (-top, top, "cividis")
    cmap = matplotlib.colormaps[cmap].with_extremes(bad="#FFFFFF")
    import seaborn as sns  # here, so that importing netlearn stays quick

    shown = grid.copy()
    shown.index = [str(t) for t in tables]
    shown.columns = [textwrap.fill(n, 14) for n in names]
    sns.heatmap(shown, ax=ax, cmap=cmap, vmin=low, vmax=high, annot=True, fmt="g", linewidths=1,
                linecolor="white", annot_kws={"fontsize": MIN_FONT + 2},
                cbar_kws={"shrink": 0.8, "label": value})  # empty (NaN) cells are left blank
    ax.tick_params(axis="x", labelsize=MIN_FONT, rotation=0)
    ax.tick_params(axis="y", labelsize=MIN_FONT + 1, rotation=0)
    ax.set_xlabel("dimension")
    ax.set_ylabel("table")
    words = {"recorded": "recorded levels", "target": "target levels", "gap": "gaps (target minus recorded)",
             "range": "ranges of members' levels"}[value]
    ax.set_title(title or f"Each table's {words}")
    summary = f"Heatmap of {words} at {len(tables)} tables on {len(names)} dimensions."
    medians = grid.median()
    if medians.notna().any():
        summary += (f" Lowest (median over tables): {medians.idxmin()} ({_fmt(medians.min())}); highest: "
                    f"{medians.idxmax()} ({_fmt(medians.max())}).")
        spread = grid.max() - grid.min()
        if spread.max() > 0:
            d = spread.idxmax()
            summary += f" Tables differ most on {d} ({_fmt(grid[d].min())} to {_fmt(grid[d].max())})."
        else:
            summary += " Every table gave the same value on each dimension."
    fig.text_summary = summary
    fig.chart_data = grid
    return fig
