"""Jinja2Templates from fastapi.templating with template files written to a temporary
directory: TemplateResponse(request, name, context) with autoescaping, url_for in a template
(to a route and to a static mount), inheritance, status code, headers and media type, a
context processor, a background task, response_class=HTMLResponse in the schema, a missing
template (500, and the exception itself), and a template error at render time."""
import atexit
import os
import shutil
import tempfile

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.background import BackgroundTask

_DIR = tempfile.mkdtemp(prefix="mod_templates_")
atexit.register(shutil.rmtree, _DIR, True)

TEMPLATES = {
    "base.html": "<html><title>{% block title %}base{% endblock %}</title><body>{% block body %}{% endblock %}</body></html>",
    "item.html": (
        '{% extends "base.html" %}{% block title %}Item {{ id }}{% endblock %}'
        '{% block body %}<a href="{{ url_for(\'read_item\', id=id) }}">{{ name }}</a>'
        '<link href="{{ url_for(\'static\', path=\'/app.css\') }}">'
        "<p>{{ site }}</p><p>{{ request.url.path }}</p>{% endblock %}"
    ),
    "plain.txt": "Hello {{ who }}!\n",
    "broken.html": "{{ missing.attribute.deeper }}",
}
for name, text in TEMPLATES.items():
    with open(os.path.join(_DIR, name), "w") as fh:
        fh.write(text)
os.makedirs(os.path.join(_DIR, "static"))
with open(os.path.join(_DIR, "static", "app.css"), "w") as fh:
    fh.write("p {}\n")

LOG: list[str] = []


def site_name(request: Request) -> dict:
    return {"site": f"Site for {request.url.hostname}"}


templates = Jinja2Templates(directory=_DIR, context_processors=[site_name])

app = FastAPI()
app.mount("/static", StaticFiles(directory=os.path.join(_DIR, "static")), name="static")


@app.get("/items/{id}", response_class=HTMLResponse)
async def read_item(request: Request, id: str, name: str = "<b>unsafe</b>"):
    return templates.TemplateResponse(request=request, name="item.html", context={"id": id, "name": name})


@app.get("/plain")
def plain(request: Request, who: str = "world"):
    return templates.TemplateResponse(
        request,
        "plain.txt",
        {"who": who},
        status_code=202,
        headers={"X-Template": "plain"},
        media_type="text/plain",
        background=BackgroundTask(LOG.append, f"rendered for {who}"),
    )


@app.get("/missing")
def missing(request: Request):
    return templates.TemplateResponse(request, "does-not-exist.html")


@app.get("/missing-caught")
def missing_caught(request: Request):
    # the exception's message holds the (random) temporary directory: report its parts
    try:
        templates.TemplateResponse(request, "does-not-exist.html")
    except Exception as exc:
        return {"type": type(exc).__name__, "name": exc.name, "templates": exc.templates}


@app.get("/broken")
def broken(request: Request):
    return templates.TemplateResponse(request, "broken.html")


@app.get("/direct")
def direct():
    template = templates.get_template("plain.txt")
    return HTMLResponse(template.render(who="direct"))


@app.get("/log")
def read_log():
    return LOG


CASES = [
    {"method": "GET", "url": "/items/42"},
    {"method": "GET", "url": "/items/x%20y?name=Tom%20%26%20Jerry"},
    {"method": "GET", "url": "/plain?who=you"},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/missing"},
    {"method": "GET", "url": "/missing-caught"},
    {"method": "GET", "url": "/broken"},
    {"method": "GET", "url": "/broken", "raise_server_exceptions": True},
    {"method": "GET", "url": "/direct"},
]
