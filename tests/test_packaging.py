"""The wheel works wherever it is installed, not only inside the repository.

One test builds the wheel from a copy of the repository's package files (so nothing is written
into the working tree), installs it into a fresh virtual environment and runs the loaders from
another folder. It stays offline: the wheel is built with this environment's setuptools (no build
isolation) and the fresh environment borrows this one's installed dependencies through a ``.pth``
file, so only netlearn itself comes from the wheel.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

import netlearn
import netlearn.diagnostics
from netlearn import course, loaders
from netlearn.errors import DataError
from netlearn.references import references

ROOT = Path(__file__).resolve().parents[1]
#: What a wheel is built from: everything else in the repository stays out of it.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "netlearn", "datasets",
                "docs/references.bib")

CHECK_INSTALLED = """
    import importlib.metadata, json, sys
    from pathlib import Path
    import netlearn
    from netlearn import course, datasets_folder, list_datasets, load_dataset
    from netlearn.diagnostics import instruments_folder, list_instruments, load_instrument
    from netlearn.listening import load_examples
    from netlearn.references import references
    from netlearn.widgets.own_network import templates_folder

    kite = load_dataset("krackhardt_kite")
    health = load_instrument("network_health_check")
    table = course.course_map()
    print(json.dumps({
        "netlearn": netlearn.__file__,
        "data": str(datasets_folder()),
        "instruments": str(instruments_folder()),
        "datasets": sorted(list_datasets()["name"]),
        "kite": [len(kite.members), kite.graph().degree("Diane")],
        "card": Path(kite.info["card"]).is_file(),
        "instrument items": len(health.items),
        "instruments listed": len(list_instruments()),
        "templates": sorted(p.name for p in templates_folder().glob("*.csv")),
        "replies": len(load_examples()),
        "references": len(references()),
        "course statuses": sorted(set(table["status"])),
        "course caption": course.course_map_html().split("</caption>")[0],
        "requires": sorted(r.split(">")[0] for r in importlib.metadata.requires("netlearn") if "extra" not in r),
        "requires-python": importlib.metadata.metadata("netlearn")["Requires-Python"],
    }))
"""


def _run(command, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{command[:4]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.mark.wheel
def test_the_wheel_installed_elsewhere_carries_the_data_and_loads_it(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)

    # Build, offline, with this environment's setuptools.
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "--quiet", "-w", str(wheels), str(source)], cwd=tmp_path)
    (wheel,) = wheels.glob("netlearn-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("netlearn/_data/datapackage.json", "netlearn/_data/krackhardt_kite/members.csv",
                    "netlearn/_data/instruments/network_health_check.yaml",
                    "netlearn/_data/templates/members.csv", "netlearn/_data/listening/example_replies.csv"):
        assert shipped in names
    assert not [n for n in names if n.startswith(("datasets/", "tests/", "notebooks/"))]
    data_files = sorted(str(p.relative_to(ROOT / "datasets")) for p in (ROOT / "datasets").rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts)
    assert sorted(n[len("netlearn/_data/"):] for n in names if n.startswith("netlearn/_data/")) == data_files

    # A fresh environment: netlearn from the wheel, its dependencies borrowed from this one.
    environment = tmp_path / "env"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # Another well-known package is called `datasets`: the loader must not mistake its folder for ours.
    (site / "datasets").mkdir()
    (site / "datasets" / "__init__.py").write_text("")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet",
          str(wheel)], cwd=tmp_path)

    elsewhere = tmp_path / "somewhere_else"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "NETLEARN_DATASETS", "NETLEARN_INSTRUMENTS", "VIRTUAL_ENV")}
    found = json.loads(_run([str(python), "-c", textwrap.dedent(CHECK_INSTALLED)], cwd=elsewhere, env=env).stdout)

    installed = site / "netlearn"
    assert Path(found["netlearn"]).parent == installed
    assert Path(found["data"]) == installed / "_data"
    assert Path(found["instruments"]) == installed / "_data" / "instruments"
    assert found["datasets"] == sorted(netlearn.list_datasets()["name"])
    assert found["kite"] == [10, 6]           # Krackhardt's kite: Diane has six ties
    assert found["card"] is True
    assert found["instrument items"] == len(netlearn.diagnostics.load_instrument("network_health_check").items)
    assert found["instruments listed"] == len(netlearn.diagnostics.list_instruments()) > 0
    assert {"members.csv", "ties.csv", "relations.csv"} <= set(found["templates"])
    assert found["replies"] > 0
    assert found["references"] == len(references()) > 40       # the reference list travels with the wheel
    # No notebooks come with a wheel: the course map says so instead of calling every episode unwritten.
    assert found["course statuses"] == [course.NOT_HERE]
    assert "notebooks are not beside this copy of netlearn" in found["course caption"]
    assert {"ipython", "matplotlib", "numpy"} <= set(found["requires"])
    assert found["requires-python"] == ">=3.11"


# --------------------------------------------------------------------------- where the data are found


def test_in_the_repository_the_top_level_datasets_folder_is_used(monkeypatch):
    monkeypatch.delenv("NETLEARN_DATASETS", raising=False)
    assert loaders.datasets_folder() == ROOT / "datasets"


def test_the_environment_variable_still_wins(tmp_path, monkeypatch):
    (tmp_path / "datapackage.json").write_text("{}")
    monkeypatch.setenv("NETLEARN_DATASETS", str(tmp_path))
    assert loaders.datasets_folder() == tmp_path


def test_an_environment_variable_naming_the_wrong_folder_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("NETLEARN_DATASETS", str(tmp_path))
    with pytest.raises(DataError) as caught:
        loaders.datasets_folder()
    assert "NETLEARN_DATASETS" in str(caught.value) and str(tmp_path) in str(caught.value)


def test_a_datasets_folder_beside_an_installed_package_is_not_ours(tmp_path, monkeypatch):
    """Installed without data (e.g. an old wheel), with another package's ``datasets`` beside it."""
    package = tmp_path / "site-packages" / "netlearn"
    package.mkdir(parents=True)
    (tmp_path / "site-packages" / "datasets").mkdir()
    (tmp_path / "site-packages" / "datasets" / "datapackage.json").write_text("{}")
    monkeypatch.delenv("NETLEARN_DATASETS", raising=False)
    monkeypatch.setattr(loaders, "__file__", str(package / "loaders.py"))
    monkeypatch.setattr(loaders.importlib.resources, "files", lambda _name: package)
    with pytest.raises(DataError) as caught:
        loaders.datasets_folder()
    assert "pip install -e ." in str(caught.value) and "NETLEARN_DATASETS" in str(caught.value)
    (package / loaders.PACKAGED_DATA).mkdir()
    (package / loaders.PACKAGED_DATA / "datapackage.json").write_text("{}")
    assert loaders.datasets_folder() == package / loaders.PACKAGED_DATA


def test_course_map_without_notebooks_says_where_they_are(monkeypatch, tmp_path):
    monkeypatch.setattr(course, "REPO_ROOT", tmp_path)
    assert set(course.course_map()["status"]) == {course.NOT_HERE}
    assert "not beside this copy of netlearn" in course.course_map_html()
    assert not course.notebooks_present()
    # An explicit folder is taken at its word: missing notebooks there are not written yet.
    assert set(course.course_map(root=tmp_path)["status"]) == {"in preparation"}
