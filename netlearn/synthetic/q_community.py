"""The ``q_community`` dataset: an improvement community of 150 members in six regions."""

from __future__ import annotations

import itertools

import pandas as pd

from .draws import StableRandom, weighted_sample
from .tables import (
    join_in_order, members_frame, natural_key, NO, relations_frame, sorted_pair, ties_frame, unique_names,
    YES,
)

__all__ = ["make_q_community", "Q_REGIONS", "Q_TOPICS", "Q_REASONS", "Q_PURPOSES"]


#: Regions of the synthetic improvement community and how many members each has.
Q_REGIONS = ("North", "Midlands", "London", "South East", "South West", "East")


_Q_REGION_SIZES = (28, 26, 27, 24, 23, 22)


#: Why members joined (``reasons_for_joining`` holds one to three of these).
Q_REASONS = (
    "learn from peers", "find collaborators", "share my work", "develop my skills",
    "get support for a project", "influence the wider system", "meet people outside my organisation",
)


#: Improvement topics (``can_help_with`` and ``needs_help_with`` hold one to three each).
Q_TOPICS = (
    "measurement for improvement", "co-production with patients", "spread and scale", "evaluation",
    "leading change", "data analysis", "patient safety", "digital tools", "running workshops",
    "finding funding",
)


#: Purpose priorities ranked in ``purpose_rankings``: (column name, plain words).
Q_PURPOSES = (
    ("share_learning", "share learning about what works"),
    ("spread_improvements", "spread proven improvements"),
    ("build_skills", "build improvement skills"),
    ("peer_support", "offer peer support"),
    ("influence_policy", "influence national and local policy"),
    ("partner_with_patients", "partner with patients and citizens"),
)


# --------------------------------------------------------------------------- q_community


