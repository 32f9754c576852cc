"""What a learner sees: rules that find output a learner should never meet, and a widget driver.

``tests/test_learner_view.py`` runs every notebook and exercise notebook with nbclient and applies
these rules to what each cell shows; the unit tests there try each rule on hand-made outputs.

Only what the page would *show* is checked. Jupyter shows one representation of each output
bundle, the richest it can render (a widget, then HTML, Markdown, LaTeX, SVG, PNG or JPEG, then
plain text), so a ``text/plain`` fallback next to a picture or a table is never seen and never
checked. The rules, each with the name used in failure messages:

``error``
    an exception's output (the red box with a traceback).
``traceback``
    "Traceback (most recent call last)" or IPython's "Cell In[3], line 1" in any text.
``warning``
    a warning printed on stderr (``UserWarning: ...``, ``FutureWarning``, ``Warning: ...``).
``figure as text``
    a matplotlib figure, axes or artist shown as its text repr (``<Figure size 720x720 with 1
    Axes>``, ``<Axes: >``, ``Text(0.5, 1.0, 'Title')``) instead of a picture.
``memory address``
    a repr with an address, ``<netlearn.x.Thing object at 0x7f...>`` or
    ``<matplotlib.lines.Line2D at 0x...>``.
``record repr``
    a dataclass or namedtuple repr, ``SharedLeadership(density=0.0108, ...)``: a capitalised name,
    a bracket and a keyword.
``numpy repr``
    a NumPy scalar or array shown as its repr, ``np.float64(0.4)`` or ``array([1, 2])``.
``pandas footer``
    a Series printed as plain text, recognised by its ``Name: x, dtype: int64`` footer line.
``long float``
    a number with more than four decimals (``0.123456``, ``1.234567e-05``); dates, ids such as
    ``q062``, version numbers and digits inside words are not numbers.
``no picture``
    a cell that draws but shows no picture of at least 100 x 100 pixels. A cell draws when it is
    tagged ``draws`` or its code (comments aside) calls a drawing function: ``draw_*``,
    ``*_chart``, ``*heatmap``, ``table_radar``, ``plot_*``, or matplotlib/pandas/seaborn drawing
    (``.plot(``, ``.subplots(``, ``.figure(``, ``.hist(``, ``sns.*(``...). A PNG, JPEG or SVG
    output counts, and so does an ``<img>`` with an inline PNG inside HTML.

Widgets are checked the same way after they are driven: :func:`control_actions` (run inside the
notebook's kernel) lists what a learner could do with a displayed widget - choose another option
in each list, move each slider, tick each box, type in each empty text box, press each button - and
:func:`widget_problems` applies the rules to the HTML, labels and Output widgets of the widget as
the front end holds them after each action.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from dataclasses import dataclass
from html.parser import HTMLParser

# --- what the page shows ------------------------------------------------------------------------

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
#: JupyterLab's order of preference among the representations of one output.
SHOWN_ORDER = (
    WIDGET_MIME,
    "text/html",
    "text/markdown",
    "text/latex",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "image/gif",
    "application/javascript",
    "text/plain",
)
PICTURE_MIMES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
#: A picture smaller than this (width and height, in pixels) does not count as a drawing.
MIN_PICTURE_PX = 100


def shown_mimetype(data):
    """The representation of an output bundle that the page shows, or None.

    >>> shown_mimetype({"text/plain": "<Figure size 640x480 with 1 Axes>", "image/png": "iVBOR"})
    'image/png'
    >>> shown_mimetype({"text/plain": "a", "text/html": "<b>a</b>"})
    'text/html'
    """
    for mime in SHOWN_ORDER:
        if mime in data:
            return mime
    return next(iter(data), None)


def _joined(value):
    return "".join(value) if isinstance(value, list) else (value or "")


class _VisibleText(HTMLParser):
    """Collects the text of an HTML fragment that a reader sees, and the inline pictures."""

    HIDDEN = {"style", "script", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.images = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag == "img":
            self.images.append(dict(attrs).get("src") or "")
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"):
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def _parse_html(text):
    parser = _VisibleText()
    parser.feed(text)
    parser.close()
    return parser


def html_text(text):
    """The text a reader sees in an HTML fragment: no tags, no styles or scripts, entities decoded.

    >>> html_text('<style>.a {width: 0.123456em}</style><p>W = <b>0.40</b> &amp; more</p>')
    '\\nW = 0.40 & more'
    """
    return "".join(_parse_html(text).parts)


def png_size(data):
    """Width and height of a PNG given as bytes or base64 text, or None if it is not a PNG.

    >>> header = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\0\\0\\0\\rIHDR" + struct.pack(">II", 640, 480)
    >>> png_size(header), png_size(base64.b64encode(header).decode())
    ((640, 480), (640, 480))
    """
    if isinstance(data, str):
        try:
            data = base64.b64decode("".join(data.split())[:64] + "==", validate=False)
        except (binascii.Error, ValueError):
            return None
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def pictures_in_html(text):
    """Sizes of the ``<img>`` pictures in an HTML fragment: (width, height), or None when unknown."""
    sizes = []
    for src in _parse_html(text).images:
        match = re.match(r"data:image/png;base64,(.*)", src, re.S)
        sizes.append(png_size(match.group(1)) if match else None)
    return sizes


def output_pictures(output):
    """Sizes of the pictures one output shows: (width, height), or None when the size is unknown.

    PNG sizes are read from the file's header; SVG, JPEG and GIF count with an unknown size.
    """
    data = output.get("data") or {}
    mime = shown_mimetype(data) if data else None
    if mime == "image/png":
        return [png_size(_joined(data[mime]))]
    if mime in PICTURE_MIMES:
        return [None]
    if mime == "text/html":
        return pictures_in_html(_joined(data[mime]))
    return []


def is_real_picture(size, minimum=MIN_PICTURE_PX):
    """A picture counts when its size is unknown (SVG, JPEG) or at least ``minimum`` pixels each way."""
    return size is None or (size[0] >= minimum and size[1] >= minimum)


# --- the rules on text --------------------------------------------------------------------------

FIGURE_REPR = re.compile(
    r"<Figure size [\d.]+x[\d.]+ with \d+ Axes>"
    r"|<(?:matplotlib\.[\w.]*)?(?:Figure|Axes|AxesSubplot|PolarAxes)\b[^<>\n]*>"
    r"|(?<![\w.])Text\(-?[\d.]+, -?[\d.]+, '"
    r"|<matplotlib\.[\w.]+ at 0x[0-9a-fA-F]+>"
)
MEMORY_ADDRESS = re.compile(r"<[^<>\n]*? at 0x[0-9a-fA-F]+>")
RECORD_REPR = re.compile(r"(?<![\w.])[A-Z]\w*\((?:[A-Za-z_]\w*)=")
NUMPY_REPR = re.compile(r"\bnp\.(?:float|int|uint|bool|str|complex)\w*\(|(?<![\w.])array\(\[")
PANDAS_FOOTER = re.compile(
    r"^(?:Name: [^\n]*, )?(?:Length: \d+, )?dtype: [a-z]+\d*(?:\[[^\]\n]*\])?[ \t]*$", re.M
)
LONG_FLOAT = re.compile(r"(?<![\w])(?<!\d\.)\d+\.\d{5,}(?:[eE][-+]?\d+)?(?!\w|\.\d)")
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|\bCell In\[\d+\], line \d+")
WARNING = re.compile(r"\b\w*Warning\b|\bwarning:", re.I)

#: Rules applied to every text a learner sees, in the order they are reported.
TEXT_RULES = (
    ("traceback", TRACEBACK),
    ("figure as text", FIGURE_REPR),
    ("memory address", MEMORY_ADDRESS),
    ("record repr", RECORD_REPR),
    ("numpy repr", NUMPY_REPR),
    ("pandas footer", PANDAS_FOOTER),
    ("long float", LONG_FLOAT),
)


def quote(text, start, end, width=60):
    """The line around ``text[start:end]``, shortened to about ``width`` characters each side."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    return ("..." if left > line_start else "") + text[left:right].strip() + ("..." if right < line_end else "")


