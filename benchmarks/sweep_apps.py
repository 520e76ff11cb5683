"""The sweeps' apps, built for one API family at a given size.

- ``routes``: ``size`` alike routes under ``/api/v1`` (``/api/v1/r{n}/{item_id}``), as most
  real apps nest theirs; the request goes to the last one.
- ``dependencies``: one route declaring ``size`` async dependencies (none depending on
  another); by hand, the endpoint awaits the same functions itself.
- ``middleware``: ``size`` pure ASGI pass-through middlewares around a hello route.

Only the family's own framework is imported, so each builder runs in its peer's interpreter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# kind -> the path requested from an app of that size
REQUESTS = {
    "routes": lambda size: f"/api/v1/r{size - 1}/7",
    "dependencies": lambda size: "/deps",
    "middleware": lambda size: "/hello",
}


class PassThrough:
    """An ASGI middleware that only hands the call on (the cheapest a middleware can be)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


def dependency(value: int) -> Callable[[], Any]:
    async def provide() -> int:
        return value

    return provide


def endpoint_source(family: str, size: int) -> str:
    """An endpoint taking ``size`` dependencies, ``d0`` to ``d{size-1}``, as the family declares them."""
    if family == "fastapi":
        parameters = ", ".join(f"d{i}: Annotated[int, Depends(providers[{i}])]" for i in range(size))
    else:
        parameters = ", ".join(f"d{i}: int" for i in range(size))
    total = " + ".join(f"d{i}" for i in range(size)) or "0"
    return f"async def endpoint({parameters}) -> dict:\n    return {{'total': {total}}}\n"


def build_endpoint(family: str, size: int, namespace: dict[str, Any]) -> Any:
    namespace["__name__"] = __name__  # frameworks look the function's module up
    code = compile(endpoint_source(family, size), f"<sweep endpoint {size}>", "exec", dont_inherit=True)
    exec(code, namespace)
    return namespace["endpoint"]


def fastapi_app(kind: str, size: int) -> Any:
    from typing import Annotated

    from fastapi import Depends, FastAPI

    app = FastAPI()
    if kind == "routes":
        for number in range(size):
            app.get(f"/api/v1/r{number}/{{item_id}}", name=f"route{number}")(numbered_route(number))
    elif kind == "dependencies":
        namespace = {"Annotated": Annotated, "Depends": Depends, "providers": [dependency(i) for i in range(size)]}
        app.get("/deps")(build_endpoint("fastapi", size, namespace))
    else:
        for _ in range(size):
            app.add_middleware(PassThrough)

        @app.get("/hello")
        async def hello() -> dict:
            return {"message": "Hello World"}

    return app


def numbered_route(number: int) -> Any:
    """A route function knowing its number from a closure (a default would be a query parameter)."""

    async def endpoint(item_id: int) -> dict:
        return {"route": number, "item_id": item_id}

    endpoint.__name__ = f"route{number}"
    return endpoint


def starlette_app(kind: str, size: int) -> Any:
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    def route(number: int) -> Route:
        async def endpoint(request: Request) -> JSONResponse:
            raw = request.path_params["item_id"]
            try:
                return JSONResponse({"route": number, "item_id": int(raw)})
            except ValueError:
                return JSONResponse({"detail": "not an integer"}, status_code=422)

        return Route(f"/api/v1/r{number}/{{item_id}}", endpoint)

    if kind == "routes":
        return Starlette(routes=[route(number) for number in range(size)])
    if kind == "dependencies":
        providers = [dependency(i) for i in range(size)]

        async def deps(request: Request) -> JSONResponse:
            values = [await provide() for provide in providers]
            return JSONResponse({"total": sum(values)})

        return Starlette(routes=[Route("/deps", deps)])

    async def hello(request: Request) -> JSONResponse:
        return JSONResponse({"message": "Hello World"})

    return Starlette(routes=[Route("/hello", hello)], middleware=[Middleware(PassThrough)] * size)


def litestar_app(kind: str, size: int) -> Any:
    from litestar import Litestar, Router, get
    from litestar.di import Provide

    def route(number: int) -> Any:
        async def endpoint(item_id: int) -> dict[str, int]:
            return {"route": number, "item_id": item_id}

        return get(f"/r{number}/{{item_id:int}}", name=f"route{number}")(endpoint)

    if kind == "routes":  # one Router: Litestar rebuilds its routing trie per app-level handler
        api = Router(path="/api/v1", route_handlers=[route(number) for number in range(size)])
        return Litestar(route_handlers=[api])
    if kind == "dependencies":
        handler = build_endpoint("litestar", size, {})
        dependencies = {f"d{i}": Provide(dependency(i)) for i in range(size)}
        return Litestar(route_handlers=[get("/deps", dependencies=dependencies)(handler)])

    @get("/hello")
    async def hello() -> dict[str, str]:
        return {"message": "Hello World"}

    return Litestar(route_handlers=[hello], middleware=[PassThrough] * size)


BUILDERS = {"fastapi": fastapi_app, "starlette": starlette_app, "litestar": litestar_app}


def build(family: str, kind: str, size: int) -> Any:
    return BUILDERS[family](kind, size)
