"""Do queued background tasks run when the request ends in an error response?

Tasks are queued by a dependency (always resolved first) and/or the endpoint, then the request
fails with a 422 (query, path, body: missing, wrong type, malformed JSON, wrong content type),
an HTTPException (from the endpoint or from a later dependency), a custom exception with a
handler, or a response-model validation error (500). Handlers that attach their own
``background`` are compared, and so are error statuses returned normally. GET /log shows what ran.
"""

from typing import Annotated

from fastapi import BackgroundTasks, Body, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.background import BackgroundTask

LOG: list[str] = []

app = FastAPI()


def note(msg: str):
    LOG.append(msg)


class Teapot(Exception):
    def __init__(self, attach: bool):
        self.attach = attach


@app.exception_handler(Teapot)
async def teapot_handler(request: Request, exc: Teapot):
    LOG.append("teapot handler ran")
    bg = BackgroundTask(note, "task attached by the Teapot handler") if exc.attach else None
    return JSONResponse({"teapot": True}, status_code=418, background=bg)


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError):
    LOG.append(f"validation handler ran ({len(exc.errors())} errors)")
    attach = request.url.path.startswith("/attach")
    bg = BackgroundTask(note, "task attached by the validation handler") if attach else None
    return JSONResponse({"detail": jsonable_encoder(exc.errors()), "custom": True}, status_code=422, background=bg)


def queue_first(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task queued by the first dependency")


def forbid(flag: Annotated[str, Query()] = "ok"):
    if flag == "deny":
        raise HTTPException(status_code=403, detail="denied by dependency", headers={"x-why": "deny"})
    return flag


class Item(BaseModel):
    name: str
    price: float


class Out(BaseModel):
    value: int


@app.post("/query/{n}", dependencies=[Depends(queue_first)])
def query_endpoint(n: int, limit: int, background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task queued by the endpoint")
    return {"n": n, "limit": limit}


@app.post("/attach/{n}", dependencies=[Depends(queue_first)])
def attach_endpoint(n: int, background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task queued by the endpoint")
    return {"n": n}


@app.post("/body", dependencies=[Depends(queue_first)])
async def body_endpoint(item: Item, background_tasks: BackgroundTasks):
    background_tasks.add_task(note, f"task for item {item.name}")
    return item


@app.post("/embed", dependencies=[Depends(queue_first)])
async def embed_endpoint(background_tasks: BackgroundTasks, qty: Annotated[int, Body(embed=True)]):
    background_tasks.add_task(note, f"task for qty {qty}")
    return {"qty": qty}


@app.post("/http-exception/{code}")
def http_exception(code: int, background_tasks: BackgroundTasks, _: None = Depends(queue_first)):
    background_tasks.add_task(note, "task queued by the endpoint before raising")
    raise HTTPException(status_code=code, detail=f"failed with {code}")


@app.post("/dependency-denies")
def dependency_denies(
    background_tasks: BackgroundTasks,
    _first: None = Depends(queue_first),
    flag: str = Depends(forbid),
):
    background_tasks.add_task(note, "task queued by the endpoint")
    return {"flag": flag}


@app.post("/teapot")
def teapot(background_tasks: BackgroundTasks, attach: bool = False):
    background_tasks.add_task(note, "task queued by the endpoint before Teapot")
    raise Teapot(attach)


@app.post("/bad-response-model", response_model=Out)
def bad_response_model(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task queued before an invalid return value")
    return {"value": "not an int"}


@app.post("/returns-error-status")
def returns_error_status(response: Response, background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task on a normally returned 400")
    response.status_code = 400
    return {"error": "but returned normally"}


@app.post("/returns-500-response")
def returns_500_response(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task on a returned JSONResponse(500)")
    return JSONResponse({"error": "server-ish"}, status_code=500)


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def then_log(case):
    return [case, {"method": "GET", "url": "/log"}, {"method": "DELETE", "url": "/log"}]


CASES = [
    *then_log({"method": "POST", "url": "/query/1?limit=5"}),
    # 422s: the dependency ran (queued its task) but nothing runs
    *then_log({"method": "POST", "url": "/query/1"}),
    *then_log({"method": "POST", "url": "/query/x?limit=y"}),
    # 422 through a handler that attaches its own background task
    *then_log({"method": "POST", "url": "/attach/x"}),
    *then_log({"method": "POST", "url": "/attach/3"}),
    *then_log({"method": "POST", "url": "/body", "json": {"name": "pen", "price": 1.5}}),
    *then_log({"method": "POST", "url": "/body", "json": {"name": "pen"}}),
    *then_log({"method": "POST", "url": "/body", "json": {"name": 1, "price": "cheap"}}),
    *then_log({"method": "POST", "url": "/body", "content": b'{"name": "pen", "price": 1', "headers": {"content-type": "application/json"}}),
    *then_log({"method": "POST", "url": "/body", "content": b"name=pen&price=1", "headers": {"content-type": "application/x-www-form-urlencoded"}}),
    *then_log({"method": "POST", "url": "/body"}),
    *then_log({"method": "POST", "url": "/body", "json": []}),
    *then_log({"method": "POST", "url": "/embed", "json": {"qty": 2}}),
    *then_log({"method": "POST", "url": "/embed", "json": 2}),
    *then_log({"method": "POST", "url": "/embed", "json": {"qty": "3"}}),
    *then_log({"method": "POST", "url": "/embed", "json": {"qty": 99999999999999999999999999}}),
    # 1e400 parses as inf: the handler's JSONResponse cannot render it (500)
    *then_log({"method": "POST", "url": "/embed", "content": b'{"qty": 1e400}', "headers": {"content-type": "application/json"}}),
    {"method": "POST", "url": "/embed", "content": b'{"qty": 1e400}', "headers": {"content-type": "application/json"}, "raise_server_exceptions": True},
    {"method": "DELETE", "url": "/log"},
    # HTTPException raised by the endpoint after queueing
    *then_log({"method": "POST", "url": "/http-exception/400"}),
    *then_log({"method": "POST", "url": "/http-exception/503"}),
    # HTTPException raised by a later dependency
    *then_log({"method": "POST", "url": "/dependency-denies?flag=deny"}),
    *then_log({"method": "POST", "url": "/dependency-denies?flag=fine"}),
    # custom exception + handler, with and without a handler-attached task
    *then_log({"method": "POST", "url": "/teapot"}),
    *then_log({"method": "POST", "url": "/teapot?attach=true"}),
    *then_log({"method": "POST", "url": "/teapot?attach=maybe"}),
    # response_model validation failure -> 500
    *then_log({"method": "POST", "url": "/bad-response-model"}),
    {"method": "POST", "url": "/bad-response-model", "raise_server_exceptions": True},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # error statuses returned normally
    *then_log({"method": "POST", "url": "/returns-error-status"}),
    *then_log({"method": "POST", "url": "/returns-500-response"}),
    # routing errors: nothing at all runs
    *then_log({"method": "GET", "url": "/query/1?limit=5"}),
    *then_log({"method": "POST", "url": "/nope"}),
]
