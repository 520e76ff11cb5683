"""Form, File and Body parameters declared inside dependencies: how they merge with the
endpoint's own body params (embedding, media type), and bad/mismatched request bodies."""
from typing import Annotated

from fastapi import Body, Depends, FastAPI, File, Form, UploadFile
from pydantic import BaseModel

app = FastAPI()


def login_form(username: Annotated[str, Form()], password: Annotated[str, Form(min_length=3)]):
    return {"username": username, "password_len": len(password)}


@app.post("/login")
def login(creds: Annotated[dict, Depends(login_form)], remember: Annotated[bool, Form()] = False):
    return {"creds": creds, "remember": remember}


def upload_dep(file: Annotated[UploadFile, File()], note: Annotated[str, Form()] = ""):
    return {"filename": file.filename, "size": len(file.file.read()), "note": note}


@app.post("/upload")
def upload(info: Annotated[dict, Depends(upload_dep)]):
    return info


class Meta(BaseModel):
    source: str
    version: int = 1


def meta_dep(meta: Meta):
    return meta


def count_dep(count: Annotated[int, Body(gt=0)]):
    return count


@app.post("/json-merge")
def json_merge(meta: Annotated[Meta, Depends(meta_dep)], count: Annotated[int, Depends(count_dep)]):
    return {"meta": meta, "count": count}


def single_scalar_body(value: Annotated[str, Body()]):
    return value


@app.post("/single-scalar")
def single_scalar(v: Annotated[str, Depends(single_scalar_body)]):
    return {"v": v}


CASES = [
    {"method": "POST", "url": "/login", "data": {"username": "u", "password": "secret"}},
    {"method": "POST", "url": "/login", "data": {"username": "u", "password": "secret", "remember": "yes"}},
    {"method": "POST", "url": "/login", "data": {"username": "u", "password": "ab", "remember": "x"}},
    {"method": "POST", "url": "/login", "data": {}},
    {"method": "POST", "url": "/login"},
    {"method": "POST", "url": "/login", "json": {"username": "u", "password": "secret"}},
    {"method": "POST", "url": "/login", "data": {"username": "", "password": "abc"}},
    {"method": "POST", "url": "/login", "files": {"username": (None, "multi"), "password": (None, "abcd")}},
    {"method": "POST", "url": "/upload", "files": {"file": ("a.txt", b"hello", "text/plain")}, "data": {"note": "n"}},
    {"method": "POST", "url": "/upload", "data": {"note": "n"}},
    {"method": "POST", "url": "/upload", "files": {"file": (None, "not a file")}},
    {"method": "POST", "url": "/json-merge", "json": {"meta": {"source": "s"}, "count": 2}},
    {"method": "POST", "url": "/json-merge", "json": {"source": "s"}},
    {"method": "POST", "url": "/json-merge", "json": {"meta": {"version": "v"}, "count": 0}},
    {"method": "POST", "url": "/json-merge", "data": {"meta": "x", "count": "1"}},
    {"method": "POST", "url": "/single-scalar", "json": "plain"},
    {"method": "POST", "url": "/single-scalar", "json": {"value": "embedded?"}},
    {"method": "POST", "url": "/single-scalar", "json": 5},
]
