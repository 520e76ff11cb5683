"""What FastAPI added after 0.116 besides streaming, as this package offers it.

Opt-in keywords here (each FastAPI's default today): ``security_401=True`` (schemes answer
401 with a challenge), ``strict_content_type=True`` (no JSON without a JSON content type);
and ``openapi_external_docs``. Always on: ``TypeAliasType`` aliases in parameters, bodies
and response models, a dependency annotated ``Response``, a Starlette ``Mount`` inside an
included router, ``-> None`` endpoints.
"""

import inspect
from typing import Annotated

from pydantic import BaseModel, Field
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from typing_extensions import TypeAliasType

from fastapi import APIRouter, Depends, FastAPI, Query, Response
from fastapi.security import (
    APIKeyCookie,
    APIKeyHeader,
    APIKeyQuery,
    HTTPBasic,
    HTTPBearer,
    HTTPDigest,
    OAuth2,
    OAuth2PasswordBearer,
    OpenIdConnect,
)

# The newest FastAPI answers 401s without being asked (and has no such keyword).
OPT_IN = {"security_401": True} if "security_401" in inspect.signature(FastAPI).parameters else {}
app = FastAPI(
    **OPT_IN,
    strict_content_type=True,
    openapi_external_docs={"description": "The guide", "url": "https://example.com/guide"},
)


class Item(BaseModel):
    name: str


SCHEMES = {
    "bearer": HTTPBearer(),
    "basic": HTTPBasic(),
    "basic-realm": HTTPBasic(realm="shop"),
    "digest": HTTPDigest(),
    "oauth2": OAuth2(),
    "password": OAuth2PasswordBearer(tokenUrl="token"),
    "oidc": OpenIdConnect(openIdConnectUrl="https://example.com/.well-known"),
    "key-header": APIKeyHeader(name="x-key"),
    "key-query": APIKeyQuery(name="key"),
    "key-cookie": APIKeyCookie(name="key"),
}
for _name, _scheme in SCHEMES.items():

    def _secured(credentials=Depends(_scheme)):
        return {"credentials": str(credentials)}

    app.get(f"/secure/{_name}", operation_id=f"secure_{_name.replace('-', '_')}")(_secured)


@app.post("/items")
def create(item: Item):
    return item


PositiveInt = TypeAliasType("PositiveInt", Annotated[int, Field(gt=0)])
ItemList = TypeAliasType("ItemList", list[Item])
ShortText = TypeAliasType("ShortText", Annotated[str, Query(max_length=3)])


@app.get("/alias/{n}")
def alias_params(n: PositiveInt, q: PositiveInt = 1, s: ShortText = "x") -> ItemList:
    return [{"name": f"{n * q}{s}"}]


@app.post("/alias-body")
def alias_body(items: ItemList) -> PositiveInt:
    return len(items)


def plain_text() -> Response:
    return PlainTextResponse("made by a dependency")


@app.get("/response-dependency")
def response_dependency(made: Annotated[Response, Depends(plain_text)]):
    return {"type": type(made).__name__, "body": made.body.decode()}


@app.get("/nothing")
def nothing() -> None:
    return None


@app.delete("/nothing", status_code=204)
def delete_nothing() -> None:
    return None


async def _hello(request):
    return PlainTextResponse("mounted at " + request.url.path)


router = APIRouter()
router.mount("/sub", Starlette(routes=[Route("/hello", _hello)]))


@router.get("/beside")
def beside():
    return "beside"


app.include_router(router, prefix="/inc")

AUTH = [None, "Weird abc", "Bearer", "Bearer tok", "Basic !!!", "Basic dTpw", "Digest x=1"]
CASES = [
    {"method": "GET", "url": f"/secure/{name}", **({"headers": {"Authorization": auth}} if auth else {})}
    for name in SCHEMES
    for auth in AUTH
] + [
    {"method": "GET", "url": "/secure/key-query?key=k"},
    {"method": "GET", "url": "/secure/key-header", "headers": {"x-key": "k"}},
    {"method": "POST", "url": "/items", "content": b'{"name":"x"}'},
    {"method": "POST", "url": "/items", "content": b'{"name":"x"}', "headers": {"content-type": ""}},
    {"method": "POST", "url": "/items", "content": b'{"name":"x"}', "headers": {"content-type": "text/plain"}},
    {"method": "POST", "url": "/items", "json": {"name": "x"}},
    {"method": "POST", "url": "/items", "content": b'{"name":"x"}', "headers": {"content-type": "application/ld+json"}},
    {"method": "GET", "url": "/alias/3?q=2&s=ab"},
    {"method": "GET", "url": "/alias/0"},
    {"method": "GET", "url": "/alias/1?s=abcd"},
    {"method": "POST", "url": "/alias-body", "json": [{"name": "a"}, {"name": "b"}]},
    {"method": "POST", "url": "/alias-body", "json": [{}]},
    {"method": "GET", "url": "/response-dependency"},
    {"method": "GET", "url": "/nothing"},
    {"method": "DELETE", "url": "/nothing"},
    {"method": "GET", "url": "/inc/sub/hello"},
    {"method": "GET", "url": "/inc/beside"},
]