def text_problems(text):
    """``[(rule, quote), ...]`` for what is wrong in a text a learner reads (first hit per rule).

    >>> for rule, text in text_problems("SharedLeadership(density=0.0108389, members=150)"):
    ...     print(rule, "|", text)
    record repr | SharedLeadership(density=0.0108389, members=150)
    long float | SharedLeadership(density=0.0108389, members=150)
    >>> text_problems("W = 0.40, agreed on 2026-12-06 by q062")
    []
    """
    found = []
    figure = FIGURE_REPR.search(text)
    for rule, pattern in TEXT_RULES:
        match = pattern.search(text)
        if match is None:
            continue
        # A matplotlib artist with an address is one problem (a figure shown as text), not two.
        if rule == "memory address" and figure is not None and match.start() <= figure.start() < match.end():
            continue
        found.append((rule, quote(text, match.start(), match.end())))
    return found


# --- the rules on outputs and cells -------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Something a learner would see that they should not.

    ``where`` names the place (``"Cell 4"``, ``"widget of Cell 5 after choosing ..."``), ``rule`` is
    one of the names in this module's docstring and ``text`` quotes the offending output.
    """

    where: str
    rule: str
    text: str

    def __str__(self):
        return f"{self.where}: {self.rule}: {self.text}"


def output_problems(output, where=""):
    """Problems with one nbformat output (a dict with ``output_type``), as :class:`Problem`."""
    kind = output.get("output_type")
    if kind == "error":
        return [Problem(where, "error", f"{output.get('ename', '')}: {output.get('evalue', '')}".strip())]
    found = []
    if kind == "stream":
        text = _joined(output.get("text"))
        if output.get("name") == "stderr":
            match = WARNING.search(text)
            if match:
                found.append(Problem(where, "warning", quote(text, match.start(), match.end())))
    elif kind in ("display_data", "execute_result", "update_display_data"):
        data = output.get("data") or {}
        mime = shown_mimetype(data)
        if mime in ("text/plain", "text/markdown", "text/latex", "application/javascript"):
            text = _joined(data[mime])
        elif mime == "text/html":
            text = html_text(_joined(data[mime]))
        else:
            return []
    else:
        return []
    found += [Problem(where, rule, text_quote) for rule, text_quote in text_problems(text)]
    return found


DRAWING_CALL = re.compile(
    r"\b(?:draw_\w+|\w+_chart|\w*heatmap|table_radar|plot_\w+)\s*\("
    r"|\.(?:plot|hist|scatter|bar|barh|imshow|figure|subplots|subplot_mosaic|pie|boxplot)\s*\("
    r"|\.plot\.\w+\s*\("
    r"|\bsns\.\w+\s*\("
)


def _code_without_comments(source):
    return "\n".join(line.split("#", 1)[0] if "#" in line else line for line in source.splitlines())


def cell_draws(cell):
    """Whether a code cell draws: tagged ``draws``, or calls a drawing function (comments ignored).

    >>> cell_draws({"source": "fig = draw_network(G)\\nprint(fig.summary)", "metadata": {}})
    True
    >>> cell_draws({"source": "from netlearn.drawing import draw_network  # draw_network(G)", "metadata": {}})
    False
    """
    tags = (cell.get("metadata") or {}).get("tags") or []
    return "draws" in tags or bool(DRAWING_CALL.search(_code_without_comments(_joined(cell.get("source")))))


def cell_label(code_index, cell):
    """How failures name a cell: nbval's ``Cell N`` (code cells counted from 0) and its first line."""
    first = next((line for line in _joined(cell.get("source")).splitlines() if line.strip()), "")
    return f"Cell {code_index} ({first.strip()[:70]})"


