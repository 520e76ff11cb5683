"""Response classes, additional responses (models, ranges, default), router responses shared
between routes, status codes and openapi_extra."""

from typing import Optional, Union

from pydantic import BaseModel

from fastapi import APIRouter, FastAPI
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    ORJSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)


class Err(BaseModel):
    """An error.\fhidden part"""

    msg: str


class Item(BaseModel):
    name: str
    price: Optional[float] = None


app = FastAPI()
router = APIRouter(
    responses={404: {"model": Err, "content": {"application/json": {"example": {"msg": "x"}}}}}
)


@router.get("/html", response_class=HTMLResponse)
def html():
    return "<p>"


@router.get("/json")
def js():
    return {}


@router.get(
    "/plain",
    response_class=PlainTextResponse,
    responses={200: {"content": {"image/png": {}}, "description": "Img"}},
)
def plain():
    return ""


app.include_router(router, prefix="/r")


@app.get("/redirect", response_class=RedirectResponse)
def redir():
    return "/x"


@app.get("/file", response_class=FileResponse)
def file():
    return "x"


@app.get("/stream", response_class=StreamingResponse, status_code=206)
def stream():
    return "x"


@app.get("/orjson", response_class=ORJSONResponse, response_model=Item)
def oj():
    return {}


@app.post(
    "/items",
    status_code=201,
    response_model=list[Item],
    responses={
        "default": {"description": "Def"},
        "4XX": {"model": Err},
        "5xx": {"description": "server"},
        422: {"description": "Custom validation"},
        302: {},
        299: {},
        "2XX": {"model": Item, "description": None},
    },
)
def create(item: Item, q: int = 1):
    return []


@app.delete("/nocontent", status_code=204)
def nc(x: int):
    return None


@app.get("/resp", response_model=None)
def resp() -> Response:
    return Response()


@app.get("/union", response_model=Union[Item, Err])
def un():
    return {}


@app.get(
    "/ext",
    openapi_extra={
        "x-foo": 1,
        "parameters": [{"name": "extra", "in": "query"}],
        "responses": {
            "200": {"description": "Overridden", "headers": {"X": {"schema": {"type": "string"}}}}
        },
    },
)
def ext(a: int):
    return {}
