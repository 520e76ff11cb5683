"""Body parameters on GET/DELETE/HEAD/OPTIONS/PATCH routes: bodies are read whatever the method,
and a route without body params ignores whatever is sent."""
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.get("/get-body/")
def get_body(item: Item):
    return {"method": "GET", "item": item}


@app.delete("/delete-body/")
def delete_body(item: Item):
    return {"method": "DELETE", "item": item}


@app.patch("/patch-body/")
def patch_body(item: Item):
    return {"method": "PATCH", "item": item}


# one decorator per method (api_route with several methods makes the operationId depend on set order)
@app.get("/any-method/")
@app.post("/any-method/")
@app.put("/any-method/")
@app.options("/any-method/")
@app.head("/any-method/")
def any_method(item: Item | None = None):
    return {"item": item}


@app.post("/no-body/")
def no_body():
    return {"ok": True}


@app.get("/get-no-body/")
def get_no_body(q: int = 0):
    return {"q": q}


CASES = [
    {"method": "GET", "url": "/get-body/", "json": {"name": "Foo"}},
    {"method": "GET", "url": "/get-body/"},
    {"method": "GET", "url": "/get-body/", "content": b"{bad", "headers": {"content-type": "application/json"}},
    {"method": "DELETE", "url": "/delete-body/", "json": {"name": "Foo"}},
    {"method": "DELETE", "url": "/delete-body/"},
    {"method": "PATCH", "url": "/patch-body/", "json": {"name": "Foo"}},
    {"method": "PATCH", "url": "/patch-body/", "json": {}},
    {"method": "GET", "url": "/any-method/", "json": {"name": "g"}},
    {"method": "PUT", "url": "/any-method/", "json": {"name": "p"}},
    {"method": "OPTIONS", "url": "/any-method/", "json": {"name": "o"}},
    {"method": "HEAD", "url": "/any-method/", "json": {"name": "h"}},
    {"method": "HEAD", "url": "/any-method/", "json": {"name": 1}},
    {"method": "GET", "url": "/any-method/"},
    {"method": "POST", "url": "/no-body/", "json": {"anything": 1}},
    {"method": "POST", "url": "/no-body/", "content": b"{not json", "headers": {"content-type": "application/json"}},
    {"method": "POST", "url": "/no-body/", "content": b"\xff\xfe", "headers": {"content-type": "application/json"}},
    {"method": "GET", "url": "/get-no-body/?q=2", "content": b"[[[", "headers": {"content-type": "application/json"}},
]
