"""Odd things on disk: directories named *.md, symlink loops, dangling links, FIFOs and devices,
unreadable files, names that are not UTF-8, and paths that do not exist."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from hostile_helpers import exit_code_matches, record

ARTICLE = "Protests spread\n\nPolice said on Friday that the protests had spread to the capital.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "rules.yaml").write_text("custom-rules: []\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def only(run, path: str) -> list[str]:
    return [line for line in run.findings() if line.startswith(f"{path}:")]


def test_directory_named_like_an_article_is_walked_not_read(kz, folder):
    (folder / "archive.md").mkdir()
    (folder / "archive.md" / "inside.md").write_text(ARTICLE + "Read more: the archive\n", encoding="utf-8")
    (folder / "empty.md").mkdir()
    whole = kz(".", cwd=folder)
    alone = kz("archive.md/inside.md", cwd=folder)
    named = kz("empty.md", cwd=folder)
    record("paths: directory named *.md", whole, "walked; its article linted")
    assert not whole.findings("KZ002") and "in 2 files" in whole.lines()[-1]
    assert alone.findings() and set(alone.findings()) <= set(whole.findings())
    assert named.code == 0 and named.lines() == ["0 findings in 0 files (0 errors, 0 warnings, 0 infos)"]
    exit_code_matches(whole)


@pytest.mark.parametrize("how", ["walked", "named"])
def test_symlink_loops_and_dangling_links_are_one_line_each(kz, folder, how):
    os.symlink("self.md", folder / "self.md")
    os.symlink("pong.md", folder / "ping.md")
    os.symlink("ping.md", folder / "pong.md")
    os.symlink("gone.md", folder / "dangling.md")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up.md")  # a directory loop
    names = ["self.md", "ping.md", "pong.md", "dangling.md"]
    run = kz(*(["."] if how == "walked" else names + ["good.txt", "sub"]), cwd=folder)
    record(f"paths: symlink loops + dangling ({how})", run, "KZ002 per link; good.txt linted")
    for name in ("self.md", "ping.md", "pong.md"):
        assert only(run, name) == [f"{name}:1:1: warning[KZ002] cannot lint: symlink loop (too many levels of "
                                   "symbolic links) (unreadable)"], run.out
    assert only(run, "dangling.md") == ["dangling.md:1:1: warning[KZ002] cannot lint: no such file (dangling "
                                        "symlink?) (unreadable)"]
    assert not [line for line in run.findings() if line.startswith("sub/")]
    assert only(run, "good.txt") == only(kz("good.txt", cwd=folder), "good.txt")
    exit_code_matches(run)


def test_fifo_and_device_named_like_articles_neither_hang_nor_flood(kz_process, folder):
    os.mkfifo(folder / "pipe.md")
    os.symlink("/dev/zero", folder / "zeros.md")
    os.symlink("/dev/urandom", folder / "noise.txt")
    run = kz_process(".", cwd=folder, timeout=30)
    record("paths: FIFO, /dev/zero, /dev/urandom", run, "KZ002 not a regular file")
    for name in ("pipe.md", "zeros.md", "noise.txt"):
        assert only(run, name) == [f"{name}:1:1: warning[KZ002] cannot lint: not a regular file (a FIFO, socket or "
                                   "device) (unreadable)"], run.out
    exit_code_matches(run)


def test_unreadable_file(kz, folder):
    secret = folder / "secret.md"
    secret.write_text(ARTICLE, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root (or with CAP_DAC_OVERRIDE): permissions do not stop reading here")
        run = kz(".", cwd=folder)
        assert only(run, "secret.md") == ["secret.md:1:1: warning[KZ002] cannot lint: permission denied (unreadable)"]
        assert only(run, "good.txt")
        exit_code_matches(run)
    finally:
        secret.chmod(0o644)


def test_path_that_does_not_exist_is_a_usage_error_on_one_line(kz, folder):
    for args in (["missing.md"], ["good.txt", "missing/"], ["missing.md", "--format", "json"]):
        run = kz(*args, cwd=folder)
        assert run.code == 2 and run.out == ""
        assert run.err.count("\n") == 1 and run.err.startswith("kzlint: error: missing"), run.err
        assert "no such file or directory" in run.err
    record("paths: path that does not exist", run, "exit 2, one line")


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_file_name_that_is_not_utf8_under_a_strict_stdout(kz_process, folder, cache):
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text("They met in Nur-Sultan.\n", encoding="utf-8")
    (folder / "rules.yaml").write_text(
        'custom-rules:\n  - {code: KZ990, name: house, message: "write Astana", swap: {"Nur-Sultan": "Astana"}}\n',
        encoding="utf-8")
    run = kz_process("--select", "KZ990", ".", cwd=folder, env={"PYTHONIOENCODING": "utf-8"}, cache_on=cache)
    again = kz_process("--select", "KZ990", ".", cwd=folder, env={"PYTHONIOENCODING": "utf-8"}, cache_on=cache)
    record(f"paths: non-UTF-8 file name, strict stdout ({'cache' if cache else 'no cache'})", run, "escaped, linted")
    assert run.findings() == ["caf\\xe9.txt:1:13: warning[KZ990] write Astana (\"Nur-Sultan\") (house) [*]"], run.out
    assert again.out == run.out and run.code == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_work_tree_with_a_symlinked_directory_and_an_ignored_file(kz, folder):
    subprocess.run(["git", "init", "-q"], cwd=folder, check=True)
    (folder / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (folder / "ignored.md").write_bytes(b"\x00binary")
    (folder / "real").mkdir()
    (folder / "real" / "a.md").write_text(ARTICLE, encoding="utf-8")
    os.symlink("real", folder / "linked.md")
    os.symlink("missing.md", folder / "dangling.md")
    run = kz(".", cwd=folder)
    record("paths: git tree, symlinked dir, ignored binary", run, "ignored skipped, links one line each")
    assert not only(run, "ignored.md")
    assert only(run, "linked.md") in ([], ["linked.md:1:1: warning[KZ002] cannot lint: is a directory (unreadable)"])
    assert only(run, "dangling.md") == ["dangling.md:1:1: warning[KZ002] cannot lint: no such file (dangling "
                                        "symlink?) (unreadable)"]
    exit_code_matches(run)


def test_standard_input_binary_or_too_large(kz_process, folder):
    binary = kz_process("--stdin-filename", "photo.md", cwd=folder, stdin=b"\x89PNG\r\n\x1a\n\x00\x00" * 1000)
    assert binary.findings() == ["photo.md:1:1: warning[KZ002] cannot lint: binary file (NUL bytes) (unreadable)"]
    big = kz_process("--stdin-filename", "wire.txt", cwd=folder, stdin=b"The mayor spoke on Monday. " * 800_000)
    record("paths: 21.6 MB on standard input", big, "KZ002 file too large")
    assert big.findings() == ["wire.txt:1:1: warning[KZ002] cannot lint: file too large (21,600,000 bytes; the limit "
                              "is 20,000,000: max-file-size) (unreadable)"]
    assert big.code == binary.code == 1 and big.seconds < 20
