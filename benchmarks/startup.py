"""A 1,000-route app: import time, first-request time, peak memory, OpenAPI build time."""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import textwrap
from pathlib import Path
from typing import Any

MODELS = 50


def app_source(routes: int = 1000) -> str:
    lines = [
        "from typing import Annotated",
        "from fastapi import Depends, FastAPI, Header, Path, Query",
        "from pydantic import BaseModel",
        "app = FastAPI()",
    ]
    for m in range(MODELS):
        lines += [f"class Model{m}(BaseModel):", "    name: str", "    price: float", "    tags: list[str] = []", ""]
    lines += [
        "async def token(x_token: Annotated[str | None, Header()] = None) -> str | None:",
        "    return x_token",
    ]
    for r in range(routes):
        model = f"Model{r % MODELS}"
        kind = r % 4
        if kind == 0:
            lines += [
                f"@app.get('/r{r}/{{item_id}}')",
                f"async def route{r}(item_id: Annotated[int, Path(ge=1)], q: Annotated[str | None, Query(max_length=50)] = None):",
                "    return {'item_id': item_id, 'q': q}",
            ]
        elif kind == 1:
            lines += [f"@app.post('/r{r}', response_model={model})", f"async def route{r}(item: {model}):", "    return item"]
        elif kind == 2:
            lines += [f"@app.get('/r{r}', response_model=list[{model}])", f"async def route{r}(limit: int = 10):", "    return []"]
        else:
            lines += [f"@app.get('/r{r}/{{key}}')", f"async def route{r}(key: str, token: Annotated[str | None, Depends(token)]):", "    return {'key': key}"]
    return "\n".join(lines) + "\n"


MEASURE = textwrap.dedent(
    """
    import asyncio, json, resource, sys, time
    sys.path.insert(0, sys.argv[1])
    # wall: elapsed time; cpu: the process's own CPU time (what other processes take is not counted)
    clock = time.process_time if sys.argv[2] == "cpu" else time.perf_counter
    started = clock()
    import fastapi  # the package alone, then the app (its models and routes) on top
    imported_package = clock()
    import app1000
    imported = clock()

    async def first_request():
        scope = {"type": "http", "method": "GET", "path": "/r996/5", "raw_path": b"/r996/5", "query_string": b"q=a",
                 "headers": [(b"host", b"bench")], "scheme": "http", "server": ("bench", 80), "root_path": "",
                 "asgi": {"version": "3.0"}, "http_version": "1.1", "client": ("127.0.0.1", 1)}
        done = []
        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}
        async def send(message):
            done.append(message)
        await app1000.app(scope, receive, send)
        assert done[0]["status"] == 200, done
    asyncio.run(first_request())
    answered = clock()
    app1000.app.openapi()
    documented = clock()
    print(json.dumps({
        "import + build (s)": imported - started,
        "of which import fastapi (ms)": (imported_package - started) * 1000,
        "first request (ms)": (answered - imported) * 1000,
        "OpenAPI document (s)": documented - answered,
        "peak RSS (MB)": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    """
)


def compile_bytecode(python: Path, app_directory: Path) -> None:
    """Byte-compile the interpreter's ``fastapi`` package, its dependencies and the app, as an
    installed deployment has them: start-up is then measured without the source compiler
    (``PYTHONDONTWRITEBYTECODE`` may keep imports from writing bytecode themselves)."""
    find = "import fastapi, pydantic, starlette, os; print(*(os.path.dirname(m.__file__) for m in (fastapi, pydantic, starlette)), sep=chr(10))"
    folders = subprocess.run([python, "-c", find], check=True, capture_output=True, text=True, cwd="/").stdout.split()
    subprocess.run([python, "-m", "compileall", "-q", *folders, str(app_directory)], check=True, capture_output=True, cwd="/")


def report_startup(peers: dict[str, Any], rounds: int, clock: str = "wall") -> dict[str, object]:
    """The FastAPI-API peers (FastAPI 0.116.1, the newest FastAPI, this package on both
    Starlettes), alternating over fresh interpreters; medians, and FastAPI 0.116.1's cost
    over this package's on the same Starlette 0.47.3. ``clock``: "wall" (elapsed) or "cpu"
    (the interpreter's CPU time, steadier on a loaded machine)."""
    from peers import OURS_047, UPSTREAM, measure_in

    directory = Path(tempfile.mkdtemp(prefix="app1000-"))
    (directory / "app1000.py").write_text(app_source())
    names = [name for name, peer in peers.items() if peer.family == "fastapi"]
    for name in names:
        compile_bytecode(peers[name].python, directory)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in names}
    for round_number in range(rounds):
        for name in names if round_number % 2 == 0 else reversed(names):
            for metric, value in measure_in(peers[name].python, "-c", MEASURE, directory, clock).items():
                samples[name].setdefault(metric, []).append(value)
    medians = {name: {m: statistics.median(v) for m, v in found.items()} for name, found in samples.items()}
    ratio_name = "FastAPI 0.116.1 / ours (0.47.3)"
    header = "| 1,000-route app | " + " | ".join(peers[name].label for name in names) + f" | {ratio_name} |"
    lines = [header, "|---|" + "---:|" * (len(names) + 1)]
    for metric in medians[UPSTREAM]:
        values = " | ".join(f"{medians[name][metric]:.3g}" for name in names)
        ratio = medians[UPSTREAM][metric] / medians[OURS_047][metric]
        lines.append(f"| {metric} | {values} | {ratio:.2f}x |")
    return {"medians": medians, "table": "\n".join(lines)}
