"""Settings shared by every test under tests/."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _progress_file_in_tmp(tmp_path, monkeypatch):
    """Point the exercise progress file at a temporary folder, so no test touches ~/.netlearn."""
    monkeypatch.setenv("NETLEARN_PROGRESS", str(tmp_path / "netlearn-home" / "progress.json"))
