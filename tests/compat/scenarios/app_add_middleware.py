"""app.add_middleware: ordering of add_middleware and @app.middleware (last added is
outermost), a BaseHTTPMiddleware subclass with options, a pure ASGI middleware that edits
headers on the way out, GZipMiddleware thresholds, TrustedHostMiddleware, and adding a
middleware once the app has started (RuntimeError)."""
from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from starlette.datastructures import MutableHeaders
from starlette.middleware.base import BaseHTTPMiddleware

app = FastAPI()

ORDER: list[str] = []


class TagMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, tag: str):
        super().__init__(app)
        self.tag = tag

    async def dispatch(self, request: Request, call_next):
        ORDER.append(f"enter {self.tag}")
        response = await call_next(request)
        ORDER.append(f"exit {self.tag}")
        response.headers.append("X-Tags", self.tag)
        return response


class PureASGIHeader:
    def __init__(self, app, name: str, value: str):
        self.app = app
        self.name = name.encode()
        self.value = value.encode()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ORDER.append("enter pure")

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append(self.name.decode(), self.value.decode())
            await send(message)

        await self.app(scope, receive, send_wrapper)


app.add_middleware(TagMiddleware, tag="A")


@app.middleware("http")
async def decorated(request: Request, call_next):
    ORDER.append("enter decorated")
    response = await call_next(request)
    ORDER.append("exit decorated")
    response.headers.append("X-Tags", "decorated")
    return response


app.add_middleware(PureASGIHeader, name="X-Pure", value="yes")
app.add_middleware(TagMiddleware, tag="B")
app.add_middleware(GZipMiddleware, minimum_size=100)
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["testserver", "*.example.com"])


@app.get("/order")
def order():
    ORDER.append("endpoint")
    return {"ok": True}


@app.get("/order-log")
def order_log():
    return ORDER


@app.get("/big")
def big():
    return {"data": "x" * 500}


@app.get("/small")
def small():
    return {"data": "x"}


@app.get("/late-add")
def late_add():
    try:
        app.add_middleware(GZipMiddleware)
    except RuntimeError as exc:
        return {"error": str(exc)}
    return {"error": None}


CASES = [
    {"method": "GET", "url": "/order"},
    {"method": "GET", "url": "/order-log"},
    {"method": "GET", "url": "/big", "headers": {"accept-encoding": "gzip"}},
    {"method": "GET", "url": "/big", "headers": {"accept-encoding": "identity"}},
    {"method": "GET", "url": "/small", "headers": {"accept-encoding": "gzip"}},
    {"name": "untrusted host", "method": "GET", "url": "/small", "headers": {"host": "evil.com"}},
    {"name": "wildcard host", "method": "GET", "url": "/small", "headers": {"host": "api.example.com"}},
    {"name": "bare example.com not in wildcard", "method": "GET", "url": "/small", "headers": {"host": "example.com"}},
    {"method": "GET", "url": "/nowhere"},
    {"method": "GET", "url": "/late-add"},
]
