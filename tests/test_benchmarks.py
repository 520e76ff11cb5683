"""The benchmark tooling runs: every scenario answers as expected on this package and on the
hand-written Starlette app, and each measuring script prints what ``run.py`` reads.

Only this interpreter is used (no peer is installed) and each scenario is sent a handful of
requests: nothing here is timed or compared, the numbers are only checked to be numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SMALL_SIZES = {"routes": [1, 3], "dependencies": [0, 2], "middleware": [0, 2]}


def run_script(*arguments: object) -> dict:
    """Run a benchmark script from outside the repository, as ``run.py`` does, and read its JSON."""
    result = subprocess.run(
        [sys.executable, *map(str, arguments)],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def scenario_names() -> list[str]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from scenarios.requests import REQUESTS
    finally:
        sys.path.remove(str(BENCHMARKS))
    return list(REQUESTS)


@pytest.mark.parametrize("module", ["scenarios.app", "starlette_apps.app"])
def test_every_scenario_answers_its_expected_status(module: str) -> None:
    # inprocess.py exits non-zero when a scenario answers another status than expected
    found = run_script(BENCHMARKS / "inprocess.py", "--app", module, "--iterations", 3)
    assert list(found) == scenario_names()
    assert "3-deep yield dependencies" in found and "301st route" in found
    assert all(micros > 0 for micros in found.values())


@pytest.mark.parametrize("family", ["fastapi", "starlette"])
def test_the_sweeps_build_and_answer_at_every_size(family: str) -> None:
    arguments = ["--family", family, "--iterations", 3, "--sizes", json.dumps(SMALL_SIZES)]
    found = run_script(BENCHMARKS / "sweeps.py", *arguments)
    assert {kind: sorted(map(int, by_size)) for kind, by_size in found.items()} == SMALL_SIZES
    assert all(micros > 0 for by_size in found.values() for micros in by_size.values())


def test_the_memory_reading_counts_requests_and_bytes() -> None:
    found = run_script(
        BENCHMARKS / "memory.py", "--app", "scenarios.app", "--cycles", 3, "--task-history", 3
    )
    http_scenarios = len(scenario_names()) - 1  # the websocket one is not in a cycle
    assert found["requests per reading"] == 3 * http_scenarios
    assert found["RSS after warm-up (MB)"] > 0
    assert isinstance(found["traced growth (bytes per request)"], float)


def test_the_sweep_tables_mark_sizes_a_peer_is_not_built_at() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from sweeps import sweep_table
    finally:
        sys.path.remove(str(BENCHMARKS))
    medians = {
        "a": {"routes": {"1": 10.0, "100": 20.0}},
        "b": {"routes": {"1": 10.0}},
    }
    table = sweep_table("routes", [1, 100], medians, {"a": "A", "b": "B"})
    assert "| A | 10.0 | 20.0 | 2.00 |" in table
    assert "| B | 10.0 | - | 1.00 |" in table


def run_probe(probe: str) -> subprocess.CompletedProcess[str]:
    """``probe`` run by this interpreter with the benchmarks folder first on its path, from
    outside the repository (so ``import fastapi`` finds the installed package)."""
    result = subprocess.run(
        [sys.executable, "-c", probe, str(BENCHMARKS)],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_driver_and_the_startup_app_import_and_build() -> None:
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import run, peers, e2e, startup, routing;"
        "namespace = {}; exec(startup.app_source(40), namespace);"
        "print(len(namespace['app'].openapi()['paths']))"
    )
    result = run_probe(probe)
    assert int(result.stdout) == 40


def test_the_task_benchmark_measures_each_step_of_an_in_memory_task() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.tasks", "--steps", "--tasks", "20"],
        capture_output=True,
        text=True,
        cwd=BENCHMARKS.parent,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and "µs" not in line]
    steps = {
        cells[0]: (float(cells[1]), float(cells[2]))
        for cells in (line.strip("| ").split(" | ") for line in rows)
    }
    assert "add_task (one async no-op)" in steps and "run: sync no-op, in a worker thread" in steps
    assert "a response's tasks handed over and run (one sync no-op)" in steps
    assert len(steps) == 9 and all(thread > 0 and process > 0 for thread, process in steps.values())


def test_the_interleaved_driver_asks_every_peer_for_every_scenario() -> None:
    """``--clock cpu``'s driver: both local apps served by ``inprocess.py --serve``, asked a
    few batches at a time, each round's best per peer and scenario, their medians."""
    probe = (
        "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from peers import Peer; from interleave import in_process_interleaved;"
        "peers = {f: Peer(f, Path(sys.executable), f) for f in ('fastapi', 'starlette')};"
        "only = ['hello (async)', '422 failure', 'form post'];"
        "print(json.dumps(in_process_interleaved(peers, 2, 7, only, report=lambda line: None)))"
    )
    result = run_probe(probe)
    found = json.loads(result.stdout)
    assert list(found) == ["fastapi", "starlette"]
    for by_scenario in found.values():
        assert list(by_scenario) == ["hello (async)", "422 failure", "form post"]
        assert all(micros > 0 for micros in by_scenario.values())


def test_a_serving_measurer_warms_every_scenario_up_then_ends_with_its_input() -> None:
    """``--serve`` warms every scenario up (checking its status) before it says it is ready."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "inprocess.py"), "--app", "starlette_apps.app", "--serve"],
        input="",
        capture_output=True,
        text=True,
        cwd="/",
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == scenario_names()  # ready, then its input ended
