"""status_code= on routes: 201, 202, 204 (with/without content), 304, 1xx-ish, IntEnum, and interplay with models."""
from http import HTTPStatus
from typing import Optional

from fastapi import FastAPI, Response, status
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.post("/created", status_code=201)
def created():
    return {"created": True}


@app.post("/created-model", status_code=status.HTTP_201_CREATED, response_model=Item)
def created_model():
    return {"name": "new", "extra": 1}


@app.post("/accepted", status_code=HTTPStatus.ACCEPTED)
def accepted():
    return "queued"


@app.delete("/no-content", status_code=204)
def no_content():
    return None


@app.delete("/no-content-returns-body", status_code=204)
def no_content_returns_body():
    return {"ignored?": True}


@app.delete("/no-content-returns-empty-string", status_code=204)
def no_content_returns_empty_string():
    return ""


@app.delete("/no-content-annotated", status_code=204)
def no_content_annotated() -> None:
    pass


@app.delete("/no-content-response-class", status_code=204, response_class=Response)
def no_content_response_class():
    return None


@app.delete("/no-content-response-object", status_code=204)
def no_content_response_object():
    return Response(status_code=204)


@app.get("/not-modified", status_code=304)
def not_modified():
    return None


@app.get("/not-modified-with-body", status_code=304)
def not_modified_with_body():
    return {"a": 1}


@app.get("/reset-content", status_code=205)
def reset_content():
    return None


@app.get("/teapot", status_code=418)
def teapot():
    return {"short": "stout"}


@app.get("/server-error-status", status_code=500)
def server_error_status():
    return {"ok": "but 500"}


@app.get("/custom-status", status_code=299)
def custom_status():
    return {"odd": True}


@app.get("/optional-model-204", status_code=204, response_model=None)
def optional_model_204():
    return None


@app.get("/head-and-get", status_code=203)
def head_and_get():
    return {"non": "authoritative"}


@app.get("/override-by-response-param", status_code=201)
def override_by_response_param(response: Response):
    response.status_code = 202
    return {"overridden": True}


@app.get("/override-to-204", status_code=200)
def override_to_204(response: Response):
    response.status_code = 204
    return None


@app.get("/override-to-204-with-body")
def override_to_204_with_body(response: Response):
    response.status_code = 204
    return {"body": "present"}


CASES = [
    {"method": "POST", "url": "/created"},
    {"method": "POST", "url": "/created-model"},
    {"method": "POST", "url": "/accepted"},
    {"method": "DELETE", "url": "/no-content"},
    {"method": "DELETE", "url": "/no-content-returns-body"},
    {"method": "DELETE", "url": "/no-content-returns-empty-string"},
    {"method": "DELETE", "url": "/no-content-annotated"},
    {"method": "DELETE", "url": "/no-content-response-class"},
    {"method": "DELETE", "url": "/no-content-response-object"},
    {"method": "GET", "url": "/not-modified"},
    {"method": "GET", "url": "/not-modified-with-body"},
    {"method": "GET", "url": "/reset-content"},
    {"method": "GET", "url": "/teapot"},
    {"method": "GET", "url": "/server-error-status"},
    {"method": "GET", "url": "/custom-status"},
    {"method": "GET", "url": "/optional-model-204"},
    {"method": "GET", "url": "/head-and-get"},
    {"method": "HEAD", "url": "/head-and-get"},
    {"method": "GET", "url": "/override-by-response-param"},
    {"method": "GET", "url": "/override-to-204"},
    {"method": "GET", "url": "/override-to-204-with-body"},
]
