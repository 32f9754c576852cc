"""Seeded synthetic networks for the course: tables only, no files.

Each generator returns a dict of plain pandas DataFrames laid out exactly like the CSV files in
``datasets/`` (see ``datasets/README.md``): ``members``, ``ties`` and ``relations``, plus any extra
table (e.g. ``purpose_rankings``). Cells already follow the file conventions - yes/no for true/false,
``"; "`` between the items of a list, a blank (missing) weight for unweighted relations - so that
``scripts/build_datasets.py`` can write them as they are.

* :func:`make_q_community` - an improvement community of 150 members (the ``q_community`` dataset).
* :func:`make_devon_stp` - a multi-organisation partnership in Devon (the ``devon_stp`` dataset).
* :func:`make_community` - a large community of any size, for speed tests; never written to disk.

All randomness comes from :class:`random.Random` seeded with the ``seed`` argument, and only from its
``random()`` method: Python guarantees that method's stream for a given seed on every version, but
not that of ``sample``, ``choices``, ``gauss`` and the rest, so those are rebuilt here from
``random()`` (see :class:`_Random`). The same seed therefore gives byte-identical files on every
machine (``tests/test_datasets.py`` checks this). No set of strings is ever iterated over while
drawing random numbers, because the order of such sets changes from one Python process to the next.

No person described by these tables exists: names are random pairs drawn from short lists of
common first names and surnames, and every tie is drawn at random by the rules documented in each
function.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import re

import pandas as pd

__all__ = ["make_q_community", "make_devon_stp", "make_community",
           "Q_REGIONS", "Q_TOPICS", "Q_REASONS", "Q_PURPOSES", "DEVON_WORKSTREAMS"]

YES, NO = "yes", "no"
LIST_SEPARATOR = "; "

FIRST_NAMES = (
    "Alex", "Amara", "Ben", "Bethan", "Callum", "Chloe", "Daniel", "Deepa", "Eleanor", "Ewan",
    "Farah", "Fiona", "George", "Grace", "Hamza", "Hannah", "Imran", "Isla", "Jack", "Jasmine",
    "Kemi", "Kieran", "Laura", "Liam", "Maya", "Mohammed", "Nadia", "Niall", "Olivia", "Owen",
    "Priya", "Rhys", "Ruth", "Sam", "Sophie", "Tom", "Usha", "Wei", "Yasmin", "Zoe",
)
LAST_NAMES = (
    "Adams", "Ahmed", "Bailey", "Begum", "Brown", "Campbell", "Chen", "Clarke", "Davies", "Edwards",
    "Evans", "Fraser", "Green", "Hall", "Hughes", "Hussain", "Jones", "Kaur", "Khan", "Lewis",
    "Martin", "Morgan", "Murphy", "Nolan", "Okafor", "Patel", "Price", "Roberts", "Shah", "Singh",
    "Taylor", "Thomas", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wright", "Young",
)

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


# --------------------------------------------------------------------------- small helpers


class _Random:
    """Random draws built only from :meth:`random.Random.random`, whose stream Python keeps stable.

    The methods mirror those of :class:`random.Random` that the generators use, with simple
    textbook algorithms, so that a seed means the same data on every Python version.

    >>> r = _Random(1)
    >>> r.sample(range(10), 3) == _Random(1).sample(range(10), 3)
    True
    >>> sorted(r.sample("abcde", 5))
    ['a', 'b', 'c', 'd', 'e']
    """

    def __init__(self, seed):
        self._source = random.Random(seed)

    def random(self):
        """A float in [0, 1)."""
        return self._source.random()

    def _below(self, n):
        """An integer in [0, n)."""
        return min(int(self.random() * n), n - 1)

    def randint(self, low, high):
        """An integer in [low, high], both ends included."""
        return low + self._below(high - low + 1)

    def choice(self, seq):
        seq = list(seq)
        return seq[self._below(len(seq))]

    def shuffle(self, items):
        """Shuffle a list in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self._below(i + 1)
            items[i], items[j] = items[j], items[i]

    def sample(self, population, k):
        """``k`` distinct items, in the order drawn (partial Fisher-Yates)."""
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("sample larger than population")
        for i in range(k):
            j = i + self._below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def choices(self, population, weights, k=1):
        """``k`` items drawn with replacement, with probability proportional to ``weights``."""
        population = list(population)
        cumulative = list(itertools.accumulate(weights))
        total = cumulative[-1]
        return [population[min(bisect.bisect_right(cumulative, self.random() * total), len(population) - 1)]
                for _ in range(k)]

    def gauss(self, mu, sigma):
        """A normal draw (Box-Muller, one value per call)."""
        u1, u2 = self.random(), self.random()
        return mu + sigma * math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)

    def paretovariate(self, alpha):
        """A Pareto draw with shape ``alpha`` (minimum 1)."""
        return (1.0 - self.random()) ** (-1.0 / alpha)



