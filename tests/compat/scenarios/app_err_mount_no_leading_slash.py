"""Startup error: app.mount() with a path not starting with '/'."""
from fastapi import FastAPI

app = FastAPI()
sub = FastAPI()
app.mount("sub", sub)

CASES = []
