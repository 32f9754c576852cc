"""The report's roles section: who meets each informal role's rule, and why (:mod:`netlearn.roles`)."""

from __future__ import annotations

from ..errors import NetlearnError
from ..roles import ROLES, role_profile
from ..values import is_missing
from . import prompts
from .blocks import KeyFigures, Paragraph, Table
from .context import NOT_RECORDED, choose_hint
from .formatting import format_count, format_number

__all__ = ["TOP_HOLDERS", "ROLE_TITLES", "profile_of", "roles_section"]

#: Role holders listed per role (the count says how many there are in all).
TOP_HOLDERS = 10


ROLE_TITLES = {"broker": "Brokers", "central_connector": "Central connectors", "energizer": "Energizers",
               "boundary_spanner": "Boundary spanners", "peripheral_specialist": "Peripheral specialists"}



def _group_graph(ctx):
    """The graph with every member's group filled in (missing -> NOT_RECORDED), for role_profile."""
    G = ctx.G
    if ctx.group is None:
        raise NetlearnError("The roles need groups (brokers and boundary spanners link groups), and the members "
                            "file has no group column. " + choose_hint(ctx.net, "--group"))
    if all(not is_missing(d.get(ctx.group)) for _, d in G.nodes(data=True)):
        return G
    H = G.copy()
    for v, d in H.nodes(data=True):
        if is_missing(d.get(ctx.group)):
            d[ctx.group] = NOT_RECORDED
    return H


def profile_of(ctx):
    """The role profile of the analysed graph (:func:`netlearn.roles.role_profile`), computed once and shared."""
    if ctx.profile is None and not ctx.profile_error:
        try:
            energy = None
            if "energy" in ctx.net.relation_names and ctx.net.is_directed("energy") and ctx.relation != "energy":
                energy = ctx.net.graph("energy")
            ctx.profile = role_profile(_group_graph(ctx), group=ctx.group, energy=energy, expertise=ctx.expertise)
        except (NetlearnError, ValueError) as error:
            ctx.profile_error = str(error)
    if ctx.profile is None:
        raise NetlearnError(ctx.profile_error)
    return ctx.profile


def roles_section(ctx, section):
    profile = profile_of(ctx)
    people = ctx.people
    counts = {}
    holders = {}
    for role in ROLES:
        if role not in profile.columns:
            continue
        chosen = profile[profile[role]].sort_values(f"{role}_score", ascending=False, kind="stable")
        holders[role] = list(chosen.index)
        counts[role] = len(chosen)
    section.data.update(counts=counts, holders=holders, energy="energizer" in counts)
    section.blocks.append(KeyFigures([(ROLE_TITLES[r], format_count(c)) for r, c in counts.items()]))
    if "energizer" not in counts:
        section.blocks.append(Paragraph("Energizers are not shown: they are found from energy ratings (how "
                                        "interacting with each person affects your energy), and the ties file has "
                                        "no directed relation called 'energy'.", "note"))
    for role, members in holders.items():
        title = ROLE_TITLES[role]
        section.blocks.append(Paragraph(title, "subhead"))
        section.blocks.append(Paragraph(f"The rule: {prompts.ROLE_RULES[role]}"))
        if not members:
            section.blocks.append(Paragraph(f"Nobody meets the rule for {title.lower()} in this network.", "note"))
            continue
        rows = []
        for member in members[:TOP_HOLDERS]:
            row = profile.loc[member]
            rows.append([people.label(member), people.shown_group(member), format_number(float(row[f"{role}_score"])),
                         _role_reason(row, role)])
        note = f"Showing the {TOP_HOLDERS} with the highest scores of {format_count(len(members))}." \
            if len(members) > TOP_HOLDERS else ""
        section.blocks.append(Table(f"{title} ({format_count(len(members))})", ["member", ctx.group, "score", "why"], rows,
                                    note))


def _role_reason(row, role):
    """The part of the profile's ``why`` that concerns ``role``."""
    label = role.replace("_", " ") + ":"
    for part in str(row["why"]).split(" | "):
        if part.startswith(label):
            return part[len(label):].strip()
    return str(row["why"])
