"""Startup error: include_router(prefix=...) ending with '/'."""
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


@router.get("/items")
def items():
    return []


app.include_router(router, prefix="/v1/")

CASES = []
