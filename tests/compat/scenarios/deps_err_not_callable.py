"""Startup error: Depends() given something that is not callable."""
from fastapi import Depends, FastAPI

app = FastAPI()

SETTINGS = {"debug": True}


@app.get("/")
def read(settings: dict = Depends(SETTINGS)):
    return settings


CASES = [{"method": "GET", "url": "/"}]
