"""Benchmark kzlint on generated corpora of 1,000 / 10,000 (/ 100,000) articles, against proselint and Vale.

    python benchmarks/run.py                      # 1k and 10k, with proselint and Vale
    python benchmarks/run.py --sizes 1000 10000 100000

For each size: a cold run (empty cache), warm runs (cache present, nothing changed) and
pre-commit runs (one file changed, only that file on the command line, corpus rules on),
each a fresh `kzlint` process measured from outside; then pre-commit and warm runs again
through the daemon (`kzlint --daemon`, started first; their CPU and memory are the caller's
only, since the run is the daemon's child). Measured from outside: wall time, CPU time (user + system of
kzlint and its workers, from wait4's rusage), peak RSS of the largest process (rusage) and
peak proportional set size of the whole process tree (sampled from /proc every 20 ms).
The default rule set runs with LanguageTool off. proselint 0.16.0 runs on the 1k and 10k
corpora for the throughput ratio (installed into a venv under the work dir on first use), and
Vale (benchmarks/vale.py: built with `go install`, a style generated from kzlint's KZ1 lists).
The physical floor is measured first: reading the corpus from the page cache (which puts it
there for every tool measured after), and one RE2 pass over it with the boilerplate phrases
as one alternation.
Corpora, caches, configs and results live in --workdir, never in the repository.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from vale import vale_command, write_style  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PROSELINT_VERSION = "0.16.0"
PROSELINT_SIZES = (1000, 10000)
VALE_SIZES = (1000, 10000)


@dataclass
class Measure:
    scenario: str
    articles: int
    files_given: int
    wall: float
    cpu: float
    max_rss_mb: float  # largest single process (kzlint or one worker)
    tree_pss_mb: float  # sampled peak of the whole process tree, shared pages split between processes
    findings: int
    exit_code: int
    mb: float  # corpus megabytes the run covered
    steal: float  # seconds of CPU the hypervisor gave other guests during the run (all cores)

    @property
    def docs_per_s(self) -> float:
        return self.articles / self.wall

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.wall


# -- measuring one process ----------------------------------------------------------------------


def _tree(pid: int) -> list[int]:
    pids, stack = [], [pid]
    while stack:
        current = stack.pop()
        pids.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as handle:
                stack.extend(int(p) for p in handle.read().split())
        except OSError:
            continue
    return pids


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _steal_seconds() -> float:
    """CPU time the hypervisor has given other guests (/proc/stat "steal", all cores): a run that
    loses much of it was slowed by neighbours on the host, not by itself."""
    try:
        with open("/proc/stat") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_measured(cmd: list[str], cwd: Path, out: Path,
                 env: dict | None = None) -> tuple[float, float, float, float, int, str, float]:
    """Run cmd; (wall s, cpu s, max rss MB, peak tree PSS MB, exit code, stderr, steal s)."""
    peak = [0]
    done = threading.Event()
    stolen = _steal_seconds()
    with open(out, "wb") as stdout, open(out.with_suffix(".err"), "wb") as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=stderr, env={**os.environ, **(env or {})})

        def sample() -> None:  # every 100 ms at first, then every 250 ms: reading smaps costs CPU
            # too (at every 20 ms, a sixth of a core: it slowed the short runs it measured)
            while not done.wait(0.1 if time.perf_counter() - started < 2 else 0.25):
                peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # rusage of kzlint and every worker it waited for
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return (wall, cpu, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode,
            out.with_suffix(".err").read_text(errors="replace"), _steal_seconds() - stolen)


def count_findings(out: Path) -> int:
    count = 0
    with open(out, "rb") as handle:
        for line in handle:
            if b": warning[" in line or b": error[" in line or b": info[" in line:
                count += 1
    return count


# -- kzlint ---------------------------------------------------------------------------------------


SNAPSHOT: Path | None = None  # a copy of lint/ to run instead of the working tree (see --snapshot)


def kzlint_command() -> list[str]:
    if SNAPSHOT is not None:
        return [sys.executable, "-m", "lint"]
    script = shutil.which("kzlint")
    return [script] if script else [sys.executable, "-m", "lint"]


def take_snapshot(workdir: Path) -> Path:
    """Copy the package so that edits made in the tree during a long run do not mix versions."""
    target = workdir / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(REPO / "lint", target / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    # bytecode compiled once, as pip does at install time: otherwise a shell with
    # PYTHONDONTWRITEBYTECODE recompiles every module on every run (0.1 s of a one-file run)
    compileall.compile_dir(target / "lint", quiet=1)
    os.environ["PYTHONPATH"] = str(target) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return target


def write_config(workdir: Path, size: int) -> Path:
    config = workdir / f"kzlint-{size}.yaml"
    config.write_text(
        "# kzlint benchmark config: default rules, LanguageTool off.\n"
        f"corpus: corpus-{size}\n"
        f"cache-dir: cache-{size}\n"
        "languagetool:\n  mode: \"off\"\n",
        encoding="utf-8",
    )
    return config


def bench_kzlint(size: int, workdir: Path, corpus_mb: float, repeats: int, jobs: int | None) -> tuple[list[Measure], str]:
    corpus = workdir / f"corpus-{size}"
    config = write_config(workdir, size)
    shutil.rmtree(workdir / f"cache-{size}", ignore_errors=True)
    base = kzlint_command() + ["--config", str(config)] + (["--jobs", str(jobs)] if jobs else [])
    out = workdir / f"out-{size}.txt"
    measures: list[Measure] = []
    timing_table = ""

    daemon_dir = workdir / "daemon"  # the daemon's socket folder for --daemon runs (its own: mode 700)
    daemon_dir.mkdir(mode=0o700, exist_ok=True)
    daemon_env = {"KZLINT_DAEMON_DIR": str(daemon_dir)}

    def record(scenario: str, given: int, args: list[str], mb: float, timing: bool = False) -> None:
        nonlocal timing_table
        env = {**daemon_env, **({"KZLINT_TIMING": "1"} if timing else {})}
        wall, cpu, rss, pss, code, err, steal = run_measured(base + args, corpus, out, env)
        if code not in (0, 1):
            raise SystemExit(f"kzlint failed ({scenario}, {size}): exit {code}\n{err[-3000:]}")
        if timing:
            timing_table = err
        measures.append(Measure(scenario, size, given, wall, cpu, rss, pss, count_findings(out), code, mb, steal))
        print(f"  {scenario:<10} {size:>7,} articles: {wall:7.2f} s wall, {cpu:7.2f} s cpu, {steal:5.1f} s stolen, "
              f"{rss:6.0f} MB max RSS, {pss:6.0f} MB tree PSS, {measures[-1].findings:,} findings", flush=True)

    record("cold", size, ["."], corpus_mb, timing=True)
    for _ in range(repeats):
        record("warm", size, ["."], corpus_mb)
    files = sorted(p for p in corpus.rglob("*") if p.is_file())

    def one_file(scenario: str, options: list[str], edit: str) -> None:
        for attempt in range(repeats):
            target = files[(attempt * 7919 + size // 3) % len(files)]
            original = target.read_bytes()
            try:  # a real edit, new to the cache: a sentence with a figure, as a reporter would add
                target.write_bytes(original + f"\nAt least {attempt + 2} people were {edit}, police said.\n".encode())
                record(scenario, 1, options + [str(target.relative_to(corpus))], len(original) / 1e6)
            finally:
                target.write_bytes(original)

    one_file("one-file", [], "arrested")
    # the same through the daemon (kzlint --daemon): started first, as a pre-commit user would
    subprocess.run(kzlint_command() + ["daemon", "start"], cwd=workdir, env={**os.environ, **daemon_env}, check=True,
                   capture_output=True)
    try:
        one_file("one-file --daemon", ["--daemon"], "detained")
        for _ in range(repeats):
            record("warm --daemon", size, ["--daemon", "."], corpus_mb)
    finally:
        subprocess.run(kzlint_command() + ["daemon", "stop"], cwd=workdir, env={**os.environ, **daemon_env},
                       capture_output=True)
    return measures, timing_table


# -- proselint ------------------------------------------------------------------------------------


def proselint_command(workdir: Path) -> list[str] | None:
    """proselint 0.16.0 from a venv in the work dir, installed on first use; None when impossible."""
    venv = workdir / "proselint-venv"
    binary = venv / "bin" / "proselint"
    if not binary.exists():
        print(f"installing proselint=={PROSELINT_VERSION} into {venv} ...", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"proselint=={PROSELINT_VERSION}"],
                           check=True, capture_output=True, timeout=600)
        except (subprocess.SubprocessError, OSError) as exc:
            print(f"skipping proselint: cannot install it ({exc})", flush=True)
            return None
    version = subprocess.run([str(binary), "version"], capture_output=True, text=True)
    if PROSELINT_VERSION not in version.stdout + version.stderr:
        print(f"skipping proselint: {binary} is not {PROSELINT_VERSION}", flush=True)
        return None
    return [str(binary), "check"]


def bench_proselint(command: list[str], size: int, workdir: Path, corpus_mb: float) -> Measure:
    out = workdir / f"proselint-{size}.txt"
    wall, cpu, rss, pss, code, err, steal = run_measured(command + ["."], workdir / f"corpus-{size}", out)
    findings = sum(1 for _ in open(out, "rb"))
    print(f"  proselint  {size:>7,} articles: {wall:7.2f} s wall, {cpu:7.2f} s cpu, {steal:5.1f} s stolen, {rss:6.0f} MB max RSS, "
          f"{findings:,} findings", flush=True)
    return Measure("proselint", size, size, wall, cpu, rss, pss, findings, code, corpus_mb, steal)


def bench_vale(command: list[str], ini: Path, size: int, workdir: Path, corpus_mb: float) -> Measure:
    out = workdir / f"vale-{size}.txt"
    wall, cpu, rss, pss, code, err, steal = run_measured(command + ["--config", str(ini), "--output=line", "."],
                                                         workdir / f"corpus-{size}", out)
    if code not in (0, 1):
        raise SystemExit(f"Vale failed ({size}): exit {code}\n{err[-3000:]}")
    findings = sum(1 for _ in open(out, "rb"))
    print(f"  vale       {size:>7,} articles: {wall:7.2f} s wall, {cpu:7.2f} s cpu, {steal:5.1f} s stolen, {rss:6.0f} MB max RSS, "
          f"{findings:,} findings", flush=True)
    return Measure("vale", size, size, wall, cpu, rss, pss, findings, code, corpus_mb, steal)


def physical_floor(size: int, workdir: Path) -> dict[str, float]:
    """Seconds to read every file of the corpus (page cache warm) and to run one RE2 pass over each,
    measured in a forked process: one holding the corpus's text (330 MB at 100k, kept by Python's
    allocator after use) would pass it on, since Linux counts the memory a process had when it
    forked in its child's max RSS, to every tool started after it (even /bin/true's)."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(1, mp_context=get_context("fork")) as pool:
        return pool.submit(_measure_floor, size, workdir).result()


