"""default_response_class precedence: route response_class > include_router(...) >
APIRouter(...) > FastAPI(...), through nested routers; HTMLResponse/PlainTextResponse as
defaults with dict and str returns, returning a Response directly bypasses the class; the
OpenAPI media types follow the effective class."""
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response


class CustomJSON(JSONResponse):
    media_type = "application/vnd.custom+json"


class ReverseText(PlainTextResponse):
    def render(self, content) -> bytes:
        return str(content)[::-1].encode("utf-8")


app = FastAPI(default_response_class=PlainTextResponse)


@app.get("/app-default")
def app_default():
    return "plain from app"


@app.get("/app-default-dict")
def app_default_dict():
    return {"a": 1}


@app.get("/app-route-override", response_class=JSONResponse)
def app_route_override():
    return {"a": 1}


@app.get("/app-return-response")
def app_return_response():
    return JSONResponse({"explicit": True}, status_code=201)


@app.get("/app-return-bare-response")
def app_return_bare_response():
    return Response(content=b"raw", media_type="application/octet-stream")


router_html = APIRouter(default_response_class=HTMLResponse)


@router_html.get("/html")
def html():
    return "<p>hi</p>"


@router_html.get("/html-route-json", response_class=CustomJSON)
def html_route_json():
    return {"custom": True}


router_none = APIRouter()


@router_none.get("/inherit")
def inherit():
    return "what class am I"


inner = APIRouter(default_response_class=ReverseText)


@inner.get("/rev")
def rev():
    return "abc"


@inner.get("/rev-json", response_class=JSONResponse)
def rev_json():
    return "abc"


outer = APIRouter(default_response_class=HTMLResponse)
outer.include_router(inner, prefix="/inner")


@outer.get("/outer")
def outer_route():
    return "<b>outer</b>"


app.include_router(router_html, prefix="/router-html")
app.include_router(router_html, prefix="/router-html-inc", default_response_class=CustomJSON)
app.include_router(router_none, prefix="/router-none")
app.include_router(router_none, prefix="/router-none-inc", default_response_class=CustomJSON)
app.include_router(outer, prefix="/outer")
app.include_router(outer, prefix="/outer-inc", default_response_class=JSONResponse)


json_app_router = APIRouter()


@json_app_router.get("/status", status_code=202)
def status_route():
    return "accepted"


app.include_router(json_app_router, default_response_class=HTMLResponse)


CASES = [
    {"method": "GET", "url": "/app-default"},
    {"method": "GET", "url": "/app-default-dict"},
    {"method": "GET", "url": "/app-default-dict", "raise_server_exceptions": True},
    {"method": "GET", "url": "/app-route-override"},
    {"method": "GET", "url": "/app-return-response"},
    {"method": "GET", "url": "/app-return-bare-response"},
    {"method": "GET", "url": "/router-html/html"},
    {"method": "GET", "url": "/router-html/html-route-json"},
    {"method": "GET", "url": "/router-html-inc/html"},
    {"method": "GET", "url": "/router-html-inc/html-route-json"},
    {"method": "GET", "url": "/router-none/inherit"},
    {"method": "GET", "url": "/router-none-inc/inherit"},
    {"method": "GET", "url": "/outer/outer"},
    {"method": "GET", "url": "/outer/inner/rev"},
    {"method": "GET", "url": "/outer/inner/rev-json"},
    {"method": "GET", "url": "/outer-inc/outer"},
    {"method": "GET", "url": "/outer-inc/inner/rev"},
    {"method": "GET", "url": "/outer-inc/inner/rev-json"},
    {"method": "GET", "url": "/status"},
    {"method": "GET", "url": "/nope"},
]
