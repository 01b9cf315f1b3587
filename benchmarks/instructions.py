"""Per-document CPU instructions of a cold run, revision against revision (callgrind).

    python benchmarks/instructions.py HEAD~1 HEAD           # 300 articles
    python benchmarks/instructions.py HEAD .                # "." is the working tree, uncommitted changes included
    python benchmarks/instructions.py --size 1000 5df93af HEAD

Seconds on this two-core host move by 10-30% with its load, which hides a change of a few per
cent; instruction counts repeat to within a few hundred (PYTHONHASHSEED fixed), whatever else
runs. Each revision's `lint/` makes one cold `--jobs 1` run over the benchmark corpus and one over
a corpus of one article (start-up: imports, tables, patterns), under `valgrind --tool=callgrind`,
two at a time; per document is (corpus run - start-up) / articles. Callgrind runs about 60x
slower than the code: 300 articles take 3 minutes a revision.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from furniture_cpu import REPO, copy_of, instructions
from generate import generate


def tree_of(revision: str, scratch: Path, name: str) -> Path:
    """`lint/` of a revision, or of the working tree ("."), in its own folder, byte-compiled."""
    if revision != ".":
        return copy_of(revision, scratch, name)
    tree = scratch / name
    shutil.copytree(REPO / "lint", tree / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="+", help="git revisions; the first is the one the others are compared with")
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kzlint-bench"))
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    corpora = {"corpus": args.workdir / f"corpus-{args.size}", "start-up": args.workdir / "corpus-1"}
    generate(args.size, corpora["corpus"], 1)
    generate(1, corpora["start-up"], 1)
    with tempfile.TemporaryDirectory() as folder:
        trees = {revision: tree_of(revision, Path(folder), f"tree-{number}") for number, revision in enumerate(args.revisions)}
        runs = [(revision, kind) for revision in args.revisions for kind in corpora]

        def measure(run: tuple[str, str]) -> int:
            revision, kind = run
            return instructions(trees[revision], corpora[kind], "", f"instructions-{args.revisions.index(revision)}-{kind}")

        with ThreadPoolExecutor(2) as pool:
            counted = dict(zip(runs, pool.map(measure, runs), strict=True))
    first = None
    for revision in args.revisions:
        total, start_up = counted[revision, "corpus"], counted[revision, "start-up"]
        per_document = (total - start_up) / args.size
        first = first or per_document
        print(f"{revision:12s} {total / 1e9:7.3f} billion in all, start-up {start_up / 1e9:6.3f} billion, "
              f"{per_document / 1e6:7.2f} million a document ({per_document / first - 1:+.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
