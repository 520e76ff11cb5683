"""Routing with unusual request paths: case sensitivity, percent-encoding (encoded slash,
%00, invalid UTF-8 %FF, encoded unicode), dot segments, empty segments, ';' parameters,
very long paths, and path-converter captures of such values."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: str):
    return {"item_id": item_id, "len": len(item_id)}


@app.get("/files/{file_path:path}")
def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/users/{user_id}/posts/{post_id}")
def user_post(user_id: str, post_id: str):
    return {"user_id": user_id, "post_id": post_id}


@app.get("/Case")
def case():
    return {"case": "Case"}


CASES = [
    {"method": "GET", "url": "/Case"},
    {"method": "GET", "url": "/case"},
    {"method": "GET", "url": "/CASE"},
    {"method": "GET", "url": "/items/a%2Fb"},
    {"method": "GET", "url": "/items/%00"},
    {"method": "GET", "url": "/items/%FF"},
    {"method": "GET", "url": "/items/%E2%98%83"},
    {"method": "GET", "url": "/items/%25"},
    {"method": "GET", "url": "/items/a+b"},
    {"method": "GET", "url": "/items/a;b=c"},
    {"method": "GET", "url": "/items/%20"},
    {"method": "GET", "url": "/items/%2E%2E"},
    {"method": "GET", "url": "/items/x" + "y" * 5000},
    {"method": "GET", "url": "/files/a%2Fb/c"},
    {"method": "GET", "url": "/files/%2e%2e/secret"},
    {"method": "GET", "url": "/files/dir/"},
    {"method": "GET", "url": "/users//posts/1"},
    {"method": "GET", "url": "/users/1/posts/"},
    {"method": "GET", "url": "/users/%2F/posts/1"},
]
