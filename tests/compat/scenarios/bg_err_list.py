"""Startup error: ``list[BackgroundTasks]`` as a parameter type."""

from fastapi import BackgroundTasks, FastAPI

app = FastAPI()


@app.post("/x")
def endpoint(tasks: list[BackgroundTasks]):
    return {"ok": True}


CASES = [{"method": "POST", "url": "/x"}]
