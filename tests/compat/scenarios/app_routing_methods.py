"""Routing by method: 404/405 bodies and Allow headers (only the first partially-matching
route's methods are listed), api_route with several methods, HEAD/OPTIONS handling, the
same path served by different functions per method, first-match-wins on duplicate routes,
path converters and ordering of static vs parametrised paths."""
from fastapi import APIRouter, FastAPI, Request, Response

app = FastAPI()


@app.get("/thing")
def get_thing():
    return {"op": "get"}


@app.post("/thing")
def post_thing():
    return {"op": "post"}


@app.delete("/thing")
def delete_thing():
    return {"op": "delete"}


# Several methods on one route: the Allow header of a 405 and the default operationId
# would follow set iteration order (hash-seed dependent), so the operation id is pinned
# and no 405 is requested from this route.
@app.api_route("/multi", methods=["GET", "POST", "patch"], operation_id="multi_op")
async def multi(request: Request):
    return {"method": request.method}


@app.api_route("/default-methods")
async def default_methods(request: Request):
    return {"method": request.method}


@app.head("/head-only")
def head_only(response: Response):
    response.headers["X-Head"] = "yes"
    return {"ignored": "body"}


@app.options("/opts")
def options_route():
    return {"allow": "everything"}


@app.trace("/trace")
def trace_route():
    return {"op": "trace"}


@app.put("/put")
def put_route():
    return {"op": "put"}


@app.patch("/patch")
def patch_route():
    return {"op": "patch"}


@app.get("/dup")
def dup_first():
    return {"which": "first"}


@app.get("/dup")
def dup_second():
    return {"which": "second"}


@app.get("/users/me")
def read_me():
    return {"user": "me"}


@app.get("/users/{user_id}")
def read_user(user_id: str):
    return {"user": user_id}


@app.get("/files/{file_path:path}")
def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/conv/{n:int}")
def conv_int(n: int):
    return {"n": n, "type": type(n).__name__}


@app.get("/conv/{x:float}/f")
def conv_float(x: float):
    return {"x": x}


@app.get("/")
def root():
    return {"root": True}


router = APIRouter()


@router.get("/split")
def split_get():
    return {"from": "router"}


app.include_router(router)


@app.post("/split")
def split_post():
    return {"from": "app"}


@app.get("/unicode/{name}")
def unicode_name(name: str):
    return {"name": name}


CASES = [
    {"method": "GET", "url": "/thing"},
    {"method": "POST", "url": "/thing"},
    {"method": "DELETE", "url": "/thing"},
    {"method": "PUT", "url": "/thing"},
    {"method": "PATCH", "url": "/thing"},
    {"method": "HEAD", "url": "/thing"},
    {"method": "OPTIONS", "url": "/thing"},
    {"method": "GET", "url": "/multi"},
    {"method": "POST", "url": "/multi"},
    {"method": "PATCH", "url": "/multi"},
    {"method": "GET", "url": "/default-methods"},
    {"method": "POST", "url": "/default-methods"},
    {"method": "DELETE", "url": "/default-methods"},
    {"method": "HEAD", "url": "/head-only"},
    {"method": "GET", "url": "/head-only"},
    {"method": "OPTIONS", "url": "/opts"},
    {"method": "GET", "url": "/opts"},
    {"method": "TRACE", "url": "/trace"},
    {"method": "PUT", "url": "/put"},
    {"method": "GET", "url": "/put"},
    {"method": "PATCH", "url": "/patch"},
    {"method": "FOO", "url": "/thing"},
    {"method": "get", "url": "/thing"},
    {"method": "GET", "url": "/dup"},
    {"method": "GET", "url": "/users/me"},
    {"method": "GET", "url": "/users/42"},
    {"method": "GET", "url": "/users/"},
    {"method": "GET", "url": "/files/home/user/file.txt"},
    {"method": "GET", "url": "/files/"},
    {"method": "GET", "url": "/files//double"},
    {"method": "GET", "url": "/conv/12"},
    {"method": "GET", "url": "/conv/-12"},
    {"method": "GET", "url": "/conv/abc"},
    {"method": "GET", "url": "/conv/1.5/f"},
    {"method": "GET", "url": "/conv/2/f"},
    {"method": "GET", "url": "/"},
    {"method": "POST", "url": "/"},
    {"method": "GET", "url": "/split"},
    {"method": "POST", "url": "/split"},
    {"method": "PUT", "url": "/split"},
    {"method": "GET", "url": "/unicode/h%C3%A9llo%20w"},
    {"method": "GET", "url": "/unicode/a%2Fb"},
    {"method": "GET", "url": "/nope"},
    {"method": "HEAD", "url": "/nope"},
    {"method": "GET", "url": "/nope?x=1"},
]
