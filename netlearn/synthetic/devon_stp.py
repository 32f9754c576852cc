"""The ``devon_stp`` dataset: a multi-organisation partnership in Devon, with its workstreams."""

from __future__ import annotations

import itertools

from .draws import StableRandom, weighted_sample
from .tables import members_frame, NO, relations_frame, sorted_pair, ties_frame, unique_names

__all__ = ["make_devon_stp", "DEVON_WORKSTREAMS"]


#: The seven priority areas of the Wider Devon STP (2016), used as workstreams: (id, name).
DEVON_WORKSTREAMS = (
    ("ws_prevention", "Ill health prevention and early intervention"),
    ("ws_integrated_care", "Integrated care model"),
    ("ws_primary_care", "Primary care"),
    ("ws_mental_health", "Mental health and learning disabilities"),
    ("ws_acute", "Acute hospital and specialist services"),
    ("ws_productivity", "Increasing service productivity"),
    ("ws_children", "Children and young people"),
)


# --------------------------------------------------------------------------- devon_stp

# (id, name, sector, org_type, number of synthetic people). Provider sectors say which services each
# provides (acute, community, mental health), so that "who is missing?" checks can tell them apart.
_DEVON_ORGANISATIONS = (
    ("devon_cc", "Devon County Council", "local authority", "county council", 11),
    ("plymouth_cc", "Plymouth City Council", "local authority", "unitary council", 8),
    ("torbay_council", "Torbay Council", "local authority", "unitary council", 6),
    ("new_devon_ccg", "NEW Devon CCG", "NHS commissioner", "clinical commissioning group", 12),
    ("sdt_ccg", "South Devon and Torbay CCG", "NHS commissioner", "clinical commissioning group", 8),
    ("rde", "Royal Devon and Exeter NHS Foundation Trust", "acute", "NHS foundation trust", 15),
    ("ndht", "Northern Devon Healthcare NHS Trust", "acute and community", "NHS trust", 10),
    ("tsdft", "Torbay and South Devon NHS Foundation Trust", "acute and community", "NHS foundation trust", 12),
    ("pht", "Plymouth Hospitals NHS Trust", "acute", "NHS trust", 13),
    ("dpt", "Devon Partnership NHS Trust", "mental health", "NHS trust", 9),
    ("livewell", "Livewell Southwest", "community", "community interest company", 8),
    ("hw_devon", "Healthwatch Devon", "Healthwatch", "local Healthwatch", 2),
    ("hw_plymouth", "Healthwatch Plymouth", "Healthwatch", "local Healthwatch", 1),
    ("hw_torbay", "Healthwatch Torbay", "Healthwatch", "local Healthwatch", 1),
    ("vcs_alliance", "Voluntary sector alliance (synthetic)", "voluntary", "voluntary sector body", 2),
    ("vcs_community", "Community support charity (synthetic)", "voluntary", "voluntary sector body", 1),
    ("vcs_carers", "Carers' network (synthetic)", "voluntary", "voluntary sector body", 1),
)


# How likely people from each kind of organisation are to join each workstream (DEVON_WORKSTREAMS order).
_WORKSTREAM_PULL = {
    "local authority": (4, 4, 1, 2, 0.5, 1, 4),
    "NHS commissioner": (2, 3, 4, 2, 3, 3, 2),
    "acute": (0.5, 2, 1, 0.5, 5, 4, 1),
    "acute and community": (1, 4, 1, 0.5, 4, 3, 1),
    "mental health": (1, 2, 1, 6, 0.5, 1, 2),
    "community": (2, 4, 2, 3, 0.5, 1, 2),
    "Healthwatch": (2, 2, 2, 2, 2, 1, 2),
    "voluntary": (4, 2, 1, 3, 0.2, 0.2, 3),
}


# sector -> group: the coarse sides that silo measures compare
_DEVON_GROUP = {
    "local authority": "local authority", "NHS commissioner": "NHS", "acute": "NHS",
    "acute and community": "NHS", "mental health": "NHS", "community": "NHS",
    "Healthwatch": "Healthwatch", "voluntary": "voluntary",
}


