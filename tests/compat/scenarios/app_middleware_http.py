"""@app.middleware("http"): execution order of several middlewares (last declared runs
first), modifying response headers, short-circuiting with an early response, reading the
request body in middleware and in the endpoint, replacing the response, middlewares seeing
404/405/422/HTTPException responses, and request.state passed from middleware to endpoint."""
from fastapi import Body, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse

app = FastAPI()

LOG: list[str] = []


@app.middleware("http")
async def first_declared(request: Request, call_next):
    LOG.append(f"first:before {request.method} {request.url.path}")
    response = await call_next(request)
    LOG.append(f"first:after {response.status_code}")
    response.headers["X-First"] = "1"
    return response


@app.middleware("http")
async def second_declared(request: Request, call_next):
    LOG.append("second:before")
    if request.url.path == "/blocked":
        LOG.append("second:short-circuit")
        return JSONResponse({"blocked": True}, status_code=403)
    if request.headers.get("x-replace") == "yes":
        request.state.user = "replaced"
        discarded = await call_next(request)
        LOG.append(f"second:discarded {discarded.status_code}")
        return PlainTextResponse("replaced by middleware", status_code=202)
    request.state.user = "from-middleware"
    response = await call_next(request)
    LOG.append("second:after")
    response.headers["X-Second"] = "2"
    response.headers["X-First"] = "set-by-second"
    return response


@app.middleware("http")
async def body_reader(request: Request, call_next):
    if request.method == "POST":
        body = await request.body()
        LOG.append(f"body:{body.decode(errors='replace')}")
    return await call_next(request)


@app.get("/hello")
def hello(request: Request):
    LOG.append("endpoint:hello")
    return {"user": request.state.user}


@app.get("/blocked")
def blocked():
    LOG.append("endpoint:blocked (never)")
    return {"never": True}


@app.post("/echo")
def echo(payload: dict = Body()):
    LOG.append("endpoint:echo")
    return payload


@app.get("/http-error")
def http_error():
    raise HTTPException(status_code=409, detail="conflict", headers={"X-Err": "e"})


@app.get("/validate")
def validate(n: int):
    return {"n": n}


@app.get("/stream")
def stream():
    def gen():
        yield b"a"
        yield b"b"

    return StreamingResponse(gen(), media_type="text/plain")


@app.get("/log")
def get_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "DELETE", "url": "/log"},
    {"method": "GET", "url": "/hello"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "GET", "url": "/blocked"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/echo", "json": {"a": "é"}},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/echo", "content": b"{broken"},
    {"method": "GET", "url": "/http-error"},
    {"method": "GET", "url": "/validate?n=x"},
    {"method": "GET", "url": "/nowhere"},
    {"method": "PUT", "url": "/hello"},
    {"method": "GET", "url": "/stream"},
    {"method": "GET", "url": "/hello", "headers": {"x-replace": "yes"}},
    {"method": "HEAD", "url": "/hello"},
    {"method": "GET", "url": "/log"},
]
