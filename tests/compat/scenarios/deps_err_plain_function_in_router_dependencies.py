"""Startup error: a bare function in APIRouter(dependencies=[...])."""
from fastapi import APIRouter, FastAPI

app = FastAPI()


def audit():
    return None


router = APIRouter(prefix="/r", dependencies=[audit])


@router.get("/x")
def x():
    return {"ok": True}


app.include_router(router)

CASES = [{"method": "GET", "url": "/r/x"}]
