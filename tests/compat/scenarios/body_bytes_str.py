"""`bytes` and `str` declared via Body(): raw vs JSON-decoded handling depending on the
Content-Type, embedded bytes/str, constraints on them, bytes/str fields inside a model."""
from typing import Annotated

from fastapi import Body, FastAPI
from pydantic import BaseModel

app = FastAPI()


@app.post("/bytes/")
def bytes_body(data: Annotated[bytes, Body()]):
    return {"len": len(data), "type": type(data).__name__, "text": data.decode("latin-1")}


@app.post("/str/")
def str_body(data: str = Body()):
    return {"len": len(data), "data": data}


@app.post("/bytes-embed/")
def bytes_embed(data: Annotated[bytes, Body(embed=True)]):
    return {"len": len(data), "text": data.decode("latin-1")}


@app.post("/str-constrained/")
def str_constrained(data: Annotated[str, Body(min_length=2, max_length=4)]):
    return {"data": data}


@app.post("/bytes-optional/")
def bytes_optional(data: Annotated[bytes | None, Body()] = None):
    return {"data": None if data is None else data.decode("latin-1")}


@app.post("/int/")
def int_body(n: Annotated[int, Body()]):
    return {"n": n}


class Blob(BaseModel):
    raw: bytes
    text: str


@app.post("/blob/")
def blob(b: Blob):
    return {"raw_len": len(b.raw), "text": b.text}


T = {"content-type": "text/plain"}
J = {"content-type": "application/json"}
O = {"content-type": "application/octet-stream"}
CASES = [
    {"method": "POST", "url": "/bytes/", "content": b"hello", "headers": O},
    {"method": "POST", "url": "/bytes/", "content": b"\x00\x01\xff", "headers": O},
    {"method": "POST", "url": "/bytes/", "content": b'"hello"', "headers": J},
    {"method": "POST", "url": "/bytes/", "content": b"[1, 2]", "headers": J},
    {"method": "POST", "url": "/bytes/", "content": b"123", "headers": J},
    {"method": "POST", "url": "/bytes/", "content": b"hello", "headers": J},
    {"method": "POST", "url": "/bytes/", "content": b"hello"},
    {"method": "POST", "url": "/bytes/", "content": b"", "headers": O},
    {"method": "POST", "url": "/bytes/"},
    {"method": "POST", "url": "/str/", "content": b"plain text", "headers": T},
    {"method": "POST", "url": "/str/", "content": b'"json string"', "headers": J},
    {"method": "POST", "url": "/str/", "content": b'"json string"', "headers": T},
    {"method": "POST", "url": "/str/", "content": b"42", "headers": J},
    {"method": "POST", "url": "/str/", "content": b'{"data": "x"}', "headers": J},
    {"method": "POST", "url": "/str/", "content": b"null", "headers": J},
    {"method": "POST", "url": "/str/", "content": "h\u00e9 \U0001F600".encode(), "headers": T},
    {"method": "POST", "url": "/str/", "content": b"  padded  ", "headers": T},
    {"method": "POST", "url": "/bytes-embed/", "json": {"data": "abc"}},
    {"method": "POST", "url": "/bytes-embed/", "json": {"data": "h\u00e9"}},
    {"method": "POST", "url": "/bytes-embed/", "json": {"data": 5}},
    {"method": "POST", "url": "/bytes-embed/", "content": b"abc", "headers": O},
    {"method": "POST", "url": "/str-constrained/", "content": b"abc", "headers": T},
    {"method": "POST", "url": "/str-constrained/", "content": b"a", "headers": T},
    {"method": "POST", "url": "/str-constrained/", "content": b"abcdef", "headers": T},
    {"method": "POST", "url": "/str-constrained/", "content": b'"abcdef"', "headers": J},
    {"method": "POST", "url": "/bytes-optional/"},
    {"method": "POST", "url": "/bytes-optional/", "content": b"xy", "headers": O},
    {"method": "POST", "url": "/bytes-optional/", "content": b"", "headers": O},
    {"method": "POST", "url": "/int/", "content": b"12", "headers": T},
    {"method": "POST", "url": "/int/", "content": b"12", "headers": J},
    {"method": "POST", "url": "/int/", "content": b" 12 ", "headers": T},
    {"method": "POST", "url": "/int/", "content": b"twelve", "headers": T},
    {"method": "POST", "url": "/blob/", "json": {"raw": "abc", "text": "t"}},
    {"method": "POST", "url": "/blob/", "json": {"raw": [1, 2], "text": b"x".decode()}},
]
