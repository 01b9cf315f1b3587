"""Issue 17, section 2: a hostile repository must not make kzlint write, or read, outside it.

pre-commit runs kzlint on whatever a contributor pushes, so planted symlinks and config values
are the attack. The policy (README, "Symbolic links"): kzlint never writes through a link that
leads out of the project (like ruff and git); a link to a file outside the project is reported
(KZ002) and not read.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from black_box import kzlint

FIXABLE = "Talks resume\n\nThe talks in Nur-Sultan resumed on Monday, officials in Nur-Sultan said.\n"
HOUSE = ('custom-rules:\n  - {code: KZ990, name: house, message: "write Astana", severity: warning,'
         ' swap: {"Nur-Sultan": "Astana"}}\n'
         "languagetool: {mode: 'off'}\n")


@pytest.fixture
def project(tmp_path):
    """tmp_path/project (a folder with a config) and tmp_path/outside (a victim's files)."""
    inside, outside = tmp_path / "project", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (inside / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (inside / "a.txt").write_text(FIXABLE, encoding="utf-8")
    return inside, outside


def test_write_baseline_does_not_follow_a_link_planted_at_its_temporary_name(project):
    inside, outside = project
    victim = outside / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    os.symlink(victim, inside / ".kzlint-baseline.json.kzlint-tmp")
    run = kzlint("--write-baseline", "kzlint-baseline.json", ".", cwd=inside)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert run.code == 0 and "wrote" in run.err
    written = inside / "kzlint-baseline.json"
    assert written.is_file() and not written.is_symlink() and '"kzlint-baseline"' in written.read_text("utf-8")


def test_write_baseline_through_a_link_out_of_the_project_is_refused(project):
    inside, outside = project
    victim = outside / "victim.json"
    victim.write_text("precious\n", encoding="utf-8")
    os.symlink(victim, inside / "kzlint-baseline.json")
    run = kzlint("--write-baseline", "kzlint-baseline.json", ".", cwd=inside)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert run.code == 2 and run.err.count("\n") == 1 and "kzlint-baseline.json" in run.err, run.err


def test_a_plain_run_does_not_create_a_file_through_a_dangling_cache_link(project):
    inside, outside = project
    (inside / ".kzlint_cache").mkdir()
    os.symlink(outside / "created-by-kzlint", inside / ".kzlint_cache" / ".gitignore")
    run = kzlint("a.txt", cwd=inside, cache=True, env={"KZLINT_CACHE_DIR": None})
    assert run.code == 1 and run.findings("KZ990")
    assert list(outside.iterdir()) == []


def test_a_cache_folder_configured_outside_the_project_is_a_config_error(project):
    inside, outside = project
    (inside / "rules.yaml").write_text(HOUSE + f"cache-dir: {outside / 'cache'}\n", encoding="utf-8")
    run = kzlint("a.txt", cwd=inside, cache=True, env={"KZLINT_CACHE_DIR": None})
    assert list(outside.iterdir()) == []
    assert run.code == 2 and run.err.count("\n") == 1 and "cache-dir" in run.err, run.err
    assert run.err.startswith(f"kzlint: error: {inside / 'rules.yaml'}:4: ")


def test_fix_does_not_rewrite_a_link_target_outside_the_project(project):
    inside, outside = project
    victim = outside / "x.conf"
    victim.write_text(FIXABLE, encoding="utf-8")
    os.symlink(victim, inside / "n.md")
    run = kzlint("--fix", ".", cwd=inside)
    assert victim.read_text(encoding="utf-8") == FIXABLE
    assert (inside / "n.md").is_symlink()
    assert "Nur-Sultan" not in (inside / "a.txt").read_text(encoding="utf-8")  # the file inside was fixed
    assert [line for line in run.findings("KZ002") if line.startswith("n.md:")], run.out  # reported, not read
    assert not [p for p in outside.iterdir() if p.name != "x.conf"]  # no temporary file left there either


def test_fix_leaves_a_write_protected_file_alone_with_a_notice(project):
    """A file without its owner's write bit is not rewritten, even by root (whom permissions do not stop)."""
    inside, _ = project
    protected = inside / "a.txt"
    protected.chmod(0o444)
    try:
        run = kzlint("--fix", "a.txt", cwd=inside)
        assert protected.read_text(encoding="utf-8") == FIXABLE
        assert "a.txt: not fixed" in run.err and "read-only" in run.err, run.err
        assert run.code == 1 and run.findings("KZ990")
        assert (protected.stat().st_mode & 0o777) == 0o444
    finally:
        protected.chmod(0o644)


@pytest.mark.parametrize("how", ["walked", "named"])
def test_a_link_to_a_file_outside_the_project_is_reported_not_read(project, how):
    inside, outside = project
    secret = outside / "passwd"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nThe talks in Nur-Sultan resumed.\n", encoding="utf-8")
    os.symlink(secret, inside / "x.txt")
    os.symlink("a.txt", inside / "alias.txt")  # a link inside the project is read as always
    run = kzlint(*(["."] if how == "walked" else ["x.txt", "alias.txt"]), cwd=inside)
    assert "root:x" not in run.out and "/root" not in run.out
    mine = [line for line in run.findings() if line.startswith("x.txt:")]
    assert mine == ["x.txt:1:1: warning[KZ002] cannot lint: symlink to a file outside the project (not followed) "
                    "(unreadable)"], run.out
    assert [line for line in run.findings("KZ990") if line.startswith("alias.txt:")]


def test_corpus_outside_the_project_is_a_config_error_not_a_walk_of_the_filesystem(project):
    inside, _ = project
    (inside / "rules.yaml").write_text(HOUSE + "corpus: /\n", encoding="utf-8")
    run = kzlint("a.txt", cwd=inside, timeout=30)
    assert run.code == 2 and run.out == "" and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"kzlint: error: {inside / 'rules.yaml'}:") and "corpus" in run.err
    assert run.seconds < 10


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_links_inside_a_git_work_tree_to_other_folders_of_it_are_followed(project):
    """The project is the git work tree: a link from a subfolder to a sibling folder stays inside."""
    inside, _ = project
    subprocess.run(["git", "init", "-q"], cwd=inside, check=True)
    (inside / "articles").mkdir()
    (inside / "shared").mkdir()
    (inside / "shared" / "b.txt").write_text(FIXABLE, encoding="utf-8")
    os.symlink("../shared/b.txt", inside / "articles" / "b.txt")
    run = kzlint(".", cwd=inside / "articles")
    assert [line for line in run.findings("KZ990") if line.startswith("b.txt:")], run.out
