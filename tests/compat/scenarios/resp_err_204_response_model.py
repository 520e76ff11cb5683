"""Startup error: status_code=204 together with an explicit response_model."""
from typing import Optional

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.delete("/items/{item_id}", status_code=204, response_model=Optional[Item])
def delete_item(item_id: int):
    return None


CASES = [{"method": "DELETE", "url": "/items/1"}]
