"""Every rule's documented examples run: the bad one fires, the good one stays quiet, and every
message printed is one of the rule's templates filled in (so `kzlint explain` shows what is printed).

A corpus rule's example is several documents, one a line: `corpus/a.txt: text of a`. Each goes
through the engine as a real run does (facts extracted per document, serialised, then checked
together), so the second document is what makes the first one's finding.
"""

from __future__ import annotations

import ast
import os
import re
import string
from pathlib import Path

import pytest

from lint.config import load
from lint.core.document import Document
from lint.engine.corpus import check_corpus
from lint.engine.document import process_text
from lint.engine.selection import build_rules
from lint.rules import CorpusRule, DocumentRule, all_rules

RULES = all_rules()
RULES_DIR = Path(__file__).resolve().parent.parent / "lint" / "rules"
# The KZ0 rules report what the engine sees (an unreadable file, a crash, an unused suppression):
# their examples are files and runs, checked in test_engine_cache.py / test_suppressions.py.
ENGINE_MADE = {"KZ000", "KZ001", "KZ002"}


def _configured(code: str):
    config = load(None)
    url = os.environ.get("KZLINT_LANGUAGETOOL_URL")
    if code == "KZ201" and url:  # the real server CI starts (.ci/run)
        config = config.model_copy(update={"languagetool": config.languagetool.model_copy(
            update={"mode": "remote", "url": url})})
    return next(r for r in build_rules(config, select=["ALL"]) if r.code == code)


def _pattern(template: str) -> re.Pattern:
    """A template as a regex: its literal text exactly, each {field} any text."""
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.S)


def assert_from_templates(rule, findings):
    patterns = [_pattern(t) for t in rule.templates().values()]
    for finding in findings:
        assert any(p.fullmatch(finding.message) for p in patterns), (
            f"{rule.code} printed a message none of its templates gives: {finding.message!r}\n"
            f"templates: {list(rule.templates().values())}"
        )


def _documents(example: str) -> dict[str, str]:
    documents: dict[str, list[str]] = {}
    for line in example.splitlines():
        path, _, text = line.partition(": ")
        assert path and text, f"a corpus example line is `path: text`, not {line!r}"
        documents.setdefault(path, []).append(text)
    return {path: "\n".join(lines) + "\n" for path, lines in documents.items()}


def _corpus_findings(rule: CorpusRule, example: str):
    documents = _documents(example)
    assert len(documents) >= 2, f"{rule.code}: a corpus rule's example needs a second document"
    facts = {path: process_text(text, path, [rule], full=False)["facts"] for path, text in documents.items()}
    return check_corpus([rule], facts)


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if issubclass(r, DocumentRule) and c not in ENGINE_MADE))
def test_document_rule_examples(code):
    rule = _configured(code)
    notices = rule.prepare_once()
    if notices:
        if code == "KZ201" and os.environ.get("CI"):
            pytest.fail(f"CI must run KZ201 against its LanguageTool server: {notices}")
        pytest.skip(f"{code} cannot run here: {notices}")
    bad = list(rule.check(Document("example.txt", rule.bad_example)))
    good = list(rule.check(Document("example.txt", rule.good_example)))
    assert [f.code for f in bad] and all(f.code == code for f in bad), f"{code}: bad_example does not fire"
    assert good == [], f"{code}: good_example fires: {[f.message for f in good]}"
    assert_from_templates(rule, bad)


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if issubclass(r, CorpusRule)))
def test_corpus_rule_examples(code):
    rule = _configured(code)
    bad = _corpus_findings(rule, rule.bad_example)
    good = _corpus_findings(rule, rule.good_example)
    assert [f.code for f in bad] and all(f.code == code for f in bad), f"{code}: bad_example does not fire"
    assert good == [], f"{code}: good_example fires: {[f.message for f in good]}"
    assert_from_templates(rule, bad)
    assert all(f.related for f in bad), f"{code}: a cross-document finding names the other document"


def test_every_rule_is_a_document_or_a_corpus_rule():
    assert all(issubclass(r, (DocumentRule, CorpusRule)) for c, r in RULES.items() if c not in ENGINE_MADE)


def test_engine_findings_come_from_templates(tmp_path):
    from lint.rules.engine.rule_crash import RuleCrash
    from lint.rules.engine.unreadable import Unreadable
    from lint.rules.engine.unused_suppression import UnusedSuppression

    made = [
        RuleCrash.file_finding("a.txt", snippet="KZ101", code="KZ101", error="ValueError: x"),
        Unreadable.file_finding("a.txt", snippet="x", reason="is a directory"),
        Unreadable.file_finding("a.txt", 1, 1, 1, 2, "invalid-utf-8", snippet="invalid-utf-8"),
        UnusedSuppression.file_finding("a.txt", 3, snippet="x", codes="KZ101", kind="disable"),
    ]
    for finding in made:
        assert_from_templates(RULES[finding.code], [finding])


def _message_calls(path: Path) -> list[str]:
    """Calls in a rule module that build a finding from a message string instead of the rule's template."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("finding", "finding_at", "Finding"):
                found.append(f"{path.relative_to(RULES_DIR.parent.parent)}:{node.lineno}: {name}(...)")
    return found


def test_rules_print_only_their_templates():
    """A rule reports through report()/report_at(), which format its `message` (or a variant in
    `messages`); building a finding from a string of its own would let docs and output drift.
    Custom rules (custom/) too: the message the user wrote in rules.yaml is their template."""
    offenders = []
    for path in sorted(RULES_DIR.rglob("*.py")):
        if path.name == "base.py":
            continue
        offenders += _message_calls(path)
    assert not offenders, "\n".join(offenders)