def cell_problems(cell, where):
    """Problems with an executed code cell: each output's, and a drawing cell with no picture."""
    found = [problem for output in cell.get("outputs") or [] for problem in output_problems(output, where)]
    if cell_draws(cell):
        sizes = [size for output in cell.get("outputs") or [] for size in output_pictures(output)]
        if not any(is_real_picture(size) for size in sizes):
            what = (f"pictures of {', '.join(f'{w}x{h}' for w, h in filter(None, sizes))} px only" if sizes
                    else "no picture in its outputs")
            found.append(Problem(where, "no picture", f"the cell draws but shows {what}"))
    return found


# --- widgets, as the front end holds them -------------------------------------------------------

REF_PREFIX = "IPY_MODEL_"
_HTML_MODELS = {"HTMLModel", "HTMLMathModel"}
_TEXT_MODELS = {"LabelModel"}


def widget_ids_in_outputs(outputs):
    """The model ids of the widgets shown in a list of outputs, in order."""
    ids = []
    for output in outputs or []:
        view = (output.get("data") or {}).get(WIDGET_MIME)
        if view and view.get("model_id"):
            ids.append(view["model_id"])
    return ids


def widget_tree(state, root):
    """Model ids under ``root`` in a front end's widget state (``{model_id: state}``), depth first.

    Follows ``children`` of boxes and the widgets shown inside Output widgets.
    """
    seen, order, stack = set(), [], [root]
    while stack:
        model_id = stack.pop()
        if model_id in seen or model_id not in state:
            continue
        seen.add(model_id)
        order.append(model_id)
        model = state[model_id]
        kids = [child[len(REF_PREFIX):] for child in model.get("children") or []
                if isinstance(child, str) and child.startswith(REF_PREFIX)]
        kids += widget_ids_in_outputs(model.get("outputs"))
        stack.extend(reversed(kids))
    return order


