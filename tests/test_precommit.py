"""The pre-commit hooks, run by the real `pre-commit` tool against this repository.

`pre-commit try-repo` builds its own virtualenv and pip-installs kzlint into it (that step
uses the package index, like any user's first run). It only sees committed files plus
changes to tracked ones (`git add -u`), so the test first snapshots this working tree,
untracked files included, into a temporary repository and points try-repo at that.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from corpora import git, sample_files, snapshot_of_this_tree

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "corpus"
NEW_SEED = "004_740e70162e583217.txt"  # contradicts the toll in the older seeds
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
    source = snapshot_of_this_tree(tmp_path / "kzlint")
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

    # cross-document rules still see the whole corpus when the hook is given one file
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    git("init", "-q", cwd=seeds)
    (seeds / "rules.yaml").write_text("select: [KZ5]\n", encoding="utf-8")
    for seed in sample_files()[:4]:
        shutil.copy(seed, seeds / seed.name)
    git("add", "-A", cwd=seeds)
    git("commit", "-q", "-m", "published", cwd=seeds)
    shutil.copy(SEEDS / NEW_SEED, seeds / NEW_SEED)
    git("add", NEW_SEED, cwd=seeds)
    result = try_repo(source, seeds, home, "kzlint", "--files", NEW_SEED)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    reported = [line for line in output.splitlines() if "[KZ5" in line]
    assert reported and all(line.startswith(NEW_SEED + ":") for line in reported), output
    assert any(re.search(r"at 00[0-3]_\w+\.txt:\d+", line) for line in reported), output  # names the other file


# -- --diff-base REF: only what a change brings -------------------------------------------------


@pytest.fixture
def history(tmp_path, monkeypatch):
    git("init", "-q", cwd=tmp_path)
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(BAD, encoding="utf-8")
    git("add", "-A", cwd=tmp_path)
    git("commit", "-q", "-m", "old defects", cwd=tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_base_reports_only_changed_lines(history, capsys):
    from lint.cli.main import main

    (history / "news" / "a.txt").write_text(
        BAD + "\nA new paragraph from Nur-Sultan.\n\nAnother calm one.\n", encoding="utf-8")
    (history / "news" / "new file.txt").write_text(BAD, encoding="utf-8")  # untracked: all of it is new
    assert main(["--no-cache", "--diff-base", "HEAD", "."]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out[:-1]] == ["news/a.txt:5:22", "news/new file.txt:3:23"]
    git("add", "-A", cwd=history)
    git("commit", "-q", "-m", "more", cwd=history)
    assert main(["--no-cache", "--diff-base", "HEAD~1", "news/a.txt"]) == 1
    assert capsys.readouterr().out.splitlines()[0].startswith("news/a.txt:5:22:")
    assert main(["--no-cache", "--diff-base", "HEAD", "."]) == 0
    capsys.readouterr()


def test_diff_base_needs_a_known_revision(history, capsys):
    from lint.cli.main import main

    assert main(["--no-cache", "--diff-base", "no-such-branch", "."]) == 2
    assert "--diff-base no-such-branch: unknown revision" in capsys.readouterr().err


def test_diff_parsing_follows_renames_quoting_and_deletions():
    from lint.core.findings import Finding, Location, Severity
    from lint.engine.diffbase import on_changed_lines, parse_diff

    diff = (
        "diff --git a/old.md b/news/moved.md\n"
        "similarity index 90%\n"
        "rename from old.md\n"
        "rename to news/moved.md\n"
        "--- a/old.md\n"
        "+++ b/news/moved.md\n"
        "@@ -3 +3,2 @@\n"
        "-+++ b/not-a-header.md\n"
        "++++ b/still-not-a-header.md\n"
        "+second\n"
        'diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"\n'
        '--- "a/caf\\303\\251 \\"x\\".md"\n'
        '+++ "b/caf\\303\\251 \\"x\\".md"\n'
        "@@ -10,2 +9,0 @@\n"
        "-gone\n"
        "-gone\n"
        "@@ -20 +19 @@\n"
        "-was\n"
        "+is\n"
        "diff --git a/deleted.md b/deleted.md\n"
        "--- a/deleted.md\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-bye\n"
    )
    changed = parse_diff(diff)
    assert changed == {"news/moved.md": {3, 4}, 'café "x".md': {19}}

    def finding(path: str, line: int, related: tuple = ()) -> Finding:
        return Finding(path, line, 1, line, 5, "KZ501", "figure-contradiction", Severity.WARNING, "m", related=related)

    kept = on_changed_lines([finding("news/moved.md", 4), finding("news/moved.md", 5),
                             finding("other.md", 7, (Location("news/moved.md", 3),))], changed)
    assert [(f.path, f.line) for f in kept] == [("news/moved.md", 4), ("other.md", 7)]
