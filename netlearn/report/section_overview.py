"""The report's overview section: size, density, pieces, isolated members, relations and a picture."""

from __future__ import annotations

import networkx as nx

from .. import leadership
from ..values import is_missing
from . import fast, figures
from .blocks import BulletList, Image, KeyFigures, Paragraph, Table
from .context import NOT_RECORDED, network_label, shared_arrays
from .formatting import format_count, format_listing, format_number, format_share
from .suppression import is_suppressed

__all__ = ["overview_section"]


def overview_section(ctx, section):
    G, people = ctx.G, ctx.people
    n, m = G.number_of_nodes(), G.number_of_edges()
    pieces = fast.piece_sizes(shared_arrays(ctx))
    largest = max(pieces, default=0)
    isolated = fast.isolated(shared_arrays(ctx))
    density = nx.density(G) if n > 1 else 0.0
    mean_ties = (2 * m / n if not G.is_directed() else m / n) if n else 0.0
    section.data.update(members=n, ties=m, directed=G.is_directed(), density=density, components=len(pieces),
                        largest_component=largest, isolated=isolated, mean_ties=mean_ties, relation=ctx.relation)
    figures_shown = [("Members", format_count(n)), (f"Ties ({ctx.relation})", format_count(m)),
                     ("Density", format_share(density, 1)),
                     ("Average ties per member", format_number(mean_ties, 1) + (" sent" if G.is_directed() else "")),
                     ("Separate pieces", format_count(len(pieces))), ("Members in the largest piece", format_count(largest)),
                     ("Isolated members", format_count(len(isolated)))]
    if G.is_directed() and m:
        share = leadership.reciprocity(G)
        section.data["reciprocity"] = share
        figures_shown.append(("Ties returned (reciprocity)", format_share(share)))
    section.blocks.append(KeyFigures(figures_shown))
    kind = "directed: a tie from A to B is not the same as one from B to A" if G.is_directed() else \
        "undirected: a tie means both know each other"
    section.blocks.append(Paragraph(
        f"The report looks at the '{ctx.relation}' relation ({kind}). Density is the share of all possible ties "
        f"that exist: {format_count(m)} of {format_count(n * (n - 1) if G.is_directed() else n * (n - 1) // 2)}."))
    named = getattr(ctx.net, "nominations", {}).get(ctx.relation)
    if named:  # survey answers listing a pair both ways, merged into one tie (netlearn.nominations)
        section.data.update(named_by_both=named.both, named_by_one=named.one_only)
        section.blocks.append(Paragraph(
            f"In the answers, {format_count(named.both)} pair{'s' if named.both != 1 else ''} named each other and "
            f"{format_count(named.one_only)} {'were' if named.one_only != 1 else 'was'} named by one person only; a pair "
            "named by both counts as one tie. Ties named by one only are worth a look: perhaps the other person "
            "forgot, or the tie matters more to one of them."))
    if len(pieces) > 1:
        section.blocks.append(Paragraph(
            f"The network is in {len(pieces)} separate pieces: no chain of ties links members of one piece to "
            f"another. The largest piece holds {format_count(largest)} of the {format_count(n)} members ({format_share(largest / n)})."))
    else:
        section.blocks.append(Paragraph("Every member can be reached from every other through a chain of ties "
                                        "(ignoring directions): the network is in one piece."))
    if isolated:
        section.blocks.append(BulletList([format_listing(people.labels(isolated))],
                                         title=f"Isolated members ({format_count(len(isolated))}): no tie in this relation"))
    else:
        section.blocks.append(Paragraph("Nobody is isolated: every member has at least one tie in this relation."))

    relations = ctx.net.summary()
    rows = [[name, "yes" if row["directed"] else "no", format_count(row["ties"]),
             row["description"] if not is_missing(row["description"]) else ""]
            for name, row in relations.iterrows()]
    section.blocks.append(Table("Relations in the ties file", ["relation", "directed", "ties", "what a tie means"],
                                rows))
    section.blocks.append(_picture(ctx))


def _picture(ctx):
    G, people = ctx.G, ctx.people
    leaders = fast.formal_leaders(G) if "formal_leader" in ctx.net.members.columns else []
    leaders_hidden = bool(leaders) and people.plan.is_hidden(("formal_leaders",))
    if leaders_hidden:  # rings could be counted
        leaders = []
    if G.number_of_nodes() <= figures.MAX_DRAWN:
        colour_of = {}
        for v in G:
            shown = people.shown_group(v)
            colour_of[v] = None if (shown is None or is_suppressed(shown) or shown == NOT_RECORDED) else shown
        labels = None
        if people.show_names and G.number_of_nodes() <= 40:
            labels = {v: people.label(v) for v in G}
        png = figures.network_figure(G, colour_of=colour_of, leaders=leaders, labels=labels,
                                     title=f"{network_label(ctx)}: {ctx.relation}")
        shown_groups = sorted({c for c in colour_of.values() if c is not None})
        alt = (f"Drawing of the {ctx.relation} network: {format_count(G.number_of_nodes())} members as dots, "
               f"{format_count(G.number_of_edges())} ties as lines")
        alt += f", coloured by {ctx.group} ({', '.join(shown_groups)})" if shown_groups else ""
        alt += f"; {len(leaders)} formal leader(s) drawn larger with a black ring." if leaders else "."
        grey = []
        if people.hidden_groups:
            grey.append(f"members of groups whose figures are suppressed (smaller than {ctx.minimum}, or hidden "
                        "so that a smaller one cannot be worked out)")
        if NOT_RECORDED in people.group_counts:
            grey.append("members with no group recorded")
        caption = "The layout is fixed, so the picture is the same every time the report is made. " + \
                  ("Grey dots: " + " and ".join(grey) + ". " if grey else "") + \
                  (f"Formal leaders are not ringed: there are fewer than {ctx.minimum}. " if leaders_hidden else "") + \
                  ("Names are left off; positions alone do not say who is who." if not people.show_names else "")
        return Image(png, alt, caption.strip())
    degrees = [d for _, d in (G.to_undirected(as_view=True).degree() if G.is_directed() else G.degree())]
    png = figures.degree_figure(degrees, title=f"How many ties members have ({ctx.relation})")
    return Image(png, f"Histogram of the number of ties per member, for {format_count(len(degrees))} members; the most "
                      f"connected member has {format_count(max(degrees) if degrees else 0)} ties.",
                 f"With more than {figures.MAX_DRAWN} members a drawing shows only a tangle, so this chart shows "
                 "how ties are spread instead: most members have a few, a few have many.")
