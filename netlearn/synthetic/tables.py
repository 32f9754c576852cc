"""What every synthetic dataset shares: fictional names, the file conventions (yes/no, ``"; "``
between list items) and the ``members``, ``ties`` and ``relations`` tables in a fixed order.

No person described by these tables exists: names are random pairs drawn from short lists of
common first names and surnames.
"""

from __future__ import annotations

import itertools
import re

import pandas as pd


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


def natural_key(text):
    """Sort key that puts 'q2' before 'q10' and '2' before '10'."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", str(text)) if part != ""]


def sorted_pair(a, b):
    """An undirected pair written once: the smaller id (natural order) first."""
    return (a, b) if natural_key(a) <= natural_key(b) else (b, a)


def unique_names(rng, count):
    """``count`` different fictional names, each a random first name plus a random surname."""
    pairs = list(itertools.product(FIRST_NAMES, LAST_NAMES))
    return [f"{first} {last}" for first, last in rng.sample(pairs, count)]


def join_in_order(items, order):
    """Join a list's items with '; ' in the fixed order of ``order``."""
    return LIST_SEPARATOR.join(item for item in order if item in items)


def ties_frame(rows, relation_order):
    """Ties as a DataFrame sorted by relation (declared order), then source, then target."""
    rank = {name: position for position, name in enumerate(relation_order)}
    rows = sorted(rows, key=lambda r: (rank[r[2]], natural_key(r[0]), natural_key(r[1])))
    frame = pd.DataFrame(rows, columns=["source", "target", "relation", "weight"])
    frame["weight"] = frame["weight"].astype("Int64")
    return frame


def relations_frame(rows):
    """Relations table: relation, directed (yes/no), description, weight range and meaning."""
    frame = pd.DataFrame(rows, columns=["relation", "directed", "description", "weight_min",
                                        "weight_max", "weight_meaning"])
    for column in ("weight_min", "weight_max"):
        frame[column] = frame[column].astype("Int64")
    return frame


_KIND_ORDER = ("person", "organisation", "event", "workstream")


def members_frame(records, columns):
    """Members sorted by kind (people first, when there are kinds), then id."""
    records = sorted(records, key=lambda r: (_KIND_ORDER.index(r["kind"]) if r.get("kind") in _KIND_ORDER else -1,
                                             natural_key(r["id"])))
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in columns:
        if records and isinstance(records[0].get(column), int) and not isinstance(records[0][column], bool):
            frame[column] = frame[column].astype("Int64")
    return frame
