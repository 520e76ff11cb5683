"""End to end: each peer served by uvicorn (httptools, one worker) on loopback, loaded by wrk
(one thread, 64 connections); requests per second."""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
# scenario -> (path, whether wrk posts the item body)
SCENARIOS = {"hello": ("/hello", False), "body model": ("/items", True)}


# The same server for everyone: whether uvloop is installed differs between the venvs.
UVICORN = ["--loop", "asyncio", "--http", "httptools", "--log-level", "warning", "--no-access-log"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post_script() -> Path:
    from scenarios.common import ITEM_BODY

    script = Path(tempfile.mkdtemp()) / "post.lua"
    body = ITEM_BODY.decode().replace('"', '\\"')
    script.write_text(
        f'wrk.method = "POST"\nwrk.body = "{body}"\nwrk.headers["Content-Type"] = "application/json"\n'
    )
    return script


def requests_per_second(port: int, path: str, script: Path | None, seconds: int) -> float:
    command = ["wrk", "-t1", "-c64", f"-d{seconds}s", f"http://127.0.0.1:{port}{path}"]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise SystemExit(f"wrk saw failed requests on {path}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]


def serve(python: Path, module: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(
        [python, "-m", "uvicorn", f"{module}:app", "--port", str(port), *UVICORN],
        cwd=HERE,  # benchmarks/ (holding no fastapi package) first on sys.path
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/hello", timeout=1)
            return process, port
        except httpx.TransportError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.1)


def report_e2e(peers: dict[str, Any], rounds: int, seconds: int = 4) -> dict[str, object]:
    """Every peer served in turn (order alternating over rounds), each scenario loaded for
    ``seconds``; medians, and this package's rate over each other peer's (Starlette 1.x,
    except against FastAPI 0.116.1, which is compared with this package on 0.47.3)."""
    from peers import LITESTAR, NEWEST, OURS, OURS_047, STARLETTE, UPSTREAM

    if shutil.which("wrk") is None:
        return {"medians": {}, "table": "(wrk is not installed: apt-get install wrk)"}
    script = post_script()
    names = list(peers)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else reversed(names):
            process, port = serve(peers[name].python, peers[name].module)
            try:
                for scenario, (path, needs_body) in SCENARIOS.items():
                    rate = requests_per_second(port, path, script if needs_body else None, seconds)
                    samples[name].setdefault(scenario, []).append(rate)
            finally:
                process.terminate()
                process.wait(timeout=30)
        print(f"  end to end: round {round_number + 1}/{rounds} done", file=sys.stderr)
    medians = {name: {s: statistics.median(v) for s, v in found.items()} for name, found in samples.items()}
    others = [(OURS_047 if name == UPSTREAM else OURS, name) for name in names if name not in (OURS, OURS_047)]
    short = {UPSTREAM: "FastAPI 0.116.1", NEWEST: "newest FastAPI", LITESTAR: "Litestar", STARLETTE: "Starlette"}
    ratio_names = [f"ours{' (0.47.3)' if ours == OURS_047 else ''} / {short[other]}" for ours, other in others]
    header = "| scenario, req/s | " + " | ".join(peers[name].label for name in names) + " | " + " | ".join(ratio_names)
    lines = [header + " |", "|---|" + "---:|" * (len(names) + len(others))]
    for scenario in SCENARIOS:
        values = [f"{medians[name][scenario]:,.0f}" for name in names]
        values += [f"{medians[ours][scenario] / medians[other][scenario]:.2f}x" for ours, other in others]
        lines.append(f"| {scenario} | " + " | ".join(values) + " |")
    return {"medians": medians, "table": "\n".join(lines)}
