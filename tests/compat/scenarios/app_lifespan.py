"""lifespan= async context manager: code before yield runs once before the first request,
the yielded dict becomes request.state (shallow-copied per request: mutations of the
request.state attribute do not leak, mutation of contained objects does), app.state set
in the lifespan, and the lifespan receives the app itself."""
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request

EVENTS: list[str] = []


def fake_answer_to_everything_ml_model(x: float):
    return x * 42


@asynccontextmanager
async def lifespan(app: FastAPI):
    EVENTS.append(f"startup app_title={app.title}")
    ml_models = {"answer_to_everything": fake_answer_to_everything_ml_model}
    app.state.started = True
    app.state.counter = 0
    yield {"ml_models": ml_models, "shared": {"hits": 0}, "greeting": "hello"}
    EVENTS.append("shutdown")


app = FastAPI(title="Lifespan App", lifespan=lifespan)


@app.get("/predict")
async def predict(x: float, request: Request):
    result = request.state.ml_models["answer_to_everything"](x)
    return {"result": result}


@app.get("/state")
def state(request: Request):
    request.app.state.counter += 1
    request.state.shared["hits"] += 1
    before = request.state.greeting
    request.state.greeting = "changed in this request"
    return {
        "greeting_before": before,
        "shared": request.state.shared,
        "app_started": request.app.state.started,
        "app_counter": request.app.state.counter,
    }


def get_greeting(request: Request) -> str:
    return request.state.greeting


@app.get("/dep")
def dep(greeting: Annotated[str, Depends(get_greeting)]):
    return {"greeting": greeting}


@app.get("/missing-state")
def missing_state(request: Request):
    return {"value": request.state.not_there}


@app.get("/app-state-missing")
def app_state_missing(request: Request):
    return {"value": request.app.state.nope}


@app.get("/events")
def events():
    return EVENTS


CASES = [
    {"method": "GET", "url": "/events"},
    {"method": "GET", "url": "/predict?x=2"},
    {"method": "GET", "url": "/predict?x=abc"},
    {"method": "GET", "url": "/state"},
    {"method": "GET", "url": "/state"},
    {"method": "GET", "url": "/dep"},
    {"method": "GET", "url": "/missing-state"},
    {"method": "GET", "url": "/missing-state", "raise_server_exceptions": True},
    {"method": "GET", "url": "/app-state-missing", "raise_server_exceptions": True},
    {"method": "GET", "url": "/events"},
]