def _measure_floor(size: int, workdir: Path) -> dict[str, float]:
    import re2

    from vale import kzlint_phrase_rules

    files = sorted(p for p in (workdir / f"corpus-{size}").rglob("*") if p.is_file())
    for path in files:  # warm the page cache
        path.read_bytes()
    started = time.perf_counter()
    texts = [path.read_bytes().decode("utf-8", "replace") for path in files]
    read = time.perf_counter() - started
    pattern = re2.compile("(?i)" + "|".join(kzlint_phrase_rules()["Boilerplate"]["tokens"]))
    started = time.perf_counter()
    hits = sum(1 for text in texts for _ in pattern.finditer(text))
    scan = time.perf_counter() - started
    print(f"  floor      {size:>7,} articles: read {read:.2f} s, one RE2 pass {scan:.2f} s ({hits:,} hits), one core", flush=True)
    return {"read_s": read, "re2_pass_s": scan}


# -- report ---------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1]) / 1024 ** 2
    except (OSError, StopIteration):
        memory = 0
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    rules = subprocess.run(kzlint_command() + ["rules"], capture_output=True, text=True, cwd="/")
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(memory, 1), "python": platform.python_version(),
            "os": platform.platform(), "kzlint_commit": commit.stdout.strip(),
            "rules_listed": sum(1 for line in rules.stdout.splitlines() if line.startswith("KZ"))}


