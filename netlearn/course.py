"""The course catalogue: every episode of the course, kept as data.

Each episode is a lesson notebook in ``notebooks/`` and a matching exercise
notebook in ``exercises/``. :data:`EPISODES` lists them in order;
:func:`course_map` and :func:`course_map_html` show the map a learner sees in
the start-here notebook, marking which episodes are ready to use.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = [
    "EPISODES", "REPO_ROOT", "Episode", "course_map", "course_map_html", "hours_and_minutes",
    "notebooks_present", "track_totals",
]

#: The folder that holds ``netlearn/``, ``notebooks/`` and ``exercises/`` in a copy of the course
#: repository. When netlearn is installed from a wheel this is the environment's site-packages,
#: which holds no notebooks: the notebooks are not part of the package.
REPO_ROOT = Path(__file__).resolve().parents[1]

AVAILABLE = "available"
IN_PREPARATION = "in preparation"
#: The status of every episode when the course's notebooks are not beside this copy of netlearn.
NOT_HERE = "notebook not here"

_NOT_HERE_NOTE = (
    "The notebooks are not beside this copy of netlearn (it looks installed as a package, which "
    "holds the library and the data but not the notebooks). To take the course, open the notebooks "
    "from a copy of the course repository."
)


def notebooks_present(root=None):
    """True when ``root`` (default: :data:`REPO_ROOT`) has a ``notebooks/`` folder.

    >>> notebooks_present("/nowhere")
    False
    """
    return (_root(root) / "notebooks").is_dir()


@dataclass(frozen=True)
class Episode:
    """One episode of the course.

    Parameters
    ----------
    number : int
        The episode's place in the course, from 0.
    slug : str
        A short lower-case name used in file names, such as ``"purpose"``.
    title : str
        The title a learner sees.
    lesson_minutes : int
        Roughly how long the lesson notebook takes: reading, the interactive
        exploration and its reflection.
    summary : str
        One sentence on what the episode is about.
    leader_minutes : int
        Roughly how long the exercise notebook's *leader track* takes: the
        questions answered without code (choose, rank, predict, decide) and the
        reflection.
    analyst_minutes : int
        Roughly how long the exercise notebook's *analyst track* takes: the
        questions answered in code.

    Attributes
    ----------
    notebook : str
        The lesson notebook's path from the repository root,
        ``notebooks/NN_slug.ipynb``.
    exercise : str
        The exercise notebook's path from the repository root,
        ``exercises/NN_slug.ipynb``.
    leader_path_minutes : int
        The lesson and the leader track together: the time a leader who does
        not code needs for the episode.
    minutes : int
        The lesson and both tracks together.

    Examples
    --------
    >>> from netlearn.course import Episode
    >>> episode = Episode(3, "distributed_leadership", "Distributed leadership", 25, "Sharing power.",
    ...                   leader_minutes=20, analyst_minutes=10)
    >>> episode.leader_path_minutes, episode.minutes
    (45, 55)
    >>> episode.notebook
    'notebooks/03_distributed_leadership.ipynb'
    >>> episode.exercise
    'exercises/03_distributed_leadership.ipynb'
    """

    number: int
    slug: str
    title: str
    lesson_minutes: int
    summary: str
    leader_minutes: int = 0
    analyst_minutes: int = 0
    notebook: str = field(init=False)
    exercise: str = field(init=False)

    def __post_init__(self):
        filename = f"{self.number:02d}_{self.slug}.ipynb"
        object.__setattr__(self, "notebook", f"notebooks/{filename}")
        object.__setattr__(self, "exercise", f"exercises/{filename}")

    @property
    def leader_path_minutes(self):
        """Minutes for the lesson and the leader track (no code)."""
        return self.lesson_minutes + self.leader_minutes

    @property
    def minutes(self):
        """Minutes for the lesson and both exercise tracks."""
        return self.lesson_minutes + self.leader_minutes + self.analyst_minutes

    @property
    def filename(self):
        """The notebook's file name without its folder, e.g. ``00_start_here.ipynb``."""
        return Path(self.notebook).name