def widget_view(state, root):
    """What a widget shows, as a list of ``(model_name, output)`` with nbformat-like outputs.

    HTML widgets become ``text/html`` outputs, labels and control captions ``text/plain`` ones,
    Image widgets ``image/png`` ones and Output widgets contribute their outputs.
    """
    shown = []
    for model_id in widget_tree(state, root):
        model = state[model_id]
        name = model.get("_model_name", "")
        if name in _HTML_MODELS:
            shown.append((name, {"output_type": "display_data", "data": {"text/html": model.get("value") or ""}}))
        elif name in _TEXT_MODELS:
            shown.append((name, {"output_type": "display_data", "data": {"text/plain": model.get("value") or ""}}))
        elif name == "OutputModel":
            shown += [(name, output) for output in model.get("outputs") or []]
        elif name == "ImageModel":
            shown.append((name, {"output_type": "display_data", "data": {"image/png": model.get("value") or ""}}))
        captions = [model.get("description") or ""] + list(model.get("_options_labels") or [])
        caption = "\n".join(c for c in captions if c)
        if caption and name not in _HTML_MODELS:
            shown.append((name, {"output_type": "display_data", "data": {"text/plain": caption}}))
    return shown


def widget_problems(state, root, where):
    """Problems in what the widget ``root`` shows, given a front end's widget state."""
    found = []
    for name, output in widget_view(state, root):
        found += output_problems(output, f"{where} [{name.removesuffix('Model')}]")
    return found


# --- driving a widget (runs inside the notebook's kernel) ---------------------------------------

#: What the driver types into an empty text box.
SAMPLE_TEXT = ("Our network exists so that people with long-term conditions get care closer to home. "
               "What have you tried so far?")
#: At most this many actions per displayed widget, to keep the run short.
MAX_ACTIONS = 16


def find_widget(model_id):
    """The live ipywidgets object with this model id, in the current kernel, or None."""
    from ipywidgets.widgets import widget

    # The registry itself: ipywidgets 8 deprecates both public ways to reach it (Widget.widgets and
    # Widget._active_widgets), with a warning each time.
    return widget._instances.get(model_id)


