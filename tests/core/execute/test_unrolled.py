"""Generated dependency runners: what the generic loop did, without the loop."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query
from fastapi._core.compile.plan import compile_plan
from fastapi._core.execute import unrolled
from fastapi.testclient import TestClient

calls: list[str] = []


async def token(x_token: Annotated[str, Header()]) -> str:
    calls.append("token")
    return x_token


def sync_user(token: Annotated[str, Depends(token)]) -> str:
    calls.append("user")
    return token.upper()


async def session(token: Annotated[str, Depends(token)]) -> Any:
    calls.append("session enter")
    yield {"token": token}
    calls.append("session exit")


def threaded(session: Annotated[dict[str, str], Depends(session)]) -> Any:
    yield session["token"] + "!"
    calls.append("threaded exit")


def fresh(token: Annotated[str, Depends(token, use_cache=False)]) -> str:
    return token


def build() -> FastAPI:
    app = FastAPI()

    @app.get("/all")
    async def everything(
        user: Annotated[str, Depends(sync_user)],
        value: Annotated[str, Depends(threaded)],
        again: Annotated[str, Depends(fresh)],
        limit: Annotated[int, Query(le=10)] = 1,
    ) -> dict[str, Any]:
        return {"user": user, "value": value, "again": again, "limit": limit}

    return app


def test_the_runner_resolves_caches_and_exits_as_solving_does() -> None:
    calls.clear()
    client = TestClient(build())
    response = client.get("/all", headers={"x-token": "abc"})
    assert response.json() == {"user": "ABC", "value": "abc!", "again": "abc", "limit": 1}
    # token once for user and session (cached), once more for use_cache=False; exits in reverse
    assert calls == ["token", "user", "session enter", "token", "threaded exit", "session exit"]


def test_a_failed_parameter_stops_its_users_and_reports_every_error() -> None:
    calls.clear()
    client = TestClient(build())
    response = client.get("/all", params={"limit": "99"})
    assert response.status_code == 422
    # As FastAPI 0.116.1 answers: a failed dependency is not cached, so each use reads again.
    assert [error["loc"] for error in response.json()["detail"]] == [
        ["header", "x-token"],
        ["header", "x-token"],
        ["header", "x-token"],
        ["query", "limit"],
    ]
    assert calls == []


def test_the_source_has_one_block_per_dependency_and_no_loop() -> None:
    route = build().routes[-1]
    plan = compile_plan(route.dependant, embed_body=False)  # type: ignore[attr-defined]
    source = unrolled.source_of(plan)  # each occurrence of a dependency is a step of its own
    names = ["token", "sync_user", "token", "session", "threaded", "token", "fresh"]
    assert [line.strip().split()[3] for line in source.splitlines() if "# step" in line] == names
    assert "for " not in source and "while " not in source
    assert "run_sync(call1, token=result0)" in source  # a sync dependency: one thread hop
    assert "enter_async_context(ThreadedContext(call4(session=result3)))" in source


def test_routes_of_one_shape_share_the_generated_code() -> None:
    app = FastAPI()
    for number in range(3):

        @app.get(f"/r{number}")
        async def endpoint(user: Annotated[str, Depends(sync_user)]) -> str:
            return user

    plans = [compile_plan(route.dependant, embed_body=False) for route in app.routes[-3:]]  # type: ignore[attr-defined]
    runners = [unrolled.dependency_runner(plan, unrolled_read_step()) for plan in plans]
    assert len({runner.__code__ for runner in runners}) == 1
    assert all(plan.runner is runner for plan, runner in zip(plans, runners, strict=True))


def unrolled_read_step() -> Any:
    from fastapi._core.execute.solve import read_step

    return read_step



class Renamed:
    def __call__(self) -> int:
        return 3


renamed = Renamed()
renamed.__qualname__ = "name\n    raise RuntimeError('ran as code')\n    #"


def test_a_dependency_name_is_never_read_as_source() -> None:
    """A ``__qualname__`` is any string (decorators set them); in the generated source it is
    only a comment, so a line break in it cannot end the comment."""
    app = FastAPI()

    @app.get("/")
    def endpoint(value: Annotated[int, Depends(renamed)]) -> int:
        return value

    assert TestClient(app).get("/").json() == 3
