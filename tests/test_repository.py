"""The repository keeps its promises: two commands, matching dependency lists, clean notebooks."""

import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])


# conda-forge names some packages differently from PyPI.
CONDA_TO_PYPI = {"python-igraph": "igraph"}


def _name_and_minimum(spec):
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9][0-9.]*))?", spec)
    name = match.group(1).lower().replace("_", "-")
    return CONDA_TO_PYPI.get(name, name), match.group(2)


def pyproject_runtime():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return dict(_name_and_minimum(s) for s in data["project"]["dependencies"])


def environment_runtime():
    """Packages listed in environment.yml (a flat list of '- name>=version' lines)."""
    packages = {}
    in_dependencies = False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        if line.startswith("dependencies:"):
            in_dependencies = True
            continue
        if in_dependencies and re.match(r"^\S", line):
            in_dependencies = False
        item = re.match(r"^\s+-\s+([^#\s]+)", line)
        if in_dependencies and item:
            name, minimum = _name_and_minimum(item.group(1))
            packages[name] = minimum
    return packages


def test_parsers_read_what_they_should():
    assert _name_and_minimum("networkx>=3.2") == ("networkx", "3.2")
    assert _name_and_minimum("jupyter_server") == ("jupyter-server", None)
    env = environment_runtime()
    assert "python" in env and "pip" in env and "networkx" in env


def test_environment_yml_and_pyproject_agree_on_runtime_packages():
    env = environment_runtime()
    env.pop("python"), env.pop("pip")
    runtime = pyproject_runtime()
    assert set(env) == set(runtime), (
        f"only in environment.yml: {sorted(set(env) - set(runtime))}; "
        f"only in pyproject.toml: {sorted(set(runtime) - set(env))}")
    for name, minimum in runtime.items():
        assert env[name] == minimum, f"{name}: pyproject wants >={minimum}, environment.yml >={env[name]}"


def test_python_minimum_is_the_same_everywhere():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert data["project"]["requires-python"] == ">=3.10"
    assert environment_runtime()["python"] == "3.10"


def test_dev_extra_has_the_test_tools():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    dev = {_name_and_minimum(s)[0] for s in data["project"]["optional-dependencies"]["dev"]}
    assert {"pytest", "nbval", "hypothesis", "playwright"} <= dev


def test_binder_installs_the_package_itself():
    post_build = (ROOT / "postBuild").read_text()
    assert "pip install" in post_build and "-e ." in post_build
    assert (ROOT / "postBuild").stat().st_mode & 0o111


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.find("\n## ", readme.find("make test"))]
    assert "make lab" in head and "make test" in head
    assert "environment.yml" in readme and "mybinder" in readme


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci and "chromium" in ci
    assert "playwright install" not in ci


def test_make_test_runs_every_kind_of_test():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    options = data["tool"]["pytest"]["ini_options"]
    assert set(options["testpaths"]) == {"tests", "netlearn", "notebooks", "exercises"}
    assert "--doctest-modules" in options["addopts"] and "--nbval-lax" in options["addopts"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_committed_without_outputs(notebook):
    cells = json.loads(notebook.read_text())["cells"]
    dirty = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{notebook.name}: cells {dirty} have outputs or execution counts; clear them before committing"


def test_there_are_notebooks_to_check():
    assert (ROOT / "notebooks" / "00_start_here.ipynb").exists()