def table(measures: list[Measure]) -> str:
    rows = ["| scenario | articles | files given | wall s | CPU s | steal s | max RSS MB | tree PSS MB | docs/s | MB/s | findings |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    groups: dict[tuple[str, int], list[Measure]] = {}
    for m in measures:
        groups.setdefault((m.scenario, m.articles), []).append(m)
    for (scenario, size), runs in groups.items():
        m = sorted(runs, key=lambda r: r.wall)[len(runs) // 2]  # the median run
        note = f" (median of {len(runs)})" if len(runs) > 1 else ""
        whole = scenario in ("cold", "warm", "warm --daemon", "proselint", "vale")
        per_s = f"{m.docs_per_s:,.0f}" if whole else "-"
        mb_s = f"{m.mb_per_s:.2f}" if whole else "-"
        rows.append(f"| {scenario}{note} | {size:,} | {m.files_given:,} | {m.wall:.2f} | {m.cpu:.2f} | {m.steal:.1f} | {m.max_rss_mb:.0f} | "
                    f"{m.tree_pss_mb:.0f} | {per_s} | {mb_s} | {m.findings:,} |")
    return "\n".join(rows)


def corpus_check_seconds(timing_table: str) -> float | None:
    for line in timing_table.splitlines():
        parts = line.split()
        if parts and parts[0] == "corpus-check":
            return float(parts[1])
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (add 100000 for the full run)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/kzlint-bench"), help="where corpora, caches and results go")
    parser.add_argument("--repeats", type=int, default=3, help="warm and one-file runs per size (the median is reported)")
    parser.add_argument("--jobs", type=int, help="kzlint --jobs (default: all cores)")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument("--no-vale", action="store_true", help="skip the Vale comparison")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--snapshot", action="store_true", help="run a copy of lint/ taken at start (others may edit the tree)")
    args = parser.parse_args(argv)
    workdir = args.workdir.resolve()
    if workdir == REPO or REPO in workdir.parents:
        parser.error("--workdir must be outside the repository")
    workdir.mkdir(parents=True, exist_ok=True)

    if args.snapshot:
        global SNAPSHOT
        SNAPSHOT = take_snapshot(workdir)
    info = machine()
    print(f"machine: {info}", flush=True)
    proselint = None if args.no_proselint else proselint_command(workdir)
    vale = None if args.no_vale else vale_command(workdir)
    if vale:
        vale_ini, vale_rules, vale_tokens = write_style(workdir)
        print(f"Vale style: {vale_rules} rules, {vale_tokens} tokens, from kzlint's KZ1 defaults ({vale_ini})", flush=True)
    measures: list[Measure] = []
    timings: dict[int, str] = {}
    ratios: dict[int, float] = {}
    vale_ratios: dict[int, float] = {}
    floors: dict[int, dict[str, float]] = {}
    for size in args.sizes:
        started = time.perf_counter()
        stamp = generate(size, workdir / f"corpus-{size}", args.seed)
        mb = stamp["bytes"] / 1e6
        print(f"corpus-{size}: {size:,} articles, {mb:.1f} MB (ready in {time.perf_counter() - started:.1f} s)", flush=True)
        # first: it reads the corpus into the page cache, so that no tool reads it from disk (a
        # corpus reused from an earlier run may have left it: 100,000 files take 100 s here)
        floors[size] = physical_floor(size, workdir)
        kz, timings[size] = bench_kzlint(size, workdir, mb, args.repeats, args.jobs)
        measures.extend(kz)
        if proselint and size in PROSELINT_SIZES:
            ps = bench_proselint(proselint, size, workdir, mb)
            measures.append(ps)
            ratios[size] = kz[0].docs_per_s / ps.docs_per_s
        if vale and size in VALE_SIZES:
            vm = bench_vale(vale, vale_ini, size, workdir, mb)
            measures.append(vm)
            vale_ratios[size] = kz[0].docs_per_s / vm.docs_per_s

    print("\n" + table(measures))
    for size, ratio in ratios.items():
        print(f"kzlint cold throughput / proselint throughput at {size:,} articles: {ratio:.1f}x")
    for size, ratio in vale_ratios.items():
        print(f"kzlint cold throughput / Vale throughput at {size:,} articles: {ratio:.1f}x "
              f"(kzlint: 25 rules incl. corpus rules; Vale: {vale_rules} existence/repetition rules from KZ1's lists)")
    for size, floor in floors.items():
        print(f"physical floor at {size:,} articles (one core): read {floor['read_s']:.2f} s, one RE2 pass {floor['re2_pass_s']:.2f} s")
    print("\ncorpus-rule check (whole corpus, cold run): " + ", ".join(
        f"{size:,}: {corpus_check_seconds(t) or 0:.2f} s" for size, t in timings.items()))
    for size, text in timings.items():
        print(f"\nper-rule timing, cold run, {size:,} articles (KZLINT_TIMING=1; seconds summed over workers):\n{text.strip()}")
    results = {"machine": info, "measures": [asdict(m) | {"docs_per_s": m.docs_per_s, "mb_per_s": m.mb_per_s} for m in measures],
               "proselint_ratio": ratios, "vale_ratio": vale_ratios, "floor": floors, "timings": timings}
    saved = workdir / f"results-{'-'.join(str(s) for s in args.sizes)}.json"
    saved.write_text(json.dumps(results, indent=2))
    print(f"\nresults: {saved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
