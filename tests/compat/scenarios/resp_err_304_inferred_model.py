"""Startup error: status_code=304 with a response model inferred from the return annotation."""
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.get("/cached", status_code=304)
async def cached() -> Item:
    return Item(name="x")


CASES = [{"method": "GET", "url": "/cached"}]
