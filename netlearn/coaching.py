"""Error coaching: the course's common mistakes explained in one plain paragraph.

A learner who looks up a member who is not in the graph, asks for a relation the network does
not have, runs a cell before the setup cell, or leaves a bracket or quote open, gets a wall of
traceback (or a terse "SyntaxError") from Python. With
coaching on, Jupyter shows first what went wrong and what to try, in plain words, then the short
usual error line. The full traceback stays available: folded under "Technical details", and
through ``%tb`` in a new cell.

* :func:`explain` returns the coaching text for an exception, or None when it is not one of the
  mistakes the course knows.
* :func:`enable` turns coaching on in the running IPython kernel (the exercise modules call it
  when imported, so the setup cell of every exercise notebook turns it on); :func:`disable`
  turns it off.

The error is still an error: the cell stops, Jupyter's "Run All" stops there, and nbval fails
the cell, exactly as without coaching.

>>> import networkx as nx
>>> G = nx.Graph([("Diane", "Ed")])
>>> print(explain(KeyError("Dianne"), {"G": G}))  # doctest: +NORMALIZE_WHITESPACE
'Dianne' is not a member of G. Did you mean 'Diane'? Member ids must be written exactly as in the
data: same spelling, same capitals, inside quotes. What to try: run `sorted(G.nodes)` in a new cell
to see every member's id, then use one of them.
>>> print(explain(SyntaxError("'(' was never closed", ("<cell>", 2, 5, "x = (1, 2", 2, 5))))
... # doctest: +NORMALIZE_WHITESPACE
Python could not read this cell, so none of it ran (a 'syntax error': the code is not written the way
Python expects). On line 2 (`x = (1, 2`) a round bracket `(` is opened and never closed. What to try:
add the matching `)` where that part ends (often at the end of the line), so every opening bracket has
a closing one, then run the cell again.
>>> explain(ZeroDivisionError("division by zero")) is None
True
"""

from __future__ import annotations

import difflib
import html
import re

__all__ = ["COACHED_ERRORS", "disable", "enable", "explain", "is_enabled", "load_ipython_extension",
           "unload_ipython_extension"]

_SETUP = ("the setup cell near the top of this notebook")
_AFTER_RESTART = ("Python forgets everything when the kernel restarts or the notebook is opened again, so the "
                  "cells above have to run again first.")
_RUN_ABOVE = ("What to try: run the setup cell (or use the Run menu, then Run All Above Selected Cell), then run "
              "this cell again.")

_KNOWN_NAMES = {
    "ex": f"`ex` holds this notebook's exercises. It is made by {_SETUP}, the one that says "
          "`from netlearn.exercises import ...`.",
    "____": f"`____` is the blank you replace with your answer. It comes from {_SETUP}, the one that says "
            "`from netlearn.exercises import ____, ...`.",
    "net": f"`net` is the network that {_SETUP} loads, with a line such as `net = netlearn.load_dataset(...)`.",
    "G": f"`G` is the graph of one relation of the network, made in {_SETUP} with a line such as "
         "`G = net.graph('knows')`.",
    "nx": "`nx` is the usual short name for the networkx package, made by the line `import networkx as nx` "
          f"in {_SETUP}.",
    "netlearn": f"`netlearn` is the course's own package, made available by `import netlearn` in {_SETUP}.",
    "pd": f"`pd` is the usual short name for pandas, made by `import pandas as pd` in {_SETUP}.",
}


def _member_collections(namespace):
    """(variable name, set of member ids) for every graph and Network in ``namespace``."""
    if not namespace:
        return []
    found = []
    for name, value in list(namespace.items()):
        if name.startswith("_"):
            continue
        try:
            if hasattr(value, "adj") and hasattr(value, "nodes") and hasattr(value, "number_of_edges"):
                found.append((name, {n for n in value.nodes}))
            elif hasattr(value, "members") and hasattr(value, "graph") and hasattr(value, "relation_names"):
                found.append((name, set(value.members["id"])))
        except Exception:  # a half-built object in the namespace must not break coaching
            continue
    found.sort(key=lambda pair: (pair[0] != "G", pair[0] != "net", pair[0]))
    return found


