"""Custom APIRoute subclasses: APIRouter(route_class=...) and app.router.route_class,
overriding get_route_handler to add a header, log the raw body (body still available to
the endpoint), rewrite the request body, and catch RequestValidationError to add the body
to the error; route_class inheritance through include_router."""
from typing import Callable

from fastapi import APIRouter, Body, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

LOG: list[str] = []


class TimedRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original_route_handler = super().get_route_handler()

        async def custom_route_handler(request: Request) -> Response:
            response: Response = await original_route_handler(request)
            response.headers["X-Response-Time"] = "0.001"  # fixed, deterministic
            response.headers["X-Route-Name"] = self.name
            return response

        return custom_route_handler


class BodyLoggingRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original_route_handler = super().get_route_handler()

        async def custom_route_handler(request: Request) -> Response:
            body = await request.body()
            LOG.append(f"{request.method} {request.url.path} body={body!r}")
            try:
                return await original_route_handler(request)
            except RequestValidationError as exc:
                detail = {"errors": exc.errors(), "body": body.decode()}
                raise HTTPException(status_code=422, detail=detail)

        return custom_route_handler


class UpperBodyRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            self._body = raw.upper()
        return self._body


class UpperBodyRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        original_route_handler = super().get_route_handler()

        async def custom_route_handler(request: Request) -> Response:
            request = UpperBodyRequest(request.scope, request.receive)
            return await original_route_handler(request)

        return custom_route_handler


app = FastAPI()
app.router.route_class = TimedRoute


@app.get("/timed")
def timed():
    return {"timed": True}


@app.get("/timed-error")
def timed_error():
    raise HTTPException(status_code=400, detail="bad")


logging_router = APIRouter(route_class=BodyLoggingRoute)


@logging_router.post("/sum")
def sum_numbers(numbers: list[int] = Body()):
    return {"sum": sum(numbers)}


@logging_router.post("/echo")
async def echo(request: Request):
    return {"raw": (await request.body()).decode()}


app.include_router(logging_router, prefix="/log-router")

upper_router = APIRouter(route_class=UpperBodyRoute)


@upper_router.post("/upper")
def upper(payload: dict = Body()):
    return payload


app.include_router(upper_router)

plain_router = APIRouter()  # default APIRoute


@plain_router.get("/plain")
def plain():
    return {"plain": True}


app.include_router(plain_router, prefix="/plain-router")


@app.get("/log")
def get_log():
    return LOG


CASES = [
    {"method": "GET", "url": "/timed"},
    {"method": "GET", "url": "/timed-error"},
    {"method": "POST", "url": "/log-router/sum", "json": [1, 2, 3]},
    {"method": "POST", "url": "/log-router/sum", "json": [1, "x"]},
    {"method": "POST", "url": "/log-router/sum", "content": b"[1,2", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/log-router/echo", "content": "héllo".encode()},
    {"method": "POST", "url": "/upper", "json": {"key": "value"}},
    {"method": "GET", "url": "/plain-router/plain"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/nope"},
]
