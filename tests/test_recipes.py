"""The README's recipes, run as a user would copy them.

- The pre-commit block is taken from README.md as written and run with the real
  `pre-commit` in a fresh corpus repository. Only `repo:` changes (to a clone of this
  working tree, tagged with the `rev:` the README names: kzlint has no public release, so
  the README tells users to tag their own clone the same way). Then README's faster hook
  (`args: [--daemon]`) is added to it: the second run is the daemon's, with the same report.
- The GitHub Actions recipe is a real file, docs/github-actions/kzlint.yml, that README.md
  shows verbatim; actionlint (built by ci/actionlint.sh with `go install`) checks it. Where
  actionlint cannot be built the test is skipped, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from corpora import git, snapshot_of_this_tree
from daemons import ask, wait_for

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
WORKFLOW = REPO / "docs" / "github-actions" / "kzlint.yml"
PRE_COMMIT = shutil.which("pre-commit")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
TIMEOUT = 1800  # pre-commit's first run installs kzlint and its dependencies into a fresh virtualenv


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.S | re.M)






def readme_pre_commit_config() -> dict:
    blocks = [b for b in code_blocks(README.read_text(encoding="utf-8"), "yaml") if b.lstrip().startswith("repos:")]
    assert len(blocks) == 1, "README.md should hold exactly one pre-commit config block"
    return yaml.safe_load(blocks[0])


def test_readme_pre_commit_block_names_this_version_and_both_hooks():
    config = readme_pre_commit_config()
    (repo,) = config["repos"]
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert repo["rev"] == f"v{version}"
    manifest = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert {hook["id"] for hook in repo["hooks"]} <= manifest


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_readme_pre_commit_block_runs_verbatim(tmp_path: Path):
    config = readme_pre_commit_config()
    (repo,) = config["repos"]
    source = snapshot_of_this_tree(tmp_path / "kzlint")
    git("tag", repo["rev"], cwd=source)
    repo["repo"] = str(source)  # the one line a user writes differently: where their clone lives

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    git("init", "-q", cwd=corpus)
    (corpus / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (corpus / ".kzlint.yaml").write_text("select: [KZ1]\n", encoding="utf-8")
    (corpus / "clean.md").write_text("Rally in the capital\n\nThousands gathered on Tuesday, police said.\n",
                                     encoding="utf-8")
    (corpus / "scraped.md").write_text("Rally in the capital\n\nundefined\n\nThousands gathered on Tuesday.\n",
                                       encoding="utf-8")
    git("add", "-A", cwd=corpus)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    env.pop("KZLINT_CACHE_DIR", None)

    def pre_commit(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([PRE_COMMIT, *args], cwd=corpus, env=env, capture_output=True, text=True,
                              timeout=TIMEOUT)

    failed = pre_commit("run", "--all-files")
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "scraped.md:3:1: warning[KZ101]" in output
    assert "clean.md" not in output.replace("- hook id", "")

    (corpus / "scraped.md").write_text("Rally in the capital\n\nThousands gathered on Tuesday.\n", encoding="utf-8")
    git("add", "-A", cwd=corpus)
    passed = pre_commit("run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    pushed = pre_commit("run", "kzlint-corpus", "--hook-stage", "pre-push", "--all-files")
    assert pushed.returncode == 0, pushed.stdout + pushed.stderr

    # README's faster hook, `args: [--daemon]`: the first run starts the daemon from the hook's
    # environment and runs as usual; the next runs in it; the same report either way
    hooks = {hook["id"]: hook for hook in repo["hooks"]}
    hooks["kzlint"]["args"] = readme_daemon_args()
    (corpus / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (corpus / "scraped.md").write_text("Rally in the capital\n\nundefined\n\nThousands gathered on Tuesday.\n",
                                       encoding="utf-8")
    git("add", "-A", cwd=corpus)
    daemon_dir = tmp_path / "daemon"
    daemon_dir.mkdir(mode=0o700)
    env["KZLINT_DAEMON_DIR"] = str(daemon_dir)
    try:
        first = pre_commit("run", "kzlint", "--all-files")
        assert first.returncode == 1 and "scraped.md:3:1: warning[KZ101]" in first.stdout, first.stdout + first.stderr
        assert wait_for(lambda: ask(daemon_dir) is not None)
        served = pre_commit("run", "kzlint", "--all-files")
        assert (served.returncode, served.stdout) == (first.returncode, first.stdout)
        assert ask(daemon_dir)["served"] == 1  # that run was the daemon's
    finally:
        ask(daemon_dir, "stop")


def readme_daemon_args() -> list[str]:
    blocks = [yaml.safe_load(b) for b in code_blocks(README.read_text(encoding="utf-8"), "yaml")
              if b.lstrip().startswith("- id: kzlint")]
    assert len(blocks) == 1, "README.md should show the --daemon hook once"
    return blocks[0][0]["args"]
