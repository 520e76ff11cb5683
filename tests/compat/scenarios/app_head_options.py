"""HEAD and OPTIONS: GET routes do not answer HEAD (405), explicit @app.head routes and a
GET+HEAD pair on the same path served by different functions, HEAD answers keep
content-length but drop the body, OPTIONS routes, and CORS preflight OPTIONS handled by
CORSMiddleware before routing."""
from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://allowed.example"],
    allow_credentials=True,
    allow_methods=["GET", "POST"],
    allow_headers=["X-Custom"],
    expose_headers=["X-Exposed"],
    max_age=60,
)


@app.get("/resource")
def get_resource(response: Response):
    response.headers["X-Exposed"] = "e"
    return {"resource": "body"}


@app.head("/resource")
def head_resource(response: Response):
    response.headers["X-Head-Handler"] = "1"
    return {"a longer body that will not be sent": True}


@app.get("/get-only")
def get_only():
    return {"get": "only"}


@app.options("/with-options")
def with_options(response: Response):
    response.headers["Allow"] = "GET, OPTIONS"
    return None


@app.get("/with-options")
def with_options_get():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/resource"},
    {"method": "HEAD", "url": "/resource"},
    {"method": "HEAD", "url": "/get-only"},
    {"method": "OPTIONS", "url": "/get-only"},
    {"method": "OPTIONS", "url": "/with-options"},
    {"method": "GET", "url": "/with-options"},
    {"name": "simple CORS GET allowed origin", "method": "GET", "url": "/resource",
     "headers": {"origin": "https://allowed.example"}},
    {"name": "simple CORS GET other origin", "method": "GET", "url": "/resource",
     "headers": {"origin": "https://evil.example"}},
    {"name": "preflight allowed", "method": "OPTIONS", "url": "/get-only",
     "headers": {"origin": "https://allowed.example", "access-control-request-method": "GET",
                 "access-control-request-headers": "X-Custom"}},
    {"name": "preflight bad method and header", "method": "OPTIONS", "url": "/get-only",
     "headers": {"origin": "https://allowed.example", "access-control-request-method": "DELETE",
                 "access-control-request-headers": "X-Other"}},
    {"name": "preflight unknown path", "method": "OPTIONS", "url": "/does-not-exist",
     "headers": {"origin": "https://allowed.example", "access-control-request-method": "GET"}},
    {"name": "OPTIONS with origin but no request-method is not a preflight", "method": "OPTIONS",
     "url": "/get-only", "headers": {"origin": "https://allowed.example"}},
    {"name": "404 with origin", "method": "GET", "url": "/nope",
     "headers": {"origin": "https://allowed.example"}},
]
