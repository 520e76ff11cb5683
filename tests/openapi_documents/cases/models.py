"""Models in bodies and responses: generics, recursion, docstrings cut at \\f, dataclasses,
TypedDicts, duplicate model names, forms, files, app metadata, hidden and Starlette routes."""

from dataclasses import dataclass
from typing import Annotated, Generic, Optional, TypeVar

from pydantic import BaseModel, Field, computed_field
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from typing_extensions import TypedDict

from fastapi import Body, FastAPI, File, Form, UploadFile

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = 0


class Node(BaseModel):
    """A node.

    More text.\f
    :param x: internal
    """

    name: str
    children: list["Node"] = []

    @computed_field
    @property
    def size(self) -> int:
        return 1


def _thing_a():
    class Thing(BaseModel):
        a: int

    return Thing


def _thing_b():
    class Thing(BaseModel):
        b: str

    return Thing


ThingA = _thing_a()
ThingB = _thing_b()


class WithDefault(BaseModel):
    tags: list[str] = Field(default_factory=list)
    opt: Optional[int] = None


@dataclass
class DC:
    x: int
    y: Optional[str] = None


class TD(TypedDict):
    k: int


app = FastAPI(
    title="Models",
    description="d",
    version="2",
    summary="s",
    terms_of_service="tos",
    contact={"name": "n", "url": "http://a.com", "email": "a@b.com", "x-extra": 1},
    license_info={"name": "MIT", "url": "https://mit.org"},
    servers=[
        {"url": "http://a.com", "description": "A"},
        {"url": "/v1", "variables": {"v": {"default": "1", "enum": ["1", "2"]}}},
    ],
    openapi_tags=[{"name": "a", "x-tag": True}],
)


@app.post("/node", response_model=Node, tags=["a"])
def node(n: Node):
    return n


@app.post("/wd")
def wd(w: WithDefault) -> WithDefault:
    return w


@app.post("/things")
def things(a: ThingA, b: ThingB) -> ThingA:
    return a


@app.get("/page")
def page() -> Page[DC]:
    return None


@app.post("/td")
def td(t: TD) -> list[TD]:
    return [t]


@app.post("/form")
def form(a: Annotated[str, Form()], b: Annotated[int, Form(description="B")] = 1):
    return {}


@app.post("/form1")
def form1(a: Annotated[str, Form()]):
    return {}


@app.post("/files")
def files(
    f: UploadFile,
    g: Annotated[list[bytes], File()],
    h: Optional[UploadFile] = None,
    s: Annotated[str, Form()] = "x",
):
    return {}


@app.post("/file1")
def file1(f: Annotated[bytes, File(description="raw")]):
    return {}


class FormModel(BaseModel):
    user: str
    pw: str = Field(..., json_schema_extra={"format": "password"})


@app.post("/formmodel")
def fm(data: Annotated[FormModel, Form()]):
    return {}


@app.post("/mixed")
def mixed(a: Annotated[int, Body()], b: Annotated[str, Body(media_type="text/plain")]):
    return {}


@app.get(
    "/deprecated",
    deprecated=True,
    summary="Sum",
    description="Desc",
    response_description="RD",
    operation_id="custom_op",
)
def dep():
    """doc\fcut"""


@app.get("/doc")
def docd():
    """
    Title line

    body\fcut here
    """


@app.get("/hidden", include_in_schema=False)
def hidden():
    return {}


@app.get("/dup", operation_id="same")
def dup1():
    return {}


@app.post("/dup", operation_id="same")
def dup2():
    return {}


def star(request):
    return PlainTextResponse("x")


app.router.routes.append(Route("/star", star))
app.mount("/sub", FastAPI())
