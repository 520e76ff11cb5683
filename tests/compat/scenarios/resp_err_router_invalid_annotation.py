"""Startup error on an APIRouter: invalid return annotation raises at decoration time."""
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter()


class Thing:
    pass


@router.post("/thing")
async def make_thing() -> list[Thing]:
    return []


app.include_router(router)

CASES = [{"method": "POST", "url": "/thing"}]
