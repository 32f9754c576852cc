"""A large synthetic community of any size, for speed tests; never written to disk."""

from __future__ import annotations

import bisect
import itertools

import pandas as pd

from .draws import StableRandom
from .tables import NO, relations_frame, YES

__all__ = ["make_community"]


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
    rng = StableRandom(seed)
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
               "academic", "lay member")
    stakeholders = {"academic": "researcher", "lay member": None}
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
    relations = relations_frame([
        ("knows", NO, "The two members know each other well enough to get in touch about their work.",
         None, None, ""),
        ("advice", YES, "The source goes to the target for advice about improvement work.", None, None, ""),
    ])
    return {"members": members, "ties": ties, "relations": relations}
