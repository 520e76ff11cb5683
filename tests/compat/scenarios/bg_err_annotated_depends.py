"""Startup error: ``Annotated[BackgroundTasks, Depends()]`` (class-as-dependency style)."""

from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI

app = FastAPI()


@app.post("/x")
def endpoint(tasks: Annotated[BackgroundTasks, Depends()]):
    return {"ok": True}


CASES = [{"method": "POST", "url": "/x"}]
