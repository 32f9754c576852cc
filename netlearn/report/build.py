"""The report's sections, computed as data: numbers for tests and widgets, blocks for the page.

:func:`build_report` takes a :class:`~netlearn.Network` and returns a :class:`Report`: a header
saying what the report contains and what it leaves out, then one :class:`Section` each for the
overview, roles, leadership, diversity and (with survey responses) diagnostics. Each section
holds

* ``data`` - the figures as plain Python values, keyed by name (what the tests check, and what
  the notebook widget shows), always with member ids (never shown on the page);
* ``blocks`` - what the page shows, in order: paragraphs, key figures, tables, images and
  lists, with members already replaced by their pseudonyms (or names with ``show_names``) and
  small groups already suppressed (:mod:`netlearn.report.suppression`);
* ``discuss`` - questions for the group, from :mod:`netlearn.report.prompts`.

A section whose measures cannot be computed on this network (no groups, no formal leaders,
too few members) is kept, marked unavailable, with the reason in plain words: one missing
column never stops the whole report.

Nothing here writes HTML; :mod:`netlearn.report.html` turns the blocks into a page and escapes
every piece of text on the way.

>>> import netlearn
>>> report = build_report(netlearn.load_dataset("krackhardt_kite"), key=b"example key")
>>> [section.key for section in report.sections]
['overview', 'roles', 'leadership', 'diversity']
>>> report.section("overview").data["members"], report.section("overview").data["ties"]
(10, 18)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import math
import warnings
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd

from .. import __version__, diversity, leadership
from ..errors import DataError, NetlearnError, RelationError
from ..roles import ROLES, role_profile
from . import fast, figures, prompts
from .pseudonyms import Pseudonyms, load_or_create_key
from .suppression import Suppressed, is_suppressed, small_groups

__all__ = ["Report", "Section", "Paragraph", "KeyFigures", "Table", "Image", "BulletList", "build_report",
           "choose_relation", "choose_group", "DIVERSITY_COLUMNS", "GROUP_COLUMNS", "DEFAULT_VOICES",
           "ROLE_TITLES", "SECTION_TITLES", "NOT_RECORDED", "candidate_group_columns"]

#: Member columns used for groups, in order of preference, when ``group`` is not given.
GROUP_COLUMNS = ("group", "organisation", "team", "department", "region", "sector")
#: Member columns described in the diversity section when ``attributes`` is not given.
DIVERSITY_COLUMNS = ("group", "organisation", "team", "department", "region", "sector", "stakeholder",
                     "profession")
#: Who counts as the voices of people who use services, when the stakeholder column is present.
DEFAULT_VOICES = ("patient", "carer", "citizen")
#: The category shown for members with no value.
NOT_RECORDED = "(not recorded)"
#: Role holders listed per role (the count says how many there are in all).
TOP_HOLDERS = 10
#: Members listed by name or pseudonym in a list (isolated, cut off); the rest are counted.
LIST_LIMIT = 60

ROLE_TITLES = {"broker": "Brokers", "central_connector": "Central connectors", "energizer": "Energizers",
               "boundary_spanner": "Boundary spanners", "peripheral_specialist": "Peripheral specialists"}
SECTION_TITLES = {"overview": "Overview", "roles": "Roles in the network", "leadership": "How leadership is spread",
                  "diversity": "Diversity and silos", "diagnostics": "Diagnostics: health check and maturity matrix"}


# ====================================================================== the data model
@dataclass
class Paragraph:
    """Plain text; ``kind`` is ``"p"``, ``"note"`` (smaller, grey) or ``"warning"`` (boxed)."""

    text: str
    kind: str = "p"


@dataclass
class KeyFigures:
    """A short list of (label, value) pairs shown as large figures; values may be :class:`Suppressed`."""

    items: list


@dataclass
class Table:
    """A table: a caption, column names and rows of cells (text, numbers, None or :class:`Suppressed`)."""

    caption: str
    columns: list
    rows: list
    note: str = ""


@dataclass
class Image:
    """A PNG image with its alternative text (what it shows, for screen readers and printouts)."""

    png: bytes
    alt: str
    caption: str = ""


@dataclass
class BulletList:
    """A list of short texts, with an optional heading."""

    items: list
    title: str = ""


@dataclass
class Section:
    """One section of the report (see the module notes)."""

    key: str
    title: str
    intro: str = ""
    blocks: list = field(default_factory=list)
    discuss: list = field(default_factory=list)
    data: dict = field(default_factory=dict)
    available: bool = True
    reason: str = ""
    seconds: float = 0.0


@dataclass
class Report:
    """Everything the page shows, as data."""

    title: str
    about: list
    contains: list
    leaves_out: list
    sections: list
    references: list
    settings: dict
    generated: str

    def section(self, key):
        """The section called ``key`` (``"overview"``, ``"roles"``...)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


