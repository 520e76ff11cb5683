"""Startup error: APIRouter(dependencies=[Depends(<not callable>)]) when a route is added."""
from fastapi import APIRouter, Depends, FastAPI

app = FastAPI()

router = APIRouter(dependencies=[Depends("not-a-function")])


@router.get("/x")
def x():
    return {"ok": True}


app.include_router(router)

CASES = [{"method": "GET", "url": "/x"}]
