"""offline_docs=True on a machine without npm: the assets travel in the sdist and the wheel.

The package is built the way `python -m build` does it (an sdist, then a wheel from that
sdist), with npm hidden from the PATH, so the build hook takes Swagger UI and ReDoc from
the openapi-ui-bundles package; the wheel is installed into a throwaway virtualenv and an
app with offline_docs=True serves its docs pages and their files from it.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ASSETS = [
    "fastapi/openapi/static/swagger-ui/swagger-ui-bundle.js",
    "fastapi/openapi/static/swagger-ui/swagger-ui.css",
    "fastapi/openapi/static/swagger-ui/favicon-32x32.png",
    "fastapi/openapi/static/redoc/redoc.standalone.js",
]

CHECK = """
import fastapi, sys
from fastapi import FastAPI
from fastapi.testclient import TestClient

assert fastapi.__file__.startswith(sys.prefix), fastapi.__file__  # the installed wheel
client = TestClient(FastAPI(offline_docs=True))
pages = {url: client.get(url) for url in ("/docs", "/redoc")}
assert all(page.status_code == 200 for page in pages.values())
assets = [part.split('"')[0] for page in pages.values() for part in page.text.split('"/_docs/static/')[1:]]
assert len(assets) >= 4, assets
for asset in assets:
    answer = client.get("/_docs/static/" + asset)
    assert answer.status_code == 200 and len(answer.content) > 500, asset
print("served", sorted(set(assets)))
"""


def without_npm() -> dict[str, str]:
    path = [entry for entry in os.environ["PATH"].split(os.pathsep) if not (Path(entry) / "npm").exists()]
    return {**os.environ, "PATH": os.pathsep.join(path)}


def run(command: list[str], **options) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **options)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_wheel_built_without_npm_serves_offline_docs(tmp_path: Path) -> None:
    pytest.importorskip("openapi_ui_bundles")
    pytest.importorskip("hatchling")
    env = without_npm()
    assert shutil.which("npm", path=env["PATH"]) is None
    source = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__", "static")
    shutil.copytree(REPO / "fastapi", source / "fastapi", ignore=ignore)
    for name in ("pyproject.toml", "hatch_build.py", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "docs", source / "docs")

    dist = tmp_path / "dist"
    run([sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(dist)], cwd=source, env=env)
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
        archive.extractall(tmp_path / "unpacked", filter="data")
    for asset in ASSETS:
        assert any(name.endswith(asset) for name in names), asset

    (unpacked,) = (tmp_path / "unpacked").iterdir()
    wheel_command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run([*wheel_command, "-w", str(dist), str(unpacked)], env=env)
    (wheel,) = dist.glob("*.whl")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)])
    # Its dependencies (Starlette, Pydantic, httpx) come from the test environment, behind it.
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    result = run([str(python), "-c", textwrap.dedent(CHECK)], cwd=tmp_path, env=env)
    assert "swagger-ui/swagger-ui-bundle.js" in result.stdout
