"""Return annotations that are Response classes, unions with them, and response_model=None."""
from typing import Any, Union

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


class NotAModel:
    def __init__(self, value: int) -> None:
        self.value = value


@app.get("/response")
def response() -> Response:
    return Response(content="raw body", media_type="text/plain")


@app.get("/json-response")
def json_response() -> JSONResponse:
    return JSONResponse({"via": "JSONResponse"}, status_code=202)


@app.get("/html-response")
def html_response() -> HTMLResponse:
    return HTMLResponse("<b>hi</b>")


@app.get("/redirect-response")
def redirect_response() -> RedirectResponse:
    return RedirectResponse("/json-response")


@app.get("/response-returns-dict")
def response_returns_dict() -> Response:
    # annotated as Response but returns a dict: serialized as JSON without validation
    return {"not": "a response"}  # type: ignore[return-value]


@app.get("/plaintext-annotation-returns-json")
def plaintext_annotation_returns_json() -> PlainTextResponse:
    return JSONResponse({"actually": "json"})  # type: ignore[return-value]


@app.get("/model-annotation-returns-response")
def model_annotation_returns_response() -> Item:
    # a Response returned directly bypasses the inferred model
    return JSONResponse({"unvalidated": True, "name": 3})  # type: ignore[return-value]


@app.get("/invalid-annotation", response_model=None)
def invalid_annotation() -> NotAModel:
    return {"value": 1}  # type: ignore[return-value]


@app.get("/union-with-response/{kind}", response_model=None)
def union_with_response(kind: str) -> Union[Response, dict]:
    if kind == "response":
        return PlainTextResponse("plain")
    return {"kind": kind}


@app.get("/union-response-or-model/{kind}", response_model=None)
def union_response_or_model(kind: str) -> Response | Item:
    if kind == "response":
        return RedirectResponse("/elsewhere", status_code=307)
    return {"name": kind, "extra": "kept"}  # type: ignore[return-value]


@app.get("/any-annotation")
def any_annotation() -> Any:
    return PlainTextResponse("any")


@app.get("/dict-annotation-returns-response")
def dict_annotation_returns_response() -> dict[str, int]:
    return PlainTextResponse("bypass")  # type: ignore[return-value]


@app.get("/response-model-none-returns-model", response_model=None)
def response_model_none_returns_model() -> Item:
    return Item(name="kept")


CASES = [
    {"method": "GET", "url": "/response"},
    {"method": "GET", "url": "/json-response"},
    {"method": "GET", "url": "/html-response"},
    {"method": "GET", "url": "/redirect-response", "follow_redirects": False},
    {"method": "GET", "url": "/response-returns-dict"},
    {"method": "GET", "url": "/plaintext-annotation-returns-json"},
    {"method": "GET", "url": "/model-annotation-returns-response"},
    {"method": "GET", "url": "/invalid-annotation"},
    {"method": "GET", "url": "/union-with-response/response"},
    {"method": "GET", "url": "/union-with-response/dict"},
    {"method": "GET", "url": "/union-response-or-model/response", "follow_redirects": False},
    {"method": "GET", "url": "/union-response-or-model/model"},
    {"method": "GET", "url": "/any-annotation"},
    {"method": "GET", "url": "/dict-annotation-returns-response"},
    {"method": "GET", "url": "/response-model-none-returns-model"},
]