#: Every episode of the course, in the order a learner takes them.
EPISODES = (
    Episode(
        0,
        "start_here",
        "Start here",
        15,
        "What the course is, how the notebooks work, and a quick check that your set-up is ready.",
        leader_minutes=10,
        analyst_minutes=10,
    ),
    Episode(
        1,
        "purpose",
        "Purpose: why the network exists and why people join",
        40,
        "A network lasts when its purpose is shared and each member can see what is in it for them.",
        leader_minutes=20,
        analyst_minutes=15,
    ),
    Episode(
        2,
        "know_your_network",
        "Knowing your members and the roles a network needs",
        65,
        "Find the brokers, central connectors and energizers who hold a network together.",
        leader_minutes=20,
        analyst_minutes=20,
    ),
    Episode(
        3,
        "distributed_leadership",
        "Distributed leadership, power and reciprocity",
        25,
        "Why managing a network is not the same as leading one, and how power and give-and-take are shared.",
        leader_minutes=20,
        analyst_minutes=10,
    ),
    Episode(
        4,
        "conflict_and_viewpoints",
        "Conflict and many viewpoints",
        25,
        "Treat disagreement as information and make room for the many views a network brings together.",
        leader_minutes=20,
        analyst_minutes=10,
    ),
    Episode(
        5,
        "stps_as_networks",
        "STPs as multi-organisational networks: Devon",
        50,
        "Look at a sustainability and transformation partnership as a network of organisations, using Devon.",
        leader_minutes=25,
        analyst_minutes=10,
    ),
    Episode(
        6,
        "governance_and_messiness",
        "Governance and messiness",
        30,
        "Enough structure to act together without squeezing out the untidy work that makes networks useful.",
        leader_minutes=20,
        analyst_minutes=10,
    ),
    Episode(
        7,
        "curiosity_and_listening",
        "Curiosity, listening and a safe space to fail",
        35,
        "Curiosity, tolerating distress, active listening and making it safe to try things that might not work.",
        leader_minutes=20,
        analyst_minutes=10,
    ),
    Episode(
        8,
        "diagnostics",
        "Diagnostics: the maturity matrix and the health check",
        40,
        "Use a maturity-matrix conversation and a health-check survey to see how your network is doing.",
        leader_minutes=25,
        analyst_minutes=12,
    ),
    Episode(
        9,
        "q_community_at_scale",
        "A large community as a network: Q",
        47,
        "What changes when a network has thousands of members, taking the Q community as the example.",
        leader_minutes=22,
        analyst_minutes=15,
    ),
    Episode(
        10,
        "your_own_network",
        "Analysing your own network",
        60,
        "Map and analyse a network you belong to, and decide what you will do differently.",
        leader_minutes=30,
        analyst_minutes=10,
    ),
    Episode(
        11,
        "large_scale_change_and_value",
        "Large-scale change and the value of networks",
        25,
        "Networks as a way to make large-scale change, and how to show a board the value a network creates.",
        leader_minutes=20,
        analyst_minutes=10,
    ),
)


# JupyterLab right-aligns table cells; sentences read better from the left.
_LEFT = ' style="text-align: left"'
_NOWRAP = ' style="text-align: left; white-space: nowrap"'


def _root(root):
    return REPO_ROOT if root is None else Path(root)


def _status(base, episode, root):
    if (base / episode.notebook).is_file():
        return AVAILABLE
    if root is None and not notebooks_present(base):
        return NOT_HERE
    return IN_PREPARATION


def course_map(root=None):
    """Return the course's episodes, the time each track takes and whether each is ready.

    Every episode has a lesson notebook and an exercise notebook with two tracks: the
    *leader track*, answered without code, and the *analyst track*, answered in code.

    Parameters
    ----------
    root : path-like, optional
        The folder that holds ``notebooks/``. Defaults to the repository this
        package was installed from.

    Returns
    -------
    pandas.DataFrame
        One row per episode with the columns ``number``, ``title``,
        ``lesson_minutes``, ``leader_minutes``, ``analyst_minutes``,
        ``leader_path_minutes`` (lesson + leader track), ``minutes`` (lesson +
        both tracks) and ``status``. The status is ``"available"`` when the
        lesson notebook exists, otherwise ``"in preparation"``. With the
        default ``root`` and no ``notebooks/`` folder there (netlearn was
        installed as a package, without the course's notebooks), every status
        is ``"notebook not here"`` instead, since nothing can be said about them.

    Examples
    --------
    >>> from netlearn.course import course_map
    >>> table = course_map(root="/nowhere")
    >>> list(table.columns)  # doctest: +NORMALIZE_WHITESPACE
    ['number', 'title', 'lesson_minutes', 'leader_minutes', 'analyst_minutes',
     'leader_path_minutes', 'minutes', 'status']
    >>> table.iloc[0].to_dict()["leader_path_minutes"]
    25
    >>> table.loc[0, ["title", "status"]].tolist()
    ['Start here', 'in preparation']
    >>> len(table)
    12
    """
    base = _root(root)
    rows = [
        {
            "number": episode.number,
            "title": episode.title,
            "lesson_minutes": episode.lesson_minutes,
            "leader_minutes": episode.leader_minutes,
            "analyst_minutes": episode.analyst_minutes,
            "leader_path_minutes": episode.leader_path_minutes,
            "minutes": episode.minutes,
            "status": _status(base, episode, root),
        }
        for episode in EPISODES
    ]
    return pd.DataFrame(rows, columns=_MAP_COLUMNS)