def _kernel_tree(root):
    """Widgets under ``root`` in the kernel, depth first: box children and widgets shown in Outputs."""
    import ipywidgets as w

    seen, order, stack = set(), [], [root]
    while stack:
        widget = stack.pop()
        if widget is None or id(widget) in seen:
            continue
        seen.add(id(widget))
        order.append(widget)
        kids = list(getattr(widget, "children", ()) or ()) if isinstance(widget, w.Box) else []
        if isinstance(widget, w.Output):
            kids += [find_widget(m) for m in widget_ids_in_outputs(widget.outputs)]
        stack.extend(reversed(kids))
    return order


def _caption(widget):
    return (getattr(widget, "description", "") or getattr(widget, "tooltip", "") or
            getattr(widget, "placeholder", "") or type(widget).__name__)


def _selection_action(widget):
    labels, values = list(widget._options_labels), list(widget._options_values)
    if len(values) < 2:
        return None
    current = widget.index if widget.index is not None else -1
    candidates = [i for i in list(range(current + 1, len(values))) + list(range(0, max(current, 0)))
                  if values[i] is not None and values[i] != ""]
    if not candidates:
        return None
    target = candidates[0]

    def act():
        widget.index = target

    return f"choosing {labels[target]!r} in {_caption(widget)!r}", act


def _slider_action(widget):
    step = widget.step or 1
    target = widget.value + step if widget.value + step <= widget.max else widget.value - step
    if target < widget.min:
        return None

    def act():
        widget.value = target

    return f"moving {_caption(widget)!r} to {target}", act


def control_actions(root, limit=MAX_ACTIONS):
    """What a learner could do with the widget ``root``, in page order: ``[(description, act), ...]``.

    Another option in each list (Dropdown, Select, RadioButtons, ToggleButtons, SelectionSlider),
    a step of each slider, a tick in each box, a sentence in each empty text box and a press of
    each button; disabled controls are left alone. ``act()`` does it.
    """
    import ipywidgets as w
    from ipywidgets.widgets.widget_selection import _MultipleSelection, _Selection

    actions = []
    for widget in _kernel_tree(root):
        if getattr(widget, "disabled", False):
            continue
        action = None
        if isinstance(widget, _Selection):
            action = _selection_action(widget)
        elif isinstance(widget, _MultipleSelection) and widget.options:
            values = list(widget._options_values)[:2]
            action = (f"choosing the first options in {_caption(widget)!r}",
                      lambda widget=widget, values=values: setattr(widget, "value", tuple(values)))
        elif isinstance(widget, (w.IntSlider, w.FloatSlider, w.BoundedIntText, w.BoundedFloatText)):
            action = _slider_action(widget)
        elif isinstance(widget, (w.Checkbox, w.ToggleButton)):
            action = (f"switching {_caption(widget)!r}",
                      lambda widget=widget: setattr(widget, "value", not widget.value))
        elif isinstance(widget, (w.Text, w.Textarea)) and not widget.value:
            action = (f"typing in {_caption(widget)!r}",
                      lambda widget=widget: setattr(widget, "value", SAMPLE_TEXT))
        elif isinstance(widget, w.Button):
            action = (f"pressing {_caption(widget)!r}", widget.click)
        if action is not None:
            actions.append(action)
    return actions[:limit]


#: Code run in the kernel after the notebook, to prepare the actions of one widget.
DRIVER_SETUP = """\
import importlib.util as _lv_util
import sys as _lv_sys
_lv_spec = _lv_util.spec_from_file_location("_learner_view", {path!r})
_learner_view = _lv_sys.modules["_learner_view"] = _lv_util.module_from_spec(_lv_spec)
_lv_spec.loader.exec_module(_learner_view)
_lv_actions = {{}}
"""
DRIVER_LIST = """\
_lv_actions[{model_id!r}] = _learner_view.control_actions(_learner_view.find_widget({model_id!r}))
print(_learner_view.json_descriptions(_lv_actions[{model_id!r}]))
"""
DRIVER_ACT = "_lv_actions[{model_id!r}][{index}][1]()\n"


def json_descriptions(actions):
    """The descriptions of ``actions`` as one line of JSON (read back by the test)."""
    import json

    return json.dumps([description for description, _act in actions])
