"""Time per byte at 200 KB and at 800 KB for every hostile shape of issue 17: linear work grows 4x,
quadratic work 16x. The existing size probes (5 KB -> 20 KB) miss quadratic paths because
start-up dominates them; at these sizes the work itself does.

All cases run in one process (tests/hostile/complexity_driver.py: `python -m lint` through
runpy, start-up paid once by a warm-up case) and are measured in CPU seconds of that process,
so that neighbours on a shared machine do not count. A case over its CPU budget is stopped and
named. Budget for the whole test: under a minute.
"""

from __future__ import annotations

from pathlib import Path


from hostile_helpers import MEASURED, run_batch
from shapes import SHAPES

SMALL, LARGE = 200_000, 800_000
MAX_GROWTH = 8.0  # 4x is linear; n log n is ~4.5x; quadratic is 16x
CPU_BUDGET = 20.0  # seconds for one case: 800 KB of the slowest shape takes ~3 s when linear
DRIVER = Path(__file__).with_name("complexity_driver.py")
REPO = Path(__file__).resolve().parents[2]


def case(root: Path, name: str, file: str, text: str) -> dict:
    folder = root / "".join(c if c.isalnum() else "-" for c in name)
    folder.mkdir()
    (folder / "rules.yaml").write_text("custom-rules: []\nlanguagetool: {mode: 'off'}\n", encoding="utf-8")
    (folder / file).write_text(text, encoding="utf-8")
    return {"name": name, "cwd": str(folder), "args": ["--no-cache", "--jobs", "1", file], "cpu_limit": CPU_BUDGET}


def test_every_hostile_shape_is_linear_from_200_kb_to_800_kb(tmp_path):
    cases = [case(tmp_path, "warm-up", "a.txt", "Headline\n\nPolice said 3 people were killed on Monday.\n")]
    for shape, make in SHAPES.items():
        for size in (SMALL, LARGE):
            cases.append(case(tmp_path, f"{shape} {size // 1000} KB", *make(size)))
    runs = run_batch(DRIVER, cases, tmp_path, timeout=600)
    problems = {}
    for shape in SHAPES:
        small, large = runs[f"{shape} {SMALL // 1000} KB"], runs[f"{shape} {LARGE // 1000} KB"]
        for run in (small, large):
            assert "Traceback" not in run["err"] and "internal error" not in run["err"], (shape, run["err"])
        if small["code"] == -1 or large["code"] == -1:
            problems[shape] = f"over the {CPU_BUDGET:.0f} s CPU budget ({small['cpu']:.1f} s, {large['cpu']:.1f} s)"
            continue
        growth = large["cpu"] / max(small["cpu"], 0.05)
        MEASURED.append((f"complexity: {shape}, 200 KB -> 800 KB", large["cpu"], large["peak_kb"], large["code"],
                         f"{small['cpu']:.2f} s -> {large['cpu']:.2f} s CPU (x{growth:.1f})"))
        if growth > MAX_GROWTH and large["cpu"] > 0.5:
            problems[shape] = f"{small['cpu']:.2f} s -> {large['cpu']:.2f} s CPU (x{growth:.1f})"
        assert large["code"] in (0, 1), (shape, large["code"], large["err"])
    assert not problems, f"super-linear from 200 KB to 800 KB: {problems}"
