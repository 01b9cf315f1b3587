"""Every LanguageTool match on a set of articles, with nothing filtered, one JSON line each.

    python benchmarks/languagetool/collect.py --url http://127.0.0.1:PORT \
        ../shared/dev-corpus ../shared/dev-scraped/clean > /tmp/lt-matches.jsonl

Sentences are sent the way KZ201 sends them (kzlint's sentence split, markup masked, batched),
but with no rule disabled, so `analyse.py` can decide offline which rules and categories to keep.
Results are cached per sentence (a private cache folder): a second run costs no server calls.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

try:  # the layout after the restructure (issue 12), then the one before
    from lint.backends import languagetool as lt
except ImportError:  # pragma: no cover
    from lint import languagetool as lt
try:
    from lint.core.document import Document
    from lint.core.reading import decode
except ImportError:  # pragma: no cover
    from lint.document import Document
    from lint.reading import decode
try:
    from lint.config import LanguageToolSettings
except ImportError:  # pragma: no cover
    from lint.config.schema import LanguageToolSettings  # type: ignore


def articles(folders: list[str]) -> list[Path]:
    found = []
    for folder in folders:
        root = Path(folder)
        found += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md"))
    return [p for p in found if p.name.lower() != "readme.md"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--cache", default="/tmp/kzlint-lt-collect")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()
    settings = LanguageToolSettings(mode="remote", url=args.url, enabled_rules=[], disabled_rules=[], timeout_s=120)
    client = lt.Client(args.url, settings)
    client.probe()
    cache = lt.SentenceCache(Path(args.cache), settings)
    paths = articles(args.folders)[: args.limit or None]
    started, sentences_sent = time.monotonic(), 0
    for number, path in enumerate(paths, 1):
        doc = Document(str(path), decode(path.read_bytes()).text)
        sentences = [s for s in doc.sentences if any(ch.isalpha() for ch in doc.prose[s.start:s.end])]
        texts = [doc.prose[s.start:s.end] for s in sentences]
        sentences_sent += len(texts)
        for sentence, text, matches in zip(sentences, texts, lt.check_sentences(client, texts, cache)):
            for m in matches:
                start = sentence.start + m.offset
                line, column = doc.position(start)
                print(json.dumps({"path": str(path), "line": line, "column": column, "offset": start,
                                  "length": m.length, "text": doc.text[start:start + m.length],
                                  "masked": doc.text[start:start + m.length] != doc.prose[start:start + m.length],
                                  "rule": m.rule_id, "category": m.category, "issue_type": m.issue_type,
                                  "message": m.message, "replacements": list(m.replacements),
                                  "sentence": text, "sentence_offset": m.offset,
                                  "first_block": sentence.block == 0}, ensure_ascii=False))
        if number % 100 == 0:
            print(f"{number}/{len(paths)} articles, {sentences_sent} sentences, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    print(f"{len(paths)} articles, {sentences_sent} sentences, {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
