"""Broken or unexpected bodies sent to form/file routes: bad multipart, wrong content types, empty bodies."""
from typing import Annotated, Optional

from fastapi import FastAPI, File, Form, UploadFile

app = FastAPI()


@app.post("/form")
def form(name: Annotated[str, Form()], age: Annotated[int, Form()] = 0):
    return {"name": name, "age": age}


@app.post("/optional-form")
def optional_form(name: Annotated[Optional[str], Form()] = None):
    return {"name": name}


@app.post("/file")
async def file(upload: UploadFile, note: Annotated[str, Form()] = "none"):
    return {"filename": upload.filename, "content": (await upload.read()).decode("latin-1"), "note": note}


@app.post("/optional-file")
async def optional_file(upload: Annotated[Optional[UploadFile], File()] = None):
    return {"filename": upload.filename if upload else None}


@app.post("/no-body")
def no_body():
    return {"ok": True}


@app.post("/form-and-query")
def form_and_query(q: int, name: Annotated[str, Form()]):
    return {"q": q, "name": name}


B = "bNd"
MP = {"content-type": f"multipart/form-data; boundary={B}"}
URL = {"content-type": "application/x-www-form-urlencoded"}
GOOD = (
    f'--{B}\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnn\r\n'
    f'--{B}\r\nContent-Disposition: form-data; name="upload"; filename="u.txt"\r\n'
    f"Content-Type: text/plain\r\n\r\nfile body\r\n--{B}--\r\n"
).encode()
MANY_FIELDS = "".join(f'--{B}\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\nv\r\n' for i in range(1001))
MANY_FILES = "".join(
    f'--{B}\r\nContent-Disposition: form-data; name="upload"; filename="{i}.txt"\r\n\r\nv\r\n' for i in range(1001)
)
BIG_FIELD = f'--{B}\r\nContent-Disposition: form-data; name="name"\r\n\r\n'.encode() + b"x" * (1024 * 1024 + 1)

def case(name: str, url: str, **kwargs) -> dict:
    return {"name": f"{name}: POST {url}", "method": "POST", "url": url, **kwargs}


