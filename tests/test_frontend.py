"""app.frontend / router.frontend beyond what the newest-FastAPI scenario records: the
declaration checks, routes declared after the frontend, include-level dependencies."""

from pathlib import Path

import pytest

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

HTML = {"accept": "text/html"}


@pytest.fixture
def build(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<html>app</html>")
    (tmp_path / "assets" / "app.js").write_text("js")
    return tmp_path


def test_declaration_checks(tmp_path: Path) -> None:
    app = FastAPI()
    with pytest.raises(RuntimeError, match="does not exist.*check_dir=False"):
        app.frontend("/", directory=tmp_path / "missing")
    with pytest.raises(AssertionError, match="fallback must be"):
        app.frontend("/", directory=tmp_path, fallback="spa.html")  # type: ignore[arg-type]
    app.frontend("/", directory=tmp_path / "later", check_dir=False)  # built after start-up
    later = tmp_path / "later"
    later.mkdir()
    (later / "index.html").write_text("built")
    assert TestClient(app).get("/deep/link", headers=HTML).text == "built"


def test_routes_keep_precedence_wherever_declared(build: Path) -> None:
    app = FastAPI()
    app.frontend("/", directory=build)

    @app.get("/api/items")  # declared after the frontend
    def items():
        return [1]

    client = TestClient(app)
    assert client.get("/api/items", headers=HTML).json() == [1]
    assert client.get("/api/items/", headers=HTML).json() == [1]  # the slash redirect first
    assert client.get("/assets/app.js").text == "js"
    assert client.get("/some/page", headers=HTML).text == "<html>app</html>"
    assert client.get("/some/page").json() == {"detail": "Not Found"}


def test_dependencies_of_every_including_level_run(build: Path) -> None:
    seen: list[str] = []

    def admin_only(request: Request) -> None:
        seen.append(request.url.path)
        if request.headers.get("x-role") != "admin":
            raise HTTPException(status_code=403, detail="admins only")

    router = APIRouter()
    router.frontend("/console", directory=build)
    app = FastAPI()
    app.include_router(router, prefix="/admin", dependencies=[Depends(admin_only)])
    client = TestClient(app)
    assert client.get("/admin/console/x", headers=HTML).status_code == 403
    answer = client.get("/admin/console/x", headers={**HTML, "x-role": "admin"})
    assert answer.text == "<html>app</html>"
    assert client.get("/admin/console", follow_redirects=False).headers["location"].endswith(
        "/admin/console/"
    )
    assert seen == ["/admin/console/x", "/admin/console/x"]
