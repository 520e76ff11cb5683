"""Form() and File() parameters declared in dependencies, shared with the endpoint, and on GET routes."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, File, Form, UploadFile

app = FastAPI()


def credentials(user: Annotated[str, Form()], pw: Annotated[str, Form()]):
    return {"user": user, "pw_len": len(pw)}


class Paging:
    def __init__(self, page: int = Form(1), size: int = Form(10, le=50)):
        self.page = page
        self.size = size


async def first_upload(doc: UploadFile, label: Annotated[Optional[str], Form()] = None):
    return {"doc": doc.filename, "label": label}


def needs_user(user: Annotated[str, Form()]):
    return user.upper()


@app.post("/login")
def login(creds: Annotated[dict, Depends(credentials)], remember: Annotated[bool, Form()] = False):
    return {"creds": creds, "remember": remember}


@app.post("/paging")
def paging(p: Annotated[Paging, Depends()], q: Annotated[str, Form()] = ""):
    return {"page": p.page, "size": p.size, "q": q}


@app.post("/dep-upload")
async def dep_upload(info: Annotated[dict, Depends(first_upload)], extra: Annotated[bytes, File()] = b""):
    return {"info": info, "extra": extra.decode()}


@app.post("/shared")
def shared(upper: Annotated[str, Depends(needs_user)], user: Annotated[str, Form()]):
    return {"upper": upper, "user": user}


@app.get("/get-form")
def get_form(q: Annotated[str, Form()] = "none"):
    return {"q": q}


@app.post("/deps-only", dependencies=[Depends(credentials)])
def deps_only():
    return {"ok": True}


B = "dep"
MP = {"content-type": f"multipart/form-data; boundary={B}"}

CASES = [
    {"method": "POST", "url": "/login", "data": {"user": "u", "pw": "secret", "remember": "1"}},
    {"method": "POST", "url": "/login", "data": {"user": "u"}},
    {"method": "POST", "url": "/login", "data": {"remember": "maybe"}},
    {"method": "POST", "url": "/login"},
    {"method": "POST", "url": "/paging"},
    {"method": "POST", "url": "/paging", "data": {"page": "3", "size": "20", "q": "x"}},
    {"method": "POST", "url": "/paging", "data": {"page": "", "size": "99"}},
    {"method": "POST", "url": "/paging", "data": {"page": "p", "size": "s"}},
    {"method": "POST", "url": "/dep-upload", "headers": MP, "files": {"doc": ("d.txt", b"d"), "extra": ("e.txt", b"E")}},
    {"method": "POST", "url": "/dep-upload", "headers": MP, "data": {"label": "L"}, "files": {"doc": ("d.txt", b"d")}},
    {"method": "POST", "url": "/dep-upload", "data": {"label": "L"}},
    {"method": "POST", "url": "/shared", "data": {"user": "bob"}},
    {"method": "POST", "url": "/shared"},
    {"method": "GET", "url": "/get-form"},
    {"method": "GET", "url": "/get-form", "data": {"q": "from body"}},
    {"method": "GET", "url": "/get-form?q=from-query"},
    {"method": "POST", "url": "/deps-only", "data": {"user": "u", "pw": "p"}},
    {"method": "POST", "url": "/deps-only"},
]
