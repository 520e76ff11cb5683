"""Form() constraints (length, pattern, numeric bounds) and list fields from repeated keys."""
from decimal import Decimal
from typing import Annotated, List, Literal, Optional

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/constrained")
def constrained(
    code: Annotated[str, Form(min_length=2, max_length=4, pattern="^[a-z]+$")],
    qty: Annotated[int, Form(ge=1, le=10)],
    ratio: Annotated[float, Form(gt=0, lt=1)] = 0.5,
):
    return {"code": code, "qty": qty, "ratio": ratio}


@app.post("/constrained-default-style")
def constrained_default_style(
    title: str = Form(..., min_length=1, title="The title", description="Not empty"),
    price: Decimal = Form(..., max_digits=5, decimal_places=2),
):
    return {"title": title, "price": str(price)}


@app.post("/literal")
def literal(color: Annotated[Literal["red", "green"], Form()]):
    return {"color": color}


@app.post("/list-str")
def list_str(tags: Annotated[list[str], Form()]):
    return {"tags": tags}


@app.post("/list-int")
def list_int(nums: Annotated[List[int], Form()]):
    return {"nums": nums}


@app.post("/list-optional")
def list_optional(tags: Annotated[Optional[list[str]], Form()] = None):
    return {"tags": tags}


@app.post("/list-default")
def list_default(tags: list[str] = Form(["a", "b"])):
    return {"tags": tags}


@app.post("/list-constrained")
def list_constrained(tags: Annotated[list[str], Form(min_length=2, max_length=3)]):
    return {"tags": tags}


@app.post("/set-str")
def set_str(tags: Annotated[set[str], Form()]):
    return {"tags": sorted(tags)}


@app.post("/tuple-int")
def tuple_int(pair: Annotated[tuple[int, int], Form()]):
    return {"pair": list(pair)}


FORM = {"content-type": "application/x-www-form-urlencoded"}

CASES = [
    {"method": "POST", "url": "/constrained", "data": {"code": "ab", "qty": "1"}},
    {"method": "POST", "url": "/constrained", "data": {"code": "abcd", "qty": "10", "ratio": "0.25"}},
    {"method": "POST", "url": "/constrained", "data": {"code": "a", "qty": "0", "ratio": "1"}},
    {"method": "POST", "url": "/constrained", "data": {"code": "abcde", "qty": "11", "ratio": "0"}},
    {"method": "POST", "url": "/constrained", "data": {"code": "AB", "qty": "5"}},
    {"method": "POST", "url": "/constrained", "data": {"code": "", "qty": ""}},
    {"method": "POST", "url": "/constrained", "data": {"code": "ab", "qty": "5", "ratio": ""}},
    {"method": "POST", "url": "/constrained", "data": {"code": "ab", "qty": "5", "ratio": "-1e400"}},
    {"method": "POST", "url": "/constrained-default-style", "data": {"title": "T", "price": "123.45"}},
    {"method": "POST", "url": "/constrained-default-style", "data": {"title": "", "price": "1234.5"}},
    {"method": "POST", "url": "/constrained-default-style", "data": {"title": "T", "price": "1.234"}},
    {"method": "POST", "url": "/constrained-default-style", "data": {"title": "T", "price": "abc"}},
    {"method": "POST", "url": "/literal", "data": {"color": "red"}},
    {"method": "POST", "url": "/literal", "data": {"color": "blue"}},
    {"method": "POST", "url": "/literal", "data": {"color": ""}},
    {"method": "POST", "url": "/list-str", "content": b"tags=a&tags=b&tags=c", "headers": FORM},
    {"method": "POST", "url": "/list-str", "data": {"tags": ["x", "y"]}},
    {"method": "POST", "url": "/list-str", "data": {"tags": "solo"}},
    {"method": "POST", "url": "/list-str", "data": {"tags": ["", ""]}},
    {"method": "POST", "url": "/list-str", "data": {"tags": ""}},
    {"method": "POST", "url": "/list-str", "content": b"tags=a,b,c", "headers": FORM},
    {"method": "POST", "url": "/list-str", "content": b"tags[]=a&tags[]=b", "headers": FORM},
    {"method": "POST", "url": "/list-str"},
    {"method": "POST", "url": "/list-int", "content": b"nums=1&nums=2&nums=3", "headers": FORM},
    {"method": "POST", "url": "/list-int", "content": b"nums=1&nums=x&nums=3&nums=", "headers": FORM},
    {"method": "POST", "url": "/list-int", "content": b"nums=", "headers": FORM},
    {"method": "POST", "url": "/list-int"},
    {"method": "POST", "url": "/list-optional"},
    {"method": "POST", "url": "/list-optional", "content": b"tags=q", "headers": FORM},
    {"method": "POST", "url": "/list-optional", "content": b"tags=", "headers": FORM},
    {"method": "POST", "url": "/list-optional", "content": b"tags=&tags=", "headers": FORM},
    {"method": "POST", "url": "/list-default"},
    {"method": "POST", "url": "/list-default", "content": b"tags=z", "headers": FORM},
    {"method": "POST", "url": "/list-default", "content": b"tags=", "headers": FORM},
    {"method": "POST", "url": "/list-constrained", "content": b"tags=a", "headers": FORM},
    {"method": "POST", "url": "/list-constrained", "content": b"tags=a&tags=b", "headers": FORM},
    {"method": "POST", "url": "/list-constrained", "content": b"tags=a&tags=b&tags=c&tags=d", "headers": FORM},
    {"method": "POST", "url": "/set-str", "content": b"tags=b&tags=a&tags=b", "headers": FORM},
    {"method": "POST", "url": "/tuple-int", "content": b"pair=1&pair=2", "headers": FORM},
    {"method": "POST", "url": "/tuple-int", "content": b"pair=1", "headers": FORM},
    {"method": "POST", "url": "/tuple-int", "content": b"pair=1&pair=2&pair=3", "headers": FORM},
]
