"""Widgets for notebook 01 (purpose): a purpose-statement checker and two alignment explorers.

* :func:`purpose_checker` - write a draft purpose statement (or start from an example) and see
  which of the five questions of :func:`netlearn.purpose.check_purpose` it answers, in which
  words, and what to add. The word lists can be shown beside it.
* :func:`agreement_explorer` - choose whose rankings to look at (everyone, or one region) and see
  Kendall's W in plain words, the priority that divides them most, and the order they put the
  priorities in (:func:`netlearn.purpose.purpose_agreement`).
* :func:`reasons_explorer` - tick the priorities a purpose names and see what share of members
  joined for a reason that serves them (:func:`netlearn.purpose.reasons_alignment`).

Every control has a visible description and works from the keyboard; every callback is an
ordinary method, so tests drive the widgets without a browser:

>>> checker = purpose_checker()
>>> checker.text.value = "We exist so that people with asthma in our town stay out of hospital."
>>> checker.button.click()
>>> checker.result.met
('whom', 'change')
>>> "2 of 5 met" in checker.feedback.value
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .. import purpose
from ..display import analyst_fold
from ..errors import MeasureError, NetlearnError

__all__ = ["ALL", "AgreementExplorer", "PurposeChecker", "ReasonsExplorer", "agreement_explorer",
           "purpose_checker", "reasons_explorer"]

#: The value of the "everyone" choice in the group drop-downs.
ALL = "(all)"

_STYLE = """<style>
.netlearn-explorer :focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: 2px; }
.netlearn-explorer .widget-textarea { flex-direction: column !important; align-items: stretch !important; }
.netlearn-explorer .widget-textarea .widget-label { width: auto !important; text-align: left !important;
  font-weight: bold; margin-bottom: 0.3em; }
.netlearn-explorer textarea { font-size: 1em; line-height: 1.45; min-height: 7em; }
.netlearn-explorer .widget-checkbox, .netlearn-explorer .widget-checkbox label { white-space: normal !important;
  height: auto !important; }
.netlearn-explorer table { border-collapse: collapse; margin: 0.3em 0; }
.netlearn-explorer th, .netlearn-explorer td { text-align: left !important; padding: 0.25em 0.8em 0.25em 0;
  vertical-align: top; }