# role -> stakeholder perspective
_DEVON_STAKEHOLDER = {
    "director": "manager", "senior manager": "manager", "manager": "manager", "analyst": "manager",
    "commissioner": "manager", "clinician": "clinician", "social worker": "social care professional",
    "public health specialist": "public health professional", "patient representative": "patient",
    "carer representative": "carer", "community volunteer": "citizen",
}


def _devon_roles(rng, sector, count, org_id):
    """Job roles for the people of one organisation (first is always its director)."""
    if sector == "Healthwatch":
        return ["manager", "patient representative"][:count]
    if sector == "voluntary":
        return {"vcs_carers": ["carer representative"], "vcs_community": ["community volunteer"]}.get(
            org_id, ["manager", "community volunteer"][:count])
    pool = {
        "local authority": (("manager", 4), ("senior manager", 2), ("social worker", 2),
                            ("public health specialist", 2), ("commissioner", 1), ("analyst", 1)),
        "NHS commissioner": (("commissioner", 5), ("clinician", 2), ("manager", 2), ("senior manager", 1),
                             ("analyst", 1)),
        "NHS provider": (("clinician", 5), ("manager", 3), ("senior manager", 1), ("analyst", 1)),
    }[sector if sector in ("local authority", "NHS commissioner") else "NHS provider"]
    labels, weights = zip(*pool)
    return ["director"] + rng.choices(labels, weights=weights, k=count - 1)


