"""response_class= on routes, default_response_class= on the app and on routers (with nesting and overrides)."""
from fastapi import APIRouter, FastAPI, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from pydantic import BaseModel

app = FastAPI(default_response_class=PlainTextResponse)


class Item(BaseModel):
    name: str
    extra: int = 0


class CustomJSON(JSONResponse):
    media_type = "application/vnd.api+json"

    def render(self, content) -> bytes:
        return b'{"wrapped":' + super().render(content) + b"}"


@app.get("/app-default")
def app_default():
    return "plain by default"


@app.get("/app-default-dict")
def app_default_dict():
    return {"a": 1}


@app.get("/app-default-model", response_model=Item)
def app_default_model():
    return {"name": "x", "secret": 1}


@app.get("/app-default-int")
def app_default_int():
    return 42


@app.get("/app-default-none")
def app_default_none():
    return None


@app.get("/route-json", response_class=JSONResponse)
def route_json():
    return "json again"


@app.get("/route-html", response_class=HTMLResponse)
def route_html():
    return "<h1>html</h1>"


@app.get("/route-html-list", response_class=HTMLResponse)
def route_html_list():
    return ["a", "b"]


@app.get("/route-html-bytes", response_class=HTMLResponse)
def route_html_bytes():
    return b"<i>bytes</i>"


@app.get("/route-html-model", response_class=HTMLResponse, response_model=Item)
def route_html_model():
    return {"name": "<b>", "secret": 2}


@app.get("/route-redirect", response_class=RedirectResponse)
def route_redirect():
    return "/app-default"


@app.get("/route-redirect-status", response_class=RedirectResponse, status_code=302)
def route_redirect_status():
    return "https://example.com/target"


@app.get("/route-redirect-returns-response", response_class=RedirectResponse)
def route_redirect_returns_response():
    return PlainTextResponse("not a redirect")


@app.get("/route-plain-status", response_class=PlainTextResponse, status_code=202)
def route_plain_status():
    return "accepted"


@app.get("/route-response-class", response_class=Response)
def route_response_class():
    return "bare Response class"


@app.get("/route-custom-json", response_class=CustomJSON)
def route_custom_json():
    return {"custom": True}


@app.get("/route-custom-json-model", response_class=CustomJSON, response_model=Item, status_code=201)
def route_custom_json_model():
    return Item(name="m")


@app.get("/route-html-param", response_class=HTMLResponse)
def route_html_param(response: Response):
    response.headers["X-Set"] = "1"
    response.status_code = 203
    return "<p>param</p>"


@app.delete("/route-plain-204", response_class=PlainTextResponse, status_code=204)
def route_plain_204():
    return "dropped"


html_router = APIRouter(default_response_class=HTMLResponse)


@html_router.get("/page")
def router_page():
    return "<p>router html</p>"


@html_router.get("/page-json", response_class=JSONResponse)
def router_page_json():
    return {"route": "wins"}


inner = APIRouter()


@inner.get("/inner")
def inner_route():
    return "<p>inherits?</p>"


html_router.include_router(inner, prefix="/nested")

app.include_router(html_router, prefix="/html")

json_included = APIRouter()


@json_included.get("/thing")
def json_included_thing():
    return {"thing": 1}


app.include_router(json_included, prefix="/incl", default_response_class=JSONResponse)

plain_router = APIRouter()


@plain_router.get("/thing")
def plain_router_thing():
    return {"inherits": "app default"}


app.include_router(plain_router, prefix="/plain-router")


CASES = [
    {"method": "GET", "url": "/app-default"},
    {"method": "GET", "url": "/app-default-dict"},
    {"method": "GET", "url": "/app-default-dict", "raise_server_exceptions": True, "name": "app-default-dict (raise)"},
    {"method": "GET", "url": "/app-default-model"},
    {"method": "GET", "url": "/app-default-model", "raise_server_exceptions": True, "name": "app-default-model (raise)"},
    {"method": "GET", "url": "/app-default-int"},
    {"method": "GET", "url": "/app-default-none"},
    {"method": "GET", "url": "/route-json"},
    {"method": "GET", "url": "/route-html"},
    {"method": "GET", "url": "/route-html-list"},
    {"method": "GET", "url": "/route-html-bytes"},
    {"method": "GET", "url": "/route-html-model"},
    {"method": "GET", "url": "/route-html-model", "raise_server_exceptions": True, "name": "route-html-model (raise)"},
    {"method": "GET", "url": "/route-html-list", "raise_server_exceptions": True, "name": "route-html-list (raise)"},
    {"method": "GET", "url": "/route-redirect", "follow_redirects": False},
    {"method": "GET", "url": "/route-redirect-status", "follow_redirects": False},
    {"method": "GET", "url": "/route-redirect-returns-response", "follow_redirects": False},
    {"method": "GET", "url": "/route-plain-status"},
    {"method": "GET", "url": "/route-response-class"},
    {"method": "GET", "url": "/route-custom-json"},
    {"method": "GET", "url": "/route-custom-json-model"},
    {"method": "GET", "url": "/route-html-param"},
    {"method": "DELETE", "url": "/route-plain-204"},
    {"method": "GET", "url": "/html/page"},
    {"method": "GET", "url": "/html/page-json"},
    {"method": "GET", "url": "/html/nested/inner"},
    {"method": "GET", "url": "/incl/thing"},
    {"method": "GET", "url": "/plain-router/thing"},
    {"method": "GET", "url": "/nope"},
    {"method": "POST", "url": "/app-default"},
]
