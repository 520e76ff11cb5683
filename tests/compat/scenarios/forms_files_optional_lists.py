"""Optional files (UploadFile | None, bytes | None) and lists of files (list[UploadFile], list[bytes])."""
from typing import Annotated, List, Optional, Union

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/optional-upload")
async def optional_upload(file: UploadFile | None = None):
    if file is None:
        return {"file": None}
    return {"filename": file.filename, "content": (await file.read()).decode()}


@app.post("/optional-upload-file")
async def optional_upload_file(file: Annotated[Optional[UploadFile], File()] = None):
    return {"filename": file.filename if file else None}


@app.post("/optional-bytes")
def optional_bytes(file: Annotated[bytes | None, File()] = None):
    return {"size": None if file is None else len(file)}


@app.post("/list-upload")
async def list_upload(files: list[UploadFile]):
    return {"files": [[f.filename, (await f.read()).decode()] for f in files]}


@app.post("/list-upload-file")
async def list_upload_file(files: Annotated[List[UploadFile], File(description="Many files")]):
    return {"names": [f.filename for f in files]}


@app.post("/list-bytes")
def list_bytes(files: Annotated[list[bytes], File()]):
    return {"sizes": [len(f) for f in files], "contents": [f.decode() for f in files]}


@app.post("/optional-list")
async def optional_list(files: Annotated[Union[list[UploadFile], None], File()] = None):
    return {"names": None if files is None else [f.filename for f in files]}


@app.post("/two-files")
async def two_files(a: UploadFile, b: Annotated[bytes, File()]):
    return {"a": a.filename, "b": b.decode()}


@app.post("/bytes-default")
def bytes_default(file: bytes = File(b"default-bytes")):
    return {"file": file.decode()}


BOUNDARY = "0ptL1st"
MP = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}


def raw(*parts: tuple[str, bytes]) -> bytes:
    out = b""
    for disposition, body in parts:
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + body + b"\r\n"
    return out + f"--{BOUNDARY}--\r\n".encode()


CASES = [
    {"method": "POST", "url": "/optional-upload"},
    {"method": "POST", "url": "/optional-upload", "headers": MP, "files": {"file": ("o.txt", b"opt")}},
    {"method": "POST", "url": "/optional-upload", "headers": MP, "files": {"other": ("o.txt", b"opt")}},
    {"method": "POST", "url": "/optional-upload", "headers": MP, "content": raw(('form-data; name="file"', b""))},
    {"method": "POST", "url": "/optional-upload", "headers": MP, "content": raw(('form-data; name="file"', b"text"))},
    {"method": "POST", "url": "/optional-upload", "data": {"file": ""}},
    {"method": "POST", "url": "/optional-upload", "data": {"file": "not a file"}},
    {"method": "POST", "url": "/optional-upload", "headers": MP,
     "content": raw(('form-data; name="file"; filename=""', b""))},
    {"method": "POST", "url": "/optional-upload-file"},
    {"method": "POST", "url": "/optional-upload-file", "headers": MP, "files": {"file": ("x.txt", b"x")}},
    {"method": "POST", "url": "/optional-bytes"},
    {"method": "POST", "url": "/optional-bytes", "headers": MP, "files": {"file": ("x.txt", b"xyz")}},
    {"method": "POST", "url": "/optional-bytes", "data": {"file": ""}},
    {"method": "POST", "url": "/optional-bytes", "data": {"file": "str"}},
    {"method": "POST", "url": "/list-upload", "headers": MP,
     "files": [("files", ("1.txt", b"one")), ("files", ("2.txt", b"two")), ("files", ("3.txt", b"three"))]},
    {"method": "POST", "url": "/list-upload", "headers": MP, "files": {"files": ("only.txt", b"solo")}},
    {"method": "POST", "url": "/list-upload"},
    {"method": "POST", "url": "/list-upload", "headers": MP,
     "files": [("files", ("1.txt", b"one")), ("files", (None, b"plain"))]},
    {"method": "POST", "url": "/list-upload", "data": {"files": ["a", "b"]}},
    {"method": "POST", "url": "/list-upload-file", "headers": MP,
     "files": [("files", ("a.txt", b"a")), ("files", ("b.txt", b"b"))]},
    {"method": "POST", "url": "/list-upload-file"},
    {"method": "POST", "url": "/list-bytes", "headers": MP,
     "files": [("files", ("a.txt", b"alpha")), ("files", ("b.txt", b"beta"))]},
    # a plain (non-file) part inside list[bytes] crashes: 500 (AttributeError: 'str' has no 'read')
    {"method": "POST", "url": "/list-bytes", "headers": MP,
     "files": [("files", ("a.txt", b"alpha")), ("files", (None, b"field"))]},
    {"method": "POST", "url": "/list-bytes", "data": {"files": ["x", "yy"]}},
    {"method": "POST", "url": "/list-bytes"},
    {"method": "POST", "url": "/bytes-default"},
    {"method": "POST", "url": "/bytes-default", "data": {"file": ""}},
    {"method": "POST", "url": "/bytes-default", "data": {"file": "given"}},
    {"method": "POST", "url": "/bytes-default", "headers": MP, "files": {"file": ("e.txt", b"")}},
    {"method": "POST", "url": "/optional-list"},
    {"method": "POST", "url": "/optional-list", "headers": MP, "files": [("files", ("a.txt", b"a"))]},
    {"method": "POST", "url": "/optional-list", "headers": MP,
     "files": [("files", ("a.txt", b"a")), ("files", ("b.txt", b"b"))]},
    {"method": "POST", "url": "/two-files", "headers": MP, "files": {"a": ("a.txt", b"A"), "b": ("b.txt", b"B")}},
    {"method": "POST", "url": "/two-files", "headers": MP, "files": {"a": ("a.txt", b"A")}},
    {"method": "POST", "url": "/two-files", "headers": MP, "files": {"b": ("b.txt", b"B")}},
    {"method": "POST", "url": "/two-files"},
    {"method": "POST", "url": "/two-files", "headers": MP,
     "files": [("a", ("a1.txt", b"1")), ("a", ("a2.txt", b"2")), ("b", ("b1.txt", b"x")), ("b", ("b2.txt", b"y"))]},
]
