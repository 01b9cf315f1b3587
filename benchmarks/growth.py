"""Time and memory growth of one big file (issue 17): 1 / 5 / 10 / 20 MB of normal lines, of prose on
one line, and of a figure-dense line, each linted alone by a fresh `python -m lint` process.

    python benchmarks/growth.py [--sizes 1,5,10,20] [--shapes "normal lines,prose on one line,figure-dense line"]
                                [--cpu-limit 150] [--out table.md]

The shapes are those of the hostile suite (tests/hostile/shapes.py). Each run gets a folder of
its own with `max-file-size: 30000000` (above the default limit) and LanguageTool off. Reported
per run: CPU seconds of the process, wall seconds (start-up included, as a user sees it), peak
resident memory (VmHWM) and the number of findings. A run over `--cpu-limit` CPU seconds is
stopped and shown as "> limit"; the larger sizes of that shape are then skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))

from shapes import SHAPES  # noqa: E402

DRIVER = REPO / "tests" / "hostile" / "complexity_driver.py"
CONFIG = "custom-rules: []\nlanguagetool: {mode: 'off'}\nmax-file-size: 30000000\n"
MB = 1_000_000


def measure(shape: str, size: int, cpu_limit: float, work: Path) -> dict:
    folder = work / f"{shape.replace(' ', '-')}-{size}"
    folder.mkdir()
    name, text = SHAPES[shape](size)
    (folder / "rules.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    del text
    cases = [{"name": "run", "cwd": str(folder), "args": ["--no-cache", "--jobs", "1", "--statistics", name],
              "cpu_limit": cpu_limit}]
    (folder / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
           "KZLINT_CACHE_DIR": str(folder / "cache")}
    started = time.perf_counter()
    subprocess.run([sys.executable, str(DRIVER), str(folder / "cases.json"), str(folder / "results.jsonl")],
                   env=env, check=True, timeout=cpu_limit * 10 + 600)
    wall = time.perf_counter() - started
    result = [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines()][-1]
    findings = sum(int(line.split()[0]) for line in result["out"].splitlines() if line.strip()[:1].isdigit())
    (folder / name).unlink()
    return {"shape": shape, "mb": size // MB, "cpu": result["cpu"], "wall": wall, "peak_mb": result["peak_kb"] / 1024,
            "findings": findings, "stopped": result["code"] == -1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5,10,20")
    parser.add_argument("--shapes", default="normal lines,prose on one line,figure-dense line")
    parser.add_argument("--cpu-limit", type=float, default=150)
    parser.add_argument("--out", help="also append the table to this file")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kzlint-growth-") as work:
        for shape in args.shapes.split(","):
            for size in (int(float(s) * MB) for s in args.sizes.split(",")):
                row = measure(shape, size, args.cpu_limit, Path(work))
                rows.append(row)
                limit = f"> {args.cpu_limit:.0f} (stopped)" if row["stopped"] else f"{row['cpu']:.1f}"
                line = (f"| {shape} | {row['mb']} MB | {limit} | {row['wall']:.1f} | {row['peak_mb']:.0f} MB | "
                        f"{row['findings']} |")
                print(line, flush=True)
                if args.out:
                    with open(args.out, "a", encoding="utf-8") as out:
                        out.write(line + "\n")
                if row["stopped"]:
                    break


if __name__ == "__main__":
    main()
