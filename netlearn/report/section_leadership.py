"""The report's leadership section: centralisation, reliance on formal leaders, what if they stepped
back, and shared leadership."""

from __future__ import annotations

import numpy as np

from .. import leadership
from ..errors import NetlearnError
from ..values import is_missing
from . import fast
from .blocks import BulletList, KeyFigures, Paragraph, Table
from .context import shared_arrays
from .formatting import format_count, format_listing, format_number, format_share, shown_count
from .section_roles import profile_of
from .suppression import Suppressed

__all__ = ["leadership_section"]


def leadership_section(ctx, section):
    G, people = ctx.G, ctx.people
    n = G.number_of_nodes()
    shown = []
    degree_c = fast.degree_centralization(shared_arrays(ctx)) if n >= 3 else leadership.centralization(G, "degree")
    section.data["degree_centralization"] = degree_c
    shown.append(("Degree centralization" + (" (ties received)" if G.is_directed() else ""), format_number(degree_c)))
    between_c = None
    try:
        profile = profile_of(ctx)
        between = profile["betweenness"].to_numpy(dtype=float)
        between_c = float(np.clip((between.max() - between).sum() / (n - 1), 0.0, 1.0))
    except NetlearnError:
        profile = None   # no roles (no groups): betweenness once here, exact (igraph above 300 members)
        between_c = leadership.centralization(G, "betweenness")
    if between_c is not None:
        section.data["betweenness_centralization"] = between_c
        shown.append(("Betweenness centralization", format_number(between_c)))
    section.blocks.append(KeyFigures(shown))
    section.blocks.append(Paragraph(
        "Centralisation (Freeman 1979) runs from 0, when everyone is equally central, to 1, when the network is a "
        "star with one person in the middle. Degree centralisation looks at numbers of ties; betweenness "
        "centralisation at how far members depend on one person to reach each other. High values mean the network "
        "hangs on a few people: quick to coordinate, fragile if they leave."))

    leaders = fast.formal_leaders(G) if "formal_leader" in ctx.net.members.columns else []
    section.data["formal_leaders"] = leaders
    scenarios = []
    if not leaders:
        section.blocks.append(Paragraph(
            "Reliance on formal leaders is not shown: no member is marked as a formal leader. Add a column "
            "'formal_leader' to the members file with yes for the chair, lead or coordinator (and no for "
            "everyone else) to see it.", "note"))
    else:
        rel = fast.reliance(G, leaders, arrays=shared_arrays(ctx),
                            leader_betweenness=_leader_betweenness(G, profile, leaders))
        section.data.update(path_share=rel.path_share, efficiency_drop=rel.efficiency_drop)
        section.blocks.append(Paragraph("Reliance on the formal leaders", "subhead"))
        section.blocks.append(KeyFigures([
            ("Formal leaders", shown_count(people.plan, ("formal_leaders",))),
            ("Shortest paths between other members that pass through a formal leader", format_share(rel.path_share)),
            ("Drop in how easily other members reach each other without them", format_share(rel.efficiency_drop)),
        ]))
        section.blocks.append(Paragraph(
            "This is the course's own measure, not a published standard. It takes every pair of members who are "
            "not formal leaders and asks what share of the shortest chains of ties between them run through a "
            "formal leader (an idea from group betweenness, Everett & Borgatti 1999), and how much longer their "
            "chains become when the formal leaders are taken out (efficiency, Latora & Marchiori 2001). "
            + _reliance_reading(rel.path_share)))
        scenarios.append(("without the formal leaders", leaders))
    if profile is not None:
        others = profile.drop(index=[v for v in leaders if v in profile.index])
        if len(others) and others["betweenness"].max() > 0:
            top = others["betweenness"].idxmax()
            section.data["most_between"] = top
            scenarios.append((f"without {people.label(top)}", [top]))
    if scenarios and n >= 3:
        tables = []
        before = None
        for label, removed in scenarios:
            table = fast.what_if(G, removed, before=before, arrays=shared_arrays(ctx))
            before = table.attrs["before"]
            tables.append((label, table))
        section.data["what_if"] = {label: table for label, table in tables}
        section.blocks.append(Paragraph("What if they stepped back?", "subhead"))
        rows = []
        for row, words in (("members", "members"), ("ties", "ties"), ("components", "separate pieces"),
                           ("outside the largest component", "members outside the largest piece"),
                           ("average reachability", "pairs of members who can reach each other"),
                           ("global efficiency", "efficiency (1 = everyone tied to everyone)"),
                           ("degree centralization", "degree centralization")):
            cells = [words, _cell(tables[0][1].loc[row, "before"], row)]
            cells += [Suppressed(ctx.minimum) if row == "members" and label == "without the formal leaders" and
                      people.plan.is_hidden(("without_leaders",)) else _cell(table.loc[row, "after"], row)
                      for label, table in tables]
            rows.append(cells)
        section.blocks.append(Table("The network now, and without the people named in each column",
                                    ["", "now"] + [label for label, _ in tables], rows))
        if "most_between" in section.data:
            section.blocks.append(Paragraph(
                f"{people.label(section.data['most_between'])} is the member, other than the formal leaders, who "
                "lies on the most shortest paths between others (the highest betweenness). Comparing the columns "
                "shows whether the network leans more on its formal leaders or on someone without a title.", "note"))
        for label, table in tables:
            cut = table.loc["newly cut off", "after"]
            if cut:
                section.blocks.append(BulletList([format_listing(people.labels(cut))],
                                                 title=f"Cut off from the largest piece {label} ({format_count(len(cut))})"))
    if "leadership" in ctx.net.relation_names and ctx.net.is_directed("leadership"):
        L = ctx.net.graph("leadership")
        if L.number_of_nodes() >= 3:
            shared = leadership.shared_leadership(L)
            section.data["shared_leadership"] = shared
            section.blocks.append(Paragraph("Shared leadership", "subhead"))
            section.blocks.append(KeyFigures([
                ("Leadership nominations", format_count(shared.nominations)),
                ("Density of nominations", format_share(shared.density, 1)),
                ("Centralization of nominations received", format_number(shared.in_degree_centralization)),
            ]))
            section.blocks.append(Paragraph(
                "From the 'leadership' relation (who names whom as someone who leads). More nominations spread "
                "over many people (high density, low centralisation) is what Carson, Tesluk & Marrone (2007) call "
                "shared leadership; nominations piling onto one or two people describe leadership held by few."))


def _leader_betweenness(G, profile, leaders):
    """A single formal leader's betweenness from the role profile (unweighted), so reliance need not count it again.

    None when there are several leaders, no profile, or ties with weights other than 1 (the
    reliance measure ignores weights; a profile could one day use them).
    """
    if profile is None or len(leaders) != 1 or leaders[0] not in profile.index:
        return None
    for _, _, weight in G.edges(data="weight"):
        if not is_missing(weight) and weight != 1:
            return None
    return float(profile.at[leaders[0], "betweenness"])


def _reliance_reading(share):
    if share < 0.10:
        return ("Here few paths need a formal leader: members mostly reach each other directly or through "
                "colleagues, a sign that leadership is already distributed.")
    if share < 0.30:
        return ("Here a noticeable share of paths runs through a formal leader: the network would carry on "
                "without them, but some members reach each other mainly through them.")
    return ("Here a large share of paths runs through a formal leader: in practice the network is run through its "
            "formal structure, and would struggle if they stepped back.")


def _cell(value, row):
    if value is None:
        return "not defined"
    if row in ("average reachability", "global efficiency"):
        return format_share(value) if row == "average reachability" else format_number(value, 3)
    if row == "degree centralization":
        return format_number(value)
    return format_count(value)
