"""Less common form shapes: two form models, model + plain field, dict/nested types, File() on int,
UploadFile declared with Form(), Form mixed with Body(), Form and Query in one Annotated."""
from typing import Annotated

from fastapi import Body, FastAPI, File, Form, Query, UploadFile
from pydantic import BaseModel

app = FastAPI()


class A(BaseModel):
    x: int


class B(BaseModel):
    y: str


class Nested(BaseModel):
    inner: A
    n: int = 1


@app.post("/two-models")
def two_models(a: Annotated[A, Form()], b: Annotated[B, Form()]):
    return {"a": a, "b": b}


@app.post("/model-and-field")
def model_and_field(a: Annotated[A, Form()], z: Annotated[str, Form()]):
    return {"a": a, "z": z}


@app.post("/dict")
def dict_form(d: Annotated[dict, Form()]):
    return {"d": d}


@app.post("/nested")
def nested(data: Annotated[Nested, Form()]):
    return data


@app.post("/file-int")
def file_int(n: Annotated[int, File()]):
    return {"n": n}


@app.post("/upload-via-form")
async def upload_via_form(f: Annotated[UploadFile, Form()]):
    return {"filename": f.filename, "content": (await f.read()).decode()}


@app.post("/form-and-body")
def form_and_body(a: Annotated[str, Form()], b: Annotated[int, Body()]):
    return {"a": a, "b": b}


@app.post("/form-then-query")
def form_then_query(v: Annotated[int, Form(), Query()]):
    return {"v": v}


@app.post("/query-then-form")
def query_then_form(v: Annotated[int, Query(), Form()]):
    return {"v": v}


B_ = "odd"
MP = {"content-type": f"multipart/form-data; boundary={B_}"}

CASES = [
    {"method": "POST", "url": "/two-models", "data": {"x": "1", "y": "s"}},
    {"method": "POST", "url": "/two-models", "data": {"a": "1", "b": "s"}},
    {"method": "POST", "url": "/two-models"},
    {"method": "POST", "url": "/model-and-field", "data": {"x": "1", "z": "q"}},
    {"method": "POST", "url": "/model-and-field", "data": {"a": "1", "z": "q"}},
    {"method": "POST", "url": "/dict", "data": {"d": "1"}},
    {"method": "POST", "url": "/dict", "data": {"k": "v"}},
    {"method": "POST", "url": "/nested", "data": {"inner": "1"}},
    {"method": "POST", "url": "/nested", "data": {"x": "1", "n": "2"}},
    {"method": "POST", "url": "/nested"},
    {"method": "POST", "url": "/file-int", "data": {"n": "5"}},
    {"method": "POST", "url": "/file-int", "data": {"n": "five"}},
    {"method": "POST", "url": "/file-int"},
    {"method": "POST", "url": "/upload-via-form", "headers": MP, "files": {"f": ("f.txt", b"via form")}},
    {"method": "POST", "url": "/upload-via-form", "data": {"f": "string"}},
    {"method": "POST", "url": "/form-and-body", "data": {"a": "x", "b": "1"}},
    {"method": "POST", "url": "/form-and-body", "json": {"a": "x", "b": 1}},
    {"method": "POST", "url": "/form-and-body", "data": {"a": "x", "b": "one"}},
    {"method": "POST", "url": "/form-then-query?v=1", "data": {"v": "2"}},
    {"method": "POST", "url": "/form-then-query?v=1"},
    {"method": "POST", "url": "/form-then-query", "data": {"v": "2"}},
    {"method": "POST", "url": "/query-then-form?v=1", "data": {"v": "2"}},
    {"method": "POST", "url": "/query-then-form?v=1"},
    {"method": "POST", "url": "/query-then-form", "data": {"v": "2"}},
]
