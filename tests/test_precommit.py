"""The pre-commit hooks, run by the real `pre-commit` tool against this repository.

`pre-commit try-repo` builds its own virtualenv and pip-installs kzlint into it (that step
uses the package index, like any user's first run). It only sees committed files plus
changes to tracked ones (`git add -u`), so the test first snapshots this working tree,
untracked files included, into a temporary repository and points try-repo at that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
PRE_COMMIT = shutil.which("pre-commit")
TIMEOUT = 1800  # a cold run installs kzlint's dependencies into a fresh virtualenv

RULES = """\
select: [KZ0, KZ9]   # the hook's mechanics, independent of the built-in rule set
custom-rules:
  - code: KZ901
    name: old-capital
    message: "write Astana, not {text}"
    swap: {"Nur-Sultan": "Astana"}
"""
CLEAN = "Rally in the capital\n\nThousands gathered in Astana on Tuesday, police said.\n"
BAD = "Rally in the capital\n\nThousands gathered in Nur-Sultan on Tuesday, police said.\n"


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot(target: Path) -> Path:
    """This working tree (tracked and untracked, not ignored) as a one-commit repository."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return target


def try_repo(source: Path, corpus: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("KZLINT_CACHE_DIR", None)
    return subprocess.run([PRE_COMMIT, "try-repo", str(source), *args], cwd=corpus, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT)


def test_manifest_declares_both_hooks():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["kzlint"]["types_or"] == ["markdown", "plain-text"]
    assert hooks["kzlint"]["require_serial"] is True
    corpus = hooks["kzlint-corpus"]
    assert (corpus["pass_filenames"], corpus["always_run"], corpus["require_serial"]) == (False, True, True)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_hooks_fail_on_a_staged_bad_file_and_pass_once_it_is_fixed(tmp_path):
    source = snapshot(tmp_path / "kzlint")
    corpus, home = tmp_path / "corpus", tmp_path / "pre-commit-home"
    (corpus / "news").mkdir(parents=True)
    git("init", "-q", cwd=corpus)
    (corpus / "rules.yaml").write_text(RULES, encoding="utf-8")
    (corpus / "news" / "good.txt").write_text(CLEAN, encoding="utf-8")
    (corpus / "news" / "old.md").write_text(BAD, encoding="utf-8")  # committed long ago, not being committed now
    git("add", "-A", cwd=corpus)
    git("commit", "-q", "-m", "corpus", cwd=corpus)

    (corpus / "news" / "bad.txt").write_text(BAD, encoding="utf-8")
    git("add", "news/bad.txt", cwd=corpus)
    failed = try_repo(source, corpus, home, "kzlint", "--files", "news/bad.txt")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "kzlint" in output and "Failed" in output
    assert 'news/bad.txt:3:23: warning[KZ901] write Astana, not Nur-Sultan ("Nur-Sultan")' in output
    assert "news/old.md" not in output  # only the files pre-commit passed are reported

    corpus_check = try_repo(source, corpus, home, "kzlint-corpus", "--hook-stage", "pre-push", "--all-files")
    output = corpus_check.stdout + corpus_check.stderr
    assert corpus_check.returncode == 1, output
    assert "news/bad.txt:3:23" in output and "news/old.md:3:23" in output

    (corpus / "news" / "bad.txt").write_text(CLEAN, encoding="utf-8")
    (corpus / "news" / "old.md").write_text(CLEAN, encoding="utf-8")
    git("add", "-A", cwd=corpus)
    passed = try_repo(source, corpus, home, "kzlint", "--files", "news/bad.txt")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    passed = try_repo(source, corpus, home, "kzlint-corpus", "--hook-stage", "pre-push", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
