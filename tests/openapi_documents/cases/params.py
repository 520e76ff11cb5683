"""Path, query, header and cookie parameters: metadata, examples, aliases, hidden ones,
parameter models, dependencies, and bodies with examples and media types."""

from enum import Enum
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, Field

from fastapi import Body, Cookie, Depends, FastAPI, Header, Path, Query


class Color(str, Enum):
    red = "red"
    blue = "blue"


class Filters(BaseModel):
    model_config = {"extra": "forbid"}
    limit: int = Field(10, gt=0, description="lim")
    tags: list[str] = []
    color: Optional[Color] = None


class Hdrs(BaseModel):
    x_token: str
    user_agent: Optional[str] = None


app = FastAPI()


def dep(q: int, shared: Optional[str] = None, x_key: Annotated[str, Header()] = "k"):
    return q


def dep2(shared: str, q: Optional[int] = None):
    return shared


@app.get("/p/{item_id}")
def p(
    item_id: Annotated[
        int,
        Path(
            title="The ID",
            ge=1,
            examples=[1, 2],
            openapi_examples={"one": {"summary": "One", "value": 1}},
        ),
    ],
    a: Annotated[str, Query(description="desc", deprecated=True, example="ex")] = "x",
    b: Annotated[Optional[list[int]], Query(alias="b-list")] = None,
    hidden: Annotated[Optional[str], Query(include_in_schema=False)] = None,
    color: Color = Color.red,
    lit: Literal["a", "b"] = "a",
    x_under: Annotated[Optional[str], Header(convert_underscores=False)] = None,
    x_conv: Annotated[Optional[str], Header()] = None,
    sess: Annotated[Optional[str], Cookie()] = None,
    d1=Depends(dep),
    d2=Depends(dep2),
):
    return {}


@app.get("/model")
def m(f: Annotated[Filters, Query()]):
    return f


@app.get("/hmodel")
def hm(h: Annotated[Hdrs, Header()]):
    return h


@app.get("/hmodel2")
def hm2(h: Annotated[Hdrs, Header(convert_underscores=False)]):
    return h


@app.get("/cmodel")
def cm(c: Annotated[Hdrs, Cookie()]):
    return c


@app.put("/body/{id}")
def body(
    id: int,
    item: Annotated[dict, Body(openapi_examples={"a": {"value": {"x": 1}}})],
    n: Annotated[int, Body(example=3)],
):
    return {}


@app.post("/single")
def single(
    item: Annotated[list[Filters], Body(example=[{"limit": 1}], media_type="application/vnd+json")],
):
    return {}


@app.post("/embed")
def embed(item: Annotated[Filters, Body(embed=True, description="desc body")]):
    return {}


@app.post("/optbody")
def optbody(item: Optional[Filters] = None):
    return {}


@app.get("/uuid")
def uuid(
    u: Annotated[Union[int, str], Query(title="T", max_length=3)],
    d: float = 1.5,
    dd: Annotated[str, Query(default_factory=lambda: "zz")] = ...,
):
    return {}
