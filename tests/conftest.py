"""Shared fixtures: paths to the sample corpus and the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpora import DEV_CORPUS


@pytest.fixture
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip("../shared/dev-corpus is absent (it lives outside the repository)")
    return DEV_CORPUS


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep every test's result cache out of the repository and away from other tests."""
    monkeypatch.setenv("KZLINT_CACHE_DIR", str(tmp_path_factory.mktemp("kzlint-cache")))
    # and never through a daemon the developer runs (tests/test_daemon.py starts its own)
    monkeypatch.delenv("KZLINT_DAEMON", raising=False)
    monkeypatch.setenv("KZLINT_DAEMON_DIR", str(tmp_path_factory.getbasetemp() / "no-daemon"))
    monkeypatch.setenv("KZLINT_DAEMON_IDLE", "120")  # a daemon a failed test leaves does not linger
