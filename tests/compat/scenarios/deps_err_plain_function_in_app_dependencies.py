"""Startup error: a bare function in FastAPI(dependencies=[...]) fails when the first route is added."""
from fastapi import FastAPI

LOG = []


def audit():
    LOG.append("audit")


app = FastAPI(dependencies=[audit])


@app.get("/")
def root():
    return {"ok": True}


CASES = [{"method": "GET", "url": "/"}]
