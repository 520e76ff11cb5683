"""Startup error: a path operation's dependencies=[Depends(<not callable>)]."""
from fastapi import Depends, FastAPI

app = FastAPI()


@app.get("/x", dependencies=[Depends(42)])
def x():
    return {"ok": True}


CASES = [{"method": "GET", "url": "/x"}]
