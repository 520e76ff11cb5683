"""The default docs pages load Swagger UI and ReDoc from a CDN; when that fails (no internet
here: Chromium may reach only 127.0.0.1), the page says how to serve them from the app
instead of staying blank. Headless Chromium renders both pages of a default app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.testclient import TestClient

from .test_docs_browser import CHROMIUM, chromium
from .uvicorn_server import serve_app

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
    source = """
            from fastapi import FastAPI

            app = FastAPI(title="CDN pages")

            @app.get("/items")
            def items():
                return []
            """
    with serve_app(directory, "cdn_app", source) as server:
        yield f"http://127.0.0.1:{server.port}"


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
