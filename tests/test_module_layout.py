"""The packages split from long modules: every old import path still works, each part imports on
its own (so there is no import circle, whichever part is loaded first), no part reaches into another
part's private helpers, and each part stays short enough to read."""

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Each split package and the public names its single module had before the split.
OLD_PUBLIC_NAMES = {
    "netlearn.agreement": ["KendallW", "kendalls_w", "kendalls_w_by_group", "DivisiveItem", "most_divisive_item",
                           "rwg", "rwg_j", "cronbach_alpha"],
    "netlearn.synthetic": ["YES", "NO", "LIST_SEPARATOR", "FIRST_NAMES", "LAST_NAMES", "Q_REGIONS", "Q_REASONS",
                           "Q_TOPICS", "Q_PURPOSES", "DEVON_WORKSTREAMS", "make_q_community", "make_devon_stp",
                           "make_community"],
    "netlearn.diagnostics.instruments": ["KINDS", "RESERVED_COLUMNS", "InstrumentError", "Scale", "Dimension", "Item",
                                         "Instrument", "instruments_folder", "list_instruments", "load_instrument"],
    "netlearn.purpose": ["Criterion", "PURPOSE_RULES", "LIMITS", "EXAMPLE_STATEMENTS", "phrase_pattern",
                         "CriterionResult", "PurposeFeedback", "check_purpose", "rules_table", "describe_rules",
                         "PRIORITY_LABELS", "REASONS_TO_PRIORITIES", "reason_mapping_table", "top_priorities",
                         "PurposeAgreement", "purpose_agreement", "ReasonsAlignment", "reasons_alignment",
                         "plot_agreement_by_group"],
    "netlearn.matching": ["MAX_INTRODUCTIONS", "TopicError", "topics_of", "known_topics", "find_helpers",
                          "ties_between_groups", "suggest_introductions", "OFFER_WEIGHTS", "NEED_WEIGHTS", "add_topics",
                          "large_community", "scale_timings"],
    "netlearn.partnership": ["CONDITIONS", "CONDITION_WORDS", "workstreams", "WorkstreamView", "workstream_view",
                             "organisation_table", "TieConcentration", "tie_concentration", "consensus_level",
                             "GovernanceInputs", "governance_inputs"],
    "netlearn.exercises.engine": ["CORRECT", "NOT_ATTEMPTED", "INCORRECT", "STATUSES", "Blank", "____", "BLANK",
                                  "is_blank", "text_to_html", "Feedback", "CheckResult", "Verdict", "Mismatch",
                                  "Checker", "MemberChecker", "same_member", "SetChecker", "same_set",
                                  "NumberChecker", "close_number", "MappingChecker", "same_mapping",
                                  "answers_on_other_relations", "Exercise", "Option", "ConceptQuestion",
                                  "Reflection", "OutlineItem", "ExerciseSet"],
    "netlearn.report.build": ["Report", "Section", "Paragraph", "KeyFigures", "Table", "Image", "BulletList",
                              "build_report", "choose_relation", "choose_group", "DIVERSITY_COLUMNS", "GROUP_COLUMNS",
                              "DEFAULT_VOICES", "ROLE_TITLES", "SECTION_TITLES", "NOT_RECORDED",
                              "candidate_group_columns", "member_disclosure"],
}

#: Modules split in place, into modules beside them in their package (the old module keeps its name
#: and re-exports its public names); the layout checks cover that whole package.
SPLIT_IN_PLACE = {"netlearn.report.build": "netlearn.report"}

PACKAGES = sorted({SPLIT_IN_PLACE.get(name, name) for name in OLD_PUBLIC_NAMES})


def _parts(package):
    folder = ROOT.joinpath(*package.split("."))
    return [f"{package}.{info.name}" for info in pkgutil.iter_modules([str(folder)])]


def _part_files(package):
    return sorted(ROOT.joinpath(*package.split(".")).glob("*.py"))


@pytest.mark.parametrize("package", sorted(OLD_PUBLIC_NAMES))
def test_old_import_paths_give_the_same_objects(package):
    module = importlib.import_module(package)
    missing = [name for name in OLD_PUBLIC_NAMES[package] if not hasattr(module, name)]
    assert not missing, f"{package} no longer offers {missing}"
    for name in getattr(module, "__all__", []):
        value = getattr(module, name)
        home = getattr(value, "__module__", None)
        if home and home.startswith(SPLIT_IN_PLACE.get(package, package) + "."):
            # Re-exported, not copied: the package's name is the very object its part defines.
            assert getattr(importlib.import_module(home), name) is value


def test_each_part_imports_on_its_own():
    """Import every part first, in a process where nothing of netlearn is loaded yet: a circle of
    imports fails for at least one starting point."""
    parts = [part for package in PACKAGES for part in [package, *_parts(package)]]
    assert len(parts) > 2 * len(PACKAGES)
    script = (
        "import importlib, sys, traceback\n"
        f"parts = {parts!r}\n"
        "failed = []\n"
        "for part in parts:\n"
        "    for name in [m for m in sys.modules if m == 'netlearn' or m.startswith('netlearn.')]:\n"
        "        del sys.modules[name]\n"
        "    try:\n"
        "        importlib.import_module(part)\n"
        "    except Exception:\n"
        "        failed.append(part + ': ' + traceback.format_exc(limit=1).strip().splitlines()[-1])\n"
        "print('\\n'.join(failed))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", "parts that cannot be imported first:\n" + result.stdout


@pytest.mark.parametrize("package", PACKAGES)
def test_no_part_imports_a_private_helper_of_another(package):
    """Within a package, what one part needs from another is public. (Imports from outside the
    package, such as ``fastgraph._missing``, are the business of the module they come from.)"""
    found = []
    for path in _part_files(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found += [f"{path.name}: {alias.name}" for alias in node.names
                          if alias.name.startswith("_") and alias.name != "____"]
    assert not found, f"make these public, or move them: {found}"


@pytest.mark.parametrize("package", PACKAGES)
def test_each_part_stays_short(package):
    long = {path.name: n for path in _part_files(package)
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, f"split these by what their parts do: {long}"