def make_devon_stp(seed=2016):
    """The Devon STP as a multi-organisation network: real organisations, invented people and ties.

    The Wider Devon Sustainability and Transformation Partnership (STP, from 2016) brought together
    three councils, two clinical commissioning groups, six NHS providers and others to plan health
    and care for Devon, Plymouth and Torbay. The organisations and the seven workstreams (the STP's
    priority areas) are real names; every person, affiliation to a workstream and collaboration tie
    is invented.

    Parameters
    ----------
    seed : int, optional
        Seed for :class:`random.Random`; the course's ``devon_stp`` dataset uses the default, 2016.

    Returns
    -------
    dict of DataFrame
        ``members`` (id, name, kind, organisation, group, sector, stakeholder, role, org_type),
        ``ties`` and ``relations``. Members are of three kinds: 17 organisations, 7 workstreams and
        120 people.

    Examples
    --------
    >>> tables = make_devon_stp()
    >>> tables["members"]["kind"].value_counts().to_dict()
    {'person': 120, 'organisation': 17, 'workstream': 7}
    >>> int(tables["ties"]["relation"].value_counts()["affiliated"])
    120

    Notes
    -----
    * ``affiliated`` links each person to exactly one organisation and ``workstream_member`` links
      each person to one to three workstreams (directors to three; Healthwatch and voluntary-sector
      people to one). Both are two-mode: person first, organisation or workstream second; they are
      declared undirected because membership runs both ways. Which workstreams people join depends
      on the kind of organisation (council staff lean to prevention, integrated care and children;
      acute trusts to acute services and productivity; the mental health trust to mental health).
    * ``collaborates`` links people (weight 1-3). Two people in the same organisation collaborate
      with probability 0.5; across organisations the chance grows with the number of workstreams
      they share, and is highest between two councils or two NHS bodies (0.03 + 0.14 per shared
      workstream), lower between a council and an NHS body (0.01 + 0.05 per shared workstream) and
      lowest for Healthwatch and voluntary-sector people (0.005 + 0.04). So councils and NHS bodies
      are visibly less connected to each other than within themselves, and patient and community
      voices sit at the edge - the picture that the "diversify membership" lesson starts from.
    * ``sector`` says what each organisation does (local authority, NHS commissioner, acute, acute
      and community, community, mental health, Healthwatch, voluntary) and ``group`` the side of the
      partnership (local authority, NHS, Healthwatch, voluntary). No general practice or other
      primary care organisation is a member, so a check of which sectors are at the table finds
      primary care missing and the voluntary sector and Healthwatch thin.
    * The six NHS providers are shown as likely partners because they provided NHS services in the
      STP's area; this dataset claims nothing about who actually took part in which workstream.
    """
    rng = StableRandom(seed)
    org_sector = {o[0]: o[2] for o in _DEVON_ORGANISATIONS}
    records = []
    for org_id, name, sector, org_type, _ in _DEVON_ORGANISATIONS:
        records.append({"id": org_id, "name": name, "kind": "organisation", "organisation": None,
                        "group": _DEVON_GROUP[sector], "sector": sector, "stakeholder": None, "role": None,
                        "org_type": org_type})
    for ws_id, name in DEVON_WORKSTREAMS:
        records.append({"id": ws_id, "name": name, "kind": "workstream", "organisation": None,
                        "group": None, "sector": None, "stakeholder": None, "role": None, "org_type": None})

    total = sum(o[4] for o in _DEVON_ORGANISATIONS)
    names = unique_names(rng, total)
    people = []  # (person id, organisation id, role)
    for org_id, _, sector, _, count in _DEVON_ORGANISATIONS:
        for person_role in _devon_roles(rng, sector, count, org_id):
            people.append((None, org_id, person_role))
    numbers = list(range(1, total + 1))
    rng.shuffle(numbers)
    people = [(f"p{numbers[k]:03d}", org, person_role) for k, (_, org, person_role) in enumerate(people)]
    for k, (person, org, person_role) in enumerate(people):
        sector = org_sector[org]
        records.append({"id": person, "name": names[k], "kind": "person", "organisation": org,
                        "group": _DEVON_GROUP[sector], "sector": sector,
                        "stakeholder": _DEVON_STAKEHOLDER[person_role],
                        "role": person_role, "org_type": None})

    rows = []
    streams = {}
    ws_ids = [w for w, _ in DEVON_WORKSTREAMS]
    for person, org, person_role in people:
        rows.append((person, org, "affiliated", None))
        sector = org_sector[org]
        if sector in ("Healthwatch", "voluntary"):
            k = 1
        elif person_role == "director":
            k = 3
        else:
            k = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
        chosen = weighted_sample(rng, ws_ids, _WORKSTREAM_PULL[sector], k)
        streams[person] = set(chosen)
        for ws in chosen:
            rows.append((person, ws, "workstream_member", None))

    def side(org):
        group = _DEVON_GROUP[org_sector[org]]
        return {"local authority": "council", "NHS": "nhs"}.get(group, "voice")

    collaborations = {}
    for (a, org_a, _), (b, org_b, _) in itertools.combinations(people, 2):
        shared = len(streams[a] & streams[b])
        if org_a == org_b:
            chance, weights = 0.5, (2, 4, 4)
        elif "voice" in (side(org_a), side(org_b)):
            chance, weights = 0.005 + 0.04 * shared, (7, 2, 1)
        elif side(org_a) == side(org_b):
            chance, weights = 0.03 + 0.14 * shared, (6, 3, 1)
        else:
            chance, weights = 0.01 + 0.05 * shared, (6, 3, 1)
        if rng.random() < chance:
            collaborations[sorted_pair(a, b)] = rng.choices((1, 2, 3), weights=weights)[0]
    degree = {person: 0 for person, _, _ in people}
    for a, b in collaborations:
        degree[a] += 1
        degree[b] += 1
    for person, org, _ in people:  # everybody works with somebody, if only occasionally
        if degree[person] == 0:
            partners = [p for p, o, _ in people if p != person and (o == org or streams[p] & streams[person])]
            partner = rng.choice(partners)
            collaborations[sorted_pair(person, partner)] = 1
            degree[person] += 1
            degree[partner] += 1
    rows += [(a, b, "collaborates", w) for (a, b), w in collaborations.items()]
    relation_order = ("affiliated", "workstream_member", "collaborates")
    ties = ties_frame(rows, relation_order)

    relations = relations_frame([
        ("affiliated", NO, "The person (source) works for or represents the organisation (target). "
                           "Two-mode: people and organisations.", None, None, ""),
        ("workstream_member", NO, "The person (source) is a member of the STP workstream (target). "
                                  "Two-mode: people and workstreams.", None, None, ""),
        ("collaborates", NO, "The two people work together on STP business.", 1, 3,
         "1 occasionally (a few times a year), 2 regularly (about monthly), 3 closely (weekly or more)"),
    ])
    columns = ["id", "name", "kind", "organisation", "group", "sector", "stakeholder", "role", "org_type"]
    members = members_frame(records, columns)
    return {"members": members, "ties": ties, "relations": relations}
