"""Check that a learner's set-up can run the course.

The start-here notebook calls these functions so that a learner finds out in
the first five minutes, in plain words, whether anything needs fixing:

* :func:`check_environment` lists Python and the packages the course uses,
  the version each needs and the version that is installed.
* :func:`environment_report` turns that table into a short message that either
  says all is well or names what to fix and the command that fixes it.
* :func:`widget_check` shows a button; clicking it proves that interactive
  widgets can talk to Python in this browser.
"""

from __future__ import annotations

import importlib.metadata
import platform
import re

import pandas as pd

__all__ = [
    "FALLBACK_MINIMUMS",
    "WIDGET_BUTTON_TEXT",
    "WIDGET_SUCCESS_TEXT",
    "check_environment",
    "environment_report",
    "required_versions",
    "widget_check",
]

#: Minimum versions used when the installed metadata of ``netlearn`` cannot be
#: read (for example when the notebooks are opened without ``pip install -e .``).
#: "python" is the interpreter itself; "netlearn" only has to be installed.
#: Keep these in step with ``pyproject.toml``.
FALLBACK_MINIMUMS = {
    "python": "3.11",
    "netlearn": "0.1",
    "jupyterlab": "4.0",
    "ipywidgets": "8.0",
    "networkx": "3.2",
    "pandas": "2.0",
    "seaborn": "0.13",
    "matplotlib": "3.7",
}

#: The text on the widget-check button.
WIDGET_BUTTON_TEXT = "Click me to test widgets"

#: The start of the text the widget check shows once the button was clicked.
WIDGET_SUCCESS_TEXT = "Widgets work: the button reached Python."

_WIDGET_WAITING_TEXT = "Not clicked yet. Press the button to test widgets."

_FIX_PACKAGES = (
    "To fix this, open a terminal in the course folder and run `make lab` again "
    "(it installs whatever is missing), or, inside the course's Python environment, "
    "run `python -m pip install -e .` from the course folder. Then restart the kernel "
    "(Kernel menu > Restart Kernel) and run this notebook again. On Binder, start a "
    "fresh session from the course's Binder link."
)

_FIX_PYTHON = (
    "The course needs a newer Python. Install Python {required} or newer "
    "(python.org, or your organisation's software centre), then run `make lab` again "
    "so the course is set up with it."
)