def _missing_member(member, namespace, certain=True):
    """Coaching for a member id that is not in the graph, or None if it is in every graph known."""
    from netlearn.exercises.engine import BLANK

    if member is BLANK:
        return ("You used `____`, the blank in the exercise, as if it were a member. What to try: replace `____` "
                "with a member's id in quotes, such as 'Andre', then run the cell again.")
    collections = _member_collections(namespace)
    holders = [(name, ids) for name, ids in collections if member in ids]
    lacking = [(name, ids) for name, ids in collections if member not in ids]
    if collections and not lacking:
        return None  # it is a member of every graph: the missing key is something else
    where = f"a member of {lacking[0][0]}" if lacking else "a member of this network"
    if holders:
        where += f" (it is in {holders[0][0]}, so check which graph or table you used)"
    ids = sorted({str(i) for _, group in lacking for i in group}) if lacking else []
    advice = ""
    if isinstance(member, (int, float)) and not isinstance(member, bool) and str(member) in ids:
        advice = f" Member ids are text: write '{member}' in quotes."
    elif isinstance(member, str) and ids:
        close = difflib.get_close_matches(member, ids, n=1, cutoff=0.6)
        folded = [i for i in ids if i.casefold() == member.casefold()]
        if folded:
            advice = f" Did you mean {folded[0]!r}? Capitals count."
        elif close:
            advice = f" Did you mean {close[0]!r}?"
    graph = lacking[0][0] if lacking and lacking[0][0] != "net" else "G"
    text = (f"{member!r} is not {where}.{advice} Member ids must be written exactly as in the data: same spelling, "
            f"same capitals, inside quotes. What to try: run `sorted({graph}.nodes)` in a new cell to see every "
            "member's id, then use one of them.")
    if not certain and not advice:
        text += " (If it is not meant to be a member but, say, a column of a table, `table.columns` lists the columns.)"
    return text


_NODE_PATTERNS = [
    re.compile(r"^The node (?P<node>.+?) is not in the (?:di)?graph\.?$"),
    re.compile(r"^(?:Source|Target) (?P<node>.+?) (?:is )?not in G\.?$"),
    re.compile(r"^Either source (?P<node>.+?) or target (?P<node2>.+?) is not in G\.?$"),
    re.compile(r"^Node (?P<node>.+?) (?:is )?not (?:in|found in) (?:the )?(?:di)?graph\.?$", re.I),
]


def _node_from_message(message, namespace):
    for pattern in _NODE_PATTERNS:
        match = pattern.match(message.strip())
        if match:
            nodes = [v for k, v in match.groupdict().items() if v is not None]
            ids = set().union(*[group for _, group in _member_collections(namespace)] or [set()])
            for node in nodes:
                if node not in ids:
                    return node
            return nodes[0]
    return None


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_NAMES = {"(": "round bracket", ")": "round bracket", "[": "square bracket", "]": "square bracket",
                  "{": "curly bracket", "}": "curly bracket"}
_CURLY_QUOTES = "\u2018\u2019\u201c\u201d"


def _where(exc):
    """'line 2 (`x = (1, 2`)': the line of the cell Python stopped at, with its text when it is short."""
    line = getattr(exc, "lineno", None)
    text = (getattr(exc, "text", None) or "").strip()
    where = f"line {line}" if line else "this cell"
    if text and len(text) <= 60 and "`" not in text:
        where += f" (`{text}`)"
    return where


def _first_unclosed(source):
    """(line, bracket) of the first bracket in ``source`` never closed, or (line, quotes) of an unended
    triple-quoted text, or None. Brackets inside quotes and comments do not count."""
    stack = []
    line, i, quote = 1, 0, None
    while i < len(source):
        char = source[i]
        if quote:
            if char == "\\":
                i += 1
            elif source.startswith(quote[1], i):
                i += len(quote[1]) - 1
                quote = None
            elif char == "\n" and len(quote[1]) == 1:
                quote = None
        elif char == "#":
            while i < len(source) and source[i] != "\n":
                i += 1
            continue
        elif char in "'\"":
            mark = source[i:i + 3] if source[i:i + 3] in ("'" * 3, '"' * 3) else char
            quote = (line, mark)
            i += len(mark) - 1
        elif char in _BRACKETS:
            stack.append((line, char))
        elif char in ")]}" and stack:
            stack.pop()
        if char == "\n":
            line += 1
        i += 1
    if quote and len(quote[1]) == 3:
        return quote
    return stack[0] if stack else None


def _incomplete(exc):
    """Python (in a notebook) says only 'incomplete input': find what was left open."""
    import linecache

    lines = linecache.getlines(getattr(exc, "filename", None) or "")
    source = "".join(lines) if lines else (getattr(exc, "text", None) or "")
    found = _first_unclosed(source)
    if found is None:
        return None
    line, mark = found
    text = source.splitlines()[line - 1].strip()
    where = f"line {line}" + (f" (`{text}`)" if text and len(text) <= 60 and "`" not in text else "")
    if mark in _BRACKETS:
        return f"'{mark}' was never closed", where
    return "unterminated triple-quoted string literal", where


