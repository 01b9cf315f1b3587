"""--fix and --diff: safe fixes applied atomically, idempotently, keeping encoding, BOM,
line endings and permissions, and never when the file cannot be trusted."""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from corpora import copy_sample_corpus, custom_rules_config, sample_files

from lint.config import load
from lint.core.findings import Edit, Fix
from lint.engine.fixes import MAX_PASSES, FileChanged, apply_fixes, atomic_write, compatible_fixes, fix_files, linter
from lint.engine.selection import build_rules

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "corpus"

RULES = custom_rules_config()
ARTICLE = (
    "Protests spread to the capital\n"
    "\n"
    "Thousands gathered in Nur-Sultan on Tuesday, sources said.\n"
    "Police in Nur-Sultan detained 40 people.\n"
)
FIXED = ARTICLE.replace("Nur-Sultan", "Astana")


def kzlint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "KZLINT_CACHE_DIR")}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env=env, input=stdin, capture_output=True)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".kzlint-tmp")]


# -- the pieces -----------------------------------------------------------------------------------


def fix(start: int, end: int, replacement: str, description: str = "", safe: bool = True) -> Fix:
    return Fix((Edit(start, end, replacement),), description, safe)


def test_compatible_fixes_skip_overlaps_unsafe_and_out_of_bounds():
    fixes = [
        fix(0, 5, "A"), fix(3, 8, "B"),  # overlap: the later one waits for the next pass
        fix(8, 10, ""), fix(10, 10, " "),  # an insertion touching a deletion: ambiguous, waits
        fix(12, 14, "x", safe=False),  # never applied by --fix
        fix(15, 99, ""),  # beyond the text: a rule bug, never applied
        fix(16, 17, "-"), fix(16, 17, "-"),  # the same fix from two findings, applied once
    ]
    chosen = compatible_fixes(fixes, length=20)
    assert [(f.edits[0].start, f.edits[0].end) for f in chosen] == [(0, 5), (8, 10), (16, 17)]
    assert apply_fixes("0123456789abcdefghij", chosen) == "A567abcdef-hij"


def test_atomic_write_refuses_a_file_changed_since_it_was_read(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"edited by someone else\n")
    with pytest.raises(FileChanged):
        atomic_write(target, b"fixed\n", expected=b"what kzlint read\n")
    assert target.read_bytes() == b"edited by someone else\n"
    assert leftovers(tmp_path) == []


def test_a_file_edited_while_being_fixed_is_left_alone(project):
    target = project / "a.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    config = load(project / "rules.yaml")
    lint = linter(config, build_rules(config))

    def editor_saves_meanwhile(text: str, path: str):
        if target.read_text(encoding="utf-8") == ARTICLE:
            target.write_text(ARTICLE + "A paragraph the editor just typed.\n", encoding="utf-8")
        return lint(text, path)

    run = fix_files(["a.txt"], editor_saves_meanwhile, project, write=True, max_size=10**6)
    assert target.read_text(encoding="utf-8") == ARTICLE + "A paragraph the editor just typed.\n"
    assert run.notices == ["a.txt: not fixed: the file changed while kzlint was fixing it"]
    assert leftovers(project) == []


# -- the command line on files --------------------------------------------------------------------


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"", "\n"),
    ("utf-8", b"\xef\xbb\xbf", "\r\n"),
    ("utf-16-le", b"\xff\xfe", "\r\n"),
    ("utf-8", b"", "\r"),
])
def test_fix_keeps_encoding_bom_line_endings_and_permissions(project, encoding, bom, newline):
    target = project / "news.txt"
    target.write_bytes(bom + ARTICLE.replace("\n", newline).encode(encoding))
    target.chmod(0o640)
    result = kzlint("--no-cache", "--fix", "news.txt", cwd=project)
    assert b"fixed 2 findings in 1 file" in result.stderr, result.stderr
    assert target.read_bytes() == bom + FIXED.replace("\n", newline).encode(encoding)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert result.returncode == 1  # the unfixable KZ902 is still reported
    assert result.stdout.decode().count("KZ902") == 1 and b"KZ901" not in result.stdout
    again = kzlint("--no-cache", "--fix", "news.txt", cwd=project)
    assert b"fixed 0 findings in 0 files" in again.stderr
    assert target.read_bytes() == bom + FIXED.replace("\n", newline).encode(encoding)
    assert leftovers(project) == []


