"""The repository keeps its promises: two commands, matching dependency lists, clean notebooks."""

import ast
import importlib.metadata
import json
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from netlearn import environment

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])

#: The oldest Python the course supports, and the newest the tests run on.
PYTHON_FLOOR = (3, 11)
PYTHON_NEWEST = (3, 13)


# conda-forge names some packages differently from PyPI (matplotlib-base is matplotlib without Qt).
CONDA_TO_PYPI = {"python-igraph": "igraph", "matplotlib-base": "matplotlib"}


def _name_and_minimum(spec):
    """(name, minimum) from 'name>=1.2' (pip) or 'name=1.2' (a conda pin, whose version is its floor)."""
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(?:>?=\s*([0-9][0-9.]*))?", spec)
    name = match.group(1).lower().replace("_", "-")
    return CONDA_TO_PYPI.get(name, name), match.group(2)


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


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
    assert _name_and_minimum("python=3.11") == ("python", "3.11")
    assert _name_and_minimum("matplotlib-base>=3.7") == ("matplotlib", "3.7")
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


def _third_party_imports(source):
    """Top-level names of the modules ``source`` imports, less the standard library and netlearn."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in {"netlearn", "__future__"}}


def _course_imports():
    """{import name: [files]} for every third-party import in the library and the notebooks."""
    found = {}
    for path in sorted((ROOT / "netlearn").rglob("*.py")):
        for name in _third_party_imports(path.read_text(encoding="utf-8")):
            found.setdefault(name, []).append(str(path.relative_to(ROOT)))
    for notebook in NOTEBOOKS:
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            code = "\n".join(line for line in "".join(cell["source"]).splitlines()
                             if not line.lstrip().startswith(("%", "!")))
            for name in _third_party_imports(code):
                found.setdefault(name, []).append(str(notebook.relative_to(ROOT)))
    return found


def test_the_import_finder_sees_what_it_should():
    assert _third_party_imports("import os\nimport numpy as np\nfrom IPython.display import HTML\n"
                                "from . import x\nfrom netlearn import y") == {"numpy", "IPython"}


def test_every_package_the_course_imports_is_declared():
    """A package imported by the library or a notebook but not declared works only by luck (it
    came with something else) and breaks the day that something stops bringing it."""
    distributions = importlib.metadata.packages_distributions()
    declared = set(pyproject_runtime())
    imports = _course_imports()
    assert {"numpy", "matplotlib", "IPython", "pandas", "networkx"} <= set(imports)
    missing = {}
    for name, files in imports.items():
        owners = {_canonical(d) for d in distributions.get(name, [name])}
        if not owners & declared:
            missing[name] = files[:3]
    assert not missing, f"imported but not in pyproject.toml's dependencies: {missing}"


def _python_floor_everywhere():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    makefile = (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    return {
        "pyproject.toml requires-python": data["project"]["requires-python"],
        "environment.yml": environment_runtime()["python"],
        "Makefile check": re.search(r"sys.version_info >= \((\d+), (\d+)\)", makefile).group(1, 2),
        "README": re.search(r"`python3` \((\d+\.\d+) or newer\)", readme).group(1),
        "netlearn.environment": environment.FALLBACK_MINIMUMS["python"],
    }


def test_python_minimum_is_the_same_everywhere():
    floor = "%d.%d" % PYTHON_FLOOR
    assert _python_floor_everywhere() == {
        "pyproject.toml requires-python": f">={floor}", "environment.yml": floor,
        "Makefile check": tuple(floor.split(".")), "README": floor, "netlearn.environment": floor}
    # The conda environment pins the minor version CI tests (python=3.11), not just a floor.
    assert re.search(rf"^\s+- python={re.escape(floor)}\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_the_tests_run_on_every_python_from_the_floor_to_the_newest():
    """The floor is tested by `make test`, each newer one by `make test-pythons`, which CI runs."""
    makefile = (ROOT / "Makefile").read_text()
    others = re.search(r"^TEST_PYTHONS \?= (.+)$", makefile, re.M).group(1).split()
    wanted = ["3.%d" % minor for minor in range(PYTHON_FLOOR[1] + 1, PYTHON_NEWEST[1] + 1)]
    assert others == wanted
    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["classifiers"]
    versions = sorted(c.rsplit(" ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c))
    assert versions == ["%d.%d" % PYTHON_FLOOR, *wanted]
    commands = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert commands.index("make test-pythons") > commands.index("make test")


def test_tomllib_needs_the_python_floor():
    """The tests read TOML with tomllib, new in Python 3.11: the floor must be at least that."""
    assert PYTHON_FLOOR >= (3, 11)


def _constraints():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"constraints.txt: {line} is not an exact version"
            pins[_canonical(requirement.name)] = Version(spec.version)
    return pins


def test_constraints_pin_every_declared_package_at_a_version_it_accepts():
    pins = _constraints()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = [Requirement(r) for r in data["project"]["dependencies"]]
    requirements += [Requirement(r) for r in data["project"]["optional-dependencies"]["dev"]
                     if not r.startswith("setuptools")]   # a build tool, left out of pip freeze
    for requirement in requirements:
        name = _canonical(requirement.name)
        assert name in pins, f"constraints.txt has no version for {name}: run `make constraints`"
        assert requirement.specifier.contains(pins[name]), (
            f"constraints.txt pins {name}=={pins[name]}, which pyproject.toml's {requirement} refuses")
    assert "netlearn" not in pins


def test_make_installs_the_tested_versions():
    makefile = (ROOT / "Makefile").read_text()
    stamp = re.search(r"^\$\(VENV\)/\.installed: (.+)$", makefile, re.M).group(1)
    assert "pyproject.toml" in stamp and "$(CONSTRAINTS)" in stamp
    assert re.search(r"^CONSTRAINTS := constraints\.txt$", makefile, re.M)
    install = re.search(r"pip install --quiet (.*)-e \"\.\[dev\]\"", makefile).group(1)
    assert "$(CONSTRAINT_FLAG)" in install
    assert "constraints.txt" in (ROOT / "scripts" / "test_pythons.sh").read_text()


def test_project_urls_name_no_made_up_owner():
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"].get("urls", {})
    for url in urls.values():
        assert "OWNER" not in url and "example" not in url, url


def _repository_setting():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["netlearn"]["repository"]


def test_one_repository_address_everywhere():
    """README's Binder badge, the facilitator guide, the package's home page and the website's launch
    buttons all name the one address in pyproject.toml's [tool.netlearn] repository."""
    home = _repository_setting()
    match = re.fullmatch(r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)", home)
    assert match and match.group(1) != "OWNER", home
    owner, name = match.groups()
    readme = (ROOT / "README.md").read_text()
    binder_links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", readme)
    assert binder_links, "README has no Binder link"
    for link in binder_links:
        assert link.startswith(f"https://mybinder.org/v2/gh/{owner}/{name}/HEAD?"), link
    assert home in readme
    assert home in (ROOT / "docs" / "trainer" / "facilitator_guide.md").read_text()
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Homepage"] == home
    # The website's launch buttons are made from the same setting (site/course_site.py).
    sys.path.insert(0, str(ROOT / "site"))
    try:
        import course_site
    finally:
        sys.path.remove(str(ROOT / "site"))
    assert course_site.repository() == home
    assert course_site.binder_url("notebooks/00_start_here.ipynb") == \
        f"https://mybinder.org/v2/gh/{owner}/{name}/HEAD?labpath=notebooks%2F00_start_here.ipynb"


def test_nothing_points_at_a_placeholder_owner():
    files = [ROOT / "README.md", ROOT / "pyproject.toml", ROOT / "postBuild", *ROOT.glob("docs/**/*.md"),
             *ROOT.glob("site/*"), *NOTEBOOKS]
    offenders = [str(p.relative_to(ROOT)) for p in files
                 if p.is_file() and re.search(r"\bOWNER\b|github\.com/(your|user|owner)[-_/]", p.read_text(errors="replace"))]
    assert not offenders, f"placeholder repository owner in {offenders}"


def test_dev_extra_has_the_test_tools():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    dev = {_name_and_minimum(s)[0] for s in data["project"]["optional-dependencies"]["dev"]}
    assert {"pytest", "nbval", "hypothesis", "playwright", "setuptools"} <= dev


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
    assert "make test\n" in ci and "chromium" in ci
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
