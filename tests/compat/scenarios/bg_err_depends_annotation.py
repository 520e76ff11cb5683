"""Startup error: a parameter annotated BackgroundTasks whose default is ``Depends(...)``."""

from fastapi import BackgroundTasks, Depends, FastAPI

app = FastAPI()


def get_tasks(background_tasks: BackgroundTasks) -> BackgroundTasks:
    return background_tasks


@app.post("/x")
def endpoint(tasks: BackgroundTasks = Depends(get_tasks)):
    return {"ok": True}


CASES = [{"method": "POST", "url": "/x"}]