def _natural_key(text):
    """Sort key that puts 'q2' before 'q10' and '2' before '10'."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", str(text)) if part != ""]


def _sorted_pair(a, b):
    """An undirected pair written once: the smaller id (natural order) first."""
    return (a, b) if _natural_key(a) <= _natural_key(b) else (b, a)


def _unique_names(rng, count):
    """``count`` different fictional names, each a random first name plus a random surname."""
    pairs = list(itertools.product(FIRST_NAMES, LAST_NAMES))
    return [f"{first} {last}" for first, last in rng.sample(pairs, count)]


def _weighted_sample(rng, items, weights, k):
    """``k`` distinct items, drawn one at a time with probability proportional to weight."""
    items, weights = list(items), list(weights)
    chosen = []
    for _ in range(min(k, sum(1 for w in weights if w > 0))):
        pick = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items[pick])
        weights[pick] = 0
    return chosen


def _join(items, order):
    """Join a list's items with '; ' in the fixed order of ``order``."""
    return LIST_SEPARATOR.join(item for item in order if item in items)


def _ties_frame(rows, relation_order):
    """Ties as a DataFrame sorted by relation (declared order), then source, then target."""
    rank = {name: position for position, name in enumerate(relation_order)}
    rows = sorted(rows, key=lambda r: (rank[r[2]], _natural_key(r[0]), _natural_key(r[1])))
    frame = pd.DataFrame(rows, columns=["source", "target", "relation", "weight"])
    frame["weight"] = frame["weight"].astype("Int64")
    return frame


def _relations_frame(rows):
    """Relations table: relation, directed (yes/no), description, weight range and meaning."""
    frame = pd.DataFrame(rows, columns=["relation", "directed", "description", "weight_min",
                                        "weight_max", "weight_meaning"])
    for column in ("weight_min", "weight_max"):
        frame[column] = frame[column].astype("Int64")
    return frame


_KIND_ORDER = ("person", "organisation", "event", "workstream")


