"""HEAD requests: on GET-only routes (405), explicit @app.head, api_route with HEAD, Starlette routes, body stripping."""
from fastapi import APIRouter, FastAPI, Response
from fastapi.responses import PlainTextResponse, StreamingResponse
from starlette.requests import Request
from starlette.responses import JSONResponse as StarletteJSON

app = FastAPI()


@app.get("/get-only")
def get_only():
    return {"method": "get"}


@app.head("/head-only")
def head_only(response: Response):
    response.headers["X-Head"] = "yes"
    return {"body": "should be stripped"}


# multi-method routes get an explicit operation_id: the generated one depends on set order
@app.api_route("/get-and-head", methods=["GET", "HEAD"], operation_id="get_and_head")
def get_and_head(request: Request):
    return {"method": request.method}


@app.get("/split")
def split_get():
    return {"which": "get"}


@app.head("/split")
def split_head():
    return PlainTextResponse("head handler", headers={"X-Which": "head"})


@app.api_route("/lower-methods", methods=["get", "head"], operation_id="lower_methods")
def lower_methods(request: Request):
    return {"method": request.method}


@app.head("/head-204", status_code=204)
def head_204():
    return None


@app.api_route("/streaming", methods=["GET", "HEAD"], operation_id="streaming")
def streaming():
    return StreamingResponse(iter([b"abc", b"def"]), media_type="text/plain")


async def starlette_endpoint(request: Request):
    return StarletteJSON({"starlette": request.method})


app.add_route("/starlette-route", starlette_endpoint, methods=["GET"])

router = APIRouter()


@router.get("/r")
def router_get():
    return "router"


app.include_router(router, prefix="/router")


CASES = [
    {"method": "HEAD", "url": "/get-only"},
    {"method": "GET", "url": "/get-only"},
    {"method": "HEAD", "url": "/head-only"},
    {"method": "GET", "url": "/head-only"},
    {"method": "HEAD", "url": "/get-and-head"},
    {"method": "GET", "url": "/get-and-head"},
    {"method": "HEAD", "url": "/split"},
    {"method": "GET", "url": "/split"},
    {"method": "HEAD", "url": "/lower-methods"},
    {"method": "HEAD", "url": "/head-204"},
    {"method": "HEAD", "url": "/streaming"},
    {"method": "HEAD", "url": "/starlette-route"},
    {"method": "GET", "url": "/starlette-route"},
    {"method": "HEAD", "url": "/router/r"},
    {"method": "HEAD", "url": "/does-not-exist"},
    {"method": "OPTIONS", "url": "/get-only"},
]
