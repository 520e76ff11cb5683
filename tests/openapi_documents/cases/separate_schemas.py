"""separate_input_output_schemas=False: one schema per model for input and output."""

from typing import Optional

from pydantic import BaseModel, Field, computed_field

from fastapi import FastAPI


class Item(BaseModel):
    name: str
    desc: Optional[str] = None
    tags: list[str] = Field(default_factory=list)

    @computed_field
    @property
    def upper(self) -> str:
        return self.name.upper()


app = FastAPI(separate_input_output_schemas=False)


@app.post("/items")
def create(item: Item) -> Item:
    return item


@app.get("/items")
def list_() -> list[Item]:
    return []
