"""Loading networks: the datasets that ship with the course, and your own CSV files.

* :func:`list_datasets` - what ships, one line each.
* :func:`load_dataset` - one shipped dataset as a :class:`~netlearn.Network`.
* :func:`read_network` - your own ``members.csv`` and ``ties.csv`` (and optional ``relations.csv``).

All three check the data first (see :mod:`netlearn.validation`); anything wrong stops with a
:class:`~netlearn.DataError` that names the file, row and column and says how to fix it.

>>> net = load_dataset("krackhardt_kite")
>>> net
<Network 'krackhardt_kite': 10 members; relations: knows (undirected, 18 ties)>
>>> net.graph().degree("Diane")
6
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import os
from pathlib import Path

import pandas as pd

from .errors import DataError
from .network import Network, _members_from_ties
from .tables import read_table, table_from_frame
from .validation import build_members, build_relations, build_ties

__all__ = ["PACKAGED_DATA", "datasets_folder", "list_datasets", "load_dataset", "read_network"]


#: Where the course's data sit inside an installed copy of the package: the wheel's build copies
#: the repository's top-level ``datasets/`` folder here (see ``setup.py``).
PACKAGED_DATA = "_data"


def datasets_folder():
    """The folder holding the course's datasets, instruments, templates and example answers.

    Looked for in this order:

    1. the folder in the ``NETLEARN_DATASETS`` environment variable;
    2. ``datasets/`` in the course repository, when this package is used from a copy of the
       repository (``make lab``, ``pip install -e .``, Binder);
    3. the copy inside the installed package (``netlearn/_data``), when netlearn was installed
       from a wheel (``pip install netlearn-...whl``).

    A folder called ``datasets`` next to an installed package is never used: in a Python
    environment that is another package's folder.

    >>> (datasets_folder() / "datapackage.json").is_file()
    True
    """
    override = os.environ.get("NETLEARN_DATASETS")
    if override:
        folder = Path(override)
        if not (folder / "datapackage.json").is_file():
            raise DataError(
                "the folder named by NETLEARN_DATASETS holds no datapackage.json, so it is not the course's "
                "datasets folder.", file=str(folder),
                fix="Set NETLEARN_DATASETS to the course's datasets/ folder, or unset it to use the data "
                    "that come with netlearn.")
        return folder
    package = Path(__file__).resolve().parent
    repository = package.parent
    if (repository / "pyproject.toml").is_file() and (repository / "datasets" / "datapackage.json").is_file():
        return repository / "datasets"
    packaged = importlib.resources.files(__package__).joinpath(PACKAGED_DATA)
    if isinstance(packaged, Path) and (packaged / "datapackage.json").is_file():
        return packaged
    raise DataError(
        "the course's datasets were not found: this copy of netlearn has no data folder.", file=str(package),
        fix="Install netlearn from the course repository (`make lab`, or `pip install -e .` in that folder), or "
            "from a wheel built from it (`pip wheel .`), or set the environment variable NETLEARN_DATASETS "
            "to the course's datasets/ folder.")


def _package():
    with open(datasets_folder() / "datapackage.json", encoding="utf-8") as handle:
        return json.load(handle)


def list_datasets():
    """The datasets that ship with the course.

    Returns
    -------
    DataFrame
        One row per dataset: ``name``, ``origin`` (real or synthetic), ``title``, ``description``,
        ``members``, ``relations`` and ``card`` (its data card, to read where it comes from).

    >>> table = list_datasets()
    >>> "q_community" in set(table["name"]), set(table["origin"]) == {"real", "synthetic"}
    (True, True)
    """
    package = _package()
    rows = []
    for entry in package["datasets"]:
        folder = datasets_folder() / entry["name"]
        members = sum(1 for _ in open(folder / "members.csv", encoding="utf-8")) - 1
        relations = pd.read_csv(folder / "relations.csv", dtype=str)["relation"].tolist()
        rows.append({"name": entry["name"], "origin": entry["origin"], "title": entry["title"],
                     "description": entry["description"], "members": members,
                     "relations": ", ".join(relations),
                     "card": str(Path("datasets") / entry["card"])})
    return pd.DataFrame(rows)


def load_dataset(name):
    """Load a dataset that ships with the course.

    Parameters
    ----------
    name : str
        One of the names in :func:`list_datasets`, e.g. ``"q_community"`` or ``"karate_club"``.

    Returns
    -------
    Network
        With ``info`` from the data package (title, origin, licence, source, data card) and any
        extra tables the dataset has (e.g. ``purpose_rankings`` for ``q_community``).
    """
    package = _package()
    entries = {entry["name"]: entry for entry in package["datasets"]}
    if name not in entries:
        close = difflib.get_close_matches(str(name), list(entries), n=1)
        raise DataError(f"there is no dataset called '{name}'." + (f" Did you mean '{close[0]}'?" if close else ""),
                        file="datasets/datapackage.json",
                        fix="Use one of: " + ", ".join(entries) + " (see netlearn.list_datasets()).")
    entry = entries[name]
    folder = datasets_folder()
    resources = [r for r in package["resources"] if r.get("dataset") == name]
    standard = {f"{name}-members", f"{name}-ties", f"{name}-relations"}
    tables = {}
    for resource in resources:
        if resource["name"] not in standard:
            short = resource["name"][len(name) + 1:]
            tables[short] = pd.read_csv(folder / resource["path"], dtype={"member_id": str})
    info = {key: entry.get(key) for key in ("title", "description", "origin", "licence", "source",
                                            "default_relation")}
    info["card"] = str(folder / entry["card"])
    return read_network(folder / name / "members.csv", folder / name / "ties.csv",
                        relations=folder / name / "relations.csv", name=name, info=info, tables=tables)


def read_network(members, ties, *, relations=None, directed=None, mutual_weight=None, name=None, info=None,
                 tables=None):
    """Read your own network from CSV files, checking everything first.

    Parameters
    ----------
    members : str or Path or None
        The members file: one row per member, with an ``id`` column (unique). Other columns
        (``name``, ``group``, ``organisation``, ``sector``, ``stakeholder``, ``formal_leader``, ...)
        become node attributes. ``None`` makes one member per id seen in the ties.
    ties : str or Path
        The ties file: ``source`` and ``target`` (member ids), optional ``relation`` (e.g. knows,
        advice; ``tie`` when absent) and ``weight``.
    relations : str or Path, optional
        A ``relations.csv`` declaring each relation: ``relation``, ``directed`` (yes/no), and
        optional ``description``, ``weight_min``, ``weight_max``, ``weight_meaning``,
        ``mutual_weight``.
    directed : bool or dict, optional
        For relations not declared in ``relations`` or in a ``directed`` column of the ties:
        one value for all (``True``/``False``) or a dict ``{"collaborates": False}``. The course's
        usual relations (knows, advice, energy, leadership, ...) are known without this.
    mutual_weight : str or dict, optional
        How to combine the two weights of a pair named by both people in an undirected relation,
        when they differ (Ann rates knowing Bo 3, Bo rates knowing Ann 1): ``"mean"`` (2),
        ``"min"`` (1: as strong as both agree), ``"max"`` (3) or ``"sum"`` (4), for every relation,
        or a dict ``{"knows": "min"}``. A rule in the ``mutual_weight`` column of ``relations``
        wins over this one. Without any rule, differing weights stop with a ``DataError`` naming
        both rows (see :mod:`netlearn.nominations`).
    name : str, optional
        A short name for the network; defaults to the members file's folder name.

    Returns
    -------
    Network

    Raises
    ------
    DataError
        With the file, row and column of the first problem found, and how to fix it.

    Files saved from Excel are read as they are: UTF-8 with or without BOM, Windows-1252,
    UTF-16, and commas, semicolons (with decimal commas in weights) or tabs as delimiters.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "members.csv").write_text("id\\nann\\nbo\\n")
    >>> _ = (folder / "ties.csv").write_text("source,target,relation,weight\\nann,bo,knows,3\\nbo,ann,knows,1\\n")
    >>> net = read_network(folder / "members.csv", folder / "ties.csv", mutual_weight="min")
    >>> net.graph("knows")["ann"]["bo"]["weight"], net.nominations["knows"]
    (1.0, Nominations(both=1, one_only=0))
    """
    ties_table = read_table(ties)
    if members is None:
        members_table = None
        members_frame = build_members(table_from_frame(_members_from_ties(ties_table.frame), label="members"))
        members_label = "the ties (no members file given)"
    else:
        members_table = read_table(members)
        members_frame = build_members(members_table)
        members_label = members_table.label
    declared = build_relations(read_table(relations)) if relations is not None else None
    ties_frame, relations_frame = build_ties(ties_table, members_frame, members_label=members_label,
                                             relations=declared, directed=directed, mutual_weight=mutual_weight)
    if name is None:
        name = Path(members if members is not None else ties).resolve().parent.name or "network"
    return Network(members_frame, ties_frame, relations_frame, name=name, info=dict(info or {}),
                   tables=dict(tables or {}))

