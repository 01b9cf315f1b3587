"""A cache folder committed to git, or copied in from elsewhere, is never read: its stored
results could hide findings from a CI gate (lint.core.cache_folder).

The attack is made for real: a run stores its results, the stored report is rewritten to say
the corpus is clean (checked to work on the machine that made it), the folder is committed with
`git add -f`, and the repository is cloned; the clone's run reports the findings.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from corpora import git
from lint.core import cache_folder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus"


def kzlint(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "KZLINT_CACHE_DIR"}  # the project's own folder
    return subprocess.run([sys.executable, "-m", "lint", "--color", "never", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def plant_clean_results(cache: Path) -> None:
    """Rewrite every stored report and document result to say the corpus is clean: what a
    hostile commit would carry."""
    (database,) = cache.glob("results-*.sqlite")
    with sqlite3.connect(database) as db:
        assert db.execute("UPDATE reports SET exit = 0, notices = '[]', report = ?", (zlib.compress(b""),)).rowcount
        assert db.execute("""UPDATE results SET document = '{"findings":[],"suppressions":[],"metadata":{}}'""").rowcount
    db.close()


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "origin"
    shutil.copytree(SEEDS, root / "news", ignore=shutil.ignore_patterns(".kzlint*"))
    (root / ".kzlint.yaml").write_text('languagetool:\n  mode: "off"\n', encoding="utf-8")
    first = kzlint(root, "news")
    assert first.returncode == 1 and "warning[KZ" in first.stdout
    plant_clean_results(root / ".kzlint_cache")
    planted = kzlint(root, "news")
    assert (planted.returncode, planted.stdout) == (0, ""), "the planted report is not read where it was made"
    return root, first


def test_a_cache_committed_to_git_is_not_read_by_a_clone(project, tmp_path):
    root, first = project
    git("init", "-q", cwd=root)
    git("add", "news", ".kzlint.yaml", cwd=root)
    git("add", "-f", ".kzlint_cache", cwd=root)  # its own .gitignore says "*": forced in, as an attacker would
    git("commit", "-q", "-m", "corpus with a cache", cwd=root)
    clone = tmp_path / "clone"
    git("clone", "-q", str(root), str(clone), cwd=tmp_path)
    planted = sorted(path.name for path in (clone / ".kzlint_cache").iterdir())

    checked = kzlint(clone, "news")

    assert (checked.returncode, checked.stdout) == (first.returncode, first.stdout)
    assert git("status", "--porcelain", cwd=clone) == ""  # the committed files are left as they were
    assert set(planted) <= {path.name for path in (clone / ".kzlint_cache").iterdir()}
    assert kzlint(clone, "news").stdout == first.stdout  # and the clone's own cache is read from now on


def test_a_copied_cache_folder_is_not_read(project):
    root, first = project
    shutil.copytree(root, root.parent / "copy", copy_function=shutil.copy2)  # modification times kept
    copied = kzlint(root.parent / "copy", "news")
    assert (copied.returncode, copied.stdout) == (first.returncode, first.stdout)
    assert any(".kzlint_cache/results-" in str(path) for path in (root.parent / "copy").rglob("*.sqlite"))


def test_the_identity_of_a_folder_is_kept_from_run_to_run_and_not_by_a_copy(tmp_path):
    folder = tmp_path / "cache"
    assert cache_folder.identity(folder, create=False) is None and not folder.exists()
    made = cache_folder.identity(folder, create=True)
    assert made == cache_folder.identity(folder, create=True) == cache_folder.identity(folder, create=False)
    assert (folder / ".gitignore").read_bytes() == cache_folder.MARKER_TEXT
    shutil.copytree(folder, tmp_path / "copy", copy_function=shutil.copy2)
    assert cache_folder.identity(tmp_path / "copy", create=False) not in (None, made)
