"""The mutational fuzzer (benchmarks/fuzz_parser.py) for a few seconds on every run.

Longer runs: `python benchmarks/fuzz_parser.py --seconds 600 --seed N`.
"""

from __future__ import annotations

import importlib.util

from hostile_helpers import MEASURED, REPO

SECONDS = 4.0


def test_fuzzing_decode_parse_and_rules_for_a_few_seconds_finds_no_failure():
    spec = importlib.util.spec_from_file_location("fuzz_parser", REPO / "benchmarks" / "fuzz_parser.py")
    fuzz_parser = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz_parser)
    result = fuzz_parser.fuzz(SECONDS, seed=7)
    MEASURED.append(("fuzz: mutated seeds through decode/parse/rules", result["seconds"], None, 0,
                     f"{result['inputs']} inputs, {'no failure' if not result['failure'] else 'FAILURE'}"))
    assert result["failure"] is None, (result["failure"], result.get("input", b"")[:300])
    assert result["inputs"] > 20
