"""How response models show in OpenAPI: Input/Output split, generics, lists/dicts/Optional, status codes, responses=."""
from typing import Generic, Optional, TypeVar, Union

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field, computed_field

app = FastAPI()

T = TypeVar("T")


class Item(BaseModel):
    name: str
    description: Optional[str] = None
    tags: list[str] = Field(default_factory=list)


class Box(BaseModel):
    size: int

    @computed_field
    @property
    def double(self) -> int:
        return self.size * 2


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class Message(BaseModel):
    detail: str


@app.post("/items", response_model=Item, status_code=201)
def create_item(item: Item):
    return item


@app.post("/boxes")
def create_box(box: Box) -> Box:
    return box


@app.get("/page")
def page() -> Page[Item]:
    return Page[Item](items=[Item(name="a")], total=1)


@app.get("/items-list", response_model=list[Item])
def items_list():
    return [{"name": "x", "tags": ["t"]}]


@app.get("/items-dict")
def items_dict() -> dict[str, Item]:
    return {"x": Item(name="x")}


@app.get("/maybe-item")
def maybe_item() -> Optional[Item]:
    return None


@app.get("/union")
def union() -> Union[Item, Message]:
    return Message(detail="m")


@app.get("/scalar")
def scalar() -> int:
    return 1


@app.get(
    "/documented/{item_id}",
    response_model=Item,
    responses={
        404: {"model": Message, "description": "The item was not found"},
        200: {"description": "Item requested by ID", "content": {"image/png": {}}},
        "5XX": {"description": "Server trouble"},
    },
)
def documented(item_id: str):
    if item_id == "missing":
        return JSONResponse(status_code=404, content={"detail": "Item not found"})
    return {"name": item_id}


@app.get("/html-doc", response_class=HTMLResponse, responses={200: {"content": {"application/json": {}}}})
def html_doc():
    return "<p>x</p>"


@app.get("/deprecated-and-description", deprecated=True, response_description="All good", status_code=202)
def deprecated_and_description() -> Message:
    return Message(detail="ok")


@app.delete("/gone", status_code=204)
def gone():
    return None


CASES = [
    {"method": "POST", "url": "/items", "json": {"name": "n"}},
    {"method": "POST", "url": "/boxes", "json": {"size": 2, "double": 100}},
    {"method": "GET", "url": "/page"},
    {"method": "GET", "url": "/items-list"},
    {"method": "GET", "url": "/items-dict"},
    {"method": "GET", "url": "/maybe-item"},
    {"method": "GET", "url": "/union"},
    {"method": "GET", "url": "/scalar"},
    {"method": "GET", "url": "/documented/foo"},
    {"method": "GET", "url": "/documented/missing"},
    {"method": "GET", "url": "/html-doc"},
    {"method": "GET", "url": "/deprecated-and-description"},
    {"method": "DELETE", "url": "/gone"},
]
