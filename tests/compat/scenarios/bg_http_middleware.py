"""Background tasks behind an ``@app.middleware("http")`` (BaseHTTPMiddleware).

A pure ASGI middleware outside it records what is actually sent; the http middleware records
before/after ``call_next`` and adds a header. The log shows when the middleware's code after
``call_next`` runs relative to the endpoint's tasks, and what a failing task does to the
client in both raise modes. The middleware can also attach its own background to the response
it returns.
"""

from fastapi import BackgroundTasks, FastAPI, Request
from starlette.background import BackgroundTask

LOG: list[str] = []

app = FastAPI()


async def note(msg: str):
    # async on purpose: no worker threads, so the interleaving is decided by the event loop alone
    LOG.append(msg)


@app.middleware("http")
async def http_middleware(request: Request, call_next):
    if not request.url.path.startswith("/watched"):
        return await call_next(request)
    LOG.append("http middleware: before call_next")
    response = await call_next(request)
    LOG.append(f"http middleware: after call_next (status {response.status_code})")
    response.headers["x-mw"] = "1"
    if request.query_params.get("mw_task"):
        response.background = BackgroundTask(note, "task attached by the http middleware")
    return response


class SendRecorder:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/watched"):
            await self.app(scope, receive, send)
            return

        async def recording_send(message):
            if message["type"] == "http.response.start":
                LOG.append(f"sent start {message['status']}")
            elif message["type"] == "http.response.body":
                LOG.append(f"sent body {len(message.get('body', b''))} bytes more_body={message.get('more_body', False)}")
            await send(message)

        await self.app(scope, receive, recording_send)
        LOG.append("asgi middleware: app returned")


app.add_middleware(SendRecorder)


def boom():
    LOG.append("task raising")
    raise LookupError("task failed behind middleware")


@app.get("/watched/json")
def watched_json(background_tasks: BackgroundTasks):
    LOG.append("endpoint")
    background_tasks.add_task(note, "endpoint task 1")
    background_tasks.add_task(note, "endpoint task 2")
    return {"hello": "world"}


@app.get("/watched/fail")
def watched_fail(background_tasks: BackgroundTasks):
    background_tasks.add_task(boom)
    background_tasks.add_task(note, "after failing task")
    return {"ok": True}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def then_log(case):
    return [case, {"method": "GET", "url": "/log"}, {"method": "DELETE", "url": "/log"}]


CASES = [
    *then_log({"method": "GET", "url": "/watched/json"}),
    *then_log({"method": "GET", "url": "/watched/json?mw_task=1"}),
    *then_log({"method": "GET", "url": "/watched/fail"}),
    *then_log({"method": "GET", "url": "/watched/fail", "raise_server_exceptions": True}),
    *then_log({"method": "GET", "url": "/watched/nope"}),
]
