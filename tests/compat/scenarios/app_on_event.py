"""Startup/shutdown handlers: FastAPI(on_startup=[...], on_shutdown=[...]) plus
@app.on_event("startup"/"shutdown") (sync and async), their order, each run exactly once;
handlers can set app.state; shutdown handlers have not run while requests are served."""
from fastapi import FastAPI

COUNTS: dict[str, int] = {}
ORDER: list[str] = []


def bump(name: str):
    COUNTS[name] = COUNTS.get(name, 0) + 1
    ORDER.append(name)


def ctor_startup_sync():
    bump("ctor_startup_sync")


async def ctor_startup_async():
    bump("ctor_startup_async")


def ctor_shutdown():
    bump("ctor_shutdown")


app = FastAPI(on_startup=[ctor_startup_sync, ctor_startup_async], on_shutdown=[ctor_shutdown])


@app.on_event("startup")
async def decorated_startup_async():
    bump("decorated_startup_async")
    app.state.items = {"foo": {"name": "Fighters"}}


@app.on_event("startup")
def decorated_startup_sync():
    bump("decorated_startup_sync")


@app.on_event("shutdown")
def decorated_shutdown():
    bump("decorated_shutdown")


def added_later():
    bump("added_via_add_event_handler")


app.add_event_handler("startup", added_later)


@app.get("/items/{item_id}")
async def read_items(item_id: str):
    return app.state.items.get(item_id)


@app.get("/counts")
def counts():
    return {"counts": COUNTS, "order": ORDER}


CASES = [
    {"method": "GET", "url": "/counts"},
    {"method": "GET", "url": "/items/foo"},
    {"method": "GET", "url": "/items/bar"},
]
