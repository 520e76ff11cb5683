"""HTTPException edge cases: details that are not plain JSON (datetime, set, tuple, bytes,
pydantic model, float nan, non-str dict keys), header values with non-latin-1 characters,
empty values and spaces, informational status codes, raising from an exception handler
or from a handler that returns a non-Response, and HTTPException subclasses."""
import datetime
import math

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel

app = FastAPI()


class ErrorModel(BaseModel):
    code: int
    message: str


class MyHTTPError(HTTPException):
    def __init__(self, what: str):
        super().__init__(status_code=402, detail=f"pay for {what}", headers={"X-What": what})


class ReturnsDict(Exception):
    pass


class ReturnsNone(Exception):
    pass


class ReRaises(Exception):
    pass


@app.exception_handler(ReturnsDict)
async def returns_dict(request: Request, exc: ReturnsDict):
    return {"not": "a response"}


@app.exception_handler(ReturnsNone)
async def returns_none(request: Request, exc: ReturnsNone):
    return None


@app.exception_handler(ReRaises)
async def re_raises(request: Request, exc: ReRaises):
    raise HTTPException(status_code=400, detail="raised from handler")


DETAILS = {
    "datetime": datetime.datetime(2020, 1, 2, 3, 4, 5),
    "date": datetime.date(2020, 1, 2),
    "set": {1},
    "tuple": (1, "a"),
    "bytes": b"raw-bytes",
    "model": ErrorModel(code=1, message="m"),
    "nan": math.nan,
    "inf": math.inf,
    "int-keys": {1: "one", 2: "two"},
    "none-key": {None: "x"},
    "nested-model": {"errors": [ErrorModel(code=2, message="n")]},
    "big-int": 10**30,
}


@app.get("/detail/{kind}")
def detail(kind: str):
    raise HTTPException(status_code=400, detail=DETAILS[kind])


@app.get("/header/{kind}")
def header(kind: str):
    values = {"snowman": "☃", "empty": "", "spaces": "  padded  ", "comma": "a, b"}
    raise HTTPException(status_code=400, detail="h", headers={"X-Value": values[kind]})


@app.get("/status/{code}")
def status(code: int):
    raise HTTPException(status_code=code)


@app.get("/subclass")
def subclass():
    raise MyHTTPError("coffee")


@app.get("/returns-dict")
def raise_returns_dict():
    raise ReturnsDict()


@app.get("/returns-none")
def raise_returns_none():
    raise ReturnsNone()


@app.get("/re-raises")
def raise_re_raises():
    raise ReRaises()


@app.get("/exc-attrs")
def exc_attrs():
    exc = HTTPException(status_code=404)
    exc2 = HTTPException(status_code=400, detail="d", headers={"A": "b"})
    return {
        "str": str(exc),
        "repr": repr(exc),
        "detail": exc.detail,
        "headers": exc.headers,
        "str2": str(exc2),
        "repr2": repr(exc2),
        "args": list(exc2.args),
    }


CASES = [{"method": "GET", "url": f"/detail/{k}"} for k in DETAILS] + [
    {"method": "GET", "url": "/detail/set", "raise_server_exceptions": True},
    {"method": "GET", "url": "/detail/nan", "raise_server_exceptions": True},
    {"method": "GET", "url": "/detail/missing-kind", "raise_server_exceptions": True},
    {"method": "GET", "url": "/header/snowman"},
    {"method": "GET", "url": "/header/snowman", "raise_server_exceptions": True},
    {"method": "GET", "url": "/header/empty"},
    {"method": "GET", "url": "/header/spaces"},
    {"method": "GET", "url": "/header/comma"},
    {"method": "GET", "url": "/status/100"},
    {"method": "GET", "url": "/status/199"},
    {"method": "GET", "url": "/status/205"},
    {"method": "GET", "url": "/status/301"},
    {"method": "GET", "url": "/status/299"},
    {"method": "GET", "url": "/status/600"},
    {"method": "GET", "url": "/status/0"},
    {"method": "GET", "url": "/status/-1"},
    {"method": "GET", "url": "/subclass"},
    {"method": "GET", "url": "/returns-dict"},
    {"method": "GET", "url": "/returns-dict", "raise_server_exceptions": True},
    {"method": "GET", "url": "/returns-none"},
    {"method": "GET", "url": "/returns-none", "raise_server_exceptions": True},
    {"method": "GET", "url": "/re-raises"},
    {"method": "GET", "url": "/re-raises", "raise_server_exceptions": True},
    {"method": "GET", "url": "/exc-attrs"},
]
