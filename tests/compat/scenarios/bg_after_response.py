"""Background tasks run after the response has been fully sent.

A pure ASGI middleware records every ``send`` message (start, body chunks with more_body)
into LOG, so the log proves the tasks run after the final body message and before the app
call returns. A counter endpoint whose task increments the counter shows each response
reporting the value from before its own task. GET /log and GET /counter read the state back.
(bg_http_middleware does the same behind an ``@app.middleware("http")``.)
"""

from fastapi import BackgroundTasks, FastAPI
from fastapi.responses import PlainTextResponse, StreamingResponse

LOG: list[str] = []
COUNTER = {"value": 0}

app = FastAPI()


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

        LOG.append("asgi middleware: enter")
        await self.app(scope, receive, recording_send)
        LOG.append("asgi middleware: app returned")


app.add_middleware(SendRecorder)


def note(msg: str):
    LOG.append(msg)


async def anote(msg: str):
    LOG.append(msg)


@app.get("/watched/json")
def watched_json(background_tasks: BackgroundTasks):
    LOG.append("endpoint")
    background_tasks.add_task(note, "sync task")
    background_tasks.add_task(anote, "async task")
    return {"hello": "world"}


@app.get("/watched/text", response_class=PlainTextResponse)
async def watched_text(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task after text")
    return "abc"


@app.get("/watched/stream")
async def watched_stream(background_tasks: BackgroundTasks):
    async def gen():
        yield b"ab"
        yield b""
        yield b"cde"

    background_tasks.add_task(note, "task after stream")
    return StreamingResponse(gen())


@app.get("/watched/422")
def watched_422(n: int, background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "never")
    return n


@app.post("/counter")
def bump(background_tasks: BackgroundTasks):
    value = COUNTER["value"]
    background_tasks.add_task(COUNTER.__setitem__, "value", value + 1)
    return {"value_when_responding": value}


@app.get("/counter")
def read_counter():
    return COUNTER


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
    *then_log({"method": "GET", "url": "/watched/text"}),
    *then_log({"method": "GET", "url": "/watched/stream"}),
    *then_log({"method": "GET", "url": "/watched/422?n=x"}),
    {"method": "GET", "url": "/counter"},
    {"method": "POST", "url": "/counter"},
    {"method": "POST", "url": "/counter"},
    {"method": "POST", "url": "/counter"},
    {"method": "GET", "url": "/counter"},
]