.netlearn-explorer thead th { border-bottom: 1px solid #8a949c; }
</style>"""

_WIDE = {"description_width": "initial"}


def _style():
    return widgets.HTML(_STYLE, layout=widgets.Layout(height="0px", margin="0"))


def _message(text, kind="info"):
    colours = {"info": ("#1a5fb4", "#eaf1fb", "#0e2a50"), "problem": ("#a15c00", "#fff4e2", "#3d2500")}
    accent, background, ink = colours[kind]
    return (f'<div role="status" style="border-left:6px solid {accent};background:{background};color:{ink};'
            f'padding:0.5em 0.9em;border-radius:4px">{html.escape(text)}</div>')


# =========================================================================== the checker


class PurposeChecker(widgets.VBox):
    """A text box for a purpose statement, a Check button, the feedback and the word lists.

    Attributes
    ----------
    examples : Dropdown
        Loads one of :data:`netlearn.purpose.EXAMPLE_STATEMENTS` into the text box.
    text : Textarea
        The draft. The feedback also updates when it changes (after you leave the box).
    button : Button
        "Check my statement".
    show_rules : ToggleButton
        Shows or hides the word lists the checker uses.
    feedback : HTML
        The feedback table (or a note when the box is empty).
    rules : HTML
        The word lists, when shown.
    result : PurposeFeedback or None
        The last result.
    """

    def __init__(self, text="", *, rules=None):
        self._rules = rules
        self._loading = False
        self.result = None
        options = [("(write my own)", "")] + [(example["title"], key)
                                               for key, example in purpose.EXAMPLE_STATEMENTS.items()]
        self.examples = widgets.Dropdown(options=options, value="", description="Start from an example",
                                         style=_WIDE, layout=widgets.Layout(width="auto", max_width="40em"))
        self.text = widgets.Textarea(value=text, description="Your draft purpose statement",
                                     placeholder="Our network exists so that ...", continuous_update=False,
                                     style=_WIDE, layout=widgets.Layout(width="100%", height="8em"))
        self.button = widgets.Button(description="Check my statement", button_style="primary", icon="check",
                                     tooltip="Check which of the five questions the statement answers",
                                     layout=widgets.Layout(width="auto"))
        self.show_rules = widgets.ToggleButton(value=False, description="Show the word lists", icon="list",
                                               tooltip="Show or hide the phrases each check looks for",
                                               layout=widgets.Layout(width="auto"))
        self.feedback = widgets.HTML(_message("Write a draft (or pick an example), then press Check my statement."))
        self.rules = widgets.HTML("")
        self.button.on_click(self.check)
        self.text.observe(self._text_changed, names="value")
        self.examples.observe(self._example_chosen, names="value")
        self.show_rules.observe(self._toggle_rules, names="value")
        self.show_rules.layout.margin = "0 0 0 0.6em"
        buttons = widgets.HBox([self.button, self.show_rules], layout=widgets.Layout(margin="0.4em 0"))
        super().__init__([_style(), self.examples, self.text, buttons, self.feedback, self.rules],
                         layout=widgets.Layout(width="auto", max_width="70em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-purpose-checker")
        if text.strip():
            self.check()

    def check(self, _button=None):
        """Check the statement in the text box and show the feedback."""
        if not self.text.value.strip():
            self.result = None
            self.feedback.value = _message("The box is empty. Write a sentence or two about why the network exists, "
                                           "for whom, and what it will change; then press Check my statement.")
            return None
        try:
            self.result = purpose.check_purpose(self.text.value, rules=self._rules)
        except NetlearnError as error:
            self.result = None
            self.feedback.value = _message(str(error), "problem")
            return None
        self.feedback.value = self.result._repr_html_()
        return self.result

    def use_example(self, key):
        """Put an example statement in the box (as choosing it from the list does) and check it."""
        self.examples.value = key

    def _example_chosen(self, change):
        key = change["new"]
        if not key:
            return
        self._loading = True
        try:
            self.text.value = purpose.EXAMPLE_STATEMENTS[key]["text"]
        finally:
            self._loading = False
        self.check()

    def _text_changed(self, change):
        if self._loading:
            return
        chosen = self.examples.value
        if chosen and change["new"] != purpose.EXAMPLE_STATEMENTS[chosen]["text"]:
            self.examples.unobserve(self._example_chosen, names="value")
            self.examples.value = ""
            self.examples.observe(self._example_chosen, names="value")
        self.check()

    def _toggle_rules(self, change):
        if change["new"]:
            table = purpose.rules_table(self._rules)
            self.rules.value = _rules_html(table)
            self.show_rules.description = "Hide the word lists"
        else:
            self.rules.value = ""
            self.show_rules.description = "Show the word lists"


def _rules_html(table):
    rows = []
    for _, row in table.iterrows():
        general = (f"<br><small>General words (met, with a nudge): {html.escape(row['general'])}</small>"
                   if row["general"] else "")
        rows.append(f'<tr><th scope="row">{html.escape(row["label"])}</th>'
                    f'<td>{html.escape(row["phrases"])}{general}</td></tr>')
    return ('<div class="netlearn-purpose-rules"><p><strong>The word lists.</strong> A check is met when any phrase '
            "is found, as whole words, whatever the capitals. <code>*</code> stands for any ending, "
            "<code>&lt;number&gt;</code> for a number and <code>&lt;year&gt;</code> for a year.</p>"
            '<table><thead><tr><th scope="col">Question</th><th scope="col">Phrases</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def purpose_checker(text="", *, rules=None):
    """The purpose-statement checker widget; see :class:`PurposeChecker`."""
    return PurposeChecker(text, rules=rules)


# =========================================================================== group choice


def _group_options(members, attribute):
    if attribute not in members.columns:
        raise MeasureError(f"Members have no {attribute!r} column; their columns are: "
                                   f"{', '.join(map(str, members.columns))}.")
    counts = members[attribute].dropna().astype(str).value_counts()
    options = [(f"All members ({len(members)})", ALL)]
    options += [(f"{value} ({counts[value]})", value) for value in sorted(counts.index)]
    return options


# =========================================================================== agreement


class AgreementExplorer(widgets.VBox):
    """Choose whose rankings to look at; see how far they agree and what divides them.

    Attributes
    ----------
    group : Dropdown
        Everyone (:data:`ALL`) or one value of ``attribute``.
    output : HTML
    result : PurposeAgreement
    """

    def __init__(self, net, *, attribute="region"):
        self.net = net
        self.attribute = attribute
        self.group = widgets.Dropdown(options=_group_options(net.members, attribute), value=ALL,
                                      description="Whose rankings", style=_WIDE,
                                      layout=widgets.Layout(width="auto"))
        self.output = widgets.HTML()
        self.result = None
        self.group.observe(self.update, names="value")
        super().__init__([_style(), self.group, self.output], layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-agreement-explorer")
        self.update()

    def update(self, _change=None):
        """Recompute for the chosen group and show it."""
        value = None if self.group.value == ALL else self.group.value
        self.result = purpose.purpose_agreement(self.net, value=value, attribute=self.attribute)
        self.output.value = _agreement_html(self.result)


def _agreement_html(result):
    w = result.w
    divisive = result.divisive.item
    divisive_label = result.order.loc[divisive, "label"] if divisive in result.order.index else None
    rows = []
    for item, row in result.order.iterrows():
        marker = " <strong>(divides most)</strong>" if item == divisive else ""
        rows.append(f'<tr><td>{html.escape(row["label"])}{marker}</td><td>{row["mean_rank"]:.2f}</td>'
                    f'<td>{row["share_top"]:.0%}</td></tr>')
    n = len(result.order)
    top = f"top {n // 3}" if n % 3 == 0 and n >= 3 else "top third"
    return (
        f'<div class="netlearn-agreement" role="status" style="line-height:1.45">'
        f'<p><strong>{html.escape(result.group)}, {result.raters} members: W = {w.w:.2f}</strong> '
        f'<meter min="0" max="1" value="{w.w:.3f}" aria-label="Kendall\'s W {w.w:.2f}" style="width:8em"></meter></p>'
        f"<p>{html.escape(w.describe())}</p>"
        f"<p>{html.escape(result.divisive.describe(divisive_label))}</p>"
        f"<table><caption style='text-align:left;caption-side:top'>Their priorities, most important first "
        f"(mean rank: 1 is most important, {n} least)</caption>"
        f'<thead><tr><th scope="col">Priority</th><th scope="col">Mean rank</th>'
        f'<th scope="col">Share who put it in their {top}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        f"{analyst_fold(result.analyst_detail())}</div>"

    )


def agreement_explorer(net, *, attribute="region"):
    """The agreement explorer widget for a network with a ``purpose_rankings`` table."""
    return AgreementExplorer(net, attribute=attribute)


# =========================================================================== reasons for joining


class ReasonsExplorer(widgets.VBox):
    """Tick the priorities a purpose names; see how many members joined for a reason serving them.

    Attributes
    ----------
    boxes : dict of priority -> Checkbox
    group : Dropdown
    output : HTML
    result : ReasonsAlignment or None (None when no priority is ticked)
    """

    def __init__(self, net, *, priorities=("share_learning", "spread_improvements"), attribute="region",
                 mapping=None):
        self.net = net
        self.attribute = attribute
        self.mapping = mapping
        chosen = set(priorities)
        self.boxes = {key: widgets.Checkbox(value=key in chosen, description=label, indent=False,
                                            layout=widgets.Layout(width="auto"))
                      for key, label in purpose.PRIORITY_LABELS.items()}
        self.group = widgets.Dropdown(options=_group_options(net.members, attribute), value=ALL,
                                      description="Whose reasons", style=_WIDE, layout=widgets.Layout(width="auto"))
        self.output = widgets.HTML()
        self.result = None
        for box in self.boxes.values():
            box.observe(self.update, names="value")
        self.group.observe(self.update, names="value")
        heading = widgets.HTML("<strong>The purpose names these priorities</strong> (tick one or more):")
        super().__init__([_style(), heading, widgets.VBox(list(self.boxes.values())), self.group, self.output],
                         layout=widgets.Layout(width="auto", max_width="60em"))
        self.add_class("netlearn-explorer")
        self.add_class("netlearn-reasons-explorer")
        self.update()

    @property
    def priorities(self):
        """The ticked priorities, in the order of the list."""
        return [key for key, box in self.boxes.items() if box.value]

    def update(self, _change=None):
        """Recompute for the ticked priorities and the chosen group."""
        if not self.priorities:
            self.result = None
            self.output.value = _message("Tick at least one priority to see who joined for it.")
            return
        kwargs = {} if self.group.value == ALL else {"attribute": self.attribute, "value": self.group.value}
        self.result = purpose.reasons_alignment(self.net, self.priorities, mapping=self.mapping, **kwargs)
        self.output.value = _reasons_html(self.result)


def _reasons_html(result):
    rows = []
    for reason, row in result.by_reason.iterrows():
        mark = "\u2714 yes" if row["in_purpose"] else "no"
        rows.append(f"<tr><td>{html.escape(str(reason))}</td><td>{int(row['members'])}</td>"
                    f"<td>{html.escape(row['serves'])}</td><td>{mark}</td></tr>")
    return (
        f'<div class="netlearn-reasons" role="status" style="line-height:1.45">'
        f"<p><strong>{result.share:.0%} aligned</strong> "
        f'<meter min="0" max="1" value="{result.share:.3f}" aria-label="{result.share:.0%} aligned" '
        f'style="width:8em"></meter></p><p>{html.escape(result.interpretation)}</p>'
        f'<table><thead><tr><th scope="col">Reason for joining</th><th scope="col">Members</th>'
        f'<th scope="col">Serves (the course\'s reading)</th><th scope="col">Serves this purpose?</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def reasons_explorer(net, *, priorities=("share_learning", "spread_improvements"), attribute="region", mapping=None):
    """The reasons-for-joining explorer widget; see :class:`ReasonsExplorer`."""
    return ReasonsExplorer(net, priorities=priorities, attribute=attribute, mapping=mapping)
