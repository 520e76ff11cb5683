"""Large uploads: an UploadFile over 1 MiB is spooled to disk (file.file._rolled) while a
small one stays in memory; await file.read() returns every byte, read in chunks, seek and
re-read; sync endpoints read file.file directly; bytes parameters receive the whole upload;
several large files in one list; the upload is closed once the response is sent."""
import hashlib
from typing import Annotated

from fastapi import FastAPI, File, Form, UploadFile

BIG = b"0123456789abcdef" * (96 * 1024)  # 1.5 MiB
SMALL = b"tiny payload"
HELD: list[UploadFile] = []

app = FastAPI()


def describe(upload: UploadFile, data: bytes) -> dict:
    return {
        "filename": upload.filename,
        "content_type": upload.content_type,
        "size": upload.size,
        "read": len(data),
        "sha256": hashlib.sha256(data).hexdigest()[:16],
        "rolled": upload.file._rolled,
    }


@app.post("/upload")
async def upload(file: UploadFile):
    data = await file.read()
    HELD.append(file)
    return describe(file, data)


@app.post("/upload-chunks")
async def upload_chunks(file: UploadFile, chunk: Annotated[int, Form()] = 65536):
    sizes = []
    while True:
        piece = await file.read(chunk)
        if not piece:
            break
        sizes.append(len(piece))
    await file.seek(0)
    again = await file.read(10)
    return {"chunks": len(sizes), "last": sizes[-1] if sizes else None, "again": again.decode(), "rolled": file.file._rolled}


@app.post("/upload-sync")
def upload_sync(file: UploadFile):
    data = file.file.read()
    return describe(file, data)


@app.post("/upload-bytes")
def upload_bytes(file: Annotated[bytes, File()]):
    return {"len": len(file), "sha256": hashlib.sha256(file).hexdigest()[:16]}


@app.post("/upload-many")
async def upload_many(files: list[UploadFile]):
    return [describe(f, await f.read()) for f in files]


@app.get("/held-closed")
def held_closed():
    closed = [f.file.closed for f in HELD]
    HELD.clear()
    return closed


CASES = [
    {"method": "POST", "url": "/upload", "files": {"file": ("big.bin", BIG, "application/octet-stream")}},
    {"method": "POST", "url": "/upload", "files": {"file": ("small.txt", SMALL, "text/plain")}},
    {"method": "GET", "url": "/held-closed"},
    {"method": "POST", "url": "/upload-chunks", "files": {"file": ("big.bin", BIG, "application/octet-stream")}, "data": {"chunk": "500000"}},
    {"method": "POST", "url": "/upload-sync", "files": {"file": ("big.bin", BIG, "application/octet-stream")}},
    {"method": "POST", "url": "/upload-bytes", "files": {"file": ("big.bin", BIG, "application/octet-stream")}},
    {
        "method": "POST",
        "url": "/upload-many",
        "files": [
            ("files", ("a.bin", BIG, "application/octet-stream")),
            ("files", ("b.txt", SMALL, "text/plain")),
            ("files", ("c.bin", BIG[:1048577], "application/octet-stream")),
        ],
    },
]