def test_fix_writes_through_a_symlink(project):
    (project / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "link.txt").symlink_to("real.txt")
    kzlint("--no-cache", "--fix", "link.txt", cwd=project)
    assert (project / "link.txt").is_symlink()
    assert (project / "real.txt").read_text(encoding="utf-8") == FIXED


def test_fix_leaves_a_hard_linked_file_alone_and_says_so(project):
    (project / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.link(project / "a.txt", project / "b.txt")
    result = kzlint("--no-cache", "--fix", "a.txt", cwd=project)
    assert "a.txt: not fixed: it has 2 hard links" in result.stderr.decode()
    assert (project / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert os.path.samefile(project / "a.txt", project / "b.txt")  # still one file under two names
    assert result.returncode == 1  # its findings are still reported


@pytest.mark.parametrize("data, reason", [
    (b"Crowds in Nur-Sultan, caf\xe9 owners said.\n", "not valid UTF-8"),
    (b"Crowds in Nur-Sultan.\r\nPolice in Nur-Sultan.\nMore.\n", "mixed line endings"),
])
def test_fix_never_writes_a_file_that_does_not_round_trip(project, data, reason):
    target = project / "odd.txt"
    target.write_bytes(data)
    result = kzlint("--no-cache", "--fix", "odd.txt", cwd=project)
    assert target.read_bytes() == data
    assert f"odd.txt: not fixed: {reason}".encode() in result.stderr
    assert b"KZ901" in result.stdout  # still reported


def test_suppressed_and_ignored_findings_are_not_fixed(project):
    (project / "rules.yaml").write_text(RULES + 'per-file-ignores: {"archive/*": ["old-capital"]}\n', encoding="utf-8")
    (project / "archive").mkdir()
    (project / "archive" / "2019.txt").write_text(ARTICLE, encoding="utf-8")
    quoted = ARTICLE.replace("Police in", "kzlint: disable-next-line KZ901 -- the name as it was in 2019\nPolice in")
    (project / "quoted.txt").write_text(quoted, encoding="utf-8")
    kzlint("--no-cache", "--fix", ".", cwd=project)
    assert (project / "archive" / "2019.txt").read_text(encoding="utf-8") == ARTICLE
    assert (project / "quoted.txt").read_text(encoding="utf-8") == quoted.replace("in Nur-Sultan on", "in Astana on")


def test_diff_shows_fixes_and_writes_nothing(project):
    target = project / "news.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    result = kzlint("--no-cache", "--diff", "news.txt", cwd=project)
    assert result.returncode == 1
    expected = "".join(difflib.unified_diff(ARTICLE.splitlines(True), FIXED.splitlines(True), "a/news.txt", "b/news.txt"))
    assert result.stdout.decode() == expected
    assert target.read_text(encoding="utf-8") == ARTICLE
    target.write_text(FIXED, encoding="utf-8")
    clean = kzlint("--no-cache", "--diff", "news.txt", cwd=project)
    assert (clean.returncode, clean.stdout) == (0, b"")


def test_fix_from_standard_input_prints_the_fixed_text(project):
    result = kzlint("--no-cache", "--fix", "--stdin-filename", "news.txt", cwd=project, stdin=ARTICLE.encode())
    assert result.stdout.decode() == FIXED
    assert b"KZ902" in result.stderr and b"KZ901" not in result.stderr
    assert not (project / "news.txt").exists()
    undecodable = b"Caf\xe9 in Nur-Sultan.\n"
    kept = kzlint("--no-cache", "--fix", "--stdin-filename", "news.txt", cwd=project, stdin=undecodable)
    assert kept.stdout == undecodable  # the editor's buffer comes back untouched


def test_fixes_that_undo_each_other_stop_after_bounded_passes(project):
    (project / "rules.yaml").write_text(
        "select: [KZ9]\ncustom-rules:\n"
        "  - {code: KZ901, name: to-astana, message: m, swap: {Nur-Sultan: Astana}}\n"
        "  - {code: KZ902, name: to-nur-sultan, message: m, swap: {Astana: Nur-Sultan}}\n", encoding="utf-8")
    (project / "a.txt").write_text("Crowds in Astana cheered.\n", encoding="utf-8")
    result = kzlint("--no-cache", "--fix", "a.txt", cwd=project)
    assert f"a.txt: fixes did not settle after {MAX_PASSES} passes".encode() in result.stderr
    assert (project / "a.txt").read_text(encoding="utf-8") == "Crowds in Astana cheered.\n"  # an even number of swaps


# -- the seeds ------------------------------------------------------------------------------------


def findings(folder: Path) -> list[dict]:
    result = kzlint("--no-cache", "--format", "json", ".", cwd=folder)
    return json.loads(result.stdout)


def reported_fixes_applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with the reported edits, first come first served where two overlap."""
    taken: list[tuple[int, int, str]] = []
    for start, end, replacement in sorted(edits):
        if all(end <= s or start >= e for s, e, _ in taken) and (start, end, replacement) not in taken:
            taken.append((start, end, replacement))
    for start, end, replacement in sorted(taken, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def test_fix_round_trip_on_the_seeds(tmp_path):
    corpus = tmp_path / "corpus"
    copy_sample_corpus(corpus)
    before = findings(corpus)
    safe = [f for f in before if f["fixable"]]
    if not safe:
        pytest.skip("no rule offers a safe fix on the seeds yet")
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}

    result = kzlint("--no-cache", "--fix", ".", cwd=corpus)
    assert b"fixed" in result.stderr
    after = findings(corpus)
    assert not [f for f in after if f["fixable"]]  # the fixable findings are gone

    # nothing else changed: each file is exactly its text with the reported safe edits
    edits: dict[str, list[tuple[int, int, str]]] = {}
    for f in safe:
        edits.setdefault(Path(f["path"]).name, []).extend(tuple(e) for e in f["fix"]["edits"])
    for name, text in texts.items():
        assert (corpus / name).read_text(encoding="utf-8") == reported_fixes_applied(text, edits.get(name, [])), name
    # ... and no finding appeared that was not there before (other findings keep their text)
    def what(f: dict) -> tuple[str, str, str]:  # cross-document messages cite lines that the fixes moved
        return f["path"], f["code"], re.sub(r":\d+(?::\d+)?\b", ":N", f["message"])

    appeared = Counter(map(what, after)) - Counter(map(what, before))
    assert not appeared, appeared
    unsafe = [f for f in before if f.get("fix") and not f["fix"]["safe"]]
    for f in unsafe:  # fixes graded unsafe are shown, never applied
        assert any(g["code"] == f["code"] and g["path"] == f["path"] for g in after)

    snapshot = {p.name: p.read_bytes() for p in corpus.iterdir()}
    again = kzlint("--no-cache", "--fix", ".", cwd=corpus)
    assert b"fixed 0 findings in 0 files" in again.stderr
    assert {p.name: p.read_bytes() for p in corpus.iterdir()} == snapshot
    assert kzlint("--no-cache", "--diff", ".", cwd=corpus).stdout == b""


def test_diff_on_the_seeds_applies_to_the_same_result_as_fix(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    fixed, patched = tmp_path / "fixed", tmp_path / "patched"
    copy_sample_corpus(fixed)
    copy_sample_corpus(patched)
    diff = kzlint("--no-cache", "--diff", ".", cwd=patched)
    if not diff.stdout:
        pytest.skip("no rule offers a safe fix on the seeds yet")
    assert {p.name: p.read_bytes() for p in patched.iterdir()} == {p.name: p.read_bytes() for p in sample_files()}
    subprocess.run(["git", "apply", "-p1", "-"], cwd=patched, input=diff.stdout, check=True, capture_output=True)
    kzlint("--no-cache", "--fix", ".", cwd=fixed)
    assert {p.name: p.read_bytes() for p in patched.iterdir()} == {p.name: p.read_bytes() for p in fixed.iterdir()}