def make_q_community(seed=2017):
    """A synthetic improvement community of 150 members in six regions.

    Loosely modelled on the Q community (people across the UK improving health and care, with
    The Health Foundation), but describing no real person: every name, attribute and tie is drawn
    at random by the rules below.

    Parameters
    ----------
    seed : int, optional
        Seed for :class:`random.Random`. The course's ``q_community`` dataset uses the default, 2017.

    Returns
    -------
    dict of DataFrame
        ``members`` (id, name, group, sector, stakeholder, formal_leader, region,
        years_in_community, reasons_for_joining, can_help_with, needs_help_with), ``ties`` (source,
        target, relation, weight), ``relations`` and ``purpose_rankings`` (member_id and one column
        per priority in :data:`Q_PURPOSES`, 1 = most important).

    Examples
    --------
    >>> tables = make_q_community()
    >>> len(tables["members"]), sorted(tables["ties"]["relation"].unique())
    (150, ['advice', 'energy', 'knows', 'leadership'])
    >>> int((tables["members"]["formal_leader"] == "yes").sum())
    1
    >>> tables["purpose_rankings"].iloc[0, 1:].sort_values().tolist()
    [1, 2, 3, 4, 5, 6]

    Notes
    -----
    The structure is planted so that the course's lessons can be seen in it; ``tests/test_datasets.py``
    checks each one with networkx on the shipped files. The planted roles are not columns: learners
    find them from the ties.

    * **Regional clusters with connectors.** ``knows`` ties fall mostly inside regions: two ordinary
      members of a region know each other with probability 0.28, two members of different regions
      with probability 0.0012. One member per region (two in North and London) is a *connector*,
      3.2 times as likely as others to know each region-mate (at most 0.95), so they have the
      highest degree inside their region. Connectors look inward: they get no random ties to other
      regions.
    * **Brokers.** Four members (in North, Midlands, South West and East) know two ordinary
      members in each of the five other regions and one person at home. Their degree is middling,
      yet after the community lead they have the highest betweenness on ``knows``, and low Burt
      constraint (Burt 1992).
    * **Energizers.** Five members (one of them a patient) know ten to twelve people, one of them
      in another region. Everyone who knows them rates them +1 or +2 on ``energy``, so they
      receive the most positive energy without being among the best connected (Cross, Baker &
      Parker 2003). Energy is rated only between people who know each other; about half of all
      such pairs have a rating, mostly 0 or +1. Two members draw mostly negative ratings, and the
      community lead draws mixed ones.
    * **One over-central formal leader.** The community lead (the only ``formal_leader`` = yes;
      there are no formal regional roles in this dataset) knows the London connectors, eight
      members elsewhere and some London members. About half of all members go to the lead for
      advice (``advice`` does not need a ``knows`` tie: members write to the lead without knowing
      them personally), other advice goes mostly to connectors, and about 85% name the lead on
      ``leadership``. Removing the lead from the advice network cuts its efficiency by about 40%
      and lengthens its paths by more than two steps on average.
    * **Few patient, carer and citizen voices.** Eight members (about 5%) have the
      stakeholder "patient", "carer" or "citizen". They do not work for a sector, so their sector
      is "lay member"; they are about half as likely as others to know each region-mate.
    * **Purpose rankings.** Each member ranks the six priorities by a shared preference plus a
      regional shift plus normal noise whose spread depends on the region (0.25 in North up to
      0.75 in London), so agreement is moderate overall (Kendall's W about 0.4) and much stronger
      in some regions than in others. Half the members add a strong boost to "influence policy" and
      half a penalty, so that priority has by far the largest variance of ranks.
    """
    rng = StableRandom(seed)
    sizes = dict(zip(Q_REGIONS, _Q_REGION_SIZES))
    region = [r for r in Q_REGIONS for _ in range(sizes[r])]
    n = len(region)
    in_region = {r: [i for i in range(n) if region[i] == r] for r in Q_REGIONS}

    # ---- planted roles (kept internal: learners discover them from the ties)
    role = ["member"] * n
    free = {r: list(in_region[r]) for r in Q_REGIONS}

    def take(r, label, k=1):
        picked = rng.sample(free[r], k)
        for i in picked:
            free[r].remove(i)
            role[i] = label
        return picked

    lead = take("London", "lead")[0]
    connectors = []
    for r in Q_REGIONS:
        connectors += take(r, "connector", 2 if r in ("North", "London") else 1)
    brokers = []
    for r in ("North", "Midlands", "South West", "East"):
        brokers += take(r, "broker")
    energizers = []
    for r in ("North", "Midlands", "London", "South East", "East"):
        energizers += take(r, "energizer")
    take("Midlands", "drainer")
    take("South East", "drainer")
    voice_kind = {}
    patient_energizer = energizers[-1]
    voice_kind[patient_energizer] = "patient"
    for r, kind in zip(("North", "Midlands", "London", "South East", "South West", "South West", "East"),
                       ("patient", "carer", "citizen", "patient", "patient", "carer", "citizen")):
        voice_kind[take(r, "member")[0]] = kind

    # ---- knows (undirected)
    knows = set()

    def link(i, j):
        if i != j:
            knows.add((min(i, j), max(i, j)))

    pull = {"lead": 1.2, "connector": 3.2, "broker": 0.0, "energizer": 0.8, "drainer": 1.0, "member": 1.0}
    factor = [pull[role[i]] * (0.55 if i in voice_kind else 1.0) for i in range(n)]
    for r in Q_REGIONS:
        for i, j in itertools.combinations(in_region[r], 2):
            if role[i] != "broker" and role[j] != "broker" and rng.random() < min(0.95, 0.28 * factor[i] * factor[j]):
                link(i, j)
    inward = {lead, *brokers, *connectors}  # connectors look inward; bridging is left to brokers
    for i, j in itertools.combinations(range(n), 2):
        if region[i] != region[j] and i not in inward and j not in inward and rng.random() < 0.0012:
            link(i, j)
    for b in brokers:  # one tie at home, two into every other region
        link(b, rng.choice([j for j in in_region[region[b]] if j != b]))
        others = [r for r in Q_REGIONS if r != region[b]]
        for r in others:
            for j in rng.sample([j for j in in_region[r] if role[j] not in ("lead", "connector")], 2):
                link(b, j)
    for c in connectors:
        if region[c] == region[lead]:
            link(lead, c)
    outside = [i for i in range(n) if region[i] != "London" and role[i] in ("member", "energizer")]
    for j in rng.sample(outside, 8):
        link(lead, j)
    for e in energizers:  # energizers run events, so they know someone elsewhere
        link(e, rng.choice([j for j in range(n) if region[j] != region[e] and role[j] == "member"]))
    neighbours = {i: [] for i in range(n)}
    for i, j in sorted(knows):
        neighbours[i].append(j)
        neighbours[j].append(i)
    for i in range(n):  # nobody knows fewer than two people; energizers know at least ten
        while len(neighbours[i]) < (10 if role[i] == "energizer" else 2):
            j = rng.choice([j for j in in_region[region[i]] if j != i and j not in neighbours[i]])
            link(i, j)
            neighbours[i].append(j)
            neighbours[j].append(i)

    # ---- advice (directed: source goes to target for advice)
    advice = set()
    expertise = {"lead": 0.0, "connector": 4.0, "broker": 2.5, "energizer": 1.2, "drainer": 0.8, "member": 1.0}
    for i in range(n):
        if i == lead:
            for j in rng.sample(connectors, 2):
                advice.add((i, j))
            continue
        if rng.random() < (0.3 if i in voice_kind else 0.5):
            advice.add((i, lead))
        contacts = sorted(neighbours[i])
        weights = [expertise[role[j]] * (0.5 if j in voice_kind else 1.0) for j in contacts]
        for j in weighted_sample(rng, contacts, weights, rng.choice((1, 1, 2, 2, 3))):
            advice.add((i, j))

    # ---- leadership (directed: source names target as someone who leads or influences)
    leadership = set()
    for i in range(n):
        if i == lead:
            for j in rng.sample(connectors, 3):
                leadership.add((i, j))
            continue
        named = []
        if rng.random() < 0.85:
            named.append(lead)
        for j in sorted(neighbours[i]):
            chance = {"connector": 0.35 if region[j] == region[i] else 0.1, "broker": 0.3,
                      "energizer": 0.15}.get(role[j], 0.02)
            if j != lead and rng.random() < chance:
                named.append(j)
        if not named:
            named.append(lead)
        for j in named:
            leadership.add((i, j))

    # ---- energy (directed, -2..+2: how interacting with target affects source's energy)
    scale = (-2, -1, 0, 1, 2)
    energy_profile = {
        "energizer": (1.0, (0, 0, 0, 20, 80)),
        "lead": (0.7, (10, 25, 30, 30, 5)),
        "drainer": (0.7, (40, 40, 20, 0, 0)),
    }
    default_profile = (0.5, (5, 15, 45, 28, 7))
    energy = {}
    for i in range(n):
        for j in sorted(neighbours[i]):
            chance, weights = energy_profile.get(role[j], default_profile)
            if rng.random() < chance:
                energy[(i, j)] = rng.choices(scale, weights=weights)[0]

    # ---- member attributes
    names = unique_names(rng, n)
    others_stakeholders = ("clinician", "manager", "improvement specialist", "researcher")
    sectors = ("acute", "primary care", "mental health", "community", "local authority", "voluntary")
    records = []
    for i in range(n):
        if i in voice_kind:
            stakeholder, sector = voice_kind[i], "lay member"
        elif i == lead:
            stakeholder, sector = "improvement specialist", "voluntary"
        else:
            stakeholder = rng.choices(others_stakeholders, weights=(35, 25, 25, 15))[0]
            sector = "academic" if stakeholder == "researcher" else \
                rng.choices(sectors, weights=(32, 16, 13, 13, 8, 8))[0]
        if i == lead:
            years = 6
        elif role[i] == "connector":
            years = rng.randint(4, 6)
        else:
            years = rng.choices(range(7), weights=(3, 4, 4, 3, 2, 2, 1))[0]
        reasons = rng.sample(Q_REASONS, rng.choice((1, 2, 2, 3)))
        can = set(rng.sample(Q_TOPICS, rng.choice((1, 2, 3))))
        if i in voice_kind:
            can.add("co-production with patients")
        if stakeholder == "researcher":
            can.add("evaluation")
        if role[i] == "broker":
            can.add("spread and scale")
        topics = [t for t in Q_TOPICS if t not in can]
        need_weights = [3 if t in ("finding funding", "data analysis", "evaluation") else 1 for t in topics]
        needs = weighted_sample(rng, topics, need_weights, rng.choice((1, 2, 3)))
        records.append({
            "id": None, "name": names[i], "group": region[i], "sector": sector,
            "stakeholder": stakeholder, "formal_leader": YES if i == lead else NO, "region": region[i],
            "years_in_community": years, "reasons_for_joining": join_in_order(reasons, Q_REASONS),
            "can_help_with": join_in_order(can, Q_TOPICS), "needs_help_with": join_in_order(needs, Q_TOPICS),
        })

    # ---- purpose rankings: regional preference + member noise (+ a divisive priority)
    base = (2.5, 1.75, 1.25, 0.75, 0.0, 1.0)
    regional_shift = {
        "North": (0.4, 0.6, -0.2, 0.0, 0.0, -0.3),
        "Midlands": (0.0, -0.2, 0.6, 0.4, 0.0, 0.0),
        "London": (-0.3, 0.3, 0.0, -0.3, 0.0, 0.6),
        "South East": (0.2, 0.0, 0.3, 0.5, 0.0, -0.4),
        "South West": (-0.2, 0.4, 0.0, 0.3, 0.0, 0.6),
        "East": (0.3, 0.1, -0.3, 0.6, 0.0, 0.1),
    }
    noise = {"North": 0.25, "Midlands": 0.4, "London": 0.75, "South East": 0.35, "South West": 0.55,
             "East": 0.5}
    divisive = [column for column, _ in Q_PURPOSES].index("influence_policy")
    rankings = []
    for i in range(n):
        r = region[i]
        utility = [base[k] + regional_shift[r][k] + rng.gauss(0.0, noise[r]) for k in range(len(Q_PURPOSES))]
        utility[divisive] += 2.4 if rng.random() < 0.5 else -1.0
        order = sorted(range(len(Q_PURPOSES)), key=lambda k: -utility[k])
        ranks = [0] * len(Q_PURPOSES)
        for position, k in enumerate(order, start=1):
            ranks[k] = position
        rankings.append(ranks)

    # ---- ids: shuffled so that a member's id says nothing about their place in the network
    numbers = list(range(1, n + 1))
    rng.shuffle(numbers)
    ids = [f"q{number:03d}" for number in numbers]
    for i, record in enumerate(records):
        record["id"] = ids[i]

    member_columns = ["id", "name", "group", "sector", "stakeholder", "formal_leader", "region",
                      "years_in_community", "reasons_for_joining", "can_help_with", "needs_help_with"]
    members = members_frame(records, member_columns)

    rows = [(*sorted_pair(ids[i], ids[j]), "knows", None) for i, j in knows]
    rows += [(ids[i], ids[j], "advice", None) for i, j in advice]
    rows += [(ids[i], ids[j], "energy", w) for (i, j), w in energy.items()]
    rows += [(ids[i], ids[j], "leadership", None) for i, j in leadership]
    relation_order = ("knows", "advice", "energy", "leadership")
    ties = ties_frame(rows, relation_order)

    relations = relations_frame([
        ("knows", NO, "The two members know each other well enough to get in touch about their work.",
         None, None, ""),
        ("advice", YES, "The source goes to the target for advice about improvement work.", None, None, ""),
        ("energy", YES, "The source rated how interacting with the target usually affects their own energy.",
         -2, 2, "-2 strongly de-energising, -1 somewhat de-energising, 0 neutral, "
                "+1 somewhat energising, +2 strongly energising"),
        ("leadership", YES, "The source names the target as someone who leads or influences the community.",
         None, None, ""),
    ])

    ranking_columns = [column for column, _ in Q_PURPOSES]
    purpose = pd.DataFrame(rankings, columns=ranking_columns)
    purpose.insert(0, "member_id", ids)
    purpose = purpose.iloc[sorted(range(n), key=lambda k: natural_key(ids[k]))].reset_index(drop=True)
    return {"members": members, "ties": ties, "relations": relations, "purpose_rankings": purpose}
