"""Startup error: a FastAPI parameter marker (``Query``) on a BackgroundTasks parameter."""

from typing import Annotated

from fastapi import BackgroundTasks, FastAPI, Query

app = FastAPI()


@app.post("/x")
def endpoint(tasks: Annotated[BackgroundTasks, Query()]):
    return {"ok": True}


CASES = [{"method": "POST", "url": "/x"}]
