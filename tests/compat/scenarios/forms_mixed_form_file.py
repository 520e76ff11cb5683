"""Form and File parameters together; files where strings are expected and strings where files are."""
from typing import Annotated, Optional

from fastapi import FastAPI, File, Form, UploadFile

app = FastAPI()


@app.post("/profile")
async def profile(
    username: Annotated[str, Form()],
    age: Annotated[int, Form()],
    avatar: UploadFile,
    bio: Annotated[Optional[str], Form()] = None,
    thumb: Annotated[bytes | None, File()] = None,
):
    return {
        "username": username,
        "age": age,
        "avatar": [avatar.filename, (await avatar.read()).decode()],
        "bio": bio,
        "thumb": None if thumb is None else thumb.decode(),
    }


@app.post("/default-style")
def default_style(token: str = Form(...), file: bytes = File(...), note: str = Form("n/a")):
    return {"token": token, "file": file.decode(), "note": note}


@app.post("/str-field")
def str_field(text: Annotated[str, Form()]):
    return {"text": text}


@app.post("/int-field")
def int_field(n: Annotated[int, Form()]):
    return {"n": n}


@app.post("/list-str-field")
def list_str_field(items: Annotated[list[str], Form()]):
    return {"items": items}


@app.post("/upload")
async def upload(file: UploadFile):
    return {"filename": file.filename}


@app.post("/bytes")
def bytes_field(file: Annotated[bytes, File()]):
    return {"file": file.decode()}


# bytes File() params are read from the UploadFile only when the FIRST body parameter is a File:
# otherwise the UploadFile itself is validated against bytes (bytes_type error).
@app.post("/bytes-first")
def bytes_first(file: Annotated[bytes, File()], name: Annotated[str, Form()]):
    return {"file": file.decode(), "name": name}


@app.post("/bytes-second")
def bytes_second(name: Annotated[str, Form()], file: Annotated[bytes, File()]):
    return {"file": file.decode(), "name": name}


@app.post("/upload-then-bytes-list")
async def upload_then_bytes_list(first: UploadFile, rest: Annotated[list[bytes], File()]):
    return {"first": first.filename, "rest": [r.decode() for r in rest]}


@app.post("/form-then-bytes-list")
async def form_then_bytes_list(name: Annotated[str, Form()], rest: Annotated[list[bytes], File()]):
    return {"name": name, "rest": [r.decode() for r in rest]}


@app.post("/form-then-upload")
async def form_then_upload(name: Annotated[str, Form()], file: UploadFile):
    return {"name": name, "file": (await file.read()).decode()}


BOUNDARY = "MiXeD"
MP = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}

CASES = [
    {"method": "POST", "url": "/profile", "headers": MP, "data": {"username": "ann", "age": "33"},
     "files": {"avatar": ("me.png", b"PNGDATA", "image/png")}},
    {"method": "POST", "url": "/profile", "headers": MP, "data": {"username": "ann", "age": "33", "bio": "hi"},
     "files": {"avatar": ("me.png", b"A"), "thumb": ("t.png", b"T")}},
    {"method": "POST", "url": "/profile", "headers": MP, "data": {"username": "ann", "age": "x"},
     "files": {"avatar": ("me.png", b"A")}},
    {"method": "POST", "url": "/profile", "headers": MP, "files": {"avatar": ("me.png", b"A")}},
    {"method": "POST", "url": "/profile"},
    {"method": "POST", "url": "/profile", "data": {"username": "ann", "age": "1", "avatar": "nope"}},
    {"method": "POST", "url": "/profile", "headers": MP, "data": {"username": "ann", "age": "1", "bio": ""},
     "files": {"avatar": ("a.txt", b"a")}},
    {"method": "POST", "url": "/default-style", "headers": MP, "data": {"token": "t"}, "files": {"file": ("f", b"F")}},
    {"method": "POST", "url": "/default-style", "headers": MP, "data": {"token": "t", "note": ""},
     "files": {"file": ("f", b"F")}},
    {"method": "POST", "url": "/default-style", "data": {"token": "t", "file": "as text"}},
    {"method": "POST", "url": "/default-style", "headers": MP, "files": {"token": ("t.txt", b"tok"), "file": ("f", b"F")}},
    {"method": "POST", "url": "/bytes-first", "headers": MP, "data": {"name": "n"}, "files": {"file": ("f", b"FF")}},
    {"method": "POST", "url": "/bytes-first", "data": {"name": "n", "file": "text"}},
    {"method": "POST", "url": "/bytes-second", "headers": MP, "data": {"name": "n"}, "files": {"file": ("f", b"FF")}},
    {"method": "POST", "url": "/bytes-second", "data": {"name": "n", "file": "text"}},
    {"method": "POST", "url": "/upload-then-bytes-list", "headers": MP,
     "files": [("first", ("1", b"1")), ("rest", ("2", b"2")), ("rest", ("3", b"3"))]},
    {"method": "POST", "url": "/form-then-bytes-list", "data": {"name": "n", "rest": ["a", "b"]}},
    {"method": "POST", "url": "/form-then-upload", "headers": MP, "data": {"name": "n"}, "files": {"file": ("f", b"up")}},
    # a file sent where a string is expected
    {"method": "POST", "url": "/str-field", "headers": MP, "files": {"text": ("t.txt", b"file content")}},
    {"method": "POST", "url": "/str-field", "headers": MP, "files": {"text": (None, b"plain content")}},
    {"method": "POST", "url": "/int-field", "headers": MP, "files": {"n": ("n.txt", b"5")}},
    {"method": "POST", "url": "/list-str-field", "headers": MP,
     "files": [("items", ("a.txt", b"a")), ("items", (None, b"b"))]},
    # a string sent where a file is expected
    {"method": "POST", "url": "/upload", "data": {"file": "just a string"}},
    {"method": "POST", "url": "/upload", "headers": MP, "files": {"file": (None, b"just a string")}},
    {"method": "POST", "url": "/upload", "data": {"file": ""}},
    {"method": "POST", "url": "/bytes", "data": {"file": "text is fine for bytes"}},
    {"method": "POST", "url": "/bytes", "data": {"file": "héllo"}},
    {"method": "POST", "url": "/bytes", "data": {"file": ""}},
]
