"""Startup error: including a router whose route path is "" without any prefix."""
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@router.get("")
def read_root():
    return {"root": True}


app.include_router(router)

CASES = []
