"""Returning Response objects directly: bypasses response_model/status_code; media types, charsets, streaming."""
import datetime as dt
import math

from fastapi import FastAPI
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str


@app.get("/response-bytes")
def response_bytes():
    return Response(content=b"\x00\x01binary", media_type="application/octet-stream")


@app.get("/response-str-no-media-type")
def response_str_no_media_type():
    return Response(content="no media type")


@app.get("/response-empty")
def response_empty():
    return Response()


@app.get("/response-xml")
def response_xml():
    return Response(content="<a>é</a>", media_type="application/xml")


@app.get("/response-text-custom-charset")
def response_text_custom_charset():
    class Latin1Text(Response):
        media_type = "text/plain"
        charset = "latin-1"

    return Latin1Text("café")


@app.get("/response-with-content-type-header")
def response_with_content_type_header():
    return Response("x", headers={"Content-Type": "text/csv"})


@app.get("/json-response-status", status_code=201, response_model=Item)
def json_response_status():
    # neither the route status_code nor response_model apply to a returned Response
    return JSONResponse({"name": 1, "extra": "kept"})


@app.get("/json-response-custom-status")
def json_response_custom_status():
    return JSONResponse(status_code=404, content={"message": "Item not found"})


@app.get("/json-response-media-type")
def json_response_media_type():
    return JSONResponse({"a": 1}, media_type="application/problem+json")


@app.get("/json-response-unicode")
def json_response_unicode():
    return JSONResponse({"emoji": "😀", "accent": "é", "cjk": "日本"})


@app.get("/json-response-nan")
def json_response_nan():
    return JSONResponse({"v": math.nan})


@app.get("/json-response-datetime")
def json_response_datetime():
    # JSONResponse does not run jsonable_encoder
    return JSONResponse({"when": dt.datetime(2020, 1, 1)})


@app.get("/json-response-model")
def json_response_model():
    return JSONResponse(Item(name="x"))  # type: ignore[arg-type]


@app.get("/json-response-none")
def json_response_none():
    return JSONResponse(None)


@app.get("/json-response-str")
def json_response_str():
    return JSONResponse("just a string")


@app.get("/json-response-204")
def json_response_204():
    return JSONResponse(None, status_code=204)


@app.get("/html")
def html():
    return HTMLResponse("<h1>Hello</h1>", headers={"X-Html": "yes"})


@app.get("/plain")
def plain():
    return PlainTextResponse("plain ✓")


@app.get("/plain-bytes")
def plain_bytes():
    return PlainTextResponse(b"bytes body")


@app.get("/redirect-default")
def redirect_default():
    return RedirectResponse("/plain")


@app.get("/redirect-302")
def redirect_302():
    return RedirectResponse(url="https://example.com/a b?x=ü", status_code=302)


@app.get("/redirect-301-headers")
def redirect_301_headers():
    return RedirectResponse("/plain", status_code=301, headers={"X-Extra": "1"})


@app.get("/streaming")
def streaming():
    def gen():
        yield b"chunk1,"
        yield "chunk2,"
        yield b"chunk3"

    return StreamingResponse(gen(), media_type="text/csv")


@app.get("/streaming-async")
async def streaming_async():
    async def agen():
        for i in range(3):
            yield f"{i}\n"

    return StreamingResponse(agen())


@app.get("/streaming-status-headers")
def streaming_status_headers():
    return StreamingResponse(iter([b"a", b"b"]), status_code=206, headers={"Content-Range": "bytes 0-1/10"})


@app.get("/response-subclass-instance")
def response_subclass_instance():
    class MyJSON(JSONResponse):
        media_type = "application/x-my-json"

        def render(self, content) -> bytes:
            return b"<<" + super().render(content) + b">>"

    return MyJSON({"wrapped": True})


@app.get("/response-headers-multi")
def response_headers_multi():
    response = PlainTextResponse("multi")
    response.headers.append("X-Multi", "1")
    response.headers.append("X-Multi", "2")
    response.set_cookie("c", "v")
    return response


CASES = [
    {"method": "GET", "url": "/response-bytes"},
    {"method": "GET", "url": "/response-str-no-media-type"},
    {"method": "GET", "url": "/response-empty"},
    {"method": "GET", "url": "/response-xml"},
    {"method": "GET", "url": "/response-text-custom-charset"},
    {"method": "GET", "url": "/response-with-content-type-header"},
    {"method": "GET", "url": "/json-response-status"},
    {"method": "GET", "url": "/json-response-custom-status"},
    {"method": "GET", "url": "/json-response-media-type"},
    {"method": "GET", "url": "/json-response-unicode"},
    {"method": "GET", "url": "/json-response-nan"},
    {"method": "GET", "url": "/json-response-nan", "raise_server_exceptions": True, "name": "json-response-nan (raise)"},
    {"method": "GET", "url": "/json-response-datetime"},
    {"method": "GET", "url": "/json-response-datetime", "raise_server_exceptions": True, "name": "json-response-datetime (raise)"},
    {"method": "GET", "url": "/json-response-model", "raise_server_exceptions": True, "name": "json-response-model (raise)"},
    {"method": "GET", "url": "/json-response-none"},
    {"method": "GET", "url": "/json-response-str"},
    {"method": "GET", "url": "/json-response-204"},
    {"method": "GET", "url": "/html"},
    {"method": "GET", "url": "/plain"},
    {"method": "GET", "url": "/plain-bytes"},
    {"method": "GET", "url": "/redirect-default", "follow_redirects": False},
    {"method": "GET", "url": "/redirect-302", "follow_redirects": False},
    {"method": "GET", "url": "/redirect-301-headers", "follow_redirects": False},
    {"method": "GET", "url": "/redirect-default", "follow_redirects": True, "name": "redirect-default followed"},
    {"method": "GET", "url": "/streaming"},
    {"method": "GET", "url": "/streaming-async"},
    {"method": "GET", "url": "/streaming-status-headers"},
    {"method": "GET", "url": "/response-subclass-instance"},
    {"method": "GET", "url": "/response-headers-multi"},
]