# ====================================================================== small helpers
def _int(n):
    return f"{int(n):,}"


def _pct(x, digits=0):
    return f"{x:.{digits}%}"


def _num(x, digits=2):
    return f"{x:.{digits}f}"


def _listing(labels, limit=LIST_LIMIT):
    labels = list(labels)
    shown = ", ".join(labels[:limit])
    return shown + (f" and {len(labels) - limit:,} more" if len(labels) > limit else "")


def _missing(value):
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


@contextlib.contextmanager
def _no_progress(_label):
    yield


def choose_relation(net, relation=None):
    """The relation the report analyses: ``relation`` if given, else knows, else the first undirected one, else the first.

    >>> import netlearn
    >>> choose_relation(netlearn.load_dataset("q_community"))
    'knows'
    """
    names = net.relation_names
    if relation is not None:
        return net._check_relation(relation)
    if not names:
        raise RelationError("The ties file has no relations.")
    if "knows" in names:
        return "knows"
    for name in names:
        if not net.is_directed(name):
            return name
    return names[0]


def choose_group(net, group=None):
    """The member column that defines groups: ``group`` if given, else the first of :data:`GROUP_COLUMNS` present.

    Returns None when no such column has a value. Raises :class:`~netlearn.DataError` when a
    column named explicitly is not in the members file.
    """
    columns = [c for c in net.members.columns if c != "id"]
    if group is not None:
        if group not in columns:
            import difflib

            close = difflib.get_close_matches(group, columns, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise DataError(f"there is no column '{group}' to use for groups.{hint}", file="members file",
                            fix=f"Use one of the members file's columns: {', '.join(columns) or '(none)'}.")
        return group
    for name in GROUP_COLUMNS:
        if name in columns and net.members[name].notna().any():
            return name
    return None


def candidate_group_columns(net):
    """Member columns that could define groups: text or yes/no columns (not id or name) with 2 to n - 1 values.

    >>> import netlearn
    >>> candidate_group_columns(netlearn.load_dataset("karate_club"))
    ['side']
    """
    n = len(net.members)
    found = []
    for column in net.members.columns:
        if column in ("id", "name"):
            continue
        values = net.members[column].dropna()
        if values.empty or pd.api.types.is_float_dtype(values) or pd.api.types.is_integer_dtype(values):
            continue
        if 2 <= values.astype(str).nunique() < n:
            found.append(column)
    return found


def _choose_hint(net, option):
    columns = candidate_group_columns(net)
    if not columns:
        return ("Add a column called 'group' to the members file (team, organisation or region) to see them.")
    listed = ", ".join(f"'{c}'" for c in columns)
    return (f"Columns of this members file that could serve: {listed}. Choose one with {option} {columns[0]} on the "
            "command line (or the Groups list in the notebook), or add a column called 'group'.")


class _People:
    """How members appear on the page: pseudonyms (default) or names, and their groups after suppression."""

    def __init__(self, net, G, group, *, show_names, key, minimum):
        self.show_names = show_names
        self.minimum = minimum
        ids = list(net.members["id"])
        if show_names:
            names = net.names()
            self.label_of = {m: str(names.get(m, m)) for m in ids}
        else:
            self.label_of = Pseudonyms(ids, key).mapping
        self.group = group
        self.group_of = {}
        if group is not None:
            for v, value in G.nodes(data=group):
                self.group_of[v] = NOT_RECORDED if _missing(value) else str(value)
        counts = {}
        for value in self.group_of.values():
            counts[value] = counts.get(value, 0) + 1
        self.group_counts = counts
        self.hidden_groups = small_groups(counts, minimum)

    def label(self, member):
        return self.label_of.get(member, str(member) if self.show_names else "Member ?")

    def labels(self, members):
        return sorted((self.label(m) for m in members), key=_natural)

    def shown_group(self, member):
        value = self.group_of.get(member)
        if value is None:
            return None
        return Suppressed(self.minimum) if value in self.hidden_groups else value


def _natural(text):
    """Sort key that puts Member 2 before Member 10."""
    import re

    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


# ====================================================================== the report
def build_report(net, *, relation=None, group=None, attributes=None, min_group_size=5, show_names=False, key=None,
                 key_note="", expertise=None, voices=DEFAULT_VOICES, voices_target=0.2, responses=(),
                 sources=None, progress=None, now=None):
    """Compute every section of the report for ``net``.

    Parameters
    ----------
    net : netlearn.Network
    relation : str, optional
        The relation analysed; default: knows if present, else the first undirected one, else the first.
    group : str, optional
        Member column defining groups (default: the first of :data:`GROUP_COLUMNS` present).
    attributes : list of str, optional
        Member columns described in the diversity section (default: those of
        :data:`DIVERSITY_COLUMNS` present).
    min_group_size : int
        Figures about fewer people than this are suppressed (1 turns suppression off).
    show_names : bool
        Show members' names instead of pseudonyms.
    key : bytes, optional
        Secret key for the pseudonyms; default: the key file (see :mod:`netlearn.report.pseudonyms`).
    key_note : str
        A sentence about the key for the report's header (the CLI says where it came from).
    expertise : str, optional
        Member column listing what people know, for the peripheral specialist rule. Off by default,
        because free text can identify people.
    voices, voices_target
        The stakeholder values counted as the voices of people who use services, and the share aimed for.
    responses : list
        Survey responses for the diagnostics section: ``--responses`` values (a file, or
        ``INSTRUMENT=FILE``) or files already read by :func:`netlearn.report.diagnostics.load`.
    sources : dict, optional
        File names shown in the header, e.g. ``{"members": "members.csv", "ties": "ties.csv"}``.
    progress : callable, optional
        ``progress(label)`` returning a context manager, entered around each section.
    now : datetime, optional
        The time written in the header (default: now).

    Returns
    -------
    Report
    """
    if not isinstance(min_group_size, int) or isinstance(min_group_size, bool) or min_group_size < 1:
        raise ValueError(f"min_group_size must be a whole number of at least 1; got {min_group_size!r}.")
    progress = progress or _no_progress
    if responses:
        from . import diagnostics as _diag

        responses = [item if isinstance(item, _diag.Loaded) else _diag.load(item) for item in responses]
    chosen = choose_relation(net, relation)
    group = choose_group(net, group)
    if key is None and not show_names:
        key, _ = load_or_create_key()
    G = net.graph(chosen)
    people = _People(net, G, group, show_names=show_names, key=key, minimum=min_group_size)
    context = _Context(net=net, G=G, relation=chosen, group=group, people=people, minimum=min_group_size,
                       expertise=expertise, voices=tuple(voices), voices_target=voices_target,
                       attributes=attributes)

    sections = []
    builders = [("overview", _overview), ("roles", _roles), ("leadership", _leadership), ("diversity", _diversity)]
    if responses:
        builders.append(("diagnostics", _diagnostics))
    for key_name, builder in builders:
        with progress(SECTION_TITLES[key_name]):
            started = _dt.datetime.now()
            section = Section(key_name, SECTION_TITLES[key_name], intro=prompts.INTRO[key_name],
                              discuss=list(prompts.DISCUSS[key_name]))
            try:
                if key_name == "diagnostics":
                    builder(context, section, responses)
                else:
                    builder(context, section)
            except (NetlearnError, ValueError) as error:
                section.available = False
                section.reason = str(error)
                section.blocks = []
            section.seconds = (_dt.datetime.now() - started).total_seconds()
            sections.append(section)

    now = now or _dt.datetime.now().astimezone()
    return Report(
        title=f"Network report: {net.name}",
        about=_about(context, sources or {}, show_names, key_note, now, responses),
        contains=_contains(context, show_names, responses),
        leaves_out=_leaves_out(context, show_names),
        sections=sections,
        references=list(prompts.REFERENCES),
        settings={"relation": chosen, "group": group, "min_group_size": min_group_size, "show_names": show_names,
                  "expertise": expertise},
        generated=now.strftime("%Y-%m-%d %H:%M %Z").strip(),
    )


@dataclass
class _Context:
    net: object
    G: object
    relation: str
    group: object
    people: _People
    minimum: int
    expertise: object
    voices: tuple
    voices_target: float
    attributes: object
    profile: object = None
    profile_error: str = ""


# ====================================================================== header
def _about(ctx, sources, show_names, key_note, now, responses):
    directed = "directed" if ctx.G.is_directed() else "undirected"
    files = [f"{label}: {name}" for label, name in sources.items() if name]
    about = [
        ("Network", ctx.net.name),
        ("Files", "; ".join(files) if files else "(given in code, not read from files)"),
        ("Relation analysed", f"{ctx.relation} ({directed}, {_int(ctx.G.number_of_edges())} ties)"),
        ("Groups", f"the '{ctx.group}' column" if ctx.group else "none (no group column found)"),
        ("People shown as", "names (the report was made with --show-names)" if show_names else
         "pseudonyms such as 'Member 017', made with a secret key that is not in this report" +
         (f"; {key_note}" if key_note else "")),
        ("Small groups", f"figures about fewer than {ctx.minimum} people are suppressed" if ctx.minimum > 1 else
         "not suppressed (--min-group-size 1): do not share this report beyond the people in it"),
        ("Made", f"{now.strftime('%d %B %Y, %H:%M')} with netlearn {__version__}"),
    ]
    if responses:
        about.insert(2, ("Survey responses", "; ".join(f"{entry.label} ({entry.instrument.title})"
                                                        for entry in responses)))
    return about


def _contains(ctx, show_names, responses):
    items = ["counts and measures for the whole network and for each group of at least "
             f"{ctx.minimum} people" if ctx.minimum > 1 else "counts and measures for the whole network and each group",
             "lists of members in informal roles, each with the rule that put them there",
             f"who is {'named' if show_names else 'shown by pseudonym'} when they are isolated or would be cut off",
             "a picture or chart of the network, with no names on it" if not show_names else
             "a picture or chart of the network",
             "questions to discuss for each section"]
    if responses:
        items.append("summaries of the survey responses, with small groups suppressed")
    return items


def _leaves_out(ctx, show_names):
    items = []
    if not show_names:
        items.append("members' names and ids (only pseudonyms appear)")
    items += ["the tie list itself (who is tied to whom)",
              "any member column other than those named above (free text such as 'can help with' is left out"
              + (f", except '{ctx.expertise}' for peripheral specialists)" if ctx.expertise else ")"),
              "a label saying which pseudonym is a formal leader (they are described as a group; in a small "
              "network their position may still show who they are)"
              if not show_names else "a label saying who is a formal leader, beyond the ring in the picture",
              "anything about people who are not in the members file, or ties nobody reported: a network map "
              "is only as complete as the answers behind it"]
    return items


# ====================================================================== overview
def _overview(ctx, section):
    G, people = ctx.G, ctx.people
    n, m = G.number_of_nodes(), G.number_of_edges()
    pieces = list(nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G))
    largest = max((len(p) for p in pieces), default=0)
    isolated = [v for v in G if G.degree(v) == 0]
    density = nx.density(G) if n > 1 else 0.0
    mean_ties = (2 * m / n if not G.is_directed() else m / n) if n else 0.0
    section.data.update(members=n, ties=m, directed=G.is_directed(), density=density, components=len(pieces),
                        largest_component=largest, isolated=isolated, mean_ties=mean_ties, relation=ctx.relation)
    figures_shown = [("Members", _int(n)), (f"Ties ({ctx.relation})", _int(m)),
                     ("Density", _pct(density, 1)),
                     ("Average ties per member", _num(mean_ties, 1) + (" sent" if G.is_directed() else "")),
                     ("Separate pieces", _int(len(pieces))), ("Members in the largest piece", _int(largest)),
                     ("Isolated members", _int(len(isolated)))]
    if G.is_directed() and m:
        share = leadership.reciprocity(G)
        section.data["reciprocity"] = share
        figures_shown.append(("Ties returned (reciprocity)", _pct(share)))
    section.blocks.append(KeyFigures(figures_shown))
    kind = "directed: a tie from A to B is not the same as one from B to A" if G.is_directed() else \
        "undirected: a tie means both know each other"
    section.blocks.append(Paragraph(
        f"The report looks at the '{ctx.relation}' relation ({kind}). Density is the share of all possible ties "
        f"that exist: {_int(m)} of {_int(n * (n - 1) if G.is_directed() else n * (n - 1) // 2)}."))
    if len(pieces) > 1:
        section.blocks.append(Paragraph(
            f"The network is in {len(pieces)} separate pieces: no chain of ties links members of one piece to "
            f"another. The largest piece holds {_int(largest)} of the {_int(n)} members ({_pct(largest / n)})."))
    else:
        section.blocks.append(Paragraph("Every member can be reached from every other through a chain of ties "
                                        "(ignoring directions): the network is in one piece."))
    if isolated:
        section.blocks.append(BulletList([_listing(people.labels(isolated))],
                                         title=f"Isolated members ({_int(len(isolated))}): no tie in this relation"))
    else:
        section.blocks.append(Paragraph("Nobody is isolated: every member has at least one tie in this relation."))

    relations = ctx.net.summary()
    rows = [[name, "yes" if row["directed"] else "no", _int(row["ties"]),
             row["description"] if not _missing(row["description"]) else ""]
            for name, row in relations.iterrows()]
    section.blocks.append(Table("Relations in the ties file", ["relation", "directed", "ties", "what a tie means"],
                                rows))
    section.blocks.append(_picture(ctx))


