"""What installing kzlint costs, before and after a change, in one run.

    python benchmarks/install_size.py REF [REF ...]      e.g. 3fef2bb HEAD

For each git ref (or a folder, taken as it is): `git archive` it into a temporary folder, make
a fresh virtualenv, measure its site-packages (`du`), `pip install` the folder (the core
install, no extras), measure again, then time `kzlint --version` ten times (median, min, max)
and list the largest packages installed. Uses the package index like any first install;
nothing else is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 10


def megabytes(folder: Path) -> float:
    out = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python3*/site-packages"))


def source_of(ref: str, into: Path) -> Path:
    if Path(ref).is_dir():
        return Path(ref).resolve()
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def measure(ref: str, work: Path) -> dict:
    source = source_of(ref, work / "src")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    packages = site_packages(venv)
    empty = megabytes(packages)
    started = time.perf_counter()
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", str(source)],
                   check=True, stdout=subprocess.DEVNULL)
    install_s = time.perf_counter() - started
    full = megabytes(packages)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([str(venv / "bin" / "kzlint"), "--version"], check=True, capture_output=True, cwd=work)
        timings.append(time.perf_counter() - started)
    largest = sorted(((megabytes(p), p.name) for p in packages.iterdir()
                      if p.is_dir() and not p.name.endswith((".dist-info", "__pycache__"))), reverse=True)[:6]
    return {"ref": ref, "empty": empty, "added": full - empty, "install_s": install_s,
            "median": statistics.median(timings), "min": min(timings), "max": max(timings), "largest": largest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("refs", nargs="+", help="git refs of this repository, or folders")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="kzlint-install-") as tmp:
        for index, ref in enumerate(args.refs):
            rows.append(measure(ref, Path(tmp) / str(index)))
    print(f"{'ref':<14} {'added to venv':>14} {'kzlint --version (median of 10, min-max)':>42}")
    for row in rows:
        print(f"{row['ref']:<14} {row['added']:>11.1f} MB {row['median']:>20.3f} s ({row['min']:.3f}-{row['max']:.3f} s)")
    for row in rows:
        listed = ", ".join(f"{name} {size:.1f}" for size, name in row["largest"])
        print(f"{row['ref']}: largest (MB): {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
