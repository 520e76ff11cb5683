"""Overrides installed at import time (as a test suite would): requests use the override's
parameters while the OpenAPI document keeps describing the original dependency."""
from typing import Annotated

from fastapi import Depends, FastAPI, Header, Query

app = FastAPI()


def original(q: Annotated[str, Query(min_length=2)], x_token: Annotated[str, Header()]):
    return {"q": q, "token": x_token}


def sub(n: int = 1):
    return n


def parent(s: Annotated[int, Depends(sub)], flag: bool = False):
    return {"s": s, "flag": flag}


@app.get("/original")
def read_original(v: Annotated[dict, Depends(original)]):
    return v


@app.get("/parent")
def read_parent(v: Annotated[dict, Depends(parent)]):
    return v


def replacement(page: int = 1, size: Annotated[int, Query(le=50)] = 10):
    return {"page": page, "size": size}


def sub_replacement(m: Annotated[str, Header()]):
    return f"header:{m}"


app.dependency_overrides[original] = replacement
app.dependency_overrides[sub] = sub_replacement


CASES = [
    {"method": "GET", "url": "/original"},
    {"method": "GET", "url": "/original?q=a&page=2&size=20", "headers": {"x-token": "t"}},
    {"method": "GET", "url": "/original?size=51&page=x"},
    {"method": "GET", "url": "/parent", "headers": {"m": "hi"}},
    {"method": "GET", "url": "/parent?n=5&flag=true"},
    {"method": "GET", "url": "/parent?flag=nope", "headers": {"m": "hi"}},
    {"method": "GET", "url": "/openapi.json"},
]
