"""Finding instrument files and reading one, checking every rule before anything is built.

:func:`instruments_folder` and :func:`list_instruments` show what ships with the course;
:func:`load_instrument` reads a shipped instrument by name, or your own file by its path.

Each mistake stops with an :class:`~netlearn.diagnostics.instruments.InstrumentError` that names the
file, the line (as an editor numbers it) and the key, and says how to fix it; close spellings of
unknown keys are suggested. The rules are listed in :mod:`netlearn.diagnostics.instruments`.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pandas as pd
import yaml

from ...loaders import datasets_folder
from .model import Dimension, Instrument, InstrumentError, Item, KINDS, RESERVED_COLUMNS, Scale

__all__ = ["load_instrument", "list_instruments", "instruments_folder"]


_TOP_KEYS = ("title", "kind", "source", "credit", "licence", "version", "notes", "scale", "dimensions",
             "items", "levels")


_REQUIRED_TOP = ("title", "kind", "source", "licence", "scale", "dimensions", "items")


_SCALE_KEYS = ("min", "max", "labels", "reverse_rule")


_DIMENSION_KEYS = ("id", "name", "description")


_ITEM_KEYS = ("id", "wording", "dimension", "reverse", "type")


_ITEM_TYPES = ("rating", "text")


_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


# The reverse rules netlearn knows, written without spaces; each maps an answer x to max + min - x.
_REVERSE_RULES = ("max+min-x", "min+max-x")


# --------------------------------------------------------------------------- finding files


def instruments_folder():
    """The folder of the instruments that ship with the course.

    ``NETLEARN_INSTRUMENTS`` (an environment variable) wins; otherwise ``instruments/`` in the
    course's data folder (:func:`netlearn.datasets_folder`: ``datasets/instruments`` in the
    repository, or the copy inside an installed package).

    >>> (instruments_folder() / "network_health_check.yaml").is_file()
    True
    """
    override = os.environ.get("NETLEARN_INSTRUMENTS")
    if override:
        return Path(override)
    return datasets_folder() / "instruments"


def _shipped_names():
    folder = instruments_folder()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def _resolve(name_or_path):
    text = str(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or text.endswith((".yaml", ".yml")) or "/" in text \
        or os.sep in text
    if looks_like_path:
        path = Path(name_or_path)
        if not path.is_file():
            raise InstrumentError(
                "this instrument file was not found.", file=str(path),
                fix=f"Check the folder and spelling. Relative paths start from {Path.cwd()}.")
        return path
    names = _shipped_names()
    if text not in names:
        close = difflib.get_close_matches(text, names, n=1, cutoff=0.5)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        raise InstrumentError(
            f"there is no instrument called '{text}'.", file=str(instruments_folder()),
            fix=hint + "The course's instruments are: " + ", ".join(names) + ". To load your own, give the "
                "path of its .yaml file.")
    return instruments_folder() / f"{text}.yaml"


def list_instruments():
    """The instruments that ship with the course, one row each.

    Returns
    -------
    DataFrame
        ``name`` (what :func:`load_instrument` takes), ``title``, ``kind``, ``dimensions``,
        ``rating_items``, ``text_items``, ``scale`` and ``licence``.

    Examples
    --------
    >>> list_instruments()[["name", "kind", "dimensions"]]
                          name    kind  dimensions
    0       curiosity_practice   scale           5
    1     network_health_check  survey           3
    2  network_maturity_matrix  matrix           8
    """
    rows = []
    for name in _shipped_names():
        inst = load_instrument(name)
        rows.append({"name": name, "title": inst.title, "kind": inst.kind, "dimensions": len(inst.dimensions),
                     "rating_items": len(inst.rating_items), "text_items": len(inst.text_items),
                     "scale": f"{inst.scale.min}-{inst.scale.max}", "licence": inst.licence})
    return pd.DataFrame(rows, columns=["name", "title", "kind", "dimensions", "rating_items", "text_items",
                                       "scale", "licence"])


# --------------------------------------------------------------------------- YAML with line numbers


class _Locator:
    """Finds the line of any key or value in the YAML node tree (1-based), for messages."""

    def __init__(self, root):
        self.root = root

    def node(self, *path):
        node = self.root
        for step in path:
            if isinstance(node, yaml.MappingNode):
                match = [(k, v) for k, v in node.value if str(k.value) == str(step)]
                if not match:
                    return node
                node = match[0][1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                return node
        return node

    def line(self, *path):
        """Line of the value at ``path`` (or of the deepest part of it that exists)."""
        node = self.node(*path)
        return node.start_mark.line + 1 if node is not None else None

    def key_line(self, *path):
        """Line of the key at the end of ``path`` (where a mapping holds it)."""
        parent = self.node(*path[:-1])
        if isinstance(parent, yaml.MappingNode):
            for k, _ in parent.value:
                if str(k.value) == str(path[-1]):
                    return k.start_mark.line + 1
        return self.line(*path)


def _check_repeated_keys(node, label):
    """PyYAML keeps the last of two equal keys silently; a trainer should hear about it."""
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                raise InstrumentError(
                    f"the key '{name}' appears twice in the same block (first on line {seen[name]}).",
                    file=label, line=key.start_mark.line + 1, key=name,
                    fix="Keep one of the two, or correct the indentation if one belongs to another block.")
            seen[name] = key.start_mark.line + 1
            _check_repeated_keys(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _check_repeated_keys(child, label)


def _parse_yaml(text, label):
    # One pass: compose the node tree (which keeps line numbers for messages), then build the
    # Python values from it. libyaml's loader is used when PyYAML was built with it (faster).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = f" (at character {mark.column + 1})" if mark else ""
        raise InstrumentError(
            f"this is not valid YAML: {exc.problem or exc.context}{column}.", file=label, line=line,
            fix="Check the indentation (spaces, not tabs, the same for every entry of a list), that each "
                "'key: value' has a space after the colon, and put quotes around text that contains a colon "
                "followed by a space or starts with a special character such as [ { # & * ! | > ' \" %.") from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise InstrumentError(f"this is not valid YAML: {exc}.", file=label) from None
    finally:
        loader.dispose()
    if root is None:
        raise InstrumentError("the file is empty.", file=label,
                              fix="Start from datasets/instruments/_template.yaml.")
    _check_repeated_keys(root, label)
    return data, _Locator(root)


# --------------------------------------------------------------------------- checking


class _Checker:
    """Turns the parsed YAML into an Instrument, raising an InstrumentError at the first mistake."""

    def __init__(self, data, where, label, path):
        self.data, self.where, self.label, self.path = data, where, label, path

    def fail(self, problem, path, fix, *, key=None, at_key=False):
        line = self.where.key_line(*path) if at_key else self.where.line(*path)
        key = key if key is not None else (str(path[-1]) if path and not isinstance(path[-1], int) else None)
        raise InstrumentError(problem, file=self.label, line=line, key=key, fix=fix)

    def mapping(self, value, path, what):
        if not isinstance(value, dict):
            self.fail(f"{what} should be a block of 'key: value' lines, but it is "
                      f"{_kind_of(value)}.", path,
                      "Indent its lines under it, each as 'key: value'. Compare with _template.yaml.")
        return value

    def sequence(self, value, path, what):
        if not isinstance(value, list) or not value:
            self.fail(f"{what} should be a list of entries, each starting with '- ', but it is "
                      f"{_kind_of(value)}.", path,
                      "Write each entry on its own lines, the first starting with '- '. Compare with "
                      "_template.yaml.")
        return value

    def known_keys(self, block, allowed, path, what):
        for key in block:
            if str(key) not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"Did you mean '{close[0]}'? " if close else ""
                self.fail(f"'{key}' is not a key that {what} can have.", (*path, key),
                          hint + f"The keys {what} can have are: {', '.join(allowed)}.", key=str(key), at_key=True)

    def required(self, block, keys, path, what):
        for key in keys:
            if key not in block or block[key] is None or (isinstance(block[key], str) and not block[key].strip()):
                self.fail(f"{what} has no '{key}'.", path, f"Add a line '{key}: ...' to {what}.", key=key)

    def text(self, block, key, path):
        value = block.get(key)
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            self.fail(f"'{key}' should be text, not {_kind_of(value)}.", (*path, key),
                      "Write the text on the same line after the colon, in quotes if it contains a colon.")
        return str(value).strip()

    def identifier(self, value, path, what):
        text = "" if value is None else str(value)
        if not _ID.match(text):
            suggestion = re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_")
            if suggestion and not suggestion[0].isalpha():
                suggestion = "x" + suggestion
            hint = f" such as '{suggestion}'" if suggestion else ""
            self.fail(f"the {what} id '{text}' is not a simple id: ids become column names in response files, "
                      "so they must start with a lower-case letter and hold only lower-case letters, digits and "
                      "_.", path, f"Use an id{hint}.", key="id")
        if text in RESERVED_COLUMNS:
            self.fail(f"the {what} id '{text}' is a column name that response files use for something else.",
                      path, "Choose another id (for example add a prefix: 'q_" + text + "').", key="id")
        return text

    def build(self):
        data = self.mapping(self.data, (), "The file")
        self.known_keys(data, _TOP_KEYS, (), "an instrument file")
        self.required(data, _REQUIRED_TOP, (), "the file")
        kind = str(data["kind"]).strip().lower()
        if kind not in KINDS:
            close = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.5)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            self.fail(f"kind '{data['kind']}' is not one netlearn knows.", ("kind",),
                      hint + "Use matrix, survey or scale.", key="kind")
        scale = self.scale(data["scale"])
        dimensions = self.dimensions(data["dimensions"])
        items = self.items(data["items"], dimensions, scale, kind)
        levels = {}
        if kind == "matrix":
            levels = self.levels(data.get("levels"), dimensions, scale)
            self.matrix_items(items, dimensions)
        elif data.get("levels") is not None:
            self.fail(f"only a matrix has levels, and this instrument is a {kind}.", ("levels",),
                      "Delete the levels block, or set 'kind: matrix'.", key="levels", at_key=True)
        for d in dimensions:
            if not any(i.dimension == d.id and i.type == "rating" for i in items):
                index = [k for k, e in enumerate(data["dimensions"])
                         if isinstance(e, dict) and str(e.get("id")) == d.id]
                self.fail(f"dimension '{d.id}' has no rating items, so it could never get a score.",
                          ("dimensions", index[0]), "Add items with 'dimension: " + d.id + "', or delete the "
                          "dimension.", key="id")
        return Instrument(
            name=self.path.stem if self.path else "instrument", title=self.text(data, "title", ()), kind=kind,
            source=self.text(data, "source", ()), licence=self.text(data, "licence", ()), scale=scale,
            dimensions=tuple(dimensions), items=tuple(items), levels=levels, credit=self.text(data, "credit", ()),
            version=self.text(data, "version", ()), notes=self.text(data, "notes", ()), path=self.path)

    def scale(self, block):
        path = ("scale",)
        block = self.mapping(block, path, "scale")
        self.known_keys(block, _SCALE_KEYS, path, "the scale")
        self.required(block, ("min", "max", "labels"), path, "the scale")
        bounds = {}
        for key in ("min", "max"):
            value = block[key]
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(f"the scale's {key} should be a whole number, but it is {value!r}.", (*path, key),
                          "Write a whole number such as 1 or 5.", key=key)
            bounds[key] = value
        low, high = bounds["min"], bounds["max"]
        if low >= high:
            self.fail(f"the scale's min ({low}) must be smaller than its max ({high}).", (*path, "max"),
                      "Swap them, or correct one.", key="max")
        labels = self.mapping(block["labels"], (*path, "labels"), "the scale's labels")
        points = list(range(low, high + 1))
        read = {}
        for key, value in labels.items():
            number = _as_int(key)
            if number is None or number not in points:
                self.fail(f"the scale runs from {low} to {high}, so '{key}' cannot have a label.",
                          (*path, "labels", key), f"Label only the points {low} to {high}.", key=str(key),
                          at_key=True)
            read[number] = "" if value is None else str(value).strip()
        for p in points:
            if not read.get(p):
                self.fail(f"the scale has no label for the point {p}.", (*path, "labels"),
                          f"Add a line '{p}: <label>' under labels (every point from {low} to {high} needs one).",
                          key="labels")
        rule = block.get("reverse_rule")
        if rule is not None:
            squeezed = re.sub(r"\s+", "", str(rule)).replace("\u2212", "-").replace("\u2013", "-").lower()
            if squeezed not in _REVERSE_RULES:
                self.fail(f"the reverse rule '{rule}' is not one netlearn knows.", (*path, "reverse_rule"),
                          "Write 'reverse_rule: max + min - x' (the only rule netlearn applies), or delete the "
                          "line if no item is reverse-keyed.", key="reverse_rule")
            rule = "max + min - x"
        return Scale(low, high, {p: read[p] for p in points}, rule)

    def identified(self, section, k, entry, seen, *, keys, required, fix):
        """Check entry ``k`` of ``section`` (a mapping with known keys, the required ones and a new id).

        ``seen`` maps the ids met so far to their lines and is updated. Returns the entry's path, the
        entry and its id.
        """
        noun = section[:-1]                               # "dimensions" -> "dimension", "items" -> "item"
        path = (section, k)
        entry = self.mapping(entry, path, f"{noun} number {k + 1}")
        self.known_keys(entry, keys, path, f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}")
        self.required(entry, required, path, f"{noun} number {k + 1}")
        ident = self.identifier(entry["id"], (*path, "id"), noun)
        if ident in seen:
            self.fail(f"two {section} have the id '{ident}' (the first is on line {seen[ident]}).", (*path, "id"),
                      fix, key="id")
        seen[ident] = self.where.line(*path, "id")
        return path, entry, ident

    def dimensions(self, entries):
        entries = self.sequence(entries, ("dimensions",), "dimensions")
        out, seen = [], {}
        for k, entry in enumerate(entries):
            path, entry, ident = self.identified("dimensions", k, entry, seen, keys=_DIMENSION_KEYS,
                                                 required=("id", "name"), fix="Give every dimension a different id.")
            out.append(Dimension(ident, self.text(entry, "name", path), self.text(entry, "description", path)))
        return out

    def items(self, entries, dimensions, scale, kind):
        entries = self.sequence(entries, ("items",), "items")
        known = [d.id for d in dimensions]
        out, seen = [], {}
        for k, entry in enumerate(entries):
            path, entry, ident = self.identified(
                "items", k, entry, seen, keys=_ITEM_KEYS, required=("id", "wording"),
                fix="Give every item a different id (they become column names in response files).")
            kind_of_item = str(entry.get("type") or "rating").strip().lower()
            if kind_of_item not in _ITEM_TYPES:
                close = difflib.get_close_matches(kind_of_item, _ITEM_TYPES, n=1, cutoff=0.5)
                hint = f"Did you mean '{close[0]}'? " if close else ""
                self.fail(f"item '{ident}' has type '{entry['type']}', which netlearn does not know.", (*path, "type"),
                          hint + "Use 'type: rating' (an answer on the scale; the default) or 'type: text' (free "
                          "text).", key="type")
            if kind_of_item == "text" and kind == "matrix":
                self.fail("a matrix cannot have free-text items.", (*path, "type"),
                          "Delete the item; record the table's notes outside the matrix.", key="type")
            dimension = entry.get("dimension")
            dimension = None if dimension is None else str(dimension).strip()
            if kind_of_item == "rating" and not dimension:
                self.fail(f"item '{ident}' has no dimension, so its answers would not count towards any score.",
                          path, "Add 'dimension: <id>' using one of: " + ", ".join(known) + ".", key="dimension")
            if dimension and dimension not in known:
                close = difflib.get_close_matches(dimension, known, n=1, cutoff=0.5)
                hint = f"Did you mean '{close[0]}'? " if close else ""
                self.fail(f"item '{ident}' belongs to dimension '{dimension}', which is not defined under "
                          "dimensions.", (*path, "dimension"),
                          hint + "The dimensions are: " + ", ".join(known) + ".", key="dimension")
            reverse = _as_yes_no(entry.get("reverse"))
            if reverse is None:
                self.fail(f"item '{ident}' has reverse: {entry.get('reverse')!r}; it must be yes or no.",
                          (*path, "reverse"), "Write 'reverse: yes' or 'reverse: no'.", key="reverse")
            if reverse and kind_of_item == "text":
                self.fail(f"item '{ident}' is free text, so it cannot be reverse-keyed.", (*path, "reverse"),
                          "Delete the 'reverse' line of this item.", key="reverse")
            if reverse and scale.reverse_rule is None:
                self.fail(f"item '{ident}' is reverse-keyed, but the scale defines no reverse rule, so netlearn "
                          "cannot know how to turn its answers round.", (*path, "reverse"),
                          "Add 'reverse_rule: max + min - x' under scale, or set 'reverse: no'.", key="reverse")
            out.append(Item(ident, self.text(entry, "wording", path), dimension, bool(reverse), kind_of_item))
        return out

    def matrix_items(self, items, dimensions):
        for k, item in enumerate(items):
            if item.id != item.dimension:
                self.fail(f"in a matrix each dimension has one question whose id is the dimension's id, but item "
                          f"'{item.id}' belongs to '{item.dimension}'.", ("items", k, "id"),
                          f"Set 'id: {item.dimension}'.", key="id")

    def levels(self, block, dimensions, scale):
        if block is None:
            self.fail("a matrix needs a 'levels' block: a descriptor for every level of every dimension.", (),
                      "Add 'levels:' with one block per dimension id, each holding lines '1: ...' to "
                      f"'{scale.max}: ...'.", key="levels")
        block = self.mapping(block, ("levels",), "levels")
        known = [d.id for d in dimensions]
        for key in block:
            if str(key) not in known:
                close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.5)
                hint = f"Did you mean '{close[0]}'? " if close else ""
                self.fail(f"levels are given for '{key}', which is not a dimension.", ("levels", key),
                          hint + "The dimensions are: " + ", ".join(known) + ".", key=str(key), at_key=True)
        out = {}
        for d in dimensions:
            if d.id not in block:
                self.fail(f"dimension '{d.id}' has no level descriptors.", ("levels",),
                          f"Add a block '{d.id}:' under levels with lines '{scale.min}: ...' to '{scale.max}: ...'.",
                          key=d.id)
            path = ("levels", d.id)
            entries = self.mapping(block[d.id], path, f"the levels of '{d.id}'")
            read = {}
            for key, value in entries.items():
                level = _as_int(key)
                if level is None:
                    self.fail(f"'{key}' under the levels of '{d.id}' is not a level number.", (*path, key),
                              f"Number the levels {scale.min} to {scale.max}.", key=str(key), at_key=True)
                if not scale.min <= level <= scale.max:
                    self.fail(f"dimension '{d.id}' has a level {level}, but the scale runs from {scale.min} to "
                              f"{scale.max}.", (*path, key), "Delete that level, or widen the scale.",
                              key=str(key), at_key=True)
                read[level] = "" if value is None else str(value).strip()
            numbers = sorted(read)
            for before, after in zip(numbers, numbers[1:]):
                if after != before + 1:
                    missing = ", ".join(str(x) for x in range(before + 1, after))
                    self.fail(f"the levels of '{d.id}' are not contiguous: they jump from {before} to {after}, so "
                              f"level {missing} has no descriptor.", (*path, after),
                              f"Add '{before + 1}: <what the network looks like at this level>' under '{d.id}', or "
                              "renumber the levels so that none is skipped.", key=str(after), at_key=True)
            for level in scale.points:
                if not read.get(level):
                    self.fail(f"dimension '{d.id}' has no descriptor for level {level}.", path,
                              f"Add '{level}: <what the network looks like at this level>' under '{d.id}' in "
                              f"levels (every level from {scale.min} to {scale.max} needs one).", key=str(level))
            out[d.id] = {level: read[level] for level in scale.points}
        return out


def _kind_of(value):
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a block of keys"
    if isinstance(value, list):
        return "an empty list" if not value else "a list"
    return f"the single value {value!r}"


def _as_int(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def _as_yes_no(value):
    """YAML reads yes/no as true/false already; accept those and the words, blank = no."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in ("yes", "y", "true"):
        return True
    if word in ("no", "n", "false", ""):
        return False
    return None


