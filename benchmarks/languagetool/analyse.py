"""Per-rule counts of LanguageTool's matches (from collect.py) and what a KZ201 setting keeps.

    python benchmarks/languagetool/analyse.py /tmp/lt-matches.jsonl [--config rules.yaml] [--sample 30]

For every LanguageTool rule: raw matches, matches kzlint's own filters keep (inside prose; no
spelling hit on a capitalised word or on a word wordfreq knows; no hashtag), and how many
documents of each set they touch. Then, for the setting in --config (default: the built-in
one), the share of documents with a finding in each set, and a random sample of findings to
judge by hand (seeded: the same sample every time).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from fnmatch import fnmatch
from pathlib import Path

try:
    from lint.core.document import Document
    from lint.core.reading import decode
except ImportError:  # before the restructure
    from lint.document import Document
    from lint.reading import decode
try:
    from lint.config import load
except ImportError:  # pragma: no cover
    from lint.config.loader import load  # type: ignore
try:
    from lint.rules.grammar import _is_name_like
    from lint import prose_words as pw
except ImportError:  # the layout after the restructure
    from lint.rules.language.grammar import _is_name_like  # type: ignore
    from lint.text import words as pw  # type: ignore


def corpus_of(path: str) -> str:
    for name in ("dev-corpus", "dev-scraped", "seeds", "corpus"):
        if f"/{name}/" in path or path.startswith(f"{name}/"):
            return name
    return "other"


def kzlint_keeps(match: dict, grammar) -> bool:
    """kzlint's filters in lint/rules/grammar.py keep(), on a collected match."""
    if match["masked"]:
        return False
    if match["issue_type"] != "misspelling" and match["category"] not in ("TYPOS", "Spelling"):
        return True
    word = match["text"]
    if grammar.skip_name_spelling and _is_name_like(word):
        return False
    before = match["sentence"][max(0, match["sentence_offset"] - 1):match["sentence_offset"]]
    if before in ("#", "@"):
        return False
    return not (grammar.skip_known_words and pw.is_known(word.lower().replace("’", "'")))


def reported(match: dict, config, tuning: dict | None = None) -> bool:
    """The built-in setting, or a candidate `tuning` (rule globs, categories, quotes, headings)."""
    lt = config.languagetool
    if match["rule"] in lt.disabled_rules or match["category"] in lt.disabled_categories:
        return False
    if tuning:
        if match["category"] in tuning["categories"] or any(fnmatch(match["rule"], g) for g in tuning["rules"]):
            return False
        spelling = match["issue_type"] == "misspelling" or match["category"] in ("TYPOS", "Spelling")
        if not spelling and not match["rule"] in tuning["repeats"]:
            where = context(match)
            if where["heading"] or where["quoted"]:
                return False
    return kzlint_keeps(match, config.grammar)


_DOCS: dict = {}


def context(match: dict) -> dict:
    """Whether the match is in a heading or inside a quotation (kzlint's own document model)."""
    path = match["path"]
    if path not in _DOCS:
        _DOCS.clear()
        _DOCS[path] = Document(path, decode(Path(path).read_bytes()).text)
    doc = _DOCS[path]
    start, end = match["offset"], match["offset"] + match["length"]
    block = next((b for b in doc.blocks if b.start <= start < b.end), None)
    return {"heading": bool(block and block.kind == "heading"), "quoted": pw.in_quotes(doc, start, end)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("matches")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--documents", type=Path, help="a file listing every document collected (for the share)")
    parser.add_argument("--top", type=int, default=60)
    parser.add_argument("--tuning", type=Path, help="JSON: {categories, rules (globs), repeats}: a candidate setting")
    args = parser.parse_args()
    config = load(args.config)
    tuning = json.loads(args.tuning.read_text(encoding="utf-8")) if args.tuning else None
    matches = [json.loads(line) for line in open(args.matches, encoding="utf-8")]
    raw, kept, docs, by_rule = Counter(), Counter(), defaultdict(set), defaultdict(list)
    category = {}
    for m in matches:
        raw[m["rule"]] += 1
        by_rule[m["rule"]].append(m)
        category[m["rule"]] = m["category"]
        if kzlint_keeps(m, config.grammar):
            kept[m["rule"]] += 1
            docs[m["rule"]].add(m["path"])
    print(f"{'rule':44} {'category':22} {'raw':>6} {'kept':>6} {'docs':>5} {'reported':>8}")
    for rule, count in raw.most_common(args.top):
        on = sum(1 for m in by_rule[rule] if reported(m, config, tuning))
        print(f"{rule:44} {category[rule]:22} {count:6} {kept[rule]:6} {len(docs[rule]):5} {on:8}")
    findings = [m for m in matches if reported(m, config, tuning)]
    totals = Counter()
    if args.documents:
        for line in args.documents.read_text(encoding="utf-8").splitlines():
            totals[corpus_of(line)] += 1
    with_findings = defaultdict(set)
    for m in findings:
        with_findings[corpus_of(m["path"])].add(m["path"])
    print()
    for name in sorted(set(totals) | set(with_findings)):
        total = totals.get(name) or 0
        share = f" of {total} ({100 * len(with_findings[name]) / total:.1f}%)" if total else ""
        print(f"{name}: {len(with_findings[name])} documents with a KZ201 finding{share}, "
              f"{sum(1 for m in findings if corpus_of(m['path']) == name)} findings")
    print("\nreported, by rule:", dict(Counter(m["rule"] for m in findings).most_common()))
    sample = random.Random(15).sample(findings, min(args.sample, len(findings)))
    print(f"\nsample of {len(sample)} findings:")
    for number, m in enumerate(sample, 1):
        print(f"{number:2}. {m['path']}:{m['line']}:{m['column']} [{m['rule']}] “{m['text']}” — {m['message']}"
              f"\n    {m['sentence'][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
