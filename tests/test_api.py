"""The Python API (lint.api): the map/group-by split gives exactly what `kzlint` reports."""

from __future__ import annotations

import json
from pathlib import Path

from corpora import CORPUS, copy_sample_corpus

from lint.api import check_claims, default_config, finish, lint_document
from lint.config import load
from lint.engine.run import Engine
from lint.engine.selection import build_rules


def engine_report(root: Path, config, paths: list[str], jobs: int = 1) -> list[dict]:
    rules = build_rules(config)
    result = Engine(config, rules, cwd=root, jobs=jobs, use_cache=False).run(paths)
    return [f.to_dict() for f in result.findings]


def api_report(root: Path, config, files: list[Path]) -> list[dict]:
    results = [lint_document(f.read_bytes(), f.relative_to(root).as_posix(), config) for f in files]
    claims = [c for _, c in results]
    found = [f for fs, _ in results for f in fs] + check_claims(claims, config)
    return [f.to_dict() for f in finish(found, claims, config)]


def test_seeds_through_the_api_match_the_engine(tmp_path):
    copy_sample_corpus(tmp_path / "corpus")
    config = default_config()
    files = sorted((tmp_path / "corpus").glob("*.txt"))
    expected = engine_report(tmp_path, config, [str(tmp_path / "corpus")])
    assert expected, "the seeds are full of defects: the engine must report some"
    assert api_report(tmp_path, config, files) == expected


def test_claims_are_json_and_survive_a_round_trip(tmp_path):
    config = default_config()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    claims = [lint_document(text, name, config)[1] for name, text in texts.items()]
    revived = json.loads(json.dumps(claims))
    assert revived == claims
    assert [f.to_dict() for f in check_claims(revived, config)] == [f.to_dict() for f in check_claims(claims, config)]


def test_invalid_utf8_bytes_are_reported_like_the_cli():
    findings, claims = lint_document("Caf\u00e9 prices rose on Monday.\n".encode("latin-1"), "news/cafe.txt")
    assert [(f.code, f.line, f.column) for f in findings if f.code == "KZ002"] == [("KZ002", 1, 4)]
    assert claims["path"] == "news/cafe.txt"


def test_binary_bytes_cannot_be_linted():
    findings, claims = lint_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "images/photo.txt")
    assert [(f.code, f.message) for f in findings] == [("KZ002", "cannot lint: binary file (NUL bytes)")]
    assert claims["facts"] == {}


def test_finish_applies_inline_suppressions_and_reports_unused_ones():
    config = default_config()
    bad = "---\ntitle: [unclosed\n---\nThe mayor spoke on Monday.\n"
    suppressed = "<!-- kzlint-disable-file KZ003 -->\n" + bad
    unused = "<!-- kzlint-disable-next-line KZ003 -->\nThe mayor spoke on Monday.\n"
    results = [lint_document(bad, "a.md", config), lint_document(suppressed, "b.md", config),
               lint_document(unused, "c.md", config)]
    raw = [f for fs, _ in results for f in fs]
    assert {(f.path, f.code) for f in raw if f.code == "KZ003"} == {("a.md", "KZ003")}
    report = finish(raw, [c for _, c in results], config)
    codes = {(f.path, f.code) for f in report}
    assert ("a.md", "KZ003") in codes
    assert ("b.md", "KZ003") not in codes
    assert ("c.md", "KZ001") in codes


def test_a_config_selection_is_honoured(tmp_path):
    (tmp_path / "rules.yaml").write_text("select: [KZ0]\n", encoding="utf-8")
    config = load(tmp_path / "rules.yaml")
    text = (CORPUS / sorted(p.name for p in CORPUS.glob("*.txt"))[2]).read_text(encoding="utf-8")
    findings, _ = lint_document(text, "seed.txt", config)
    assert all(f.code.startswith("KZ0") for f in findings)
    everything, _ = lint_document(text, "seed.txt", default_config())
    assert any(not f.code.startswith("KZ0") for f in everything)


def test_a_linted_document_leaves_no_reference_cycle_for_the_collector():
    """Each document is freed by reference counting as soon as it is linted: a cycle (an
    article's event context holds its document) left every document's objects to Python's
    cyclic collector, a twentieth of a worker's CPU."""
    import gc

    config = default_config()
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    for name, text in texts:  # tables and memos loaded once
        lint_document(text, f"corpus/{name}", config)
    gc.collect()
    gc.disable()
    try:
        claims = [lint_document(text, f"corpus/{name}", config)[1] for name, text in texts]
        assert any(claims[0]["facts"].get("KZ501")), "the seeds claim figures: their event context is built"
        assert gc.collect() == 0
    finally:
        gc.enable()
