"""The active-listening coach: its rules, its edge cases, and its agreement with the labelled examples."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from netlearn import listening
from netlearn.listening import LABELS, RULES, coach, evaluate_examples, load_examples, rules_table

#: The coach must agree with the hand-given label on at least this share of the examples.
MIN_AGREEMENT = 0.85


# ---------------------------------------------------------------------- the labelled examples
def test_example_file_follows_the_data_card():
    path = listening.__file__.replace("netlearn/listening.py", "datasets/listening/example_replies.csv")
    raw = open(path, "rb").read()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    examples = load_examples()
    assert list(examples.columns) == ["reply", "label", "note"]
    assert 35 <= len(examples) <= 60
    assert set(examples["label"]) == {"listens", "advises", "mixed"}
    assert examples["reply"].is_unique
    assert (examples["note"].str.strip() != "").all()
    assert examples["label"].value_counts().min() >= 5


def test_coach_agrees_with_the_labels(capsys):
    examples, confusion = evaluate_examples()
    agreement = examples["agrees"].mean()
    misses = examples.loc[~examples["agrees"], ["label", "coach", "reply"]]
    report = (f"\nAgreement {examples['agrees'].sum()}/{len(examples)} = {agreement:.1%}\n"
              f"Confusion matrix (rows: label, columns: coach):\n{confusion}\n"
              f"Misses:\n{misses.to_string(index=False)}")
    with capsys.disabled():
        print(report)
    assert agreement >= MIN_AGREEMENT, report
    assert int(confusion.to_numpy().sum()) == len(examples)
    # The coach never calls a pure piece of advice listening, except the rebuke worded as a question.
    assert confusion.loc["advises", "listens"] <= 1, report


# ---------------------------------------------------------------------- edge cases
@pytest.mark.parametrize("reply, label", [
    ("What have you tried so far?", "listens"),
    ("Have you tried asking the practice managers?", "advises"),
    ("have you tried a different time", "advises"),
    ("So, have you thought about a lunchtime slot?", "advises"),
    ("What do you think you should do?", "listens"),
    ("How about asking them directly?", "advises"),
    ("What if you asked them directly?", "advises"),
    ("Why don't you just email them?", "advises"),
    ("Why not email them?", "advises"),
    ("Why do you think it stalled?", "listens"),
    ("If I were you, I'd escalate.", "advises"),
    ("Escalate it.", "advises"),
    ("Just talk to her.", "advises"),
    ("Tell me more.", "listens"),
    ("Go on.", "listens"),
    ("Let me check I've understood: they feel left out?", "listens"),
    ("It sounds like you're exhausted.", "listens"),
    ("So you're saying nobody turns up. Have I got that right?", "listens"),
    ("It sounds like a hard week. You should escalate it.", "mixed"),
    ("It sounds hard.", "unclear"),  # "it sounds like" is the phrase it knows
    ("What happened? You need to bring them back to the purpose.", "mixed"),
    ("The weather was nice.", "unclear"),
    ("", "unclear"),
])
def test_edge_cases(reply, label):
    assert coach(reply).label == label, coach(reply).text()


def test_tried_inside_an_open_question_is_not_advice():
    result = coach("What have you tried so far?")
    assert not result.advice and result.open_questions == ["What have you tried so far?"]
    assert coach("Have you tried lunchtime?").advice[0].phrase == "Have you tried"


def test_advice_inside_an_open_question_is_listed_but_not_counted():
    result = coach("What do you think you should do?")
    skipped = [f for f in result.findings if f.kind == "advice"]
    assert [f.phrase for f in skipped] == ["you should"] and not skipped[0].counted
    assert "not counted" in result.text()


def test_every_finding_quotes_words_from_the_reply():
    reply = "It sounds like a tough month. If I were you I'd book a meeting. What do they want from it?"
    result = coach(reply)
    assert result.label == "mixed"
    assert [f.phrase for f in result.advice] == ["If I were you", "I'd book"]
    for finding in result.findings:
        assert finding.phrase.lower() in reply.lower()
        assert finding.sentence in reply
    assert [f.rule for f in result.findings] == ["reflecting back", "if I were you", "if I were you",
                                                    "open question"]


def test_result_knows_questions_and_summaries():
    assert coach("Tell me more.").is_question is False
    assert coach("Could you tell me more?").is_question is True
    assert "Listens" in coach("Tell me more.").summary
    assert "Jumps to a solution" in coach("Escalate it.").summary
    assert "write a reply" in coach("  ").summary


def test_html_escapes_the_learners_words():
    page = listening.result_html(coach("What <b>now</b>?"))
    assert "<b>now" not in page and "&lt;b&gt;now" in page
    assert "wording, not your tone" in page


def test_coach_explains_a_wrong_type():
    with pytest.raises(TypeError, match="in quotes"):
        coach(42)


# ---------------------------------------------------------------------- the rules as data
def test_rules_are_plain_data_and_compile():
    table = rules_table()
    assert list(table.columns) == ["rule", "kind", "what it looks for", "where", "pattern"]
    assert len(table) == len(RULES) and table["rule"].is_unique
    assert set(table["kind"]) == {"advice", "listening"}
    for rule in RULES:
        assert rule.explanation.strip()
        if rule.pattern:
            re.compile(rule.pattern)


def test_split_sentences_and_open_questions():
    assert listening.split_sentences("One. Two? Three!\nFour") == ["One.", "Two?", "Three!", "Four"]
    assert listening.is_open_question("So, what happened next?")
    assert not listening.is_open_question("What happened next.")
    assert not listening.is_open_question("What if you asked?")


def test_evaluate_examples_accepts_any_labelled_frame():
    frame = pd.DataFrame({"reply": ["Tell me more.", "Escalate it."], "label": ["listens", "mixed"], "note": ["", ""]})
    examples, confusion = evaluate_examples(frame)
    assert examples["agrees"].tolist() == [True, False]
    assert list(confusion.columns) == list(LABELS)
    assert confusion.loc["mixed", "advises"] == 1
