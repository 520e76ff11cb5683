"""Startup error: response_model= given a class that is not a valid pydantic field."""
from fastapi import FastAPI

app = FastAPI()


class Plain:
    name: str


@app.get("/bad", response_model=Plain)
def bad():
    return {"name": "x"}


CASES = [{"method": "GET", "url": "/bad"}]
