"""Startup error: return annotation `Response | dict` without response_model=None."""
from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/union")
def union(flag: bool = False) -> Response | dict:
    return {"flag": flag}


CASES = [{"method": "GET", "url": "/union"}]
