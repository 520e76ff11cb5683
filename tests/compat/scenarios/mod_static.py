"""StaticFiles from fastapi.staticfiles mounted on an app: files by type, nested paths, HEAD,
conditional requests (If-None-Match, If-Modified-Since) answering 304, a directory without
index, html=True serving index.html and 404.html, redirecting a directory without trailing
slash, path traversal, url_for to a static file, and the not
found answer going through FastAPI's HTTPException handler. Files live in a temporary
directory with a fixed mtime."""
import atexit
import os
import shutil
import tempfile

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

_DIR = tempfile.mkdtemp(prefix="mod_static_")
atexit.register(shutil.rmtree, _DIR, True)

FILES = {
    "assets/hello.txt": "hello static\n",
    "assets/style.css": "body { color: red; }\n",
    "assets/data.json": '{"k": 1}\n',
    "assets/sub/deep.txt": "deep\n",
    "site/index.html": "<h1>index</h1>\n",
    "site/404.html": "<h1>custom not found</h1>\n",
    "site/docs/index.html": "<h1>docs index</h1>\n",
    "secret.txt": "outside the mount\n",
}
for rel, text in FILES.items():
    path = os.path.join(_DIR, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)
    os.utime(path, (1_600_000_000, 1_600_000_000))

app = FastAPI()
app.mount("/static", StaticFiles(directory=os.path.join(_DIR, "assets")), name="static")
app.mount("/site", StaticFiles(directory=os.path.join(_DIR, "site"), html=True), name="site")


@app.get("/links")
def links(request: Request):
    return {
        "css": str(request.url_for("static", path="style.css")),
        "deep": app.url_path_for("static", path="sub/deep.txt"),
    }


CASES = [
    {"method": "GET", "url": "/static/hello.txt"},
    {"method": "GET", "url": "/static/style.css"},
    {"method": "GET", "url": "/static/data.json"},
    {"method": "GET", "url": "/static/sub/deep.txt"},
    {"method": "HEAD", "url": "/static/hello.txt"},
    {"name": "if-none-match matches", "method": "GET", "url": "/static/hello.txt", "headers": {"If-None-Match": '"715d950ffc02f896d817e7d9f04a2cff"'}},
    {"name": "if-none-match other", "method": "GET", "url": "/static/hello.txt", "headers": {"If-None-Match": '"other"'}},
    {"name": "if-modified-since later", "method": "GET", "url": "/static/hello.txt", "headers": {"If-Modified-Since": "Mon, 14 Sep 2020 00:00:00 GMT"}},
    {"name": "if-modified-since earlier", "method": "GET", "url": "/static/hello.txt", "headers": {"If-Modified-Since": "Sat, 12 Sep 2020 00:00:00 GMT"}},
    {"method": "GET", "url": "/static/missing.txt"},
    {"method": "GET", "url": "/static/sub"},
    {"method": "GET", "url": "/static/../secret.txt"},
    {"method": "GET", "url": "/static/%2e%2e/secret.txt"},
    {"method": "GET", "url": "/site/"},
    {"method": "GET", "url": "/site/docs/"},
    {"name": "directory redirect", "method": "GET", "url": "/site/docs", "follow_redirects": False},
    {"method": "GET", "url": "/site/nothing-here"},
    {"method": "GET", "url": "/links"},
]
