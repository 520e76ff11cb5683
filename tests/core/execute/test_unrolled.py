"""Generated dependency runners: what the generic loop did, without the loop."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import pytest

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi._core.compile.plan import compile_plan
from fastapi._core.errors import FastAPIError
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


# -- the route runner: solve, respond, and the exits of yield dependencies nested in place --

exits: list[str] = []


async def outer_swallows() -> Any:
    try:
        yield "outer"
    except HTTPException as exc:
        exits.append(f"outer saw {exc.status_code}")


async def inner_raises_after_yield(outer: Annotated[str, Depends(outer_swallows)]) -> Any:
    yield outer + "-inner"
    exits.append("inner raises")
    raise HTTPException(status_code=409, detail="after")


async def yields_twice() -> Any:
    try:
        yield 1
        yield 2
    finally:
        exits.append("closed")


async def never_yields() -> Any:
    if False:  # pragma: no cover - an async generator that ends before its first yield
        yield 0


async def converter() -> Any:
    try:
        yield "c"
    except ValueError as exc:
        exits.append(f"converter saw {exc}")
        raise KeyError("converted") from exc


async def watcher(value: Annotated[str, Depends(converter)]) -> Any:
    try:
        yield value
    except BaseException as exc:
        exits.append(f"watcher saw {type(exc).__name__}")
        raise


def threaded_swallows(value: Annotated[str, Depends(watcher)]) -> Any:
    try:
        yield value
    except ValueError as exc:
        exits.append(f"threaded saw {exc}")


def chained(count: int) -> Any:
    """``count`` async yield dependencies, each depending on the one before."""
    previous: Any = None
    for number in range(count):
        namespace: dict[str, Any] = {"Annotated": Annotated, "Depends": Depends, "exits": exits}
        namespace["previous"] = previous
        parameter = "p: Annotated[int, Depends(previous)]" if previous else "p: int = -1"
        exec(
            f"async def dep{number}({parameter}):\n"
            f"    exits.append('enter {number}')\n"
            f"    try:\n"
            f"        yield p + 1\n"
            f"    except Exception as exc:\n"
            f"        exits.append('{number} saw ' + str(exc))\n"
            f"        raise\n"
            f"    exits.append('exit {number}')\n",
            namespace,
        )
        previous = namespace[f"dep{number}"]
    return previous


def corners() -> FastAPI:
    app = FastAPI()

    @app.get("/swallowed")
    async def swallowed(value: Annotated[str, Depends(inner_raises_after_yield)]) -> Any:
        return {"value": value}

    @app.get("/twice")
    async def twice(value: Annotated[int, Depends(yields_twice)]) -> Any:
        return {"value": value}

    @app.get("/never")
    async def never(value: Annotated[int, Depends(never_yields)]) -> Any:
        return {"value": value}

    @app.get("/converted")
    async def converted(value: Annotated[str, Depends(watcher)]) -> Any:
        raise ValueError("boom")

    @app.get("/threaded/{fail}")
    async def threaded(fail: bool, value: Annotated[str, Depends(threaded_swallows)]) -> Any:
        if fail:
            raise ValueError("in endpoint")
        return {"value": value}

    for count in (3, 15):  # 15 exits are more than one function nests: an exit stack

        @app.get(f"/chain/{count}")
        async def chain(fail: bool, value: int = Depends(chained(count))) -> Any:
            if fail:
                raise RuntimeError("late")
            return {"value": value}

    return app


def served(path: str) -> tuple[int, str]:
    exits.clear()
    response = TestClient(corners(), raise_server_exceptions=False).get(path)
    return response.status_code, response.text


def test_an_error_raised_after_yield_and_swallowed_further_out_keeps_the_response() -> None:
    # As FastAPI 0.116.1 answers (checked against it): the response was made before the exits.
    assert served("/swallowed") == (200, '{"value":"outer-inner"}')
    assert exits == ["inner raises", "outer saw 409"]


def test_a_generator_that_does_not_stop_or_never_yields_is_a_server_error() -> None:
    assert served("/twice") == (500, "Internal Server Error")
    if sys.version_info >= (3, 11):  # closed at once, as asynccontextmanager does there
        assert exits == ["closed"]
    with pytest.raises(RuntimeError, match="didn't stop"):
        TestClient(corners()).get("/twice")
    assert served("/never") == (500, "Internal Server Error")
    with pytest.raises(RuntimeError, match="didn't yield"):
        TestClient(corners()).get("/never")


def test_each_exit_sees_what_the_exit_inside_it_raised() -> None:
    exits.clear()
    with pytest.raises(KeyError, match="converted") as raised:
        TestClient(corners()).get("/converted")
    assert exits == ["watcher saw ValueError", "converter saw boom"]
    assert isinstance(raised.value.__cause__, ValueError)


def test_a_sync_yield_dependency_swallowing_the_error_leaves_no_response() -> None:
    exits.clear()
    with pytest.raises(FastAPIError, match="No response object was returned"):
        TestClient(corners()).get("/threaded/true")
    # swallowed in the thread: the async ones further out exit cleanly
    assert exits == ["threaded saw in endpoint"]
    assert served("/threaded/false") == (200, '{"value":"c"}')


@pytest.mark.parametrize("count", [3, 15])
def test_exits_run_in_reverse_order_with_the_error_each_one_sees(count: int) -> None:
    assert served(f"/chain/{count}?fail=false") == (200, f'{{"value":{count - 1}}}')
    entered = [f"enter {number}" for number in range(count)]
    assert exits == entered + [f"exit {number}" for number in reversed(range(count))]
    assert served(f"/chain/{count}?fail=true") == (500, "Internal Server Error")
    assert exits == entered + [f"{number} saw late" for number in reversed(range(count))]


def test_the_route_runner_nests_exits_and_falls_back_to_a_stack_beyond_its_limit() -> None:
    sources = {}
    for route in corners().routes:
        if getattr(route, "path", "").startswith("/chain/"):
            plan = compile_plan(route.dependant, embed_body=False)  # type: ignore[attr-defined]
            sources[route.path] = unrolled.source_of(plan, route=True)  # type: ignore[attr-defined]
    assert "throw_into(gen2, error2)" in sources["/chain/3"]
    assert "AsyncExitStack" not in sources["/chain/3"]
    assert "async with AsyncExitStack() as stack:" in sources["/chain/15"]
    assert "throw_into" not in sources["/chain/15"].split("def run")[1]


async def first() -> int:
    return 1


async def second() -> int:
    return 2


def test_routes_whose_dependencies_differ_only_by_name_share_the_route_runner_s_code() -> None:
    app = FastAPI()

    @app.get("/one")
    async def one(value: Annotated[int, Depends(first)]) -> int:
        return value

    @app.get("/two")
    async def two(value: Annotated[int, Depends(second)]) -> int:
        return value

    @app.get("/other")
    async def other(number: Annotated[int, Depends(first)]) -> int:  # another argument name
        return number

    paths = [route.path for route in app.routes[-3:]]  # type: ignore[attr-defined]
    plans = [compile_plan(route.dependant, embed_body=False) for route in app.routes[-3:]]  # type: ignore[attr-defined]

    async def respond(*_: Any) -> Any: ...

    codes = [unrolled.route_runner(plan, respond, None).__code__ for plan in plans]  # type: ignore[arg-type]
    assert codes[0] is codes[1] and codes[2] is not codes[0]
    client = TestClient(app)
    assert [client.get(path).json() for path in paths] == [1, 2, 1]


def test_a_dependency_that_cannot_fail_is_called_without_checks() -> None:
    chain = compile_plan(corners().routes[-1].dependant, embed_body=False)  # type: ignore[attr-defined]
    assert "if ok1:" in unrolled.source_of(chain, route=True)  # under one reading a parameter
    app = FastAPI()

    @app.get("/")
    async def endpoint(
        a: Annotated[int, Depends(first)], b: Annotated[int, Depends(second)]
    ) -> int:
        return a + b

    plain = compile_plan(app.routes[-1].dependant, embed_body=False)  # type: ignore[attr-defined]
    source = unrolled.source_of(plain, route=True)
    assert "ok0" not in source and "if ok" not in source.replace("if ok:", "")
    assert "result0 = await call0()" in source
    assert TestClient(app).get("/").json() == 3


def _api_routes(app: Any) -> list[Any]:
    from fastapi.routing import APIRoute

    found, pending = [], list(getattr(app, "routes", []))
    while pending:
        route = pending.pop()
        if isinstance(route, APIRoute):
            found.append(route)
        pending += getattr(route, "routes", None) or getattr(route.app, "routes", None) or []
    return found


def test_plans_of_one_shape_are_written_the_same_way() -> None:
    """The compiled code is shared by shape (``_shape``), so the shape must hold everything
    the source is written from: over the routes of the compatibility apps that declare
    parameters, dependencies and security, one shape is always one source (but names)."""
    from tests.compat import harness

    sources: dict[Any, set[str]] = {}
    prefixes = ("deps_", "params_", "sec_", "bg_", "body_", "forms_", "ws_")
    for name in harness.scenario_names():
        if not name.startswith(prefixes):
            continue
        try:
            app = harness.load(name).app
        except Exception:  # the apps FastAPI refuses to build (their declaration errors)
            continue
        for route in _api_routes(app):
            plan = compile_plan(route.dependant, embed_body=route._embed_body_fields)
            for form, write in (("route", unrolled.route_source), ("solve", unrolled.plan_source)):
                lines = write(plan).splitlines()
                source = "\n".join(line for line in lines if "# step" not in line)
                sources.setdefault(unrolled._shape(plan, form), set()).add(source)
    assert len(sources) > 100
    assert [shape for shape, written in sources.items() if len(written) > 1] == []
