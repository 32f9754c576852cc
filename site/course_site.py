"""What the course website's build, its Sphinx configuration and its tests share.

The one setting that says where the course lives is ``[tool.netlearn] repository`` in
pyproject.toml; the launch buttons, the Binder link on every notebook page and the README's
Binder badge are all made from it (tests/test_repository.py checks that they agree).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"

#: The tag that marks a "For trainers" cell in a notebook: kept in the instructor edition only.
TRAINER_TAG = "trainer-notes"

#: Where each edition of the website lands.
EDITIONS = {"learner": BUILD / "site", "instructor": BUILD / "site-instructor"}

#: Executed notebooks, shared by both editions: jupyter-cache matches a notebook by its code
#: cells only, so the learner and instructor copies (which differ in Markdown cells) run once.
CACHE = BUILD / "site-cache"

#: The public Binder service, and the branch name Binder and GitHub resolve to the default branch.
BINDERHUB = "https://mybinder.org"
BRANCH = "HEAD"

#: The address ``make lab`` serves JupyterLab on (its default port), with the repository as root.
LOCAL_LAB = "http://127.0.0.1:8888/lab/tree"


def repository():
    """The course's home on GitHub, from ``[tool.netlearn] repository`` in pyproject.toml.

    >>> repository().startswith("https://github.com/")
    True
    """
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    address = data["tool"]["netlearn"]["repository"].rstrip("/")
    if not address.startswith("https://github.com/") or address.count("/") != 4:
        raise ValueError(f"pyproject.toml [tool.netlearn] repository must be https://github.com/<owner>/<name>, "
                         f"not {address!r}")
    return address


def owner_and_name():
    """``("owner", "name")`` of :func:`repository`."""
    owner, name = repository().split("/")[-2:]
    return owner, name


def binder_url(path):
    """The Binder link that opens ``path`` (relative to the repository) in JupyterLab.

    >>> binder_url("notebooks/00_start_here.ipynb").endswith("HEAD?labpath=notebooks%2F00_start_here.ipynb")
    True
    """
    owner, name = owner_and_name()
    return f"{BINDERHUB}/v2/gh/{owner}/{name}/{BRANCH}?labpath={quote(path, safe='')}"


def local_lab_url(path):
    """The link to ``path`` in the JupyterLab that ``make lab`` starts (while it runs).

    >>> local_lab_url("notebooks/01_purpose.ipynb")
    'http://127.0.0.1:8888/lab/tree/notebooks/01_purpose.ipynb'
    """
    return f"{LOCAL_LAB}/{quote(path)}"


def source_url(path, folder=False):
    """``path`` in the repository on GitHub (a file, or a folder when ``folder`` is true)."""
    return f"{repository()}/{'tree' if folder else 'blob'}/{BRANCH}/{quote(path)}"
