"""Unusual but accepted declarations: several markers, Path() outside the path, Any/Json/dict types."""
from typing import Annotated, Any, Optional

from fastapi import Cookie, Depends, FastAPI, Header, Path, Query
from pydantic import Json

app = FastAPI()


@app.get("/path-not-in-route")
def path_not_in_route(x: int = Path()):
    return {"x": x}


@app.get("/query-and-header")
def query_and_header(x: Annotated[Optional[str], Query(), Header()] = None):
    return {"x": x}


@app.get("/header-and-query")
def header_and_query(x: Annotated[Optional[str], Header(), Query()] = None):
    return {"x": x}


@app.get("/regex-and-pattern")
def regex_and_pattern(x: str = Query("a", regex="^a+$", pattern="^b+$")):
    return {"x": x}


@app.get("/optional-path/{item_id}")
def optional_path(item_id: Optional[int]):
    return {"item_id": item_id}


def get_one() -> int:
    return 1


@app.get("/depends-and-query")
def depends_and_query(x: Annotated[int, Query(), Depends(get_one)]):
    return {"x": x}


@app.get("/factory-and-default")
def factory_and_default(x: Annotated[int, Query(default_factory=lambda: 2)] = 1):
    return {"x": x}


@app.get("/any")
def any_query(x: Annotated[Any, Query()] = None):
    return {"x": x, "type": type(x).__name__}


@app.get("/json")
def json_query(x: Json[list[int]] = Query()):
    return {"x": x}


@app.get("/header-dict")
def header_dict(x: Annotated[Optional[dict], Header()] = None):
    return {"x": x}


@app.get("/cookie-dict")
def cookie_dict(x: Annotated[Optional[dict], Cookie()] = None):
    return {"x": x}


@app.get("/extra-metadata")
def extra_metadata(x: Annotated[int, "some doc string", Query(ge=0)] = 0):
    return {"x": x}


CASES = [
    {"method": "GET", "url": "/path-not-in-route"},
    {"method": "GET", "url": "/path-not-in-route?x=1"},
    {"name": "query-and-header via query", "method": "GET", "url": "/query-and-header?x=q"},
    {"name": "query-and-header via header", "method": "GET", "url": "/query-and-header", "headers": {"x": "h"}},
    {"name": "header-and-query via query", "method": "GET", "url": "/header-and-query?x=q"},
    {"name": "header-and-query via header", "method": "GET", "url": "/header-and-query", "headers": {"x": "h"}},
    {"method": "GET", "url": "/regex-and-pattern?x=aa"},
    {"method": "GET", "url": "/regex-and-pattern?x=bb"},
    {"method": "GET", "url": "/optional-path/3"},
    {"method": "GET", "url": "/optional-path/x"},
    {"method": "GET", "url": "/depends-and-query?x=5"},
    {"method": "GET", "url": "/factory-and-default"},
    {"method": "GET", "url": "/any?x=1"},
    {"method": "GET", "url": "/any?x=1&x=2"},
    {"method": "GET", "url": "/any"},
    {"method": "GET", "url": "/json?x=[1,2,3]"},
    {"method": "GET", "url": "/json?x=[1,"},
    {"method": "GET", "url": "/json?x=[\"a\"]"},
    {"method": "GET", "url": "/json"},
    {"name": "header-dict present", "method": "GET", "url": "/header-dict", "headers": {"x": "{}"}},
    {"name": "header-dict absent", "method": "GET", "url": "/header-dict"},
    {"name": "cookie-dict present", "method": "GET", "url": "/cookie-dict", "headers": {"Cookie": "x=1"}},
    {"name": "cookie-dict absent", "method": "GET", "url": "/cookie-dict"},
    {"method": "GET", "url": "/extra-metadata?x=-1"},
    {"method": "GET", "url": "/extra-metadata?x=3"},
]