def _picture(ctx):
    G, people = ctx.G, ctx.people
    leaders = fast.formal_leaders(G) if "formal_leader" in ctx.net.members.columns else []
    if G.number_of_nodes() <= figures.MAX_DRAWN:
        colour_of = {}
        for v in G:
            shown = people.shown_group(v)
            colour_of[v] = None if (shown is None or is_suppressed(shown) or shown == NOT_RECORDED) else shown
        labels = None
        if people.show_names and G.number_of_nodes() <= 40:
            labels = {v: people.label(v) for v in G}
        png = figures.network_figure(G, colour_of=colour_of, leaders=leaders, labels=labels,
                                     title=f"{ctx.net.name}: {ctx.relation}")
        shown_groups = sorted({c for c in colour_of.values() if c is not None})
        alt = (f"Drawing of the {ctx.relation} network: {_int(G.number_of_nodes())} members as dots, "
               f"{_int(G.number_of_edges())} ties as lines")
        alt += f", coloured by {ctx.group} ({', '.join(shown_groups)})" if shown_groups else ""
        alt += f"; {len(leaders)} formal leader(s) drawn larger with a black ring." if leaders else "."
        grey = []
        if people.hidden_groups:
            grey.append(f"members of groups smaller than {ctx.minimum}")
        if NOT_RECORDED in people.group_counts:
            grey.append("members with no group recorded")
        caption = "The layout is fixed, so the picture is the same every time the report is made. " + \
                  ("Grey dots: " + " and ".join(grey) + ". " if grey else "") + \
                  ("Names are left off; positions alone do not say who is who." if not people.show_names else "")
        return Image(png, alt, caption.strip())
    degrees = [d for _, d in (G.to_undirected(as_view=True).degree() if G.is_directed() else G.degree())]
    png = figures.degree_figure(degrees, title=f"How many ties members have ({ctx.relation})")
    return Image(png, f"Histogram of the number of ties per member, for {_int(len(degrees))} members; the most "
                      f"connected member has {_int(max(degrees) if degrees else 0)} ties.",
                 f"With more than {figures.MAX_DRAWN} members a drawing shows only a tangle, so this chart shows "
                 "how ties are spread instead: most members have a few, a few have many.")


