"""The base class fastapi.params.Param used directly: a query parameter."""
from typing import Annotated, List, Optional

from fastapi import Depends, FastAPI
from fastapi.params import Param

app = FastAPI()


@app.get("/items")
def read_items(q: Optional[str] = Param(default=None)):
    return {"q": q}


@app.get("/constrained")
def constrained(
    a: Annotated[int, Param(gt=1)] = 5,
    x_y: str = Param("d", alias="X-Y"),
    values: List[int] = Param([]),
):
    return [a, x_y, values]


def dependency(d: Optional[str] = Param(default=None, description="dd")):
    return d


@app.get("/dependency")
def with_dependency(value=Depends(dependency)):
    return value


CASES = [
    {"method": "GET", "url": "/items"},
    {"method": "GET", "url": "/items?q=x"},
    {"method": "GET", "url": "/constrained"},
    {"method": "GET", "url": "/constrained?a=0"},
    {"method": "GET", "url": "/constrained?X-Y=v&values=1&values=2"},
    {"method": "GET", "url": "/constrained?values=x"},
    {"method": "GET", "url": "/dependency?d=q"},
]
