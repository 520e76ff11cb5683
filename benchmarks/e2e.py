"""End to end: each implementation served by uvicorn on loopback, loaded with wrk."""

from __future__ import annotations

import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
SCENARIOS = {
    "hello": ("GET", "/hello", None),
    "body model": ("POST", "/items", HERE / "scenarios" / "common.py"),
}


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


def requests_per_second(port: int, method: str, path: str, script: Path | None, seconds: int) -> float:
    command = ["wrk", "-t1", "-c64", f"-d{seconds}s", f"http://127.0.0.1:{port}{path}"]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]


def serve(python: Path, module: str) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(
        [python, "-m", "uvicorn", f"{module}:app", "--port", str(port), "--log-level", "warning", "--no-access-log"],
        cwd=HERE,
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


def report_e2e(impls: dict[str, tuple[Path, str]], rounds: int, seconds: int = 5) -> dict[str, object]:
    if shutil.which("wrk") is None:
        return {"medians": {}, "table": "(wrk is not installed: apt-get install wrk)"}
    script = post_script()
    names = list(impls)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else reversed(names):
            python, module = impls[name]
            process, port = serve(python, module)
            try:
                for scenario, (method, path, needs_body) in SCENARIOS.items():
                    rate = requests_per_second(port, method, path, script if needs_body else None, seconds)
                    samples[name].setdefault(scenario, []).append(rate)
            finally:
                process.terminate()
                process.wait()
    medians = {name: {s: statistics.median(v) for s, v in found.items()} for name, found in samples.items()}
    lines = ["| scenario | " + " | ".join(f"{n} req/s" for n in names) + " | ours / FastAPI |", "|---" * (len(names) + 2) + "|"]
    for scenario in SCENARIOS:
        values = " | ".join(f"{medians[n][scenario]:.0f}" for n in names)
        ratio = medians["ours"][scenario] / medians["fastapi 0.116.1"][scenario]
        lines.append(f"| {scenario} | {values} | {ratio:.2f}x |")
    return {"medians": medians, "table": "\n".join(lines)}
