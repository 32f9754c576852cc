"""The report's diversity section: how varied the membership is, whether ties cross groups (E-I
index), and the voices of people who use services."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from .. import diversity
from ..errors import NetlearnError
from ..values import is_missing
from . import fast, figures
from .blocks import Image, Paragraph, Table
from .context import NOT_RECORDED, attribute_columns, choose_hint, shared_arrays
from .formatting import format_count, format_number, format_share, shown_count
from .suppression import Suppressed, is_suppressed

__all__ = ["diversity_section"]


def _attributes(ctx):
    return attribute_columns(ctx.net, ctx.group, ctx.attributes)


def _values(ctx, attribute):
    values = {}
    for v, value in ctx.G.nodes(data=attribute):
        values[v] = NOT_RECORDED if is_missing(value) else str(value)
    return values


def diversity_section(ctx, section):
    G, minimum = ctx.G, ctx.minimum
    attributes = _attributes(ctx)
    if not attributes:
        raise NetlearnError("There is nothing to describe: the members file has no column such as group, "
                            "organisation, sector or stakeholder. " + choose_hint(ctx.net, "--attributes"))
    summary_rows = []
    compositions = {}
    ei_overall = {}
    for attribute in attributes:
        values = _values(ctx, attribute)
        counts = {}
        for value in values.values():
            counts[value] = counts.get(value, 0) + 1
        hidden = ctx.people.plan.hidden(attribute)
        recorded = [v for v in values.values() if v != NOT_RECORDED]
        blau = diversity.blau_index(recorded) if recorded else None
        kinds = len(set(recorded))
        iqv = blau * kinds / (kinds - 1) if blau is not None and kinds > 1 else None
        blau_shown, iqv_shown = _pooled_indices(counts, hidden, minimum, blau, iqv)
        ei = None
        if kinds > 1 and G.number_of_edges():
            codes, names = _codes(ctx, attribute)
            internal, external = fast.ei_counts(shared_arrays(ctx), codes, len(names))
            inside, across = int(internal.sum()), int(external.sum()) // 2
            ei = float((across - inside) / (across + inside)) if across + inside else None
        ei_overall[attribute] = ei
        compositions[attribute] = {"counts": counts, "hidden": hidden, "blau": blau, "iqv": iqv, "ei": ei,
                                   "blau_shown": blau_shown, "iqv_shown": iqv_shown}
        summary_rows.append([attribute, format_count(kinds), _index_cell(blau_shown), _index_cell(iqv_shown),
                             f"{ei:+.2f}" if ei is not None and not math.isnan(ei) else "not defined"])
    section.data.update(attributes=attributes, compositions=compositions)
    note = ("Blau index (Blau 1977): the chance that two members picked at random are in different categories. IQV: "
            "the same divided by its largest possible value, so 1 means members are spread evenly. E-I index "
            "(Krackhardt & Stern 1988): -1 when every tie stays inside a category, +1 when every tie crosses. Members "
            "with nothing recorded are left out of all three.")
    if any(info["hidden"] - {NOT_RECORDED} for info in compositions.values()):
        note += (" Where some counts are suppressed, the Blau index and IQV count the suppressed categories together "
                 "as one (so they may understate diversity a little): an index of every count could be solved for "
                 "the suppressed ones.")
    section.blocks.append(Table("Diversity of the membership, and whether ties cross groups",
                                ["column", "categories", "Blau index", "IQV", "E-I index"], summary_rows, note))
    for attribute in attributes:
        info = compositions[attribute]
        total = sum(info["counts"].values())
        rows = []
        for value, count in sorted(info["counts"].items(), key=lambda item: (-item[1], item[0])):
            if value in info["hidden"]:
                rows.append([value, Suppressed(minimum), Suppressed(minimum)])
            else:
                rows.append([value, format_count(count), format_share(count / total) if total else ""])
        note = ""
        if info["hidden"]:
            note = (f"Counts below {minimum} are suppressed, and so are others where one could otherwise be worked "
                    "out from a total shown in this report (the members, those with a value recorded, the voices).")
        section.blocks.append(Table(f"Members by {attribute}", [attribute, "members", "share"], rows, note))
    if ctx.group is not None:
        _ei_by_group(ctx, section)
    if "stakeholder" in ctx.net.members.columns:
        _voices(ctx, section)


def _pooled_indices(counts, hidden, minimum, blau, iqv):
    """Blau index and IQV from shown counts only: suppressed categories pooled into one."""
    small = [v for v in hidden if v != NOT_RECORDED]
    if not small or blau is None:
        return blau, iqv
    shown = [n for v, n in counts.items() if v not in hidden and v != NOT_RECORDED]
    if not shown:
        return Suppressed(minimum), Suppressed(minimum)
    pooled = shown + [sum(counts[v] for v in small)]
    total = sum(pooled)
    index = 1.0 - sum((n / total) ** 2 for n in pooled)
    return index, index * len(pooled) / (len(pooled) - 1)


def _index_cell(value):
    if value is None:
        return "not defined"
    return value if is_suppressed(value) else format_number(value)


def _codes(ctx, attribute):
    """Each member's group number for ``attribute`` (-1 where nothing is recorded), and the groups' names, sorted."""
    raw = [ctx.G.nodes[v].get(attribute) for v in shared_arrays(ctx).nodes]
    names = sorted({value for value in raw if not is_missing(value)}, key=str)
    number = {name: i for i, name in enumerate(names)}
    return np.array([-1 if is_missing(value) else number[value] for value in raw], dtype=np.int64), names


def _ei_table(ctx):
    """:func:`netlearn.diversity.ei_index_by_group` (missing values ignored), counted from the shared arrays.

    Networks where it is not defined (fewer than two groups, no tie between members with a group)
    go to diversity itself, for its explanation.
    """
    codes, names = _codes(ctx, ctx.group)
    internal, external = fast.ei_counts(shared_arrays(ctx), codes, len(names))
    if len(names) < 2 or not (internal.sum() + external.sum()):
        return diversity.ei_index_by_group(ctx.G, ctx.group, missing="ignore")
    members = np.bincount(codes[codes >= 0], minlength=len(names))
    table = pd.DataFrame({"members": members.tolist(), "internal": internal.tolist(), "external": external.tolist()},
                         index=pd.Index(names, name="group"))
    table["ei_index"] = [(e - i) / (e + i) if e + i else math.nan for e, i in zip(external.tolist(),
                                                                                  internal.tolist())]
    return table


def _ei_by_group(ctx, section):
    G, people, minimum = ctx.G, ctx.people, ctx.minimum
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            table = _ei_table(ctx)
        except (ValueError, NetlearnError) as error:
            section.blocks.append(Paragraph(f"E-I index by group: not available ({error})", "note"))
            return
    rows, chart, shown = [], [], {}
    for name, row in table.iterrows():
        name = str(name)
        if name in people.hidden_groups:
            rows.append([name] + [Suppressed(minimum)] * 4)
            continue
        ei = float(row["ei_index"])
        shown[name] = ei
        rows.append([name, format_count(row["members"]), format_count(row["internal"]), format_count(row["external"]),
                     f"{ei:+.2f}" if not math.isnan(ei) else "not defined"])
        if not math.isnan(ei):
            chart.append((name, ei))
    section.data["ei_by_group"] = shown
    section.data["ei_hidden_groups"] = sorted(people.hidden_groups)
    section.blocks.append(Paragraph(f"Do groups look outwards? ({ctx.group})", "subhead"))
    section.blocks.append(Table(f"E-I index of each {ctx.group}",
                                [ctx.group, "members", "ties inside", "ties to other groups", "E-I index"], rows,
                                "A group near -1 keeps its ties to itself; near +1 most of its ties reach other "
                                "groups. A large group has more partners inside it, so expect lower values there."))
    if chart:
        png = figures.ei_figure(chart, title=f"E-I index of each {ctx.group}")
        alt = "Bar chart of the E-I index of each group: " + "; ".join(f"{g} {v:+.2f}" for g, v in chart) + "."
        caption = (f"Groups whose figures are suppressed (smaller than {minimum}, or hidden so that a smaller one "
                   "cannot be worked out) are not drawn." if people.hidden_groups else "")
        section.blocks.append(Image(png, alt, caption))


def _voices(ctx, section):
    minimum, plan = ctx.minimum, ctx.people.plan
    values = {v: (None if is_missing(x) else str(x).strip().lower()) for v, x in ctx.G.nodes(data="stakeholder")}
    recorded = [x for x in values.values() if x is not None]
    if not recorded:
        return
    per_voice = {voice: sum(1 for x in recorded if x == voice.lower()) for voice in ctx.voices}
    count, total = sum(per_voice.values()), len(recorded)
    section.data["voices"] = {"count": count, "total": total, "per_voice": per_voice, "target": ctx.voices_target}
    rows = [[voice, "none" if c == 0 else shown_count(plan, ("voice", voice))] for voice, c in per_voice.items()]
    plural = [f"{v}s" for v in ctx.voices]
    voice_names = plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " or " + plural[-1]
    section.blocks.append(Paragraph(f"Voices of people who use services ({', '.join(plural)})", "subhead"))
    share = count / total
    aim = format_share(ctx.voices_target)
    of_total = "the" if plan.is_hidden(("recorded", "stakeholder")) else f"the {format_count(total)}"
    if 0 < count < minimum:
        text = (f"Fewer than {minimum} of {of_total} members with a stakeholder recorded are {voice_names}: "
                f"{'at or above' if share >= ctx.voices_target else 'below'} the aim of {aim}.")
    elif plan.is_hidden(("voices",)) or plan.is_hidden(("recorded", "stakeholder")):
        where = "at or above" if share >= ctx.voices_target else "below"
        text = (f"How many members are {voice_names} is not shown, so that a smaller count among them cannot be "
                f"worked out from the tables; together they are {where} the aim of {aim}.")
    else:
        text = (f"{format_count(count)} of {of_total} members with a stakeholder recorded ({format_share(share)}) are "
                f"{voice_names}")
        if share >= ctx.voices_target:
            text += f": at or above the aim of {aim}."
        else:
            needed = max(1, math.ceil((ctx.voices_target * total - count) / (1 - ctx.voices_target) - 1e-9))
            text += (f", below the aim of {aim}. About {format_count(needed)} more would need to join "
                     "(with nobody leaving) to reach it.")
    absent = [voice for voice, c in per_voice.items() if c == 0]
    if absent:
        text += " There are no " + " and no ".join(f"{v}s" for v in absent) + "."
    section.blocks.append(Paragraph(text))
    section.blocks.append(Table("Members by voice", ["voice", "members"], rows))