def _syntax(exc):
    """Coaching for code Python cannot read: brackets, quotes, indentation, colons, commas."""
    message = getattr(exc, "msg", None) or str(exc)
    where = _where(exc)
    if message == "incomplete input":
        message, where = _incomplete(exc) or (message, where)
    line = getattr(exc, "lineno", None)
    lead = ("Python could not read this cell, so none of it ran (a 'syntax error': the code is not written the "
            "way Python expects). ")
    never_closed = re.match(r"'([(\[{])' was never closed", message)
    if never_closed:
        opening = never_closed.group(1)
        return (lead + f"On {where} a {_BRACKET_NAMES[opening]} `{opening}` is opened and never closed. What to "
                f"try: add the matching `{_BRACKETS[opening]}` where that part ends (often at the end of the line), "
                "so every opening bracket has a closing one, then run the cell again.")
    mismatch = re.match(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", message)
    if mismatch:
        closing, opening = mismatch.groups()
        return (lead + f"On {where} a {_BRACKET_NAMES[opening]} `{opening}` is closed with a "
                f"{_BRACKET_NAMES[closing]} `{closing}`. Brackets come in pairs of the same shape. What to try: "
                f"close it with `{_BRACKETS[opening]}` instead, then run the cell again.")
    unmatched = re.match(r"unmatched '(.)'", message)
    if unmatched:
        closing = unmatched.group(1)
        return (lead + f"On {where} there is a closing {_BRACKET_NAMES[closing]} `{closing}` with no opening one "
                "before it: one bracket too many. What to try: remove the extra closing bracket (or add the "
                "opening one it belongs to), then run the cell again.")
    if message.startswith(("unterminated string literal", "unterminated triple-quoted string literal",
                           "EOL while scanning", "EOF while scanning")):
        return (lead + f"On {where} some text starts with a quote mark and never ends: Python reads everything after "
                "an opening quote as text until it meets the same quote again. What to try: add the closing quote "
                "(the same kind, ' or \"), for example `'Diane'`, then run the cell again.")
    if message.startswith("invalid character") and any(q in message for q in _CURLY_QUOTES):
        return (lead + f"On {where} there are curly quotes (\u2018 \u2019 or \u201c \u201d), which word processors "
                "and email put in. Python only understands straight quotes. What to try: type the quotes again in "
                "the notebook as ' or \", then run the cell again.")
    if isinstance(exc, IndentationError):
        if message.startswith("unexpected indent"):
            how = (f"line {line} starts further in (with more spaces) than Python expected. Lines are only pushed in "
                   "under a line ending with a colon, such as `for ...:` or `if ...:`. What to try: delete the "
                   "spaces at the start of that line so it lines up with the line above.")
        elif message.startswith("expected an indented block"):
            how = (f"the line before line {line} ends with a colon, so Python expects the lines under it to be "
                   "pushed in, and they are not. What to try: put four spaces at the start of each line that "
                   "belongs under it.")
        else:
            how = (f"line {line} does not line up with the lines above it. Lines that belong together must start "
                   "with exactly the same number of spaces. What to try: make its start line up with the block it "
                   "belongs to (four spaces per step in, and no tabs).")
        return lead + f"The spaces at the start of the lines do not match: {how} Then run the cell again."
    if "forgot a comma" in message:
        return (lead + f"On {where} two things stand side by side with nothing between them. What to try: put a "
                "comma between items of a list or between the values given to a function, as in "
                "`['Diane', 'Ed']`, and check that each name of a member has quotes; then run the cell again.")
    if "instead of '='" in message:
        return (lead + f"On {where} a single `=` is used where Python expects a comparison. One `=` stores a value "
                "in a name; two, `==`, ask whether two things are equal. What to try: write `==` there, then run "
                "the cell again.")
    if message == "expected ':'":
        return (lead + f"{where[0].upper() + where[1:]} needs a colon `:` at its end: lines starting with `for`, "
                "`if`, `else` or `def` end with one. What to try: add the colon, then run the cell again.")
    if message.startswith("Missing parentheses in call to"):
        return (lead + f"On {where} a function is used without round brackets. What to try: put what it should work "
                "on inside brackets, as in `print('hello')`, then run the cell again.")
    return (lead + f"Python stopped at {where}; the `^` mark in the error below points to where it got lost (the "
            "mistake is often just before it, or at the end of the line above). What to try: look there for a "
            "missing or extra bracket, quote, comma or colon, then run the cell again.")


def explain(exc, namespace=None):
    """A plain-language explanation of a common course mistake, or None.

    Parameters
    ----------
    exc : BaseException
        The error raised.
    namespace : dict, optional
        The notebook's variables (IPython's ``user_ns``). With it, explanations name the graph a
        member is missing from and suggest the id that was probably meant.

    Returns
    -------
    str or None
        One paragraph: what went wrong, then "What to try: ...".
    """
    try:
        return _explain(exc, namespace or {})
    except Exception:  # coaching must never make an error worse
        return None


def _explain(exc, namespace):
    import networkx as nx

    from netlearn.errors import MemberError, RelationError

    if isinstance(exc, SyntaxError):
        return _syntax(exc)
    if isinstance(exc, NameError):
        name = getattr(exc, "name", None)
        if name is None:
            match = re.search(r"name '([^']+)' is not defined", str(exc))
            name = match.group(1) if match else None
        if name is None:
            return None
        if name in _KNOWN_NAMES:
            return f"Python does not know `{name}` yet. {_KNOWN_NAMES[name]} {_AFTER_RESTART} {_RUN_ABOVE}"
        candidates = [n for n in namespace if not n.startswith("_")]
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
        guess = f" Did you mean `{close[0]}`?" if close else ""
        return (f"Python does not know the name `{name}`.{guess} Either it is spelt differently where it was made "
                "(capitals count), or the cell that makes it has not been run since the kernel started. What to "
                "try: check the spelling, then run the cells above this one from the top (Run menu, then Run All "
                "Above Selected Cell) and run this cell again.")
    if isinstance(exc, RelationError):
        return ("The network has no relation with that name. A relation is one kind of tie (who knows whom, who "
                "asks whom for advice), and its name must be written exactly as in the data, in quotes. What to "
                "try: run `net.relation_names` in a new cell to see the relations this network has (the error "
                "below lists them too), then use one of them, such as `net.graph('knows')`.")
    if isinstance(exc, MemberError):
        return ("That member is not in this network. Member ids must be written exactly as in the data: same "
                "spelling, same capitals, inside quotes. What to try: run `sorted(G.nodes)` in a new cell to see "
                "every member's id, then use one of them.")
    if isinstance(exc, nx.NetworkXException):
        node = _node_from_message(str(exc), namespace)
        if node is None:
            return None
        text = _missing_member(node, namespace)
        if text is None:
            text = (f"networkx could not find {node!r} in the graph it was given. Member ids must be written exactly "
                    "as in the data. What to try: run `sorted(G.nodes)` in a new cell and compare.")
        return text
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        key = exc.args[0]
        try:
            hash(key)
        except TypeError:
            return None
        from netlearn.exercises.engine import BLANK

        if key is BLANK or _member_collections(namespace):
            return _missing_member(key, namespace, certain=False)
        if isinstance(key, str):
            return (f"Python looked for {key!r} and it is not there. In this course that usually means a member id "
                    "that is not in the graph (ids must match exactly, capitals included) or a column name that is "
                    "not in the table. What to try: check the spelling and capitals; `sorted(G.nodes)` lists the "
                    "member ids and `table.columns` a table's columns.")
        return None
    if isinstance(exc, TypeError) and "'Blank'" in str(exc):
        return ("This line still uses `____`, the blank in the exercise, as if it were an answer. What to try: "
                "replace `____` with your answer, or with the code that works it out, then run the cell again.")
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").split(".")[0] == "netlearn":
        return ("The course's own package, netlearn, is not installed in the Python this notebook runs. What to try: "
                "open a terminal in the course folder and run `make lab`, or `python -m pip install -e .` there; "
                "then restart the kernel (Kernel menu, then Restart Kernel) and run the notebook again.")
    return None


#: The exceptions the coaching handler looks at; any other error is shown as usual.
def _coached_errors():
    import networkx as nx

    from netlearn.errors import NetlearnError

    return (SyntaxError, NameError, KeyError, TypeError, ModuleNotFoundError, nx.NetworkXException,
            NetlearnError)


COACHED_ERRORS = _coached_errors()

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _coaching_bundle(text, full_traceback):
    details = ""
    if full_traceback:
        details = ('<details style="margin-top:0.4em"><summary>Technical details (the full error report)</summary>'
                   f'<pre style="white-space:pre-wrap;font-size:0.85em">{html.escape(full_traceback)}</pre></details>')
    body = html.escape(text)
    body = re.sub(r"`([^`\n]+)`", r"<code>\1</code>", body)
    markup = (
        '<div class="netlearn-coaching" role="note" style="border-left:6px solid #a15c00;background:#fff4e2;'
        'color:#3d2500;padding:0.5em 0.9em;margin:0.3em 0;border-radius:4px;line-height:1.45">'
        '<div style="font-weight:bold"><span aria-hidden="true">\u2139</span> What went wrong, in plain words</div>'
        f"<p style=\"margin:0.3em 0\">{body}</p>{details}</div>"
    )
    plain = f"What went wrong, in plain words: {text}"
    return {"text/plain": plain, "text/html": markup}


def _handler(shell, etype, value, tb, tb_offset=None):
    """IPython custom exception handler: coaching, then the short error line."""
    import sys

    text = explain(value, getattr(shell, "user_ns", None))
    if text is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
        return None
    # Keep the exception for %tb and for debuggers, as IPython's own display does.
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    if sys.version_info >= (3, 12):
        sys.last_exc = value
    try:
        full = shell.InteractiveTB.stb2text(shell.InteractiveTB.structured_traceback(etype, value, tb,
                                                                                      tb_offset=tb_offset))
        full = _ANSI.sub("", full)
    except Exception:
        full = ""
    from IPython.display import display

    display(_coaching_bundle(text, full), raw=True)
    if hasattr(value, "_render_traceback_"):
        short = list(value._render_traceback_())
    else:
        short = list(shell.InteractiveTB.get_exception_only(etype, value))
    short.append("(The full technical report is under 'Technical details' above, or run %tb in a new cell.)")
    shell._showtraceback(etype, value, short)
    return None


def is_enabled(shell=None):
    """True if coaching is on in ``shell`` (default: the running IPython)."""
    shell = shell or _shell()
    return bool(shell is not None and getattr(shell, "_netlearn_coaching", False))


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    return get_ipython()


def enable(shell=None):
    """Turn coaching on in the running IPython kernel; return True if it is on.

    Outside IPython (plain Python, pytest) this does nothing and returns False. Calling it
    again is harmless.
    """
    shell = shell or _shell()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    shell.set_custom_exc(COACHED_ERRORS, _handler)
    shell._netlearn_coaching = True
    return True


def disable(shell=None):
    """Turn coaching off again: errors are shown exactly as IPython shows them by default."""
    shell = shell or _shell()
    if shell is None or not getattr(shell, "_netlearn_coaching", False):
        return
    shell.set_custom_exc((), None)
    shell._netlearn_coaching = False


def load_ipython_extension(shell):
    """``%load_ext netlearn.coaching``, or IPython's ``extensions`` setting, turns coaching on.

    That is the way to have coaching before any setup cell has run (the setup cell of an exercise
    notebook turns it on too, but a cell run before it cannot be coached otherwise). For example,
    in ``<sys.prefix>/etc/ipython/ipython_kernel_config.py``::

        c.InteractiveShellApp.extensions = ["netlearn.coaching"]
    """
    enable(shell)


def unload_ipython_extension(shell):
    """``%unload_ext netlearn.coaching`` turns coaching off."""
    disable(shell)


_CONFIG_MARK = "# netlearn: coach common mistakes from the first cell (added by `make lab` / postBuild)"


def install_kernel_config(prefix=None):
    """Make every kernel of this environment load coaching at start-up; return the config path.

    Writes (or appends a marked block to) ``<prefix>/etc/ipython/ipython_kernel_config.py``, where
    ``prefix`` defaults to ``sys.prefix``, i.e. the course's own ``.venv`` or conda environment.
    Nothing outside that environment is touched, an existing file keeps everything it had, and
    running it twice adds nothing the second time.

    >>> import pathlib, tempfile
    >>> prefix = pathlib.Path(tempfile.mkdtemp())
    >>> path = install_kernel_config(prefix)
    >>> path == install_kernel_config(prefix), path.read_text().count("netlearn.coaching")
    (True, 1)
    """
    import sys
    from pathlib import Path

    path = Path(prefix or sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if _CONFIG_MARK in existing:
        return path
    block = (f"{_CONFIG_MARK}\n"
             "c.InteractiveShellApp.extensions.append(\"netlearn.coaching\")\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text((existing.rstrip("\n") + "\n\n" if existing else "") + block, encoding="utf-8")
    tmp.replace(path)
    return path


if __name__ == "__main__":  # python -m netlearn.coaching --install-kernel-config
    import argparse

    parser = argparse.ArgumentParser(description="netlearn's plain-language error coaching")
    parser.add_argument("--install-kernel-config", action="store_true",
                        help="load coaching in every kernel of this Python environment")
    if parser.parse_args().install_kernel_config:
        print(f"coaching will load in every kernel: {install_kernel_config()}")
    else:
        parser.print_help()
