"""Dependencies receiving Request, Response and BackgroundTasks: headers, cookies and status
codes set from a dependency, interaction with returned Response objects and errors."""
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()

LOG: list[str] = []


@app.get("/log")
def read_log():
    entries = list(LOG)
    LOG.clear()
    return entries


def request_info(request: Request):
    return {
        "method": request.method,
        "path": request.url.path,
        "query": str(request.url.query),
        "ua": request.headers.get("x-client", "none"),
        "path_params": dict(request.path_params),
    }


@app.get("/request/{item_id}")
def with_request(item_id: int, info: Annotated[dict, Depends(request_info)]):
    return {"item_id": item_id, "info": info}


def set_header(response: Response):
    response.headers["X-From-Dep"] = "dep"
    return "header-set"


def set_cookie(response: Response):
    response.set_cookie(key="dep_cookie", value="yum", httponly=True)
    return "cookie-set"


def set_status(response: Response, code: int = 201):
    response.status_code = code
    return "status-set"


@app.get("/response/header")
def response_header(h: Annotated[str, Depends(set_header)]):
    return {"h": h}


@app.get("/response/all")
def response_all(
    response: Response,
    h: Annotated[str, Depends(set_header)],
    c: Annotated[str, Depends(set_cookie)],
    s: Annotated[str, Depends(set_status)],
):
    response.headers["X-From-Endpoint"] = "endpoint"
    return {"h": h, "c": c, "s": s}


@app.get("/response/status-overridden-by-endpoint", status_code=202)
def status_overridden(s: Annotated[str, Depends(set_status)]):
    return {"s": s}


@app.get("/response/endpoint-overrides-dep")
def endpoint_overrides_dep(response: Response, s: Annotated[str, Depends(set_status)]):
    response.status_code = 203
    return {"s": s}


@app.get("/response/returned-response")
def returned_response(h: Annotated[str, Depends(set_header)], c: Annotated[str, Depends(set_cookie)]):
    # a Response returned directly ignores the temporal response's headers and cookies
    return JSONResponse({"returned": True}, status_code=200)


@app.get("/response/dep-then-http-exception")
def dep_then_http_exception(h: Annotated[str, Depends(set_header)]):
    raise HTTPException(status_code=400, detail="after dep header")


@app.get("/response/no-content", status_code=204, dependencies=[Depends(set_header)])
def no_content():
    return None


def yield_sets_header(response: Response):
    response.headers["X-Setup"] = "1"
    yield
    response.headers["X-Teardown"] = "1"  # too late to reach the client
    LOG.append("yield_sets_header:teardown")


@app.get("/response/yield-header", dependencies=[Depends(yield_sets_header)])
def yield_header():
    return {"ok": True}


def dep_duplicate_header(response: Response):
    response.headers.append("X-Multi", "one")
    response.headers.append("X-Multi", "two")


@app.get("/response/multi-header", dependencies=[Depends(dep_duplicate_header)])
def multi_header(response: Response):
    response.headers["X-Multi"] = "endpoint"
    return {}


def dep_media(response: Response):
    response.media_type = "text/plain"
    response.headers["content-type"] = "text/plain"


@app.get("/response/content-type-from-dep", dependencies=[Depends(dep_media)])
def content_type_from_dep():
    return {"json": "still"}


# --- background tasks in dependencies -------------------------------------------------


def write_log(message: str):
    LOG.append(message)


def dep_with_tasks(background_tasks: BackgroundTasks, q: str | None = None):
    if q:
        background_tasks.add_task(write_log, f"dep found query: {q}")
    return q


@app.post("/send-notification/{email}", status_code=status.HTTP_202_ACCEPTED)
def send_notification(email: str, background_tasks: BackgroundTasks, q: Annotated[str | None, Depends(dep_with_tasks)]):
    background_tasks.add_task(write_log, f"message to {email}")
    return {"message": "Message sent"}


@app.post("/tasks-then-error")
def tasks_then_error(q: Annotated[str | None, Depends(dep_with_tasks)]):
    raise HTTPException(status_code=400, detail="failed")


@app.post("/tasks-returned-response")
def tasks_returned_response(q: Annotated[str | None, Depends(dep_with_tasks)]):
    return PlainTextResponse("plain")


@app.post("/tasks-returned-response-with-own-background")
def tasks_returned_response_own(q: Annotated[str | None, Depends(dep_with_tasks)]):
    from starlette.background import BackgroundTask

    return PlainTextResponse("own", background=BackgroundTask(write_log, "own task"))


# --- dependencies reading the raw body / sharing request.state --------------------------


async def raw_body(request: Request):
    body = await request.body()
    request.state.raw_len = len(body)
    return body.decode("utf-8", errors="replace")


@app.post("/raw-and-parsed")
async def raw_and_parsed(payload: dict, raw: Annotated[str, Depends(raw_body)], request: Request):
    return {"payload": payload, "raw": raw, "raw_len": request.state.raw_len}


@app.post("/raw-only")
async def raw_only(raw: Annotated[str, Depends(raw_body)]):
    return {"raw": raw}


CASES = [
    {"method": "GET", "url": "/request/3?a=1&b=2", "headers": {"x-client": "tester"}},
    {"method": "GET", "url": "/request/x"},
    {"method": "GET", "url": "/response/header"},
    {"method": "GET", "url": "/response/all"},
    {"method": "GET", "url": "/response/all?code=418"},
    {"method": "GET", "url": "/response/all?code=abc"},
    {"method": "GET", "url": "/response/status-overridden-by-endpoint"},
    {"method": "GET", "url": "/response/status-overridden-by-endpoint?code=200"},
    {"method": "GET", "url": "/response/endpoint-overrides-dep"},
    {"method": "GET", "url": "/response/returned-response"},
    {"method": "GET", "url": "/response/dep-then-http-exception"},
    {"method": "GET", "url": "/response/no-content"},
    {"method": "GET", "url": "/response/yield-header"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/response/multi-header"},
    {"method": "GET", "url": "/response/content-type-from-dep"},
    {"method": "POST", "url": "/send-notification/a@b.c?q=hello"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/send-notification/a@b.c"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/tasks-then-error?q=err"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/tasks-returned-response?q=ret"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/tasks-returned-response-with-own-background?q=ret2"},
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/raw-and-parsed", "json": {"a": 1}},
    {"method": "POST", "url": "/raw-and-parsed", "content": b"{\"a\": [1, 2]}", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/raw-and-parsed", "content": b"[1]", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/raw-only", "content": "caf\u00e9".encode()},
    {"method": "POST", "url": "/raw-only", "content": b"\xff\xfe"},
]
