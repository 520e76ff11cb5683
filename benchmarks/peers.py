"""The implementations a benchmark run compares, each in an interpreter of its own.

Every peer but the project's own ``.venv`` lives in a throwaway virtualenv under
``BENCH_VENVS`` (default ``/tmp/fastapi-bench``, outside the repository), created on first use
and reused while its requirements are unchanged; ``--refresh`` in ``run.py`` makes them anew,
which is how "the newest FastAPI" and "the newest Litestar 2.x" are picked up again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import venv
from dataclasses import dataclass, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENVS = Path(os.environ.get("BENCH_VENVS", "/tmp/fastapi-bench"))
REGISTRY_OPTIONS = ["--quiet", "--disable-pip-version-check"]
SERVER = ["python-multipart", "uvicorn", "httptools"]

# family -> the module (under benchmarks/) holding that family's scenario app
APP_MODULES = {
    "fastapi": "scenarios.app",
    "starlette": "starlette_apps.app",
    "litestar": "litestar_apps.app",
}


@dataclass(frozen=True)
class Peer:
    """One implementation: a label, the interpreter that runs it, and its API family."""

    name: str
    python: Path
    family: str
    label: str = ""  # the name tables show, with the version run (set by ``labelled``)

    @property
    def module(self) -> str:
        return APP_MODULES[self.family]


# The labels the reports refer to.
UPSTREAM = "FastAPI 0.116.1"
NEWEST = "FastAPI newest"
LITESTAR = "Litestar"
STARLETTE = "Starlette by hand"
OURS = "ours"
OURS_047 = "ours on Starlette 0.47.3"


def labelled(peer: Peer, found: dict[str, str]) -> Peer:
    """The peer, named in tables by what it ran: "FastAPI 0.165.0", "ours (Starlette 1.10.0)"."""
    labels = {
        UPSTREAM: f"FastAPI {found.get('fastapi')}",
        NEWEST: f"FastAPI {found.get('fastapi')}",
        LITESTAR: f"Litestar {found.get('litestar')}",
        STARLETTE: f"Starlette {found.get('starlette')} by hand",
        OURS: f"ours (Starlette {found.get('starlette')})",
        OURS_047: f"ours (Starlette {found.get('starlette')})",
    }
    return replace(peer, label=labels[peer.name])


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


def refresh() -> None:
    """Forget every throwaway virtualenv, so that the next run installs the newest releases."""
    if VENVS.exists():
        shutil.rmtree(VENVS)


def local_python() -> Path:
    """The project's own ``.venv`` (this package on Starlette 1.x), which ``make bench`` creates."""
    local = ROOT / ".venv" / "bin" / "python"
    if not local.exists():
        raise SystemExit("no .venv: run `make install` first")
    return local


def peers() -> dict[str, Peer]:
    """Every peer, in the order the tables show them (venvs installed on first use)."""
    upstream = ensure_venv("upstream-0.116.1", ["fastapi==0.116.1", *SERVER])
    newest = ensure_venv("fastapi-newest", ["fastapi", *SERVER])
    litestar = ensure_venv("litestar-2", ["litestar>=2,<3", "pydantic", *SERVER])
    # one per checkout: runs from two worktrees would otherwise reinstall it under each other
    checkout = hashlib.sha1(str(ROOT).encode()).hexdigest()[:8]
    ours_047 = ensure_venv(f"ours-starlette-0.47.3-{checkout}", [f"-e{ROOT}", "starlette==0.47.3", *SERVER])
    local = local_python()
    found = [
        Peer(UPSTREAM, upstream, "fastapi"),
        Peer(NEWEST, newest, "fastapi"),
        Peer(LITESTAR, litestar, "litestar"),
        Peer(STARLETTE, local, "starlette"),
        Peer(OURS, local, "fastapi"),
        Peer(OURS_047, ours_047, "fastapi"),
    ]
    return {peer.name: peer for peer in found}


VERSIONS = """
import json, sys
from importlib import metadata
names = ["fastapi", "starlette", "litestar", "pydantic", "pydantic-core", "uvicorn", "httptools"]
found = {}
for name in names:
    try:
        found[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
found["python"] = sys.version.split()[0]
print(json.dumps(found))
"""


def versions(peer: Peer) -> dict[str, str]:
    """The library versions the peer's interpreter has installed."""
    output = subprocess.run([peer.python, "-c", VERSIONS], check=True, capture_output=True, text=True, cwd="/")
    return dict(json.loads(output.stdout))


def measure_in(python: Path, *arguments: object) -> dict:
    """Run a measuring script in another interpreter and read the JSON object it prints.

    It runs from ``/`` (outside the repository), so it imports that interpreter's own
    ``fastapi``; the scripts put ``benchmarks/`` on ``sys.path`` themselves.
    """
    result = subprocess.run([python, *map(str, arguments)], capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        raise SystemExit(f"{python} {' '.join(map(str, arguments))[:200]} failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout))
