"""app.state set at module level and mutated by endpoints, request.app identity, app
attributes (title, version, description, openapi_version, extra kwargs stored in
app.extra), routes listing (paths, names, methods as sorted lists), and a router's state
being the app's through request.app."""
from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute

app = FastAPI(title="State App", version="3.1.4", description="desc", custom_setting="xyz", answer=42)
app.state.counter = 0
app.state.config = {"mode": "test"}

router = APIRouter(prefix="/r")


@router.get("/counter")
def router_counter(request: Request):
    request.app.state.counter += 10
    return {"counter": request.app.state.counter, "same_app": request.app is app}


app.include_router(router)


@app.post("/counter")
def bump():
    app.state.counter += 1
    return {"counter": app.state.counter}


@app.get("/attrs")
def attrs(request: Request):
    return {
        "title": request.app.title,
        "version": request.app.version,
        "description": request.app.description,
        "openapi_version": request.app.openapi_version,
        "extra": request.app.extra,
        "config": request.app.state.config,
        "docs_url": request.app.docs_url,
        "redoc_url": request.app.redoc_url,
        "openapi_url": request.app.openapi_url,
        "oauth2_redirect": request.app.swagger_ui_oauth2_redirect_url,
        "root_path": request.app.root_path,
        "root_path_in_servers": request.app.root_path_in_servers,
        "servers": request.app.servers,
        "openapi_tags": request.app.openapi_tags,
        "debug": request.app.debug,
    }


@app.get("/routes")
def routes():
    out = []
    for route in app.routes:
        entry = {"type": type(route).__name__, "path": route.path, "name": getattr(route, "name", None)}
        methods = getattr(route, "methods", None)
        entry["methods"] = sorted(methods) if methods else None
        if isinstance(route, APIRoute):
            entry["operation_id"] = route.operation_id
            entry["tags"] = route.tags
            entry["path_format"] = route.path_format
            entry["unique_id"] = route.unique_id
        out.append(entry)
    return out


@app.get("/items/{item_id:int}/sub/{name}", tags=["t"])
def item_sub(item_id: int, name: str):
    return {}


CASES = [
    {"method": "POST", "url": "/counter"},
    {"method": "POST", "url": "/counter"},
    {"method": "GET", "url": "/r/counter"},
    {"method": "GET", "url": "/attrs"},
    {"method": "GET", "url": "/routes"},
]
