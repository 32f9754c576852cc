"""Build hook: put the course's data inside the wheel.

The repository keeps its data in the top-level ``datasets/`` folder, where trainers and learners
find it. A wheel holds only the ``netlearn`` package, so when a wheel is built this copies
``datasets/`` into the build's ``netlearn/_data/`` (and ``docs/references.bib``, the course's reference
list, into ``netlearn/references.bib``); :func:`netlearn.datasets_folder` finds it there
once the wheel is installed. Editable installs (``pip install -e .``, ``make lab``) skip the copy
and read ``datasets/`` directly. Everything else about the package is in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA = HERE / "datasets"
TARGET = ("netlearn", "_data")   # keep in step with netlearn.loaders.PACKAGED_DATA
REFERENCES = HERE / "docs" / "references.bib"
REFERENCES_TARGET = ("netlearn", "references.bib")   # keep in step with netlearn.references.references_file


class BuildWithCourseData(build_py):
    """``build_py`` that also copies ``datasets/`` into ``netlearn/_data`` (not for editable installs)."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        if not (DATA / "datapackage.json").is_file():
            raise SystemExit(f"cannot build netlearn: {DATA} has no datapackage.json")
        target = Path(self.build_lib).joinpath(*TARGET)
        if target.exists():
            shutil.rmtree(target)   # never ship files left from an earlier build
        shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        if REFERENCES.is_file():   # the course's reference list, for netlearn.references outside the repository
            shutil.copy2(REFERENCES, Path(self.build_lib).joinpath(*REFERENCES_TARGET))

    def get_outputs(self, include_bytecode=True):
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        target = Path(self.build_lib).joinpath(*TARGET)
        extra = [str(Path(self.build_lib).joinpath(*REFERENCES_TARGET))] if REFERENCES.is_file() else []
        return outputs + extra + [str(target / p.relative_to(DATA)) for p in DATA.rglob("*")
                                  if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts]


setup(cmdclass={"build_py": BuildWithCourseData})
