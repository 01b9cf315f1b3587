"""Are two revisions' findings byte-identical? (issue 18: a speed change must not change any finding.)

    python benchmarks/identical.py 096e44a HEAD
    python benchmarks/identical.py 096e44a HEAD --inputs seeds bench10k

Each revision is checked out into a temporary git worktree and run as `python -m lint
--no-cache --exit-zero --format text .` (LanguageTool off) on: the seeds (corpus/, with their
own config), the dev corpus, dev-scraped's docs and clean bodies (../shared), and the benchmark
corpora of 1,000 and 10,000 articles (generated into --workdir). The outputs are compared byte
for byte; the first differing lines are printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NO_LANGUAGETOOL = 'languagetool:\n  mode: "off"\n'


def inputs(workdir: Path) -> dict[str, tuple[Path, Path | None]]:
    """name -> (folder to lint, config or None for the folder's own)."""
    config = workdir / "identical-nolt.yaml"
    config.write_text(NO_LANGUAGETOOL, encoding="utf-8")
    return {
        "seeds": (REPO / "corpus", None),
        "devcorpus": (SHARED / "dev-corpus", config),
        "scraped": (SHARED / "dev-scraped" / "docs", config),
        "clean": (SHARED / "dev-scraped" / "clean", config),
        "bench1k": (workdir / "corpus-1000", config),
        "bench10k": (workdir / "corpus-10000", config),
    }


def findings(tree: Path, folder: Path, config: Path | None) -> bytes:
    args = [sys.executable, "-m", "lint", "--no-cache", "--exit-zero", "--format", "text", "."]
    if config is not None:
        args[3:3] = ["--config", str(config)]
    done = subprocess.run(args, cwd=folder, capture_output=True, env={**os.environ, "PYTHONPATH": str(tree)})
    if done.returncode not in (0, 1):
        raise SystemExit(f"kzlint at {tree} failed on {folder}: {done.stderr.decode(errors='replace')[-2000:]}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--inputs", nargs="+", choices=["seeds", "devcorpus", "scraped", "clean", "bench1k", "bench10k"])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kzlint-bench"))
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in (1000, 10000):
        generate(size, args.workdir / f"corpus-{size}", 1)
    chosen = {name: spec for name, spec in inputs(args.workdir).items() if not args.inputs or name in args.inputs}
    different = 0
    with tempfile.TemporaryDirectory() as scratch:
        trees = []
        for revision in (args.before, args.after):
            tree = Path(scratch) / revision.replace("/", "_")
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), revision],
                           check=True, capture_output=True)
            trees.append(tree)
        try:
            for name, (folder, config) in chosen.items():
                old, new = (findings(tree, folder, config) for tree in trees)
                if old == new:
                    lines = old.count(b"\n")
                    print(f"{name}: identical ({lines:,} lines)", flush=True)
                    continue
                different += 1
                print(f"{name}: DIFFERENT", flush=True)
                for a, b in zip(old.splitlines(), new.splitlines()):
                    if a != b:
                        print(f"  - {a.decode(errors='replace')}\n  + {b.decode(errors='replace')}")
                        break
        finally:
            for tree in trees:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], capture_output=True)
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main())
