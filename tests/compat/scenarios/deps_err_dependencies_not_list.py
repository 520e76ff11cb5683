"""Startup error: dependencies= given a single Depends instead of a list."""
from fastapi import Depends, FastAPI

app = FastAPI()


def audit():
    return None


@app.get("/", dependencies=Depends(audit))
def root():
    return {"ok": True}


CASES = [{"method": "GET", "url": "/"}]