# ====================================================================== roles
def _group_graph(ctx):
    """The graph with every member's group filled in (missing -> NOT_RECORDED), for role_profile."""
    G = ctx.G
    if ctx.group is None:
        raise NetlearnError("The roles need groups (brokers and boundary spanners link groups), and the members "
                            "file has no group column. " + _choose_hint(ctx.net, "--group"))
    if all(not _missing(d.get(ctx.group)) for _, d in G.nodes(data=True)):
        return G
    H = G.copy()
    for v, d in H.nodes(data=True):
        if _missing(d.get(ctx.group)):
            d[ctx.group] = NOT_RECORDED
    return H


def _profile(ctx):
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


def _roles(ctx, section):
    profile = _profile(ctx)
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
    section.blocks.append(KeyFigures([(ROLE_TITLES[r], _int(c)) for r, c in counts.items()]))
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
            rows.append([people.label(member), people.shown_group(member), _num(float(row[f"{role}_score"])),
                         _role_reason(row, role)])
        note = f"Showing the {TOP_HOLDERS} with the highest scores of {_int(len(members))}." \
            if len(members) > TOP_HOLDERS else ""
        section.blocks.append(Table(f"{title} ({_int(len(members))})", ["member", ctx.group, "score", "why"], rows,
                                    note))


