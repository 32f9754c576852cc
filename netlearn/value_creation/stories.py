"""Value-creation stories: does each link, from an activity to a result, have its evidence?

Wenger, Trayner & de Laat (2011) describe five cycles of value that a community or network can
create. A *value-creation story* follows one thread through them: what happened, what it gave
people, what they then did differently, what difference that made, and (sometimes) how it changed
what counts as success. Indicators and stories together make the case; a claim without evidence is
a link a board can pull apart.

The check, in words (the course's rule, built on the framework):

- the links run in order: immediate, potential, applied, realised;
- a story *holds* when every link from immediate value up to the highest link it claims is
  claimed **and** evidenced: a result (realised value) with no evidence that practice changed
  (applied value) is a result the network cannot show it helped to bring about;
- reframing value is checked on its own: it must be evidenced, and at least immediate value must
  hold (something was learned before success was redefined).

>>> story = value_story([
...     {"cycle": "immediate", "claim": "Members swapped discharge tips", "evidence": "session notes"},
...     {"cycle": "potential", "claim": "Members know whom to ask", "evidence": "new ties in the survey"},
...     {"cycle": "realised", "claim": "Fewer delayed discharges", "evidence": "ward data"}])
>>> story.level, story.reach, story.gaps
(2, 'potential', ('applied',))
>>> print(story.first_gap_text())  # doctest: +NORMALIZE_WHITESPACE
Applied value is not claimed: the story jumps from potential value to realised value. Say what members did
differently, and give evidence, for example: members' accounts of what they changed, confirmed by a colleague
or manager.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..display import Readable, result_html, table_for_learners
from ..errors import DataError
from .rows import read_rows

__all__ = ["CYCLES", "Cycle", "ValueStory", "cycle_key", "value_story"]


@dataclass(frozen=True)
class Cycle:
    """One cycle of value creation: its key, its name, what it means and evidence that would show it."""

    key: str
    name: str
    meaning: str
    evidence: str


#: The five cycles of Wenger, Trayner & de Laat (2011), in order, described in the course's words.
CYCLES = (
    Cycle("immediate", "immediate value",
          "the activity is worth something in itself: a useful tip, a good conversation, feeling less alone",
          "who took part and how often, and what they said they got from it on the day"),
    Cycle("potential", "potential value",
          "knowledge capital saved up for later: skills, new relationships, shared resources, reputation, "
          "a better ability to learn",
          "new ties between members (from a repeat of the network survey), skills members say they gained, "
          "resources others reuse"),
    Cycle("applied", "applied value",
          "members change their practice: they adapt and use what they gained in their own work",
          "members' accounts of what they changed, confirmed by a colleague or manager"),
    Cycle("realised", "realised value",
          "the change in practice improves performance on something that matters to patients, staff or the board",
          "the service's own outcome measures before and after the change, where it was made"),
    Cycle("reframing", "reframing value",
          "learning changes what counts as success: goals, strategies or measures are redefined",
          "a decision, plan or set of measures that changed because of what was learned"),
)

_BY_KEY = {cycle.key: cycle for cycle in CYCLES}
_CHAIN = ("immediate", "potential", "applied", "realised")
_SPELLINGS = {"realized": "realised", "reframe": "reframing", "application": "applied", "apply": "applied"}

HOLDS, NO_EVIDENCE, NOT_CLAIMED, BEYOND = "holds", "claimed, no evidence", "not claimed: a missing link", "not claimed"


def cycle_key(name):
    """The key of a cycle written as a person might: ``"Realized value"``, ``"cycle 3"``, ``"4"``.

    Returns None if ``name`` is no cycle.

    >>> cycle_key("Realized value"), cycle_key("cycle 3"), cycle_key(" Immediate "), cycle_key("value")
    ('realised', 'applied', 'immediate', None)
    """
    text = " ".join(str(name).strip().casefold().replace("_", " ").split())
    for prefix in ("cycle ",):
        text = text[len(prefix):] if text.startswith(prefix) else text
    if text.endswith(" value"):
        text = text[: -len(" value")]
    if text.isdigit() and 1 <= int(text) <= len(CYCLES):
        return CYCLES[int(text) - 1].key
    text = _SPELLINGS.get(text, text)
    return text if text in _BY_KEY else None


def _cycle_list():
    return ", ".join(cycle.key for cycle in CYCLES)


@dataclass(frozen=True, repr=False)
class ValueStory(Readable):
    """A checked value-creation story. Made by :func:`value_story`.

    Attributes
    ----------
    claims : dict
        Cycle key -> ``(claim, evidence)`` as given (evidence ``""`` when none).
    gaps : tuple of str
        The cycles that break the story, in order: a link of the chain that is not claimed or has
        no evidence, and reframing value claimed without evidence.
    level : int
        How many links of the chain hold in a row from immediate value (0 to 4).
    reach : str or None
        The highest cycle of that unbroken chain (None when immediate value does not hold).
    reframing_holds : bool
        Reframing value is claimed, evidenced and follows a link that holds.
    """

    claims: dict
    gaps: tuple
    level: int
    reach: str | None
    reframing_holds: bool

    @property
    def holds(self):
        """True when every link the story claims, and every link below them, is evidenced."""
        return not self.gaps

    @property
    def top(self):
        """The highest link of the chain the story claims (reframing aside), or None."""
        claimed = [key for key in _CHAIN if key in self.claims]
        return claimed[-1] if claimed else None

    def status(self, key):
        """How one cycle stands: holds, claimed with no evidence, a missing link, or not claimed."""
        if key in self.claims:
            return HOLDS if self.claims[key][1] and key not in self.gaps else NO_EVIDENCE
        return NOT_CLAIMED if key in self.gaps else BEYOND

    def links(self):
        """One row per cycle: the claim, the evidence and how the link stands."""
        rows = {}
        for cycle in CYCLES:
            claim, evidence = self.claims.get(cycle.key, ("", ""))
            rows[cycle.name] = {"claim": claim or "-", "evidence": evidence or "-", "status": self.status(cycle.key)}
        return pd.DataFrame.from_dict(rows, orient="index")

    def gap_text(self, key):
        """What is wrong with one broken link, and which evidence would mend it."""
        cycle = _BY_KEY[key]
        name = cycle.name[0].upper() + cycle.name[1:]
        if key == "reframing" and self.claims.get(key, ("", ""))[1]:
            return ("Reframing value needs something learned before it: no link from immediate value holds yet, "
                    "so the story cannot show that the network's learning changed what counts as success.")
        if key in self.claims:
            return (f"{name} has no evidence: you claim '{self.claims[key][0].rstrip('.')}', but nothing shows it. "
                    f"Evidence that would do: {cycle.evidence}.")
        if key == "immediate":
            return ("Immediate value is not claimed: the story does not say what the network did. Start with the "
                    f"activity, and give evidence, for example: {cycle.evidence}.")
        below = _CHAIN[_CHAIN.index(key) - 1]
        above = next(k for k in _CHAIN[_CHAIN.index(key) + 1:] if k in self.claims)
        what = {"potential": "what members gained that they could use later",
                "applied": "what members did differently"}.get(key, "what changed")
        return (f"{name} is not claimed: the story jumps from {_BY_KEY[below].name} to {_BY_KEY[above].name}. "
                f"Say {what}, and give evidence, for example: {cycle.evidence}.")

    def first_gap_text(self):
        """The first broken link in words, or None when the story holds."""
        return self.gap_text(self.gaps[0]) if self.gaps else None

    def describe(self):
        if not self.claims:
            return "The story claims nothing yet."
        if self.holds:
            text = (f"The story holds: every link from immediate value to {_BY_KEY[self.top].name} is claimed "
                    "and evidenced.") if self.top else "The story holds."
            if self.reframing_holds:
                text += " Its reframing value is evidenced too."
            return text
        reached = (f"It holds as far as {_BY_KEY[self.reach].name}" if self.reach
                   else "Not even immediate value holds yet")
        broken = ", ".join(_BY_KEY[k].name for k in self.gaps)
        return (f"The story does not hold yet. {reached}; the broken links are: {broken}. "
                f"First to mend: {self.first_gap_text()}")

    def analyst_detail(self):
        return {"rule": "A story holds when every link from immediate value up to the highest link it claims is "
                        "claimed and evidenced; reframing value must be evidenced and follow a link that holds.",
                "links holding in a row": str(self.level),
                "reference": "Wenger, Trayner & de Laat (2011), cycles of value creation"}

    def _extra_html(self):
        return table_for_learners(self.links(), index_label="cycle")._repr_html_()

    def _repr_html_(self):
        return result_html(self.describe(), self.analyst_detail(), extra_html=self._extra_html())


def value_story(claims, *, label="value-creation story"):
    """Check a value-creation story: which links hold, and which are missing or lack evidence.

    Parameters
    ----------
    claims : str, Path, DataFrame or list of dict
        One row per claim, with columns ``cycle`` (immediate, potential, applied, realised or
        reframing; "realized", "applied value" or "cycle 3" are read too), ``claim`` (what the
        story says happened) and, optionally, ``evidence`` (what shows it; blank when none).
    label : str
        How messages name the table.

    Returns
    -------
    ValueStory

    Raises
    ------
    DataError
        A row with no cycle or an unknown one, a blank claim, or a cycle claimed twice (a story
        follows one thread: tell a second thread as a second story). The message names the row.

    Notes
    -----
    The cycles are those of Wenger, Trayner & de Laat (2011). The rule that a story holds only
    when every link below its highest claim is evidenced is the course's reading of their point
    that stories and indicators together link activities to outcomes.

    >>> value_story([{"cycle": "immediate", "claim": "A good huddle", "evidence": "feedback forms"}]).holds
    True
    >>> value_story([{"cycle": "value", "claim": "A good huddle"}])
    Traceback (most recent call last):
    ...
    netlearn.errors.DataError: value-creation story, row 2, column 'cycle': 'value' is not a cycle of value creation.
    How to fix it: Write one of: immediate, potential, applied, realised, reframing.
    """
    table = read_rows(claims, label=label, columns=["cycle", "claim"])
    frame = table.frame
    seen = {}
    found = {}
    for position, row in enumerate(frame.to_dict("records")):
        spreadsheet_row = table.row_of(position)
        key = cycle_key(row["cycle"]) if row["cycle"] else None
        if key is None:
            problem = ("the cycle is blank." if not row["cycle"]
                       else f"'{row['cycle']}' is not a cycle of value creation.")
            raise DataError(problem, file=table.label, row=spreadsheet_row, column=table.header("cycle"),
                            fix=f"Write one of: {_cycle_list()}.")
        if not row["claim"]:
            raise DataError(f"the claim for {_BY_KEY[key].name} is blank.", file=table.label, row=spreadsheet_row,
                            column=table.header("claim"),
                            fix="Say in a sentence what happened at this link of the story, or delete the row.")
        if key in seen:
            raise DataError(f"{_BY_KEY[key].name} is claimed twice (also in row {seen[key]}).", file=table.label,
                            row=spreadsheet_row, column=table.header("cycle"),
                            fix="A value-creation story follows one thread: keep one claim for each cycle, and "
                                "tell the other thread as a second story.")
        seen[key] = spreadsheet_row
        found[key] = (row["claim"], row.get("evidence", ""))
    return _check(found)


def _check(found):
    claimed_chain = [key for key in _CHAIN if key in found]
    top = _CHAIN.index(claimed_chain[-1]) if claimed_chain else -1
    gaps = [key for key in _CHAIN[: top + 1] if key not in found or not found[key][1]]
    level = 0
    for key in _CHAIN:
        if key in found and found[key][1]:
            level += 1
        else:
            break
    reframing_holds = False
    if "reframing" in found:
        reframing_holds = bool(found["reframing"][1]) and level > 0
        if not reframing_holds:
            gaps.append("reframing")
            if level == 0 and "immediate" not in gaps:
                gaps.insert(0, "immediate")
    ordered = tuple(cycle.key for cycle in CYCLES if cycle.key in gaps)
    return ValueStory(claims=dict(found), gaps=ordered, level=level,
                      reach=_CHAIN[level - 1] if level else None, reframing_holds=reframing_holds)
