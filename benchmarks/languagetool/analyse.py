"""Per-rule counts of LanguageTool's matches (from collect.py) and what KZ201 reports of them.

    python benchmarks/languagetool/analyse.py /tmp/lt-matches.jsonl --documents LIST [--config rules.yaml]

For each LanguageTool rule: its matches outside masked markup and the documents they touch, on
each set (dev-corpus, dev-scraped, seeds), and how many KZ201 reports with the setting in
--config (default: the built-in one). KZ201's decision is kzlint's own code: the rule's `keep()`
on the document, and the server-side choice (`enabled-rules`, or the disabled lists) applied to
the rule id, so a setting is measured without asking the server again. Then the share of
documents with a finding per set and a seeded random sample of 30 dev-corpus findings to judge.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.backends import languagetool as lt
from lint.backends.match import Match
from lint.config import load
from lint.core.document import Document
from lint.core.reading import decode
from lint.rules.language.grammar import keep


def corpus_of(path: str) -> str:
    for name in ("dev-corpus", "dev-scraped", "seeds", "corpus"):
        if f"/{name}/" in path or path.startswith(f"{name}/"):
            return name
    return "other"


class Judge:
    """Whether KZ201 reports a collected match under `config`."""

    def __init__(self, config) -> None:
        self.config = config
        settings = config.languagetool
        self.enabled = set(lt.rule_ids(settings.enabled_rules, settings.language)) if settings.enabled_rules else None
        self._doc: Document | None = None

    def asked(self, m: dict) -> bool:
        settings = self.config.languagetool
        if self.enabled is not None:
            return m["rule"] in self.enabled or m["category"] in settings.enabled_categories
        return m["rule"] not in settings.disabled_rules and m["category"] not in settings.disabled_categories

    def reported(self, m: dict) -> bool:
        if not self.asked(m):
            return False
        if self._doc is None or self._doc.path != m["path"]:
            self._doc = Document(m["path"], decode(Path(m["path"]).read_bytes()).text)
        match = Match(m["offset"], m["length"], m["message"], m["rule"], m["category"], m["issue_type"],
                      tuple(m["replacements"]))
        return keep(self._doc, m["offset"], m["offset"] + m["length"], match, self.config.grammar)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("matches")
    parser.add_argument("--config", type=Path)
    parser.add_argument("--documents", type=Path, required=True, help="every document collected, one per line")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--top", type=int, default=45)
    args = parser.parse_args()
    judge = Judge(load(args.config))
    matches = [json.loads(line) for line in open(args.matches, encoding="utf-8")]
    raw: dict[str, Counter] = defaultdict(Counter)
    docs: dict[tuple, set] = defaultdict(set)
    reported: dict[str, Counter] = defaultdict(Counter)
    findings = []
    for m in matches:
        where = corpus_of(m["path"])
        if m["masked"]:
            continue
        raw[where][m["rule"]] += 1
        docs[where, m["rule"]].add(m["path"])
        if judge.reported(m):
            reported[where][m["rule"]] += 1
            findings.append(m)
    totals = Counter(corpus_of(line) for line in args.documents.read_text(encoding="utf-8").splitlines() if line)
    print("| rule | dev-corpus matches | docs | reported | dev-scraped matches | docs | reported |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rule, _ in (raw["dev-corpus"] + raw["dev-scraped"]).most_common(args.top):
        print(f"| {rule} | {raw['dev-corpus'][rule]} | {len(docs['dev-corpus', rule])} | {reported['dev-corpus'][rule]} "
              f"| {raw['dev-scraped'][rule]} | {len(docs['dev-scraped', rule])} | {reported['dev-scraped'][rule]} |")
    print("\n| set | documents | with a KZ201 finding | findings | reported, by rule |")
    print("|---|---:|---:|---:|---|")
    for name in sorted(totals):
        hit = {m["path"] for m in findings if corpus_of(m["path"]) == name}
        count = sum(reported[name].values())
        rules = ", ".join(f"{r} {n}" for r, n in reported[name].most_common())
        print(f"| {name} | {totals[name]} | {len(hit)} ({100 * len(hit) / totals[name]:.1f}%) | {count} | {rules} |")
    dev = [m for m in findings if corpus_of(m["path"]) == "dev-corpus"]
    sample = sorted(random.Random(15).sample(dev, min(args.sample, len(dev))), key=lambda m: (m["path"], m["offset"]))
    print(f"\nSample of {len(sample)} of the {len(dev)} dev-corpus findings (seed 15):\n")
    for number, m in enumerate(sample, 1):
        at = m["sentence_offset"]
        context = m["sentence"][max(0, at - 60):at + m["length"] + 60].replace("\n", " ")
        print(f"{number}. `{m['path'].split('dev-corpus/')[-1]}:{m['line']}` {m['rule']} “{m['text']}” → "
              f"{', '.join(m['replacements'][:2]) or '-'}: …{context}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