def _normalise(name):
    """Return a package name in the form used to compare names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _minimum_from_specifier(specifier):
    """Return the version after ``>=`` in a requirement specifier, or None."""
    match = re.search(r">=\s*([0-9][0-9A-Za-z.]*)", specifier)
    return match.group(1) if match else None


def _version_tuple(version):
    """Turn a version string into a tuple of integers that compares sensibly.

    Only the leading numeric parts count, so ``"2.0.3rc1"`` becomes
    ``(2, 0, 3)``. Trailing zeros are dropped so that ``"2.0"`` equals ``"2"``.
    """
    parts = []
    for piece in version.split("."):
        match = re.match(r"\d+", piece)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _installed_version(package):
    """Return the installed version of ``package`` (or of Python), or None."""
    if package == "python":
        return platform.python_version()
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def required_versions():
    """Return the minimum version the course needs for Python and each package.

    The minimums come from the installed metadata of the ``netlearn`` package
    (its ``Requires-Python`` and its dependencies), so they always match
    ``pyproject.toml``. Anything the metadata does not mention, or everything
    when ``netlearn`` is not installed, falls back to :data:`FALLBACK_MINIMUMS`.

    Returns
    -------
    dict
        Maps ``"python"`` and each package name to a minimum version string.

    Examples
    --------
    >>> from netlearn.environment import required_versions
    >>> minimums = required_versions()
    >>> list(minimums)
    ['python', 'netlearn', 'jupyterlab', 'ipywidgets', 'networkx', 'pandas', 'seaborn', 'matplotlib']
    >>> minimums["python"]
    '3.11'
    """
    minimums = dict(FALLBACK_MINIMUMS)
    try:
        metadata = importlib.metadata.metadata("netlearn")
        requirements = importlib.metadata.requires("netlearn") or []
    except importlib.metadata.PackageNotFoundError:
        return minimums

    python_minimum = _minimum_from_specifier(metadata.get("Requires-Python") or "")
    if python_minimum:
        minimums["python"] = python_minimum

    wanted = {_normalise(name): name for name in minimums}
    for requirement in requirements:
        if ";" in requirement:
            # Optional extras such as the "dev" tools carry a marker: skip them.
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)", requirement)
        if match is None:
            continue
        name, specifier = match.groups()
        minimum = _minimum_from_specifier(specifier)
        if minimum and _normalise(name) in wanted:
            minimums[wanted[_normalise(name)]] = minimum
    return minimums


def check_environment():
    """Compare the installed Python and packages with what the course needs.

    Returns
    -------
    pandas.DataFrame
        One row each for python, netlearn, jupyterlab, ipywidgets, networkx,
        pandas, seaborn and matplotlib, with the columns ``package``,
        ``required`` (the minimum version), ``installed`` (the version found,
        or None when it is missing) and ``ok`` (True when it is installed and
        new enough).

    See Also
    --------
    environment_report : the same check as a short message in plain words.

    Examples
    --------
    >>> from netlearn.environment import check_environment
    >>> table = check_environment()
    >>> list(table.columns)
    ['package', 'required', 'installed', 'ok']
    >>> list(table["package"])
    ['python', 'netlearn', 'jupyterlab', 'ipywidgets', 'networkx', 'pandas', 'seaborn', 'matplotlib']
    >>> bool(table.loc[table["package"] == "python", "ok"].item())
    True
    """
    rows = []
    for package, required in required_versions().items():
        installed = _installed_version(package)
        ok = installed is not None and _version_tuple(installed) >= _version_tuple(required)
        rows.append(
            {"package": package, "required": required, "installed": installed, "ok": ok}
        )
    return pd.DataFrame(rows, columns=["package", "required", "installed", "ok"])


def environment_report(table=None):
    """Explain in plain words whether this set-up is ready for the course.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        A table shaped like the one :func:`check_environment` returns. When it
        is not given, :func:`check_environment` is called.

    Returns
    -------
    str
        Either a one-line "all good" message, or a list of what is missing or
        too old followed by the command that fixes it.

    Examples
    --------
    >>> import pandas as pd
    >>> from netlearn.environment import environment_report
    >>> table = pd.DataFrame(
    ...     [
    ...         {"package": "python", "required": "3.10", "installed": "3.11.7", "ok": True},
    ...         {"package": "networkx", "required": "3.2", "installed": None, "ok": False},
    ...         {"package": "pandas", "required": "2.0", "installed": "1.5.3", "ok": False},
    ...     ]
    ... )
    >>> print(environment_report(table))  # doctest: +NORMALIZE_WHITESPACE
    Something needs fixing before the course will work properly:
    - networkx is missing (the course needs version 3.2 or newer).
    - pandas 1.5.3 is too old (the course needs version 2.0 or newer).
    To fix this, open a terminal in the course folder and run `make lab` again
    (it installs whatever is missing), or, inside the course's Python environment,
    run `python -m pip install -e .` from the course folder. Then restart the kernel
    (Kernel menu > Restart Kernel) and run this notebook again. On Binder, start a
    fresh session from the course's Binder link.
    """
    if table is None:
        table = check_environment()
    problems = table[~table["ok"].astype(bool)]
    if problems.empty:
        python_rows = table[table["package"] == "python"]
        python_text = (
            f"Python {python_rows['installed'].iloc[0]}" if len(python_rows) else "Python"
        )
        return (
            f"All good: {python_text} and every package the course uses are installed "
            "and new enough. You are ready to start."
        )

    lines = ["Something needs fixing before the course will work properly:"]
    python_too_old = None
    for row in problems.itertuples(index=False):
        name = "Python" if row.package == "python" else row.package
        if row.installed is None or pd.isna(row.installed):
            lines.append(f"- {name} is missing (the course needs version {row.required} or newer).")
        else:
            lines.append(
                f"- {name} {row.installed} is too old "
                f"(the course needs version {row.required} or newer)."
            )
        if row.package == "python":
            python_too_old = row.required
    if python_too_old is not None:
        lines.append(_FIX_PYTHON.format(required=python_too_old))
    if python_too_old is None or len(problems) > 1:
        lines.append(_FIX_PACKAGES)
    return "\n".join(lines)


def _status_html(text):
    """Wrap the widget-check message so screen readers announce each change."""
    return f'<p role="status" aria-live="polite">{text}</p>'


def widget_check():
    """Return a button and a message that together test interactive widgets.

    Clicking the button runs a little Python code, which rewrites the message
    underneath it and counts the clicks. If the message changes, the browser,
    JupyterLab and the Python kernel are talking to each other and every
    slider and button in the course will work. The message is plain text in
    an element with ``role="status"``, so screen readers read out each change.

    Returns
    -------
    ipywidgets.VBox
        A box whose two children are the ``ipywidgets.Button`` and the
        ``ipywidgets.HTML`` message.

    Examples
    --------
    >>> from netlearn.environment import widget_check
    >>> box = widget_check()
    >>> button, message = box.children
    >>> button.description
    'Click me to test widgets'
    >>> print(message.value)
    <p role="status" aria-live="polite">Not clicked yet. Press the button to test widgets.</p>
    >>> button.click()
    >>> button.click()
    >>> print(message.value)
    <p role="status" aria-live="polite">Widgets work: the button reached Python. Clicks so far: 2.</p>
    """
    import ipywidgets as widgets

    button = widgets.Button(
        description=WIDGET_BUTTON_TEXT,
        tooltip="Runs a small piece of Python to prove that widgets work in this browser",
        button_style="primary",
        icon="check",
        layout=widgets.Layout(width="max-content"),
    )
    message = widgets.HTML(value=_status_html(_WIDGET_WAITING_TEXT))
    clicks = {"count": 0}

    def on_click(_button):
        clicks["count"] += 1
        message.value = _status_html(f"{WIDGET_SUCCESS_TEXT} Clicks so far: {clicks['count']}.")

    button.on_click(on_click)
    return widgets.VBox([button, message])
