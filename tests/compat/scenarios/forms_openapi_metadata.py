"""OpenAPI output for form/file bodies: descriptions, examples, deprecated, hidden fields, model + file."""
from typing import Annotated, Optional

from fastapi import FastAPI, File, Form, UploadFile
from pydantic import BaseModel, Field

app = FastAPI()


@app.post("/described", summary="Described form", tags=["forms"])
def described(
    name: Annotated[str, Form(title="Full name", description="Your name", examples=["Ann", "Bob"])],
    old: Annotated[Optional[str], Form(deprecated=True)] = None,
    hidden: Annotated[str, Form(include_in_schema=False)] = "h",
    age: Annotated[int, Form(openapi_examples={"young": {"summary": "Young", "value": 3}})] = 1,
):
    return {"name": name, "old": old, "hidden": hidden, "age": age}


@app.post("/files-described")
async def files_described(
    files: Annotated[list[UploadFile], File(description="Several files", title="Files!")],
    token: Annotated[str, Form(max_length=8)] = "t",
):
    return {"n": len(files), "token": token}


class Meta(BaseModel):
    """Metadata about an upload."""

    title: str = Field(description="Title of the doc", examples=["Report"])
    pages: int = Field(default=1, gt=0)
    note: Optional[str] = Field(default=None, json_schema_extra={"x-note": True})


@app.post("/model-described")
def model_described(meta: Annotated[Meta, Form()]):
    return meta


@app.post("/model-plus-file")
async def model_plus_file(meta: Annotated[Meta, Form()], file: UploadFile):
    return {"meta": meta, "file": file.filename}


@app.post("/response-model", response_model=Meta, status_code=201)
def response_model(title: Annotated[str, Form()], secret: Annotated[str, Form()] = "s"):
    return {"title": title, "pages": 2, "secret": secret}


B = "meta"
MP = {"content-type": f"multipart/form-data; boundary={B}"}

CASES = [
    {"method": "POST", "url": "/described", "data": {"name": "Ann", "old": "o", "hidden": "shown", "age": "4"}},
    {"method": "POST", "url": "/described", "data": {"hidden": "x"}},
    {"method": "POST", "url": "/files-described", "headers": MP,
     "files": [("files", ("a", b"a")), ("files", ("b", b"b"))], "data": {"token": "tok"}},
    {"method": "POST", "url": "/files-described", "headers": MP,
     "files": [("files", ("a", b"a"))], "data": {"token": "far too long"}},
    {"method": "POST", "url": "/model-described", "data": {"title": "T", "pages": "3", "note": "n"}},
    {"method": "POST", "url": "/model-described", "data": {"pages": "0"}},
    {"method": "POST", "url": "/model-plus-file", "headers": MP, "data": {"title": "T"}, "files": {"file": ("f.txt", b"f")}},
    {"method": "POST", "url": "/model-plus-file", "headers": MP, "files": {"file": ("f.txt", b"f")}},
    {"method": "POST", "url": "/model-plus-file", "data": {"title": "T"}},
    {"method": "POST", "url": "/response-model", "data": {"title": "T"}},
]
