"""Startup error: include_router() given a FastAPI app instead of an APIRouter."""
from fastapi import FastAPI

app = FastAPI()
other = FastAPI()


@other.get("/x")
def x():
    return {}


app.include_router(other)

CASES = []
