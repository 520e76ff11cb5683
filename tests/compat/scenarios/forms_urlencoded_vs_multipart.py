"""The same Form() fields and form model submitted urlencoded and as multipart/form-data."""
from typing import Annotated, Optional

from fastapi import FastAPI, Form
from pydantic import BaseModel, ConfigDict

app = FastAPI()


@app.post("/fields")
def fields(
    name: Annotated[str, Form()],
    age: Annotated[int, Form()],
    nick: Annotated[Optional[str], Form()] = None,
    city: Annotated[str, Form()] = "Paris",
    tags: Annotated[list[str], Form()] = [],
):
    return {"name": name, "age": age, "nick": nick, "city": city, "tags": tags}


class Login(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str
    pin: int
    remember: bool = False
    roles: list[str] = []


@app.post("/model")
def model(data: Annotated[Login, Form()]):
    return data


BOUNDARY = "xXxBoundaryxXx"
MP = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}
URL = {"content-type": "application/x-www-form-urlencoded"}


def multipart(*parts: tuple[str, str]) -> bytes:
    out = b""
    for name, value in parts:
        out += (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n"
        ).encode()
    return out + f"--{BOUNDARY}--\r\n".encode()


CASES = [
    # httpx builds multipart when files= is given; (None, value) parts carry no filename.
    {"method": "POST", "url": "/fields", "data": {"name": "Ann", "age": "30"}},
    {"method": "POST", "url": "/fields", "headers": MP, "files": {"name": (None, "Ann"), "age": (None, "30")}},
    {"method": "POST", "url": "/fields", "headers": MP, "data": {"name": "Ann", "age": "30"},
     "files": {"tags": (None, "t1")}},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("name", "Ann"), ("age", "30"))},
    {"method": "POST", "url": "/fields", "headers": MP,
     "content": multipart(("name", "Ann"), ("age", "1"), ("tags", "a"), ("tags", "b"), ("tags", "c"))},
    {"method": "POST", "url": "/fields", "headers": URL, "content": b"name=Ann&age=1&tags=a&tags=b&tags=c"},
    {"method": "POST", "url": "/fields", "headers": MP,
     "content": multipart(("name", ""), ("age", "2"), ("nick", ""), ("city", ""))},
    {"method": "POST", "url": "/fields", "headers": URL, "content": b"name=&age=2&nick=&city="},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("name", "A"), ("age", ""))},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("name", "A"), ("age", "x"))},
    {"method": "POST", "url": "/fields", "headers": MP,
     "content": multipart(("name", "first"), ("age", "1"), ("name", "second"), ("age", "2"))},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("name", "x+y%20z"), ("age", "1"))},
    {"method": "POST", "url": "/fields", "headers": URL, "content": b"name=x+y%20z&age=1"},
    {"method": "POST", "url": "/fields", "headers": MP,
     "content": multipart(("name", "line1\r\nline2"), ("age", "1"))},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("tags", ""), ("name", "n"), ("age", "1"))},
    {"method": "POST", "url": "/fields", "headers": MP, "content": multipart(("other", "zzz"))},
    {"method": "POST", "url": "/fields", "headers": MP, "content": f"--{BOUNDARY}--\r\n".encode()},
    {"method": "POST", "url": "/model", "data": {"user": "u", "pin": "1234"}},
    {"method": "POST", "url": "/model", "headers": MP, "content": multipart(("user", "u"), ("pin", "1234"))},
    {"method": "POST", "url": "/model", "headers": MP,
     "content": multipart(("user", "u"), ("pin", "1"), ("roles", "a"), ("roles", "b"), ("remember", "yes"))},
    {"method": "POST", "url": "/model", "headers": MP, "content": multipart(("user", "u"), ("pin", "1"), ("x", "y"))},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"user=u&pin=1&x=y"},
    {"method": "POST", "url": "/model", "headers": MP, "content": multipart(("pin", "q"))},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"pin=q"},
    {"method": "POST", "url": "/model", "headers": MP, "content": multipart(("user", ""), ("pin", "1"), ("remember", ""))},
]
