"""app.frontend / router.frontend: a built single-page app served beside the API, with the
index.html fallback for client-side routes, a 404.html page, and router dependencies."""

import os
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException

# Built outside the repository; a fixed mtime keeps last-modified and etag the same each run.
BUILD = Path(tempfile.gettempdir()) / "fastapi-compat-frontend"
SPA = BUILD / "spa"          # index.html only: client-side routes fall back to it
SITE = BUILD / "site"        # with a 404.html: unknown paths answer it, status 404
for folder, files in {
    SPA: {"index.html": "<html>spa</html>\n", "assets/app.js": "console.log(1)\n"},
    SITE: {"index.html": "<html>site</html>\n", "404.html": "<html>missing</html>\n"},
}.items():
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
        os.utime(folder / name, (1_700_000_000, 1_700_000_000))

app = FastAPI()


@app.get("/api/items")
def items():
    return [1, 2]


def guard(x_token: Annotated[str | None, Header()] = None):
    if x_token == "bad":
        raise HTTPException(status_code=403, detail="no entry")


admin = APIRouter(dependencies=[Depends(guard)])
admin.frontend("/admin", directory=SPA)
app.include_router(admin)
app.frontend("/site", directory=SITE)
app.frontend("/", directory=SPA)

HTML = {"accept": "text/html,application/xhtml+xml"}
CASES = [
    {"method": "GET", "url": "/"},
    {"method": "GET", "url": "/index.html"},
    {"method": "GET", "url": "/assets/app.js"},
    {"method": "GET", "url": "/assets/missing.js"},
    {"method": "GET", "url": "/assets/missing.js", "headers": HTML},
    {"method": "GET", "url": "/client/route", "headers": HTML},
    {"method": "HEAD", "url": "/client/route", "headers": HTML},
    {"method": "GET", "url": "/client/route"},
    {"method": "GET", "url": "/client/route", "headers": {"accept": "application/json"}},
    {"method": "POST", "url": "/client/route", "headers": HTML},
    {"method": "GET", "url": "/api/items", "headers": HTML},
    {"method": "GET", "url": "/api/nothing", "headers": HTML},
    {"method": "GET", "url": "/site/"},
    {"method": "GET", "url": "/site/unknown", "headers": HTML},
    {"method": "GET", "url": "/site/unknown"},
    {"method": "GET", "url": "/admin/x", "headers": HTML},
    {"method": "GET", "url": "/admin/x", "headers": {**HTML, "x-token": "bad"}},
    {"method": "GET", "url": "/admin/assets/app.js"},
    {"method": "GET", "url": "/admin", "follow_redirects": False},
]