def load_instrument(name_or_path):
    """Read and check a diagnostic instrument: one the course ships (by name) or your own file.

    Parameters
    ----------
    name_or_path : str or pathlib.Path
        The name of a shipped instrument (see :func:`list_instruments`), e.g.
        ``"network_health_check"``, or the path of a ``.yaml`` file.

    Returns
    -------
    Instrument

    Raises
    ------
    InstrumentError
        A subclass of :class:`~netlearn.DataError`, naming the file, the line and the key, for any
        broken rule (see the module description): YAML that cannot be read, a key given twice, an
        unknown key (with the closest known one suggested), a duplicate id, an item whose
        dimension is missing or unknown, a reverse key without a reverse rule, a matrix level
        with no descriptor or a skipped level number, and more.

    Examples
    --------
    >>> survey = load_instrument("network_health_check")
    >>> survey
    <Instrument 'network_health_check': survey, 3 dimensions, 19 rating items, 2 free-text items, scale 1-5>
    >>> [i.id for i in survey.items_of("form") if i.reverse]
    ['fo4']
    >>> survey.scale.reverse(4), survey.scale.label(4)
    (2, '4 (Often true)')

    Notes
    -----
    For a network leader: the instrument file is where the questions live, separate from the
    code, so a trainer who holds the rights to another instrument (for example the official
    Source4Networks tools) can type its wording into a copy of ``_template.yaml`` and use every
    chart and summary of the course with it. Keep the licence and source lines truthful.

    Reference: the course's instruments are its own. For the ideas behind them see Health
    Foundation (2014) on the features of effective networks, and Brown et al. (2016) for a
    validated survey of clinical networks; the curiosity dimensions are those of Kashdan et al.
    (2018).
    """
    path = _resolve(name_or_path)
    label = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise InstrumentError("the file is not saved as UTF-8 text.", file=label, line=line,
                              fix="Save it again as UTF-8 (in most editors: 'Save with encoding' > UTF-8).") from None
    data, where = _parse_yaml(text, label)
    return _Checker(data, where, label, path).build()
