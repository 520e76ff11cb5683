"""/docs really renders, offline: headless Chromium against the demo app served by uvicorn.

Chromium may reach only 127.0.0.1 (every other host resolves to nothing), so the page can
only work with the Swagger UI files the app serves itself. A screenshot is saved under the
test's temporary directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (.ci/run installs Debian's chromium package)"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    env = {**os.environ, "DEMO_DATA_DIR": str(tmp_path_factory.mktemp("demo"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "examples.demo.app:app", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the demo did not start") from None
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=20)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--virtual-time-budget=15000",
        "--window-size=1280,2400",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_swagger_ui_renders_the_operations_offline(demo_url: str, tmp_path: Path) -> None:
    page = httpx.get(f"{demo_url}/docs").text
    assert "cdn.jsdelivr.net" not in page and "/_docs/static/swagger-ui/swagger-ui-bundle.js" in page
    dom = chromium(tmp_path, "--dump-dom", f"{demo_url}/docs").stdout
    assert 'class="swagger-ui"' in dom, dom[:2000]
    for path in ["/send-notification/{email}", "/upload-csv/{user_id}", "/tasks/{task_id}"]:
        assert f'data-path="{path}"' in dom, f"{path} is not rendered"
    assert "Background tasks demo" in dom
    screenshot = tmp_path / "docs.png"
    chromium(tmp_path, f"--screenshot={screenshot}", f"{demo_url}/docs")
    assert screenshot.exists() and screenshot.stat().st_size > 10_000


def test_redoc_renders_offline(demo_url: str, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", f"{demo_url}/redoc").stdout
    assert "redoc-wrap" in dom or "api-content" in dom, dom[:2000]
    assert "Background tasks demo" in dom
