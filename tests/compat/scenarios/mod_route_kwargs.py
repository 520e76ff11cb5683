"""Unknown keyword arguments to the route decorators and route-adding methods: FastAPI 0.116
rejects them when the decorator is created (before it is applied to a function), with a
TypeError naming the method called; FastAPI(**extra) keeps unknown keywords in app.extra."""
from fastapi import APIRouter, FastAPI

MESSAGES: list[str] = []

app = FastAPI(custom_setting="kept")
router = APIRouter()


def endpoint():
    return "never routed"


ATTEMPTS = [
    ("app.get, decorator not applied", lambda: app.get("/a", foo=1)),
    ("router.post, decorator not applied", lambda: router.post("/b", bogus=1)),
    ("app.api_route applied", lambda: app.api_route("/c", methods=["GET"], zzz=1)(endpoint)),
    ("router.put applied", lambda: router.put("/d", response_model_bogus=True)(endpoint)),
    ("app.add_api_route", lambda: app.add_api_route("/e", endpoint, bogus=1)),
    ("router.add_api_route", lambda: router.add_api_route("/f", endpoint, bogus=1)),
    ("app.websocket", lambda: app.websocket("/g", bogus=1)),
    ("APIRouter()", lambda: APIRouter(bogus=1)),
]

for label, attempt in ATTEMPTS:
    try:
        attempt()
        MESSAGES.append(f"{label}: accepted")
    except TypeError as exc:
        MESSAGES.append(f"{label}: TypeError: {exc}")


@app.get("/messages")
def messages():
    return {"messages": MESSAGES, "extra": app.extra, "paths": [r.path for r in app.routes]}


CASES = [
    {"method": "GET", "url": "/messages"},
]