_MAP_COLUMNS = [
    "number", "title", "lesson_minutes", "leader_minutes", "analyst_minutes",
    "leader_path_minutes", "minutes", "status",
]


def hours_and_minutes(total):
    """Say a number of minutes as hours and minutes, in words.

    >>> hours_and_minutes(485), hours_and_minutes(45), hours_and_minutes(120)
    ('8 h 5 min', '45 min', '2 h')
    """
    hours, minutes = divmod(int(total), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def track_totals(episodes=None):
    """Total minutes for the whole course, on each path through it.

    Returns a dict with ``lessons`` (the lesson notebooks alone), ``leader``
    (lessons and the leader track: the path for someone who does not code)
    and ``both`` (lessons and both tracks).

    >>> from netlearn.course import Episode, track_totals
    >>> track_totals([Episode(1, "a", "A", 20, "x", leader_minutes=15, analyst_minutes=10),
    ...               Episode(2, "b", "B", 30, "y", leader_minutes=10, analyst_minutes=5)])
    {'lessons': 50, 'leader': 75, 'both': 90}
    """
    episodes = EPISODES if episodes is None else episodes
    lessons = sum(episode.lesson_minutes for episode in episodes)
    leader = sum(episode.leader_path_minutes for episode in episodes)
    return {"lessons": lessons, "leader": leader, "both": sum(episode.minutes for episode in episodes)}


def course_map_html(root=None, episodes=None):
    """Return the course map as an HTML table, with links to ready episodes.

    The links are relative to the ``notebooks/`` folder, so they work when
    the table is shown inside a notebook there. Every piece of text is
    escaped, so titles may safely contain characters such as ``<`` and ``&``.

    Parameters
    ----------
    root : path-like, optional
        The folder that holds ``notebooks/``. Defaults to the repository this
        package was installed from.
    episodes : sequence of Episode, optional
        The episodes to show. Defaults to :data:`EPISODES`.

    Returns
    -------
    str
        An HTML ``<table>`` with a caption, a header row and one row per
        episode. Show it in a notebook with ``IPython.display.HTML``.

    Examples
    --------
    >>> from netlearn.course import Episode, course_map_html
    >>> table = course_map_html(root="/nowhere", episodes=[Episode(1, "a", "Trust & <power>", 30, "x")])
    >>> "Trust &amp; &lt;power&gt;" in table
    True
    >>> "in preparation" in table, "<a " in table
    (True, False)
    """
    base = _root(root)
    episodes = EPISODES if episodes is None else episodes
    totals = track_totals(episodes)
    rows = []
    for episode in episodes:
        title = html.escape(episode.title)
        status = _status(base, episode, root)
        if status == AVAILABLE:
            href = html.escape(episode.filename, quote=True)
            title = f'<a href="{href}">{title}</a>'
        rows.append(
            "<tr>"
            f"<td{_LEFT}>{episode.number:02d}</td>"
            f"<td{_LEFT}>{title}</td>"
            f"<td{_NOWRAP}>{episode.lesson_minutes} min</td>"
            f"<td{_NOWRAP}>{episode.leader_minutes} min</td>"
            f"<td{_NOWRAP}>{episode.analyst_minutes} min</td>"
            f"<td{_LEFT}>{html.escape(episode.summary)}</td>"
            f"<td{_NOWRAP}>{html.escape(status)}</td>"
            "</tr>"
        )
    caption = html.escape(
        f"The course: {len(episodes)} episodes. Lessons and the leader track (no code): about "
        f"{hours_and_minutes(totals['leader'])}. Adding the analyst track (code): about "
        f"{hours_and_minutes(totals['both'])} in all"
    )
    if root is None and not notebooks_present(base):
        caption += ". " + html.escape(_NOT_HERE_NOTE)
    header = "".join(
        f'<th scope="col"{_LEFT}>{html.escape(name)}</th>'
        for name in ("Episode", "Title", "Lesson", "Leader track (no code)", "Analyst track (code)",
                     "What it is about", "Status")
    )
    return (
        '<table class="netlearn-course-map">'
        f"<caption>{caption}</caption>"
        f"<thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody>"
        "</table>"
    )
