"""What issue 13's furniture work costs per article, counted in CPU instructions (callgrind).

    python benchmarks/furniture_cpu.py                       # 1,000 articles, HEAD
    python benchmarks/furniture_cpu.py --size 10000 --before 3fef2bb

Seconds on this machine move by a third with the host's load, which hides a difference of a few
per cent; instructions do not move (PYTHONHASHSEED fixed). Three cold `--jobs 1` runs of the
benchmark corpus (LanguageTool off), each under `valgrind --tool=callgrind`, two at a time:

- *with*: the revision as it is;
- *without*: the same code with issue 13's work off: KZ102's model (`model: false`, its phrase
  lists stay, as before the issue), KZ504 ignored, and the prose rules' furniture skipping
  (`furniture_lines` answers "none" in a patched copy of `lint/`, made for this measurement only);
- *before* (optional): the revision before the issue, as a whole.

The cost is *with* minus *without*, over *without* and over *before*. Callgrind runs about 60x
slower than the code: 1,000 articles take 4 minutes, 10,000 take 40.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parents[1]
WITHOUT = 'ignore: [KZ504]\nrules:\n  boilerplate:\n    model: false\n'
STUB = '    return frozenset()  # measurement copy: the run without issue 13 (no furniture skipping)\n'


def instructions(tree: Path, corpus: Path, extra: str, name: str) -> int:
    """Instructions of one cold run of `tree`'s kzlint over `corpus` with `extra` config lines (the
    config sits beside the corpus, as the benchmark's: a corpus outside the project is refused)."""
    config = corpus.parent / f"furniture-cpu-{name}.yaml"
    cache = corpus.parent / f"furniture-cpu-{name}-cache"
    shutil.rmtree(cache, ignore_errors=True)
    config.write_text(f'corpus: {corpus.name}\ncache-dir: {cache.name}\nlanguagetool:\n  mode: "off"\n{extra}',
                      encoding="utf-8")
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               sys.executable, "-m", "lint", "--config", str(config), "--jobs", "1", "--exit-zero", "."]
    done = subprocess.run(command, cwd=corpus, capture_output=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"})
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{name}: no instruction count: {done.stderr.decode(errors='replace')[-1500:]}")
    return int(found.group(1))


def copy_of(revision: str, scratch: Path, name: str, stub: bool = False) -> Path:
    """`lint/` of a revision in its own folder, byte-compiled; `stub`: without furniture skipping."""
    tree = scratch / name
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "lint"], check=True, capture_output=True)
    tree.mkdir()
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    if stub:
        module = tree / "lint" / "text" / "page_furniture.py"
        text = module.read_text(encoding="utf-8")
        marker = '    """1-based numbers of the lines the model calls furniture from this document alone."""\n'
        if marker not in text:
            raise SystemExit("furniture_lines has changed: update the stub of benchmarks/furniture_cpu.py")
        module.write_text(text.replace(marker, marker + STUB), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
    return tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--revision", default="HEAD")
    parser.add_argument("--before", help="the revision before issue 13 (e.g. 3fef2bb), run as a whole")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kzlint-bench"))
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    corpus = args.workdir / f"corpus-{args.size}"
    generate(args.size, corpus, 1)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        runs = {"with": (copy_of(args.revision, scratch, "with"), ""),
                "without": (copy_of(args.revision, scratch, "without", stub=True), WITHOUT)}
        if args.before:
            runs["before"] = (copy_of(args.before, scratch, "before"), "")

        def measure(name: str) -> int:
            tree, extra = runs[name]
            return instructions(tree, corpus, extra, name)

        with ThreadPoolExecutor(2) as pool:
            counted = dict(zip(runs, pool.map(measure, runs)))
    for name, count in counted.items():
        print(f"{name:8s} {count / 1e9:8.2f} billion instructions")
    cost = counted["with"] - counted["without"]
    print(f"issue 13: +{cost / 1e9:.2f} billion, +{cost / counted['without']:.1%} of the run without it", end="")
    print(f", +{cost / counted['before']:.1%} of {args.before}'s run" if "before" in counted else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
