"""Bodies that are not a single model: list[Model], list[int], dict[str, int], dict[int, float],
set[str], and the same declared via Body()/Annotated."""
from typing import Annotated, Any

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


class Image(BaseModel):
    url: str
    name: str


@app.post("/images/multiple/")
async def create_multiple_images(images: list[Image]):
    return images


@app.post("/images/count/")
def count_images(images: list[Image]):
    return {"count": len(images), "names": [i.name for i in images]}


@app.post("/index-weights/")
async def create_index_weights(weights: dict[int, float]):
    return weights


@app.post("/str-int/")
def str_int(data: dict[str, int]):
    return {"data": data, "total": sum(data.values())}


@app.post("/ints/")
def ints(values: Annotated[list[int], Body()]):
    return {"values": values, "sum": sum(values)}


@app.post("/tags/")
def tags(tags: set[str] = Body()):
    return sorted(tags)


@app.post("/any/")
def any_body(payload: Any = Body()):
    return {"payload": payload, "type": type(payload).__name__}


@app.post("/dict-any/")
def dict_any(payload: dict):
    return {"payload": payload, "keys": list(payload)}


@app.post("/list-plain/")
def list_plain(payload: list):  # a bare `list` annotation is read from a form, not JSON
    return {"len": len(payload)}


CASES = [
    {"method": "POST", "url": "/images/multiple/", "json": [{"url": "http://a", "name": "a"}, {"url": "http://b", "name": "b"}]},
    {"method": "POST", "url": "/images/multiple/", "json": []},
    {"method": "POST", "url": "/images/multiple/", "json": [{"url": "http://a"}, {"name": "b"}, 3]},
    {"method": "POST", "url": "/images/multiple/", "json": {"url": "http://a", "name": "a"}},
    {"method": "POST", "url": "/images/multiple/", "json": {"images": [{"url": "http://a", "name": "a"}]}},
    {"method": "POST", "url": "/images/multiple/", "json": "abc"},
    {"method": "POST", "url": "/images/multiple/", "json": None},
    {"method": "POST", "url": "/images/multiple/"},
    {"method": "POST", "url": "/images/count/", "json": [{"url": "u", "name": "n1"}, {"url": "u", "name": "n2", "extra": 1}]},
    {"method": "POST", "url": "/index-weights/", "json": {"1": 2.5, "3": 4}},
    {"method": "POST", "url": "/index-weights/", "json": {"foo": 2.5, "3": "bar"}},
    {"method": "POST", "url": "/index-weights/", "json": {" 7 ": 1, "-2": "3.5", "1.0": 0}},
    {"method": "POST", "url": "/index-weights/", "json": {}},
    {"method": "POST", "url": "/index-weights/", "json": [[1, 2.0]]},
    {"method": "POST", "url": "/index-weights/", "content": b'{"1": 1, "01": 2}', "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/str-int/", "json": {"a": 1, "b": 2}},
    {"method": "POST", "url": "/str-int/", "json": {"a": "1", "b": 2.0, "c": True}},
    {"method": "POST", "url": "/str-int/", "json": {"a": "x", "b": 2.5, "c": None, "d": [1]}},
    {"method": "POST", "url": "/str-int/", "json": {"": 0, "ü": -5}},
    {"method": "POST", "url": "/str-int/", "json": [1, 2]},
    {"method": "POST", "url": "/str-int/", "json": "a=1"},
    {"method": "POST", "url": "/ints/", "json": [1, 2, "3"]},
    {"method": "POST", "url": "/ints/", "json": [1, "x", None]},
    {"method": "POST", "url": "/ints/", "json": {"values": [1]}},
    {"method": "POST", "url": "/ints/", "json": 5},
    {"method": "POST", "url": "/tags/", "json": ["b", "a", "b"]},
    {"method": "POST", "url": "/tags/", "json": {"tags": ["b"]}},
    {"method": "POST", "url": "/any/", "json": {"a": [1, {"b": None}]}},
    {"method": "POST", "url": "/any/", "json": [1, "two", 3.0]},
    {"method": "POST", "url": "/any/", "json": "just a string"},
    {"method": "POST", "url": "/any/", "json": 12.5},
    {"method": "POST", "url": "/any/", "json": False},
    {"method": "POST", "url": "/any/", "json": None},
    {"method": "POST", "url": "/any/"},
    {"method": "POST", "url": "/dict-any/", "json": {"z": 1, "a": 2, "m": {"x": []}}},
    {"method": "POST", "url": "/dict-any/", "json": [["a", 1]]},
    {"method": "POST", "url": "/dict-any/", "json": {}},
    {"method": "POST", "url": "/list-plain/", "json": [1, "a", None]},
    {"method": "POST", "url": "/list-plain/", "json": {"a": 1}},
    {"method": "POST", "url": "/list-plain/", "json": "abc"},
    {"method": "POST", "url": "/list-plain/", "data": {"payload": ["a", "b"]}},
    {"method": "POST", "url": "/list-plain/", "content": b"payload=1", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/list-plain/", "files": {"payload": ("f.txt", b"hello")}},
]
