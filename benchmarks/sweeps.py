"""Cost per request against the number of routes, of dependencies declared, of middleware.

    python benchmarks/sweeps.py --family fastapi [--iterations N] [--sizes JSON]

Run by ``run.py`` once per round and peer: it builds each sweep's app (``sweep_apps.py``) at
each size in turn, times the request that app is built for, and prints JSON
``{kind: {size: µs per request}}``. ``report_sweeps`` interleaves the peers over rounds and
prints one table per sweep, with the largest size's cost relative to the smallest's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

SIZES = {"routes": [1, 100, 1000, 3000], "dependencies": [0, 1, 5, 20], "middleware": [0, 1, 5, 10]}
# Sizes a family is not built at, and why (said under the table).
LIMITS = {
    "litestar": (
        "routes",
        1000,
        "Litestar 2 re-validates its routing tree on every route registered: a 3,000-route app takes"
        " it over a minute to build, so its routes sweep stops at 1,000.",
    ),
}
TITLES = {
    "routes": "routes in the app (the last one requested), µs per request",
    "dependencies": "dependencies declared by the route, µs per request",
    "middleware": "pass-through ASGI middlewares stacked, µs per request",
}


async def affordable(call: Any, iterations: int, budget: float = 0.15) -> int:
    """At most ``iterations``, fewer where one request is slow (a linear router at 3,000
    routes), so that one timed batch lasts about ``budget`` seconds."""
    started = time.perf_counter()
    for _ in range(20):
        await call()
    per_call = (time.perf_counter() - started) / 20
    return max(20, min(iterations, int(budget / per_call)))


async def measure_family(family: str, sizes: dict[str, list[int]], iterations: int) -> dict[str, dict[str, float]]:
    from inprocess import http_call, measure
    from sweep_apps import REQUESTS, build

    results: dict[str, dict[str, float]] = {}
    for kind, kind_sizes in sizes.items():
        for size in kind_sizes:
            app = build(family, kind, size)
            call = http_call(app, "GET", REQUESTS[kind](size), b"", [], b"")
            count = await affordable(call, iterations)
            results.setdefault(kind, {})[str(size)] = await measure(call, 200, count)
            del app, call
            gc.collect()
    return results


def report_sweeps(peers: dict[str, Any], rounds: int, iterations: int, sizes: dict[str, list[int]] = SIZES) -> dict:
    from peers import measure_in

    names = list(peers)
    samples: dict[str, dict[str, dict[str, list[float]]]] = {name: {} for name in names}
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else list(reversed(names)):
            peer = peers[name]
            wanted = sizes_for(peer.family, sizes)
            arguments = ["--family", peer.family, "--iterations", iterations, "--sizes", json.dumps(wanted)]
            output = measure_in(peer.python, Path(__file__), *arguments)
            for kind, by_size in output.items():
                for size, micros in by_size.items():
                    samples[name].setdefault(kind, {}).setdefault(size, []).append(micros)
        print(f"  sweeps: round {round_number + 1}/{rounds} done", file=sys.stderr)
    medians = {
        name: {kind: {size: statistics.median(v) for size, v in by_size.items()} for kind, by_size in found.items()}
        for name, found in samples.items()
    }
    labels = {name: peer.label or name for name, peer in peers.items()}
    tables = [sweep_table(kind, kind_sizes, medians, labels) for kind, kind_sizes in sizes.items()]
    return {"medians": medians, "table": "\n\n".join(tables)}


def sizes_for(family: str, sizes: dict[str, list[int]]) -> dict[str, list[int]]:
    if family not in LIMITS:
        return sizes
    limited, most, _ = LIMITS[family]
    return {kind: [n for n in found if kind != limited or n <= most] for kind, found in sizes.items()}


def sweep_table(
    kind: str, sizes: list[int], medians: dict[str, dict[str, dict[str, float]]], labels: dict[str, str]
) -> str:
    """Rows of peers, columns of sizes; the last column compares the largest size a peer was
    measured at with the smallest ("-" marks a size it is not built at)."""
    header = f"| {TITLES[kind]} | " + " | ".join(f"{size:,}" for size in sizes) + " | largest / smallest |"
    lines = [header, "|---|" + "---:|" * (len(sizes) + 1)]
    for name, found in medians.items():
        by_size = found[kind]
        cells = " | ".join(f"{by_size[str(size)]:.1f}" if str(size) in by_size else "-" for size in sizes)
        measured = [by_size[str(size)] for size in sizes if str(size) in by_size]
        lines.append(f"| {labels[name]} | {cells} | {measured[-1] / measured[0]:.2f} |")
    notes = [note for limited, _, note in LIMITS.values() if limited == kind]
    return "\n".join(lines + ["", *notes] if notes else lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--family", required=True)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--sizes", default=json.dumps(SIZES))
    options = parser.parse_args()
    sizes = json.loads(options.sizes)
    print(json.dumps(asyncio.run(measure_family(options.family, sizes, options.iterations))))


if __name__ == "__main__":
    main()
