"""Paths to the sample corpus and the shared corpora, for tests (import as `from corpora import ...`)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SHARED = REPO.parent / "shared"
DEV_CORPUS = SHARED / "dev-corpus"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def sample_files() -> list[Path]:
    """The sample corpus's files as the repository has them (articles and config), not the cache
    that `kzlint corpus/`, the Quick start's first command, leaves in it."""
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def copy_sample_corpus(destination: Path) -> Path:
    """A copy of the sample corpus without the cache a run may have left in it (see sample_files)."""
    shutil.copytree(CORPUS, destination, ignore=shutil.ignore_patterns(".kzlint_cache"))
    return destination


def custom_rules_config(vague_source_severity: str = "warning") -> str:
    """A rules.yaml with two custom rules (one fixable), shared by the format, suppression,
    baseline and fix tests: KZ901 swaps Nur-Sultan for Astana, KZ902 flags vague sourcing."""
    return f"""\
select: [KZ0, KZ9]
custom-rules:
  - code: KZ901
    name: old-capital
    message: "write Astana, not {{text}}"
    swap: {{"Nur-Sultan": "Astana"}}
  - code: KZ902
    name: vague-source
    message: "name the source instead of {{text}}"
    severity: {vague_source_severity}
    phrases: ["sources said", "according to reports"]
"""


def git(*args: str, cwd: Path) -> str:
    """Run git with a fixed identity (tests make commits on machines with none configured)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot_of_this_tree(target: Path) -> Path:
    """This working tree (tracked and untracked files, not ignored ones) as a one-commit repository,
    for pre-commit to install kzlint from."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "kzlint", cwd=target)
    return target


def write_corpus(tmp_path: Path, suffix: str = ".txt", **files: str) -> Path:
    """tmp_path/corpus/NAME.txt (or NAME + suffix) for each NAME=text; returns tmp_path (the project root)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}{suffix}").write_text(text, encoding="utf-8")
    return tmp_path
