"""Startup error: @app.on_event with an event type other than startup/shutdown."""
from fastapi import FastAPI

app = FastAPI()


@app.on_event("boot")
def boot():
    pass


CASES = []
