"""Benchmark this package against FastAPI 0.116.1, the newest FastAPI, Litestar 2 and Starlette.

    make bench     # .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py [--rounds 5] [--iterations 2000] [--only SCENARIO]... [--clock cpu]
        [--skip in-process,sweeps,memory,startup,e2e] [--refresh]

Peers (``peers.py``), each in an interpreter of its own: FastAPI 0.116.1 (on Starlette
0.47.3), the newest FastAPI, the newest Litestar 2.x, the scenarios written by hand on
Starlette 1.x, and this package on Starlette 1.x (the project's ``.venv``) and on Starlette
0.47.3. Ratios against FastAPI 0.116.1 use this package on Starlette 0.47.3, as it runs;
every other ratio uses this package on Starlette 1.x, as the newest FastAPI and the
hand-written app run.

Sections, each interleaving the peers over rounds in alternating order and reporting medians:
in process (``inprocess.py``), the sweeps (``sweeps.py``), memory per request
(``memory.py``), a 1,000-route app's start-up (``startup.py``) and end to end (``e2e.py``).
The report, with the machine described, is printed and written to ``BENCH_VENVS/report.md``;
raw numbers to ``BENCH_VENVS/results.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peers import LITESTAR, NEWEST, OURS, OURS_047, STARLETTE, UPSTREAM, VENVS, Peer  # noqa: E402

SECTIONS = ("in-process", "sweeps", "memory", "startup", "e2e")
# (numerator, denominator, heading): the ratio columns of the in-process table
RATIOS = [
    (OURS, STARLETTE, "ours / Starlette"),
    (NEWEST, OURS, "newest FastAPI / ours"),
    (LITESTAR, OURS, "Litestar / ours"),
    (UPSTREAM, OURS_047, "FastAPI 0.116.1 / ours (0.47.3)"),
]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def commit() -> str:
    """The commit this package was measured at (with a mark when the worktree differs)."""
    try:
        head = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(HERE), "status", "--porcelain", "--", "fastapi"], capture_output=True)
    except OSError:
        return "unknown"
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def describe_machine(peers: dict[str, Peer], found: dict[str, dict[str, str]]) -> str:
    libraries = ["fastapi", "litestar", "starlette", "pydantic", "pydantic-core", "uvicorn"]
    lines = [
        f"Machine: {os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()},"
        f" Python {found[OURS]['python']}; this package at commit {commit()}"
        f" ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}); load average at the start"
        f" {', '.join(f'{load:.1f}' for load in os.getloadavg())} (1, 5, 15 min: other work skews the numbers).",
        "",
        f"Command: `{' '.join(['.venv/bin/python benchmarks/run.py', *sys.argv[1:]])}`",
        "",
        "| peer | " + " | ".join(libraries) + " |",
        "|---|" + "---|" * len(libraries),
    ]
    for name, peer in peers.items():
        shown = {k: v for k, v in found[name].items() if peer.family != "starlette" or k != "fastapi"}
        cells = " | ".join(shown.get(library, "-") for library in libraries)
        lines.append(f"| {peer.label} | {cells} |")
    return "\n".join(lines)


def in_process(
    peers: dict[str, Peer], rounds: int, iterations: int, only: list[str], clock: str = "wall"
) -> dict[str, dict[str, float]]:
    """peer -> scenario -> median µs per request over rounds; CPU time is measured with the
    peers interleaved batch by batch (``interleave.py``), wall time one peer at a time."""
    from peers import measure_in

    if clock == "cpu":
        from interleave import in_process_interleaved

        return in_process_interleaved(peers, rounds, iterations, only, report=progress)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in peers}
    selection = [argument for scenario in only for argument in ("--only", scenario)]
    for round_number in range(rounds):
        order = list(peers.values())
        if round_number % 2:
            order.reverse()  # alternate the order so that drift hits everyone alike
        for peer in order:
            script = HERE / "inprocess.py"
            output = measure_in(
                peer.python, script, "--app", peer.module, "--iterations", iterations, "--clock", clock, *selection
            )
            for scenario, micros in output.items():
                samples[peer.name].setdefault(scenario, []).append(micros)
        print(f"  in process: round {round_number + 1}/{rounds} done", file=sys.stderr)
    return {name: {s: statistics.median(v) for s, v in found.items()} for name, found in samples.items()}


def progress(line: str) -> None:
    print(line, file=sys.stderr)


def geometric_mean(values: list[float]) -> float:
    return math.exp(sum(math.log(value) for value in values) / len(values)) if values else float("nan")


def report_in_process(peers: dict[str, Peer], medians: dict[str, dict[str, float]]) -> str:
    """One row per scenario: µs per request for every peer, then the ratio columns ("-"
    where a peer did not run the scenario); geometric means of the ratios below."""
    ratio_names = [heading for _, _, heading in RATIOS]
    header = "| scenario, µs per request | " + " | ".join(peer.label for peer in peers.values())
    lines = [header + " | " + " | ".join(ratio_names) + " |", "|---|" + "---:|" * (len(peers) + len(RATIOS))]
    ratios: list[list[float]] = [[] for _ in RATIOS]
    for scenario in medians[OURS]:
        cells = [f"{medians[name][scenario]:.1f}" if scenario in medians[name] else "-" for name in peers]
        for column, (top, bottom, _) in enumerate(RATIOS):
            if scenario in medians[top] and scenario in medians[bottom]:
                ratio = medians[top][scenario] / medians[bottom][scenario]
                ratios[column].append(ratio)
                cells.append(f"{ratio:.2f}")
            else:
                cells.append("-")
        lines.append(f"| {scenario} | " + " | ".join(cells) + " |")
    means = " | ".join(f"{geometric_mean(found):.2f}" for found in ratios)
    lines.append("| geometric mean |" + " |" * len(peers) + f" {means} |")
    return "\n".join(lines)


def run_section(name: str, peers: dict[str, Peer], options: argparse.Namespace) -> tuple[str, dict]:
    """One section's (title, {"medians", "table"}); the later sections run fewer rounds."""
    later_rounds = (options.rounds + 1) // 2
    if name == "in-process":
        medians = in_process(peers, options.rounds, options.iterations, options.only, options.clock)
        title = "In process (ASGI calls, no sockets; medians of interleaved rounds)"
        if options.clock == "cpu":
            title = (
                "In process (ASGI calls, no sockets; CPU time, best 20-request batch, peers interleaved;"
                " medians of rounds)"
            )
        return title, {"medians": medians, "table": report_in_process(peers, medians)}
    if name == "sweeps":
        from sweeps import report_sweeps

        found = report_sweeps(peers, later_rounds, options.iterations // 2)
        return "Sweeps: cost against routes, dependencies, middleware", found
    if name == "memory":
        from memory import report_memory

        return "Memory per request", report_memory(peers, cycles=200)
    if name == "startup":
        from startup import report_startup

        found = report_startup(peers, options.rounds, options.clock)
        title = "1,000-route app: import + build, first request, memory, OpenAPI document"
        return title + (" (CPU time)" if options.clock == "cpu" else ""), found
    from e2e import report_e2e

    found = report_e2e(peers, later_rounds, options.e2e_seconds)
    return "End to end (uvicorn on loopback, wrk; requests per second)", found


def parse_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="in process: wall time (best of three batches) or the thread's CPU time (best of many short ones);"
        " start-up: elapsed or CPU time of each fresh interpreter",
    )
    parser.add_argument("--only", action="append", default=[], help="in-process scenario to run (repeatable)")
    parser.add_argument("--skip", default="", help=f"comma-separated sections to skip: {', '.join(SECTIONS)}")
    parser.add_argument("--e2e-seconds", type=int, default=4)
    parser.add_argument("--refresh", action="store_true", help="reinstall every peer (the newest releases)")
    options = parser.parse_args()
    options.skipped = set(filter(None, options.skip.split(",")))
    if options.skipped - set(SECTIONS):
        parser.error(f"unknown sections: {', '.join(sorted(options.skipped - set(SECTIONS)))}")
    return options


def main() -> None:
    options = parse_options()
    from peers import labelled, peers, refresh, versions

    if options.refresh:
        refresh()
    found_peers = peers()
    found = {name: versions(peer) for name, peer in found_peers.items()}
    ready = {name: labelled(peer, found[name]) for name, peer in found_peers.items()}
    report = [describe_machine(ready, found)]
    results: dict[str, object] = {"versions": found}
    print(report[0], flush=True)
    for name in SECTIONS:
        if name in options.skipped:
            continue
        started = time.monotonic()
        title, section = run_section(name, ready, options)
        results[name] = section["medians"]
        report.extend([f"## {title}", section["table"]])
        print(f"\n## {title}\n\n{section['table']}", flush=True)
        print(f"  ({name}: {time.monotonic() - started:.0f} s)", file=sys.stderr)

    (VENVS / "results.json").write_text(json.dumps(results, indent=1))
    (VENVS / "report.md").write_text("\n\n".join(report) + "\n")
    print(f"\n(report: {VENVS / 'report.md'}; raw numbers: {VENVS / 'results.json'})")


if __name__ == "__main__":
    main()