def _role_reason(row, role):
    """The part of the profile's ``why`` that concerns ``role``."""
    label = role.replace("_", " ") + ":"
    for part in str(row["why"]).split(" | "):
        if part.startswith(label):
            return part[len(label):].strip()
    return str(row["why"])


# ====================================================================== leadership
def _leadership(ctx, section):
    G, people = ctx.G, ctx.people
    n = G.number_of_nodes()
    shown = []
    degree_c = leadership.centralization(G, "degree")
    section.data["degree_centralization"] = degree_c
    shown.append(("Degree centralization" + (" (ties received)" if G.is_directed() else ""), _num(degree_c)))
    between_c = None
    try:
        profile = _profile(ctx)
        between = profile["betweenness"].to_numpy(dtype=float)
        between_c = float(np.clip((between.max() - between).sum() / (n - 1), 0.0, 1.0))
    except NetlearnError:
        profile = None
        if n <= 1000:
            between_c = leadership.centralization(G, "betweenness")
    if between_c is not None:
        section.data["betweenness_centralization"] = between_c
        shown.append(("Betweenness centralization", _num(between_c)))
    section.blocks.append(KeyFigures(shown))
    section.blocks.append(Paragraph(
        "Centralization (Freeman 1979) runs from 0, when everyone is equally central, to 1, when the network is a "
        "star with one person in the middle. Degree centralization looks at numbers of ties; betweenness "
        "centralization at how far members depend on one person to reach each other. High values mean the network "
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
        rel = fast.reliance(G, leaders)
        section.data.update(path_share=rel.path_share, efficiency_drop=rel.efficiency_drop)
        section.blocks.append(Paragraph("Reliance on the formal leaders", "subhead"))
        section.blocks.append(KeyFigures([
            ("Formal leaders", _int(len(leaders))),
            ("Shortest paths between other members that pass through a formal leader", _pct(rel.path_share)),
            ("Drop in how easily other members reach each other without them", _pct(rel.efficiency_drop)),
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
            table = fast.what_if(G, removed, before=before)
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
            cells += [_cell(table.loc[row, "after"], row) for _, table in tables]
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
                section.blocks.append(BulletList([_listing(people.labels(cut))],
                                                 title=f"Cut off from the largest piece {label} ({_int(len(cut))})"))
    if "leadership" in ctx.net.relation_names and ctx.net.is_directed("leadership"):
        L = ctx.net.graph("leadership")
        if L.number_of_nodes() >= 3:
            shared = leadership.shared_leadership(L)
            section.data["shared_leadership"] = shared
            section.blocks.append(Paragraph("Shared leadership", "subhead"))
            section.blocks.append(KeyFigures([
                ("Leadership nominations", _int(shared.nominations)),
                ("Density of nominations", _pct(shared.density, 1)),
                ("Centralization of nominations received", _num(shared.in_degree_centralization)),
            ]))
            section.blocks.append(Paragraph(
                "From the 'leadership' relation (who names whom as someone who leads). More nominations spread "
                "over many people (high density, low centralization) is what Carson, Tesluk & Marrone (2007) call "
                "shared leadership; nominations piling onto one or two people describe leadership held by few."))


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
        return _pct(value) if row == "average reachability" else _num(value, 3)
    if row == "degree centralization":
        return _num(value)
    return _int(value)


# ====================================================================== diversity
def _attributes(ctx):
    columns = [c for c in ctx.net.members.columns if c != "id"]
    if ctx.attributes is not None:
        missing = [a for a in ctx.attributes if a not in columns]
        if missing:
            raise DataError(f"there is no column '{missing[0]}' to describe.", file="members file",
                            fix=f"Use some of the members file's columns: {', '.join(columns) or '(none)'}.")
        return list(dict.fromkeys(ctx.attributes))
    chosen = []
    seen = []
    for name in DIVERSITY_COLUMNS:
        if name in columns and ctx.net.members[name].notna().any():
            values = ctx.net.members[name].astype(object).tolist()
            if any(values == other for other in seen):  # e.g. region repeating group
                continue
            seen.append(values)
            chosen.append(name)
    if ctx.group is not None and ctx.group not in chosen:
        chosen.insert(0, ctx.group)
    return chosen


def _values(ctx, attribute):
    values = {}
    for v, value in ctx.G.nodes(data=attribute):
        values[v] = NOT_RECORDED if _missing(value) else str(value)
    return values


def _diversity(ctx, section):
    G, minimum = ctx.G, ctx.minimum
    attributes = _attributes(ctx)
    if not attributes:
        raise NetlearnError("There is nothing to describe: the members file has no column such as group, "
                            "organisation, sector or stakeholder. " + _choose_hint(ctx.net, "--attributes"))
    summary_rows = []
    compositions = {}
    ei_overall = {}
    for attribute in attributes:
        values = _values(ctx, attribute)
        counts = {}
        for value in values.values():
            counts[value] = counts.get(value, 0) + 1
        hidden = small_groups(counts, minimum)
        recorded = [v for v in values.values() if v != NOT_RECORDED]
        blau = diversity.blau_index(recorded) if recorded else None
        kinds = len(set(recorded))
        iqv = blau * kinds / (kinds - 1) if blau is not None and kinds > 1 else None
        ei = None
        if kinds > 1 and G.number_of_edges():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    ei = diversity.ei_index(G, attribute, missing="ignore")
                except (ValueError, NetlearnError):
                    ei = None
        ei_overall[attribute] = ei
        compositions[attribute] = {"counts": counts, "hidden": hidden, "blau": blau, "iqv": iqv, "ei": ei}
        summary_rows.append([attribute, _int(kinds), _num(blau) if blau is not None else "not defined",
                             _num(iqv) if iqv is not None else "not defined",
                             f"{ei:+.2f}" if ei is not None and not math.isnan(ei) else "not defined"])
    section.data.update(attributes=attributes, compositions=compositions)
    section.blocks.append(Table("Diversity of the membership, and whether ties cross groups",
                                ["column", "categories", "Blau index", "IQV", "E-I index"], summary_rows,
                                "Blau index (Blau 1977): the chance that two members picked at random are in different "
                                "categories. IQV: the same divided by its largest possible value, so 1 means members "
                                "are spread evenly. E-I index (Krackhardt & Stern 1988): -1 when every tie stays "
                                "inside a category, +1 when every tie crosses. Members with nothing recorded are left "
                                "out of all three."))
    for attribute in attributes:
        info = compositions[attribute]
        total = sum(info["counts"].values())
        rows = []
        for value, count in sorted(info["counts"].items(), key=lambda item: (-item[1], item[0])):
            if value in info["hidden"]:
                rows.append([value, Suppressed(minimum), Suppressed(minimum)])
            else:
                rows.append([value, _int(count), _pct(count / total) if total else ""])
        note = ""
        if info["hidden"]:
            note = (f"Counts below {minimum} are suppressed, and where only one would be, the next smallest is too, "
                    "so that it cannot be worked out from the total.")
        section.blocks.append(Table(f"Members by {attribute}", [attribute, "members", "share"], rows, note))
    if ctx.group is not None:
        _ei_by_group(ctx, section)
    if "stakeholder" in ctx.net.members.columns:
        _voices(ctx, section)


def _ei_by_group(ctx, section):
    G, people, minimum = ctx.G, ctx.people, ctx.minimum
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            table = diversity.ei_index_by_group(G, ctx.group, missing="ignore")
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
        rows.append([name, _int(row["members"]), _int(row["internal"]), _int(row["external"]),
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
        caption = f"Groups smaller than {minimum} are not drawn." if people.hidden_groups else ""
        section.blocks.append(Image(png, alt, caption))


def _voices(ctx, section):
    minimum = ctx.minimum
    values = {v: (None if _missing(x) else str(x).strip().lower()) for v, x in ctx.G.nodes(data="stakeholder")}
    recorded = [x for x in values.values() if x is not None]
    if not recorded:
        return
    per_voice = {voice: sum(1 for x in recorded if x == voice.lower()) for voice in ctx.voices}
    count, total = sum(per_voice.values()), len(recorded)
    section.data["voices"] = {"count": count, "total": total, "per_voice": per_voice, "target": ctx.voices_target}
    shown = dict(zip(per_voice, [Suppressed(minimum) if k in small_groups(per_voice, minimum) else c
                                 for k, c in per_voice.items()]))
    rows = [[voice, "none" if c == 0 else c if is_suppressed(c) else _int(c)] for voice, c in shown.items()]
    plural = [f"{v}s" for v in ctx.voices]
    voice_names = plural[0] if len(plural) == 1 else ", ".join(plural[:-1]) + " or " + plural[-1]
    section.blocks.append(Paragraph(f"Voices of people who use services ({', '.join(plural)})", "subhead"))
    share = count / total
    if 0 < count < minimum:
        text = (f"Fewer than {minimum} of the {_int(total)} members with a stakeholder recorded are {voice_names}: "
                f"below the aim of {_pct(ctx.voices_target)}.")
    else:
        text = (f"{_int(count)} of the {_int(total)} members with a stakeholder recorded ({_pct(share)}) are "
                f"{voice_names}")
        if share >= ctx.voices_target:
            text += f": at or above the aim of {_pct(ctx.voices_target)}."
        else:
            needed = max(1, math.ceil((ctx.voices_target * total - count) / (1 - ctx.voices_target) - 1e-9))
            text += (f", below the aim of {_pct(ctx.voices_target)}. About {_int(needed)} more would need to join "
                     "(with nobody leaving) to reach it.")
    absent = [voice for voice, c in per_voice.items() if c == 0]
    if absent:
        text += " There are no " + " and no ".join(f"{v}s" for v in absent) + "."
    section.blocks.append(Paragraph(text))
    section.blocks.append(Table("Members by voice", ["voice", "members"], rows))


# ====================================================================== diagnostics
def _diagnostics(ctx, section, responses):
    from . import diagnostics as diag

    diag.build_section(ctx, section, responses)