def _members_frame(records, columns):
    """Members sorted by kind (people first, when there are kinds), then id."""
    records = sorted(records, key=lambda r: (_KIND_ORDER.index(r["kind"]) if r.get("kind") in _KIND_ORDER else -1,
                                             _natural_key(r["id"])))
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in columns:
        if records and isinstance(records[0].get(column), int) and not isinstance(records[0][column], bool):
            frame[column] = frame[column].astype("Int64")
    return frame


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
    * **Few patient, carer and citizen voices.** Eight members (about 5%) have sector
      "patient/carer/citizen"; they are about half as likely as others to know each region-mate.
    * **Purpose rankings.** Each member ranks the six priorities by a shared preference plus a
      regional shift plus normal noise whose spread depends on the region (0.25 in North up to
      0.75 in London), so agreement is moderate overall (Kendall's W about 0.4) and much stronger
      in some regions than in others. Half the members add a strong boost to "influence policy" and
      half a penalty, so that priority has by far the largest variance of ranks.
    """
    rng = _Random(seed)
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
        for j in _weighted_sample(rng, contacts, weights, rng.choice((1, 1, 2, 2, 3))):
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
    names = _unique_names(rng, n)
    others_stakeholders = ("clinician", "manager", "improvement specialist", "researcher")
    sectors = ("acute", "primary care", "mental health", "community", "local authority", "voluntary")
    records = []
    for i in range(n):
        if i in voice_kind:
            stakeholder, sector = voice_kind[i], "patient/carer/citizen"
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
        needs = _weighted_sample(rng, topics, need_weights, rng.choice((1, 2, 3)))
        records.append({
            "id": None, "name": names[i], "group": region[i], "sector": sector,
            "stakeholder": stakeholder, "formal_leader": YES if i == lead else NO, "region": region[i],
            "years_in_community": years, "reasons_for_joining": _join(reasons, Q_REASONS),
            "can_help_with": _join(can, Q_TOPICS), "needs_help_with": _join(needs, Q_TOPICS),
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
    members = _members_frame(records, member_columns)

    rows = [(*_sorted_pair(ids[i], ids[j]), "knows", None) for i, j in knows]
    rows += [(ids[i], ids[j], "advice", None) for i, j in advice]
    rows += [(ids[i], ids[j], "energy", w) for (i, j), w in energy.items()]
    rows += [(ids[i], ids[j], "leadership", None) for i, j in leadership]
    relation_order = ("knows", "advice", "energy", "leadership")
    ties = _ties_frame(rows, relation_order)

    relations = _relations_frame([
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
    purpose = purpose.iloc[sorted(range(n), key=lambda k: _natural_key(ids[k]))].reset_index(drop=True)
    return {"members": members, "ties": ties, "relations": relations, "purpose_rankings": purpose}


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
    rng = _Random(seed)
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
    names = _unique_names(rng, total)
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
        chosen = _weighted_sample(rng, ws_ids, _WORKSTREAM_PULL[sector], k)
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
            collaborations[_sorted_pair(a, b)] = rng.choices((1, 2, 3), weights=weights)[0]
    degree = {person: 0 for person, _, _ in people}
    for a, b in collaborations:
        degree[a] += 1
        degree[b] += 1
    for person, org, _ in people:  # everybody works with somebody, if only occasionally
        if degree[person] == 0:
            partners = [p for p, o, _ in people if p != person and (o == org or streams[p] & streams[person])]
            partner = rng.choice(partners)
            collaborations[_sorted_pair(person, partner)] = 1
            degree[person] += 1
            degree[partner] += 1
    rows += [(a, b, "collaborates", w) for (a, b), w in collaborations.items()]
    relation_order = ("affiliated", "workstream_member", "collaborates")
    ties = _ties_frame(rows, relation_order)

    relations = _relations_frame([
        ("affiliated", NO, "The person (source) works for or represents the organisation (target). "
                           "Two-mode: people and organisations.", None, None, ""),
        ("workstream_member", NO, "The person (source) is a member of the STP workstream (target). "
                                  "Two-mode: people and workstreams.", None, None, ""),
        ("collaborates", NO, "The two people work together on STP business.", 1, 3,
         "1 occasionally (a few times a year), 2 regularly (about monthly), 3 closely (weekly or more)"),
    ])
    columns = ["id", "name", "kind", "organisation", "group", "sector", "stakeholder", "role", "org_type"]
    members = _members_frame(records, columns)
    return {"members": members, "ties": ties, "relations": relations}


# --------------------------------------------------------------------------- make_community


def make_community(n_members=5000, mean_degree=20, n_regions=10, seed=0):
    """A large synthetic community for speed tests, built in a few seconds.

    Parameters
    ----------
    n_members : int, optional
        Number of members (default 5,000).
    mean_degree : int, optional
        Average number of ``knows`` ties per member; the network has exactly
        ``n_members * mean_degree // 2`` of them (50,000 by default).
    n_regions : int, optional
        Number of regions (``group`` = ``region``).
    seed : int, optional
        Seed for :class:`random.Random`.

    Returns
    -------
    dict of DataFrame
        ``members`` (id, group, sector, stakeholder, formal_leader, region, years_in_community),
        ``ties`` (``knows``, undirected, and ``advice``, directed) and ``relations``, with the same
        conventions as :func:`make_q_community`.

    Examples
    --------
    >>> tables = make_community(n_members=200, mean_degree=6, n_regions=4, seed=1)
    >>> len(tables["members"]), int((tables["ties"]["relation"] == "knows").sum())
    (200, 600)

    Notes
    -----
    Each member gets an activity level drawn from a Pareto distribution (shape 2.5), so degrees are
    skewed as in real communities. Ties are drawn one at a time: the first end with probability
    proportional to activity, the second end from the same region 85% of the time (again by
    activity) and from anywhere otherwise; self-ties and repeats are drawn again. Each member asks
    one or two of their contacts for advice, and 5% also ask the one formal leader.
    """
    if n_members < 2 or n_regions < 1:
        raise ValueError("make_community needs at least 2 members and 1 region.")
    target = n_members * mean_degree // 2
    if target > n_members * (n_members - 1) // 2:
        raise ValueError("mean_degree is too high for that many members.")
    rng = _Random(seed)
    width = len(str(n_members))
    ids = [f"c{k:0{width}d}" for k in range(1, n_members + 1)]
    regions = [f"Region {k}" for k in range(1, n_regions + 1)]
    region_of = [k % n_regions for k in range(n_members)]
    activity = [rng.paretovariate(2.5) for _ in range(n_members)]
    all_cum = list(itertools.accumulate(activity))
    region_members = [[k for k in range(n_members) if region_of[k] == r] for r in range(n_regions)]
    region_cum = [list(itertools.accumulate(activity[k] for k in group)) for group in region_members]

    def draw(cum, pool=None):
        k = bisect.bisect_right(cum, rng.random() * cum[-1])
        k = min(k, len(cum) - 1)
        return pool[k] if pool is not None else k

    pairs = set()
    while len(pairs) < target:
        u = draw(all_cum)
        r = region_of[u]
        v = draw(region_cum[r], region_members[r]) if rng.random() < 0.85 else draw(all_cum)
        if u != v:
            pairs.add((u, v) if u < v else (v, u))
    contacts = [[] for _ in range(n_members)]
    for u, v in sorted(pairs):
        contacts[u].append(v)
        contacts[v].append(u)

    leader = max(range(n_members), key=lambda k: (len(contacts[k]), -k))
    advice = set()
    for u in range(n_members):
        if contacts[u]:
            for v in rng.sample(contacts[u], min(len(contacts[u]), rng.choice((1, 2)))):
                advice.add((u, v))
        if u != leader and rng.random() < 0.05:
            advice.add((u, leader))

    sectors = ("acute", "primary care", "mental health", "community", "local authority", "voluntary",
               "academic", "patient/carer/citizen")
    stakeholders = {"academic": "researcher", "patient/carer/citizen": None}
    members = {"id": ids, "group": [], "sector": [], "stakeholder": [], "formal_leader": [], "region": [],
               "years_in_community": []}
    for k in range(n_members):
        sector = rng.choices(sectors, weights=(30, 16, 12, 12, 8, 8, 9, 5))[0]
        stakeholder = stakeholders.get(sector, "")
        if stakeholder is None:
            stakeholder = rng.choice(("patient", "carer", "citizen"))
        elif stakeholder == "":
            stakeholder = rng.choices(("clinician", "manager", "improvement specialist"), weights=(45, 30, 25))[0]
        members["group"].append(regions[region_of[k]])
        members["region"].append(regions[region_of[k]])
        members["sector"].append(sector)
        members["stakeholder"].append(stakeholder)
        members["formal_leader"].append(YES if k == leader else NO)
        members["years_in_community"].append(rng.randint(0, 6))
    members = pd.DataFrame(members)
    members["years_in_community"] = members["years_in_community"].astype("Int64")

    knows = pd.DataFrame({"source": [ids[u] for u, _ in sorted(pairs)],
                          "target": [ids[v] for _, v in sorted(pairs)], "relation": "knows"})
    ordered = sorted(advice)
    advice_frame = pd.DataFrame({"source": [ids[u] for u, _ in ordered],
                                 "target": [ids[v] for _, v in ordered], "relation": "advice"})
    ties = pd.concat([knows, advice_frame], ignore_index=True)
    ties["weight"] = pd.array([pd.NA] * len(ties), dtype="Int64")
    relations = _relations_frame([
        ("knows", NO, "The two members know each other well enough to get in touch about their work.",
         None, None, ""),
        ("advice", YES, "The source goes to the target for advice about improvement work.", None, None, ""),
    ])
    return {"members": members, "ties": ties, "relations": relations}
