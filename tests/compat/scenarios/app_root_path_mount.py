"""root_path on the parent combined with a mounted sub-FastAPI: the sub-app's scope
root_path, its OpenAPI servers entry, its docs URLs and url_for results (inside a *named*
mount, url_for("info") fails: names resolve against the parent router, where the route is
"sub:info"); requests without the root_path prefix do not reach the mounted app."""
from fastapi import FastAPI, Request

app = FastAPI(root_path="/proxy")
sub = FastAPI(title="Sub")


@sub.get("/info")
def info(request: Request):
    return {
        "root_path": request.scope.get("root_path"),
        "path": request.scope.get("path"),
        "url_for": str(request.url_for("info")),
    }


app.mount("/sub", sub, name="sub")


@app.get("/main")
def main(request: Request):
    return {"sub_info": str(request.url_for("sub", path="/info"))}


CASES = [
    {"method": "GET", "url": "/sub/info"},
    {"method": "GET", "url": "/proxy/sub/info"},
    {"method": "GET", "url": "/proxy/sub/info", "raise_server_exceptions": True},
    {"method": "GET", "url": "/sub/openapi.json"},
    {"method": "GET", "url": "/proxy/sub/openapi.json"},
    {"method": "GET", "url": "/sub/docs"},
    {"method": "GET", "url": "/proxy/sub/docs"},
    {"method": "GET", "url": "/proxy/main"},
    {"method": "GET", "url": "/main"},
]
