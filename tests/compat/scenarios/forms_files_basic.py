"""File() as bytes and UploadFile: attributes, content, seek/read again, async and sync endpoints."""
from typing import Annotated

from fastapi import FastAPI, File, UploadFile

app = FastAPI()


@app.post("/bytes")
def upload_bytes(file: Annotated[bytes, File()]):
    return {"type": type(file).__name__, "size": len(file), "content": file.decode("latin-1")}


@app.post("/bytes-default-style")
async def upload_bytes_default_style(file: bytes = File(...)):
    return {"size": len(file)}


@app.post("/uploadfile")
async def upload_file(file: UploadFile):
    content = await file.read()
    return {
        "filename": file.filename,
        "content_type": file.content_type,
        "size": file.size,
        "content": content.decode("latin-1"),
        "headers": [[k, v] for k, v in file.headers.items()],
    }


@app.post("/uploadfile-file")
async def upload_file_with_file(file: Annotated[UploadFile, File(description="A file")]):
    return {"filename": file.filename, "size": file.size}


@app.post("/seek")
async def seek_again(file: UploadFile):
    first = await file.read(3)
    rest = await file.read()
    again_empty = await file.read()
    await file.seek(0)
    whole = await file.read()
    await file.seek(2)
    tail = await file.read()
    return {
        "first": first.decode(),
        "rest": rest.decode(),
        "again_empty": again_empty.decode(),
        "whole": whole.decode(),
        "tail": tail.decode(),
    }


@app.post("/sync-file")
def sync_file(file: UploadFile):
    data = file.file.read()
    file.file.seek(0)
    return {"filename": file.filename, "data": data.decode(), "again": file.file.read().decode()}


@app.post("/closed-after")
async def closed_after(file: UploadFile):
    await file.close()
    return {"closed": file.file.closed}


@app.post("/return-upload")
async def return_upload(file: UploadFile):
    # returning the UploadFile itself: it is serialized attribute by attribute
    return file


BOUNDARY = "b0undary"
MP = {"content-type": f"multipart/form-data; boundary={BOUNDARY}"}


def raw(disposition: str, body: bytes, extra_headers: str = "") -> bytes:
    return (
        f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n{extra_headers}\r\n".encode()
        + body
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


CASES = [
    {"method": "POST", "url": "/bytes", "headers": MP, "files": {"file": ("a.txt", b"hello")}},
    {"method": "POST", "url": "/bytes", "headers": MP, "files": {"file": ("a.bin", b"\x00\xff\x10")}},
    {"method": "POST", "url": "/bytes", "headers": MP, "files": {"file": ("empty.txt", b"")}},
    {"method": "POST", "url": "/bytes", "headers": MP, "files": {"file": (None, b"plain field")}},
    {"method": "POST", "url": "/bytes", "data": {"file": "urlencoded value"}},
    {"method": "POST", "url": "/bytes"},
    {"method": "POST", "url": "/bytes", "headers": MP, "files": {"other": ("a.txt", b"x")}},
    {"method": "POST", "url": "/bytes-default-style", "headers": MP, "files": {"file": ("a.txt", b"12345")}},
    {"method": "POST", "url": "/bytes-default-style"},
    {"method": "POST", "url": "/uploadfile", "headers": MP, "files": {"file": ("hello.txt", b"Hello, world")}},
    {"method": "POST", "url": "/uploadfile", "headers": MP, "files": {"file": ("pic.png", b"\x89PNG", "image/png")}},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "files": {"file": ("data.csv", b"a,b\n1,2\n", "text/csv", {"X-Custom": "yes"})}},
    {"method": "POST", "url": "/uploadfile", "headers": MP, "files": {"file": ("noext", b"??")}},
    {"method": "POST", "url": "/uploadfile", "headers": MP, "files": {"file": ("e.txt", b"")}},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename="raw.txt"', b"raw body")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename=""', b"empty filename")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename="C:\\dir\\win.txt"', b"w")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename="../../etc/passwd"', b"p")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename="t.txt"', b"t", "Content-Type: text/plain; charset=utf-8\r\n")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name=file; filename=unquoted.txt', b"u")},
    {"method": "POST", "url": "/uploadfile", "headers": MP,
     "content": raw('form-data; name="file"; filename="t.txt"', b"line1\r\n--b0undar\r\nline3")},
    {"method": "POST", "url": "/uploadfile", "headers": MP, "content": raw('form-data; name="file"', b"no filename")},
    {"method": "POST", "url": "/uploadfile-file", "headers": MP, "files": {"file": ("big.bin", b"x" * 1_200_000)}},
    {"method": "POST", "url": "/uploadfile-file", "headers": MP, "files": {"file": ("x.txt", b"abc")}},
    {"method": "POST", "url": "/uploadfile-file"},
    {"method": "POST", "url": "/return-upload", "headers": MP, "files": {"file": ("r.txt", b"ret")}},
    {"method": "POST", "url": "/seek", "headers": MP, "files": {"file": ("s.txt", b"abcdefgh")}},
    {"method": "POST", "url": "/sync-file", "headers": MP, "files": {"file": ("s.txt", b"sync data")}},
    {"method": "POST", "url": "/closed-after", "headers": MP, "files": {"file": ("c.txt", b"c")}},
]
