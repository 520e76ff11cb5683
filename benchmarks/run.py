"""Benchmark this package against the published FastAPI 0.116.1 and hand-written Starlette.

    .venv/bin/python benchmarks/run.py [--rounds 5] [--iterations 2000] [--skip-e2e] [--skip-startup]

Implementations (each in its own interpreter, so each imports its own ``fastapi``):

- ``fastapi 0.116.1``: the published package, in a throwaway venv (Starlette 0.47.3);
- ``ours``: this package on the same Starlette 0.47.3, in another throwaway venv;
- ``ours (starlette 1.x)``: this package in the project's ``.venv``;
- ``starlette``: the same scenarios written by hand on Starlette 0.47.3 (the floor).

In-process rounds interleave the implementations; the table shows medians over rounds,
speedups over FastAPI and their geometric mean, and the ratio to hand-written Starlette.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENVS = Path(os.environ.get("BENCH_VENVS", "/tmp/fastapi-bench"))
REGISTRY_OPTIONS = ["--quiet", "--disable-pip-version-check"]


def python_of(env: Path) -> Path:
    return env / "bin" / "python"


def ensure_venv(name: str, requirements: list[str]) -> Path:
    """A virtualenv under ``VENVS`` with ``requirements`` installed (reused when present)."""
    env = VENVS / name
    stamp = env / ".requirements"
    wanted = "\n".join(requirements)
    if stamp.exists() and stamp.read_text() == wanted:
        return python_of(env)
    if env.exists():
        shutil.rmtree(env)
    venv.create(env, with_pip=True)
    subprocess.run([python_of(env), "-m", "pip", "install", *REGISTRY_OPTIONS, *requirements], check=True)
    stamp.write_text(wanted)
    return python_of(env)


def implementations() -> dict[str, tuple[Path, str]]:
    """name -> (interpreter, app module)."""
    extras = ["python-multipart", "uvicorn", "httptools"]
    upstream = ensure_venv("upstream-0.116.1", ["fastapi==0.116.1", *extras])
    ours = ensure_venv("ours-starlette-0.47.3", [f"-e{ROOT}", "starlette==0.47.3", *extras])
    impls = {
        "fastapi 0.116.1": (upstream, "scenarios.app"),
        "ours": (ours, "scenarios.app"),
        "starlette": (upstream, "starlette_apps.app"),
    }
    local = ROOT / ".venv" / "bin" / "python"
    if local.exists():
        impls["ours (starlette 1.x)"] = (local, "scenarios.app")
    return impls


def measure_in(python: Path, *arguments: object) -> dict[str, float]:
    """Run a measuring script in another interpreter (outside the repository, so that it
    imports that interpreter's own ``fastapi``) and read the JSON object it prints."""
    output = subprocess.run(
        [python, *map(str, arguments)], check=True, capture_output=True, text=True, cwd="/"
    ).stdout
    return dict(json.loads(output))


def in_process(rounds: int, iterations: int) -> dict[str, dict[str, float]]:
    impls = implementations()
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in impls}
    for round_number in range(rounds):
        order = list(impls.items())
        if round_number % 2:
            order.reverse()  # alternate the order so that drift hits everyone alike
        for name, (python, module) in order:
            output = measure_in(python, HERE / "inprocess.py", "--app", module, "--iterations", str(iterations))
            for scenario, micros in output.items():
                samples[name].setdefault(scenario, []).append(micros)
        print(f"  round {round_number + 1}/{rounds} done", file=sys.stderr)
    return {name: {s: statistics.median(v) for s, v in found.items()} for name, found in samples.items()}


def report_in_process(medians: dict[str, dict[str, float]]) -> str:
    upstream, ours, floor = medians["fastapi 0.116.1"], medians["ours"], medians["starlette"]
    ours_new = medians.get("ours (starlette 1.x)", {})
    lines = [
        "| scenario | FastAPI 0.116.1 µs | ours µs | speedup | ours on Starlette 1.x µs | Starlette µs | ours / Starlette |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    speedups = []
    for scenario in upstream:
        speedup = upstream[scenario] / ours[scenario]
        speedups.append(speedup)
        new = f"{ours_new[scenario]:.1f}" if scenario in ours_new else "-"
        lines.append(
            f"| {scenario} | {upstream[scenario]:.1f} | {ours[scenario]:.1f} | {speedup:.2f}x | {new} |"
            f" {floor[scenario]:.1f} | {ours[scenario] / floor[scenario]:.2f} |"
        )
    geomean = math.exp(sum(math.log(s) for s in speedups) / len(speedups))
    lines.append(f"\nGeometric mean speedup over FastAPI 0.116.1: **{geomean:.2f}x**")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--skip-e2e", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    options = parser.parse_args()

    print("## In-process (ASGI calls, no sockets; medians of interleaved rounds)\n")
    medians = in_process(options.rounds, options.iterations)
    print(report_in_process(medians))
    results: dict[str, object] = {"in_process": medians}

    if not options.skip_startup:
        from startup import report_startup

        print("\n## 1,000-route app: import + first request, memory, OpenAPI build\n")
        startup = report_startup(implementations(), options.rounds)
        print(startup["table"])
        results["startup"] = startup["medians"]

    if not options.skip_e2e:
        from e2e import report_e2e

        print("\n## End to end (uvicorn on loopback, wrk)\n")
        e2e = report_e2e(implementations(), max(3, options.rounds // 2))
        print(e2e["table"])
        results["e2e"] = e2e["medians"]

    (VENVS / "results.json").write_text(json.dumps(results, indent=1))
    print(f"\n(raw numbers: {VENVS / 'results.json'})")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
