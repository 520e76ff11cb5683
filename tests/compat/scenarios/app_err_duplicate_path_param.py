"""Startup error: the same parameter name twice in a route path."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/pairs/{a}/{a}")
def pairs(a: int):
    return {"a": a}


CASES = []