CASES = [
    case("good multipart", "/form", headers=MP, content=GOOD),
    case("good multipart", "/file", headers=MP, content=GOOD),
    # multipart framing problems
    case("no boundary param", "/form", headers={"content-type": "multipart/form-data"}, content=GOOD),
    case("no boundary param, optional form", "/optional-form", headers={"content-type": "multipart/form-data"},
         content=GOOD),
    case("empty boundary", "/form", headers={"content-type": "multipart/form-data; boundary="}, content=GOOD),
    case("wrong boundary", "/form", headers={"content-type": "multipart/form-data; boundary=other"}, content=GOOD),
    case("wrong boundary", "/file", headers={"content-type": "multipart/form-data; boundary=other"}, content=GOOD),
    case("wrong boundary", "/optional-form", headers={"content-type": "multipart/form-data; boundary=other"},
         content=GOOD),
    case("wrong boundary, route without body", "/no-body",
         headers={"content-type": "multipart/form-data; boundary=other"}, content=GOOD),
    case("wrong boundary and missing query", "/form-and-query",
         headers={"content-type": "multipart/form-data; boundary=other"}, content=GOOD),
    case("good body and missing query", "/form-and-query", headers=MP, content=GOOD),
    case("quoted boundary", "/form", headers={"content-type": f'multipart/form-data; boundary="{B}"'}, content=GOOD),
    case("uppercase content type", "/form", headers={"content-type": f"Multipart/Form-Data; BOUNDARY={B}"}, content=GOOD),
    case("charset before boundary", "/form",
         headers={"content-type": f"multipart/form-data; charset=utf-8; boundary={B}"}, content=GOOD),
    case("truncated inside first part headers", "/form", headers=MP, content=GOOD[:40]),
    case("missing closing boundary", "/form", headers=MP, content=GOOD[:-8]),
    case("missing closing boundary", "/file", headers=MP, content=GOOD[:-8]),
    case("truncated inside file data", "/file", headers=MP, content=GOOD[:-20]),
    case("garbage", "/form", headers=MP, content=b"total garbage \x00\xff\xfe not multipart"),
    case("empty multipart body", "/form", headers=MP, content=b""),
    case("empty multipart body", "/optional-form", headers=MP, content=b""),
    case("empty multipart body", "/optional-file", headers=MP, content=b""),
    case("only closing boundary", "/optional-form", headers=MP, content=f"--{B}--\r\n".encode()),
    case("part without content-disposition", "/form", headers=MP,
         content=f"--{B}\r\nX-Other: 1\r\n\r\nno disposition\r\n--{B}--\r\n".encode()),
    case("part without name", "/form", headers=MP,
         content=f"--{B}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--{B}--\r\n".encode()),
    case("attachment disposition", "/form", headers=MP,
         content=f'--{B}\r\nContent-Disposition: attachment; name="name"\r\n\r\nattached\r\n--{B}--\r\n'.encode()),
    case("malformed part header line", "/form", headers=MP,
         content=f'--{B}\r\nContent-Disposition: form-data; name="name"\r\nbroken header line\r\n\r\nv\r\n--{B}--\r\n'.encode()),
    case("LF-only line endings", "/form", headers=MP,
         content=f'--{B}\nContent-Disposition: form-data; name="name"\n\nLF only\n--{B}--\n'.encode()),
    case("preamble and epilogue", "/form", headers=MP,
         content=f'preamble text\r\n--{B}\r\nContent-Disposition: form-data; name="name"\r\n\r\nP\r\n--{B}--\r\nepilogue'.encode()),
    case("non-utf8 field value", "/form", headers=MP,
         content=f'--{B}\r\nContent-Disposition: form-data; name="name"\r\n\r\n\xff\xfe\r\n--{B}--\r\n'.encode("latin-1")),
    case("1001 fields", "/optional-form", headers=MP, content=MANY_FIELDS.encode() + f"--{B}--\r\n".encode()),
    case("1001 files", "/optional-file", headers=MP, content=MANY_FILES.encode() + f"--{B}--\r\n".encode()),
    case("field over 1MB", "/form", headers=MP, content=BIG_FIELD + f"\r\n--{B}--\r\n".encode()),
    case("data url 1001 fields", "/optional-form", headers=URL, content="&".join(f"f{i}=v" for i in range(1001)).encode()),
    # wrong content types for form routes
    case("json body", "/form", json={"name": "Ann", "age": 3}),
    case("json body", "/optional-form", json={"name": "Ann"}),
    case("broken json body", "/form", headers={"content-type": "application/json"}, content=b"{broken"),
    case("text/plain body", "/form", headers={"content-type": "text/plain"}, content=b"name=Ann"),
    case("no content type", "/form", content=b"name=Ann"),
    case("multipart/mixed", "/form", headers={"content-type": f"multipart/mixed; boundary={B}"}, content=GOOD),
    case("multipart payload labelled urlencoded", "/form", headers=URL, content=GOOD),
    case("no space before boundary", "/form", headers={"content-type": f"multipart/form-data;boundary={B}"}, content=GOOD),
    case("urlencoded with charset", "/form",
         headers={"content-type": "application/x-www-form-urlencoded; charset=latin-1"}, content=b"name=Ann"),
    case("uppercase urlencoded", "/form", headers={"content-type": "APPLICATION/X-WWW-FORM-URLENCODED"},
         content=b"name=Ann"),
    case("json body", "/file", json={"upload": "x"}),
    case("urlencoded string for file", "/file", data={"upload": "x"}),
    # empty / odd urlencoded bodies
    case("empty urlencoded", "/form", headers=URL, content=b""),
    case("empty urlencoded", "/optional-form", headers=URL, content=b""),
    case("no body at all", "/optional-form"),
    case("no body at all", "/form"),
    case("bad percent escape", "/form", headers=URL, content=b"name=%ZZ&age=%31"),
    case("percent-encoded non-utf8", "/form", headers=URL, content=b"name=%FF%FE"),
    case("raw non-utf8", "/form", headers=URL, content=b"name=\xff\xfe"),
    case("empty pairs and names", "/form", headers=URL, content=b"&&name=A&&=x&=&age"),
    case("semicolon separator", "/form", headers=URL, content=b"name=A;age=5"),
    case("several equals", "/form", headers=URL, content=b"name=a=b=c"),
    case("bare word", "/form", headers=URL, content=b"garbage"),
    case("NUL byte", "/form", headers=URL, content=b"name=A%00B"),
]
