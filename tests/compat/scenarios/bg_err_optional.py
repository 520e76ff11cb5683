"""Startup error: ``BackgroundTasks | None`` is not recognised as the injected object."""

from fastapi import BackgroundTasks, FastAPI

app = FastAPI()


@app.post("/x")
def endpoint(tasks: BackgroundTasks | None = None):
    return {"ok": tasks is None}


CASES = [{"method": "POST", "url": "/x"}]
