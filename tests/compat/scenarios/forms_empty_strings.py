"""How an empty string value ("field=") is treated for each kind of Form() field and default."""
from typing import Annotated, Optional

from fastapi import FastAPI, Form
from pydantic import BaseModel

app = FastAPI()


@app.post("/required")
def required(s: Annotated[str, Form()], i: Annotated[int, Form()] = 0):
    return {"s": s, "i": i}


@app.post("/none-default")
def none_default(
    s: Annotated[Optional[str], Form()] = None,
    i: Annotated[Optional[int], Form()] = None,
    b: Annotated[Optional[bool], Form()] = None,
):
    return {"s": s, "i": i, "b": b}


@app.post("/value-default")
def value_default(
    s: Annotated[str, Form()] = "dflt",
    i: Annotated[int, Form()] = 42,
    b: Annotated[bool, Form()] = True,
    oi: Annotated[Optional[int], Form()] = 5,
):
    return {"s": s, "i": i, "b": b, "oi": oi}


@app.post("/falsy-default")
def falsy_default(
    s: Annotated[str, Form()] = "",
    i: Annotated[int, Form()] = 0,
    b: Annotated[bool, Form()] = False,
):
    return {"s": s, "i": i, "b": b}


@app.post("/factory")
def factory(tags: Annotated[list[str], Form(default_factory=list)], n: Annotated[int, Form(default_factory=lambda: 9)]):
    return {"tags": tags, "n": n}


@app.post("/constrained-default")
def constrained_default(code: Annotated[str, Form(min_length=3)] = "abc"):
    return {"code": code}


@app.post("/constrained-optional")
def constrained_optional(code: Annotated[Optional[str], Form(min_length=3)] = None):
    return {"code": code}


class M(BaseModel):
    s: str = "dflt"
    i: int = 42
    o: Optional[str] = None
    oi: Optional[int] = None


@app.post("/model")
def model(m: Annotated[M, Form()]):
    return {"m": m, "set": sorted(m.model_fields_set)}


URL = {"content-type": "application/x-www-form-urlencoded"}
B = "emp"
MP = {"content-type": f"multipart/form-data; boundary={B}"}


def mp(*names: str) -> bytes:
    parts = "".join(f'--{B}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n\r\n' for n in names)
    return (parts + f"--{B}--\r\n").encode()


CASES = [
    {"method": "POST", "url": "/required", "headers": URL, "content": b"s=&i="},
    {"method": "POST", "url": "/required", "headers": URL, "content": b"s="},
    {"method": "POST", "url": "/required", "headers": MP, "content": mp("s")},
    {"method": "POST", "url": "/required", "headers": URL, "content": b"s"},
    {"method": "POST", "url": "/none-default", "headers": URL, "content": b"s="},
    {"method": "POST", "url": "/none-default", "headers": URL, "content": b"i="},
    {"method": "POST", "url": "/none-default", "headers": URL, "content": b"b="},
    {"method": "POST", "url": "/none-default", "headers": MP, "content": mp("s")},
    {"method": "POST", "url": "/none-default", "headers": MP, "content": mp("s", "i", "b")},
    {"method": "POST", "url": "/none-default", "headers": URL, "content": b"s=+"},
    {"method": "POST", "url": "/value-default", "headers": URL, "content": b"s=&i=&b=&oi="},
    {"method": "POST", "url": "/value-default", "headers": MP, "content": mp("s", "i", "b", "oi")},
    {"method": "POST", "url": "/value-default", "headers": URL, "content": b"s=%20&i=%20"},
    {"method": "POST", "url": "/value-default", "headers": URL, "content": b"s=&s=x"},
    {"method": "POST", "url": "/value-default", "headers": URL, "content": b"s=x&s="},
    {"method": "POST", "url": "/falsy-default", "headers": URL, "content": b"s=&i=&b="},
    {"method": "POST", "url": "/factory", "headers": URL, "content": b"tags=&n="},
    {"method": "POST", "url": "/factory", "headers": URL, "content": b""},
    {"method": "POST", "url": "/factory", "headers": URL, "content": b"tags=a&tags=&n=1"},
    {"method": "POST", "url": "/constrained-default", "headers": URL, "content": b"code="},
    {"method": "POST", "url": "/constrained-default", "headers": URL, "content": b"code=ab"},
    {"method": "POST", "url": "/constrained-optional", "headers": URL, "content": b"code="},
    {"method": "POST", "url": "/model", "headers": URL, "content": b""},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"s="},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"i="},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"o="},
    {"method": "POST", "url": "/model", "headers": URL, "content": b"oi="},
    {"method": "POST", "url": "/model", "headers": MP, "content": mp("s", "o")},
]
