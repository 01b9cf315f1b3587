"""Time-bounded mutational fuzzer for the reading → parsing → rules path.

    python benchmarks/fuzz_parser.py --seconds 60 [--seed 1] [--out crashes/]

Starts from the seed articles in corpus/, mutates their bytes (splice in Markdown and news
fragments, delete, duplicate, flip bytes, change encodings and line endings) and feeds each
result through `decode` and `process_text` with every rule but KZ201 (LanguageTool: offline).
A failure is any exception other than a ReadError, a KZ000 rule crash, or a finding outside the
document; the input that caused it is written to --out and the run stops with exit 1.
`tests/hostile/test_hostile_fuzz.py` runs it for a few seconds on every test run.
"""

from __future__ import annotations

import argparse
import codecs
import random
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lint.config import load  # noqa: E402
from lint.core.findings import from_record  # noqa: E402
from lint.core.reading import ReadError, decode  # noqa: E402
from lint.engine.document import process_text  # noqa: E402
from lint.engine.selection import build_rules  # noqa: E402

FRAGMENTS = [
    b"\n", b"\n\n", b"\r\n", b"\r", b"> ", b">" * 50, b"- ", b"1. ", b"# ", b"```\n", b"~~~", b"    ", b"\t",
    b"[", b"]", b"(", b")", b"](http://example.com/x)", b"<!--", b"-->", b"<div>", b"`", b"*", b"_", b"\\",
    b"---\n", b"title: [\n", b"---\ntitle: x\n---\n", b"<!-- kzlint-disable -->", b"kzlint: disable-next-line\n",
    b"http://", b"https://t.co/", b"Read more: ", b"Advertisement\n", b"According to ", b" said.", b"10%",
    b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\xef\xbb\xbf", b"\xc3\xa9", b"\xe9", b"\x93", b"\xff", b"\x00", b"\xd0\x90",
    b"\xe2\x80\xa8", b"\x0c", b"Mr. ", b"U.S. ", b"...", b"\xe2\x80\xa6",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 6)):
        position = rng.randint(0, len(data))
        choice = rng.random()
        if choice < 0.35:
            data = data[:position] + rng.choice(FRAGMENTS) * rng.choice((1, 1, 2, 50)) + data[position:]
        elif choice < 0.5 and data:
            data = data[:position] + data[position + rng.randint(1, 200):]
        elif choice < 0.6 and data:
            piece = data[position:position + rng.randint(1, 400)]
            data = data[:position] + piece * rng.randint(2, 20) + data[position:]
        elif choice < 0.7 and data:
            index = rng.randrange(len(data))
            data = data[:index] + bytes([rng.randrange(256)]) + data[index + 1:]
        elif choice < 0.8:
            data = data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\n")))
        elif choice < 0.9:
            text = data.decode("utf-8", "replace")
            encoding, bom = rng.choice((("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                        ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""), ("latin-1", b"")))
            data = bom + text.encode(encoding, "replace")
        else:
            data = data[:position]
    return data[:200_000]


def check(data: bytes, path: str, rules) -> None:
    """Raise AssertionError (or whatever the code raised) when `data` breaks a promise."""
    try:
        decoded = decode(data)
    except ReadError:
        return
    record = process_text(decoded.text, path, rules, replaced=decoded.replaced)
    lines = decoded.text.split("\n")
    for raw in record["findings"]:
        finding = from_record(raw)
        assert finding.code != "KZ000", finding.message
        assert 1 <= finding.line <= len(lines), (finding, len(lines))
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
        assert 1 <= finding.end_line <= len(lines) and finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding


def fuzz(seconds: float, seed: int = 1, out: Path | None = None) -> dict:
    """Fuzz for `seconds`; returns {"inputs": n, "seconds": s, "failure": None or a description}."""
    rng = random.Random(seed)
    rules = build_rules(load(None), select=["ALL"], ignore=["KZ201"])
    for rule in rules:
        rule.prepare()
    pool = [path.read_bytes() for path in sorted((REPO / "corpus").glob("*")) if path.is_file()] or [b"Headline\n\nText.\n"]
    started, count = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        data = mutate(rng.choice(pool), rng)
        path = rng.choice(("fuzz.md", "fuzz.txt"))
        count += 1
        try:
            check(data, path, rules)
        except Exception:  # noqa: BLE001 - any failure is a finding of the fuzzer
            failure = traceback.format_exc(limit=4)
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"crash-{seed}-{count}{Path(path).suffix}").write_bytes(data)
            return {"inputs": count, "seconds": time.perf_counter() - started, "failure": failure, "input": data}
        if rng.random() < 0.05 and len(pool) < 200:
            pool.append(data)  # keep some mutants: they mutate further
    return {"inputs": count, "seconds": time.perf_counter() - started, "failure": None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args()
    result = fuzz(args.seconds, args.seed, args.out)
    print(f"{result['inputs']} inputs in {result['seconds']:.1f} s ({result['inputs'] / result['seconds']:.0f}/s)")
    if result["failure"]:
        print(f"FAILURE (input saved in {args.out}/):\n{result['failure']}")
        return 1
    print("no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
