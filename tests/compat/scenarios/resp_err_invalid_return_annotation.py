"""Startup error: a return annotation that is not a valid pydantic field (no response_model=None)."""
from fastapi import FastAPI

app = FastAPI()


class NotAModel:
    def __init__(self, value: int) -> None:
        self.value = value


@app.get("/bad")
def bad() -> NotAModel:
    return NotAModel(1)


CASES = [{"method": "GET", "url": "/bad"}]
