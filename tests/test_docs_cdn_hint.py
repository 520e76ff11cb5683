"""The default docs pages load Swagger UI and ReDoc from a CDN; when that fails (no internet
here: Chromium may reach only 127.0.0.1), the page says how to serve them from the app
instead of staying blank. Headless Chromium renders both pages of a default app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.testclient import TestClient

from .test_docs_browser import CHROMIUM, chromium
from .test_streaming import Server, free_port

REPO = Path(__file__).resolve().parents[1]
HINT = "FastAPI(offline_docs=True)"


def test_only_the_apps_cdn_pages_carry_the_hint() -> None:
    # The helpers answer as FastAPI's (apps calling them get FastAPI's pages)...
    assert HINT not in get_swagger_ui_html(openapi_url="/o", title="t").body.decode()
    assert HINT not in get_redoc_html(openapi_url="/o", title="t").body.decode()
    # ...the app's own default pages add the hint; offline pages need none.
    cdn = TestClient(FastAPI())
    assert all(HINT in cdn.get(path).text for path in ("/docs", "/redoc"))
    offline = TestClient(FastAPI(offline_docs=True))
    assert not any(HINT in offline.get(path).text for path in ("/docs", "/redoc"))


@pytest.fixture(scope="module")
def default_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    directory = tmp_path_factory.mktemp("cdn_app")
    (directory / "cdn_app.py").write_text(
        textwrap.dedent(
            """
            from fastapi import FastAPI

            app = FastAPI(title="CDN pages")

            @app.get("/items")
            def items():
                return []
            """
        )
    )
    port = free_port()
    log = directory / "server.log"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-m", "uvicorn", "cdn_app:app", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("w") as out:
        process = subprocess.Popen(argv, cwd=directory, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(process, port, log)
    try:
        server.wait_for_output("Uvicorn running on", timeout=60)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize(("path", "tool"), [("/docs", "Swagger UI"), ("/redoc", "ReDoc")])
def test_a_page_whose_cdn_fails_explains_what_to_do(
    default_app: str, tmp_path: Path, path: str, tool: str
) -> None:
    assert "cdn.jsdelivr.net" in httpx.get(default_app + path, timeout=30).text
    dom = chromium(tmp_path, "--dump-dom", default_app + path).stdout
    assert 'id="docs-load-failed"' in dom, dom[:2000]
    assert f"The {tool} files could not be loaded" in dom
    assert HINT in dom
