"""The default request limits: FastAPI sets none (a 17 MiB body, 150 headers); bodies within them."""
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/size")
async def size(request: Request):
    return {"size": len(await request.body())}


@app.get("/hello")
def hello():
    return {"message": "Hello World"}


MiB = 1024 * 1024
OCTETS = {"content-type": "application/octet-stream"}

CASES = [
    {"name": "1 MiB body", "method": "POST", "url": "/size", "headers": OCTETS, "content": b"x" * MiB},
    {"name": "16 MiB body", "method": "POST", "url": "/size", "headers": OCTETS, "content": b"x" * (16 * MiB)},
    {"name": "16 MiB + 1 body", "method": "POST", "url": "/size", "headers": OCTETS, "content": b"x" * (16 * MiB + 1)},
    {"name": "90 headers", "method": "GET", "url": "/hello", "headers": {f"x-h{i}": "v" for i in range(90)}},
    {"name": "150 headers", "method": "GET", "url": "/hello", "headers": {f"x-h{i}": "v" for i in range(150)}},
    {"name": "64 KiB header", "method": "GET", "url": "/hello", "headers": {"x-big": "v" * (65 * 1024)}},
]
