"""Answers pages for the instructor edition of the course website: one page per exercise notebook.

In a notebook, each question's worked answer sits behind a button (a widget) or a ``solution()``
call, so a static page cannot show it. For trainers, this module writes every question of an
exercise notebook as MyST Markdown, straight from the exercise module's items: the prompt, the
answer, why it is the answer (every option explained), and the hints in order. Reflections have
no answer and are listed with their guidance. Nothing is recorded in anyone's progress: the pages
are built from ``answer_key()`` and ``grade()``, never from ``solution()``.
"""

from __future__ import annotations

import textwrap

from netlearn.exercises import registry
from netlearn.exercises.engine.items import ConceptQuestion, Exercise, Reflection
from netlearn.exercises.engine.leader_items import LeaderItem

#: What each kind of item is called on the page.
KIND_NAMES = {
    "code": "code exercise",
    "concept": "multiple-choice question",
    "reflection": "reflection (not marked)",
    "choice": "choice",
    "ranking": "ranking",
    "prediction": "prediction",
    "decision": "decision",
}


def page_name(exercise_set):
    """The answers page's file stem, the exercise notebook's: ``"01_purpose"``."""
    return f"{exercise_set.number:02d}_{exercise_set.name}"


def _quoted(text):
    """``text`` as a Markdown block quote (the question as the learner reads it)."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def _fence(code, language="python"):
    fence = "````" if "```" in code else "```"
    return f"{fence}{language}\n{code.rstrip()}\n{fence}"


def _hints(item):
    hints = getattr(item, "hints", [])
    if not hints:
        return []
    lines = ["**Hints, in the order the notebook gives them:**", ""]
    lines += [f"{n}. {' '.join(hint.split())}" for n, hint in enumerate(hints, 1)]
    return lines + [""]


def item_answer(item):
    """The answer part of ``item``'s section, as a list of Markdown lines."""
    if isinstance(item, Exercise):
        lines = ["**Worked answer:**", "", _fence(item.solution_code), "", item.explanation.strip(), ""]
    elif isinstance(item, ConceptQuestion):
        key = item.answer_key()
        lines = [f"**Answer:** {'; '.join(item.label(i) for i in key)}", ""]
        lines += ["**Every option explained:**", ""]
        lines += [f"- {item.letter(i)} ({'fits' if option.correct else 'does not fit'}): {option.explanation}"
                  for i, option in enumerate(item.options)]
        lines += ["", item.why.strip(), ""] if item.why else [""]
    elif isinstance(item, LeaderItem):
        key = item.answer_key()
        joiner = " → " if item.kind == "ranking" else "; "
        lines = [f"**Answer:** {joiner.join(item.label(i) for i in key)}", ""]
        if item.kind in ("choice", "prediction") and any(o.explanation for o in item.options):
            lines += ["**Every option explained:**", ""]
            lines += [f"- {item.letter(i)} ({'fits' if i in key else 'does not fit'}): {option.explanation}"
                      for i, option in enumerate(item.options) if option.explanation]
            lines.append("")
        if item.kind not in ("choice",):
            verdict = item.grade(key)
            lines += ["**What the learner sees for this answer:**", "", verdict.message.strip(), ""]
        if item.explanation:
            lines += [item.explanation.strip(), ""]
        if item.why:
            lines += [item.why.strip(), ""]
    elif isinstance(item, Reflection):
        lines = ["No answer: a reflection is saved for the learner and never marked."]
        if item.guidance:
            lines += ["", f"**Guidance the learner sees:** {item.guidance.strip()}"]
        lines.append("")
    else:
        raise TypeError(f"{item.key}: no answers layout for {type(item).__name__}")
    return lines + _hints(item)


def answers_page(exercise_set):
    """The whole answers page for one exercise notebook, as MyST Markdown text."""
    notebook = exercise_set.notebook.split("/")[-1]
    lines = [
        f"# Answers: {exercise_set.number:02d} · {exercise_set.title}",
        "",
        textwrap.fill(
            f"For trainers. The worked answer to every question in the exercise notebook "
            f"[{notebook}](../exercises/{notebook}), taken from the same definitions the notebook checks "
            f"answers with. Learners reach each answer one at a time, after trying, with the notebook's "
            f"*Worked answer* button or `solution()`; this page is only in the instructor edition.",
            width=110),
        "",
    ]
    for item in exercise_set:
        kind = KIND_NAMES.get(item.kind, item.kind)
        lines += [f"## {item.title}", "", f"*{item.track.capitalize()} track · {kind} · `ex.{item.name}`*", ""]
        lines += [_quoted(item.prompt), ""]
        lines += item_answer(item)
    return "\n".join(lines).rstrip() + "\n"


def all_answers_pages():
    """``{file stem: page text}`` for every exercise notebook of the course, in course order."""
    return {page_name(s): answers_page(s) for s in registry().values()}
