"""An exercise notebook's questions together: :class:`ExerciseSet`, built on first use, with an
``outline`` of names and kinds from which the course overview counts progress.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["KIND_TRACKS", "ExerciseSet", "OutlineItem"]


#: Every kind of exercise, with the track it belongs to unless the outline says otherwise.
KIND_TRACKS = {"code": "analyst", "concept": "leader", "reflection": "leader", "choice": "leader",
               "ranking": "leader", "prediction": "leader", "decision": "leader"}


class OutlineItem(NamedTuple):
    """What the progress overview needs to know of an exercise: its name, kind, key and track."""

    name: str
    kind: str
    key: str
    track: str = "analyst"


def outline_entry(set_name, name, declared):
    """An :class:`OutlineItem` from an outline's ``name: kind`` or ``name: (kind, track)``."""
    kind, track = (declared, None) if isinstance(declared, str) else declared
    if kind not in KIND_TRACKS:
        raise ValueError(f"{set_name}.{name}: unknown kind {kind!r}; use one of {', '.join(KIND_TRACKS)}")
    return OutlineItem(name, kind, f"{set_name}.{name}", track or KIND_TRACKS[kind])


class ExerciseSet:
    """The exercises of one exercise notebook, in order.

    Parameters
    ----------
    name : str
        The module's name, e.g. ``"how_exercises_work"``; keys of its items are ``name.q1``...
    number : int
        The notebook's number in the course.
    title : str
    items : list of Exercise, ConceptQuestion and Reflection
    namespace : callable, optional
        Returns the variables the notebook's setup cell makes (``net``, ``G``...), as a fresh
        dict: solutions are run in it by the catalogue test.
    outline : dict, optional
        Item name -> kind (``"code"``, ``"concept"``, ``"reflection"``, ``"choice"``, ``"ranking"``,
        ``"prediction"``, ``"decision"``), in order, or -> ``(kind, track)`` for an item outside
        its kind's usual track (:data:`KIND_TRACKS`). Needed when
        ``items`` is a function: the items (and the answers they hold) are then built on first
        use, while :meth:`outline` answers progress questions without building them.

    Examples
    --------
    Items given as a function are built the first time they are needed:

    >>> from netlearn.exercises.engine import Reflection
    >>> built = []
    >>> def make():
    ...     built.append(1)
    ...     return [Reflection("q1", prompt="What did you notice?")]
    >>> deferred = ExerciseSet("demo", number=99, title="Demo", items=make, outline={"q1": "reflection"})
    >>> [item.key for item in deferred.outline()], built
    (['demo.q1'], [])
    >>> deferred["q1"].key, built
    ('demo.q1', [1])

    An exercise module gives ``build``, a function returning its data, answers and questions by
    name (with ``namespace``, the setup cell's variables); the items are those the outline names:

    >>> def build():
    ...     q1 = Reflection("q1", prompt="What did you notice?")
    ...     namespace = dict
    ...     return locals()
    >>> lazy = ExerciseSet("demo", number=99, title="Demo", build=build, outline={"q1": "reflection"})
    >>> lazy.built, lazy.module_attribute("q1").key, lazy.built
    (False, 'demo.q1', True)
    """

    def __init__(self, name, *, number, title, items=None, namespace=None, outline=None, build=None):
        self.name = name
        self.number = number
        self.title = title
        self.notebook = f"exercises/{number:02d}_{name}.ipynb"
        self._items = None
        self._build = build
        self._built = None
        if build is not None:
            if items is not None or namespace is not None or outline is None:
                raise TypeError(f"{name}: with build=, give an outline and neither items nor namespace")
            items = lambda: [self.built_values()[item] for item in outline]  # noqa: E731
            namespace = lambda: self.built_values()["namespace"]()  # noqa: E731
        self.namespace = namespace or dict
        if items is None:
            raise TypeError(f"{name}: give items (a list or a function) or build=")
        if callable(items):
            if outline is None:
                raise TypeError(f"{name}: items given as a function need an outline (name -> kind)")
            self._make_items = items
            self._outline = [outline_entry(name, item, kind) for item, kind in outline.items()]
        else:
            self._adopt(list(items))
            if outline is not None:
                self._check_outline([outline_entry(name, item, kind) for item, kind in outline.items()])

    def _adopt(self, items):
        names = [item.name for item in items]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: two exercises share a name: {names}")
        for item in items:
            item.key = f"{self.name}.{item.name}"
            item.exercise_set = self
        self._items = items
        self._outline = [OutlineItem(item.name, item.kind, item.key, item.track) for item in items]

    def _check_outline(self, declared):
        declared = [(entry.name, entry.kind, entry.track) for entry in declared]
        actual = [(entry.name, entry.kind, entry.track) for entry in self._outline]
        if declared != actual:
            raise ValueError(f"{self.name}: the outline {declared} does not match the exercises {actual}")

    @property
    def items(self):
        """The exercises, built on first use when they were given as a function."""
        if self._items is None:
            declared = self._outline
            self._adopt(list(self._make_items()))
            self._check_outline(declared)
        return self._items

    @property
    def built(self):
        """Whether the exercises (and the answers they hold) have been built yet."""
        return self._items is not None

    def built_values(self):
        """Everything ``build()`` made (data, answers, questions), made on first use and kept."""
        if self._build is None:
            raise TypeError(f"{self.name}: this exercise set was not given build=")
        if self._built is None:
            self._built = dict(self._build())
        return self._built

    def module_attribute(self, name):
        """A module's ``__getattr__``: ``ex.q1``, ``ex.NET``... are built on first use.

        An exercise module sets ``__getattr__ = exercises.module_attribute`` so that importing it
        computes nothing (the course overview imports every exercise module) while ``ex.q1`` still
        works in a notebook.
        """
        if not name.startswith("__") and self._build is not None:
            self.items                                   # builds and registers the items (keys, progress)
            values = self.built_values()
            if name in values:
                return values[name]
        raise AttributeError(f"module 'netlearn.exercises.{self.name}' has no attribute {name!r}")

    def outline(self):
        """Each exercise's ``name``, ``kind``, progress ``key`` and ``track``, without building the exercises."""
        return list(self._outline)

    def track(self, track):
        """The outline entries of one track (``"leader"`` or ``"analyst"``), in order."""
        return [entry for entry in self._outline if entry.track == track]

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self._outline)

    def __getitem__(self, name):
        for item in self.items:
            if item.name == name:
                return item
        raise KeyError(name)

    def __repr__(self):
        return f"<ExerciseSet {self.notebook}: {len(self.items)} exercises>"

    def progress(self):
        """A small widget showing which of these exercises are done."""
        from ..widgets import progress_widget

        return progress_widget(self)
