"""Form() fields: str/int/float/bool, required vs optional vs defaulted, sent urlencoded."""
from typing import Annotated, Optional, Union

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/annotated")
def annotated(
    name: Annotated[str, Form()],
    age: Annotated[int, Form()],
    nick: Annotated[str | None, Form()] = None,
    city: Annotated[str, Form()] = "Paris",
):
    return {"name": name, "age": age, "nick": nick, "city": city}


@app.post("/default-style")
def default_style(
    name: str = Form(),
    age: int = Form(...),
    nick: Optional[str] = Form(None),
    city: str = Form("Paris"),
    score: Union[float, None] = Form(default=None),
):
    return {"name": name, "age": age, "nick": nick, "city": city, "score": repr(score)}


@app.post("/bool")
def bool_field(flag: Annotated[bool, Form()], opt: Annotated[bool | None, Form()] = None):
    return {"flag": flag, "opt": opt}


@app.post("/int-default")
def int_default(n: Annotated[int, Form()] = 7):
    return {"n": n}


@app.post("/int-optional")
def int_optional(n: Annotated[int | None, Form()] = None):
    return {"n": n}


@app.post("/optional-required")
def optional_required(q: Annotated[Optional[str], Form()]):
    return {"q": q}


@app.post("/str-default")
def str_default(s: Annotated[str, Form()] = "dflt"):
    return {"s": s}


@app.post("/async")
async def async_form(x: Annotated[int, Form()], y: Annotated[str, Form()] = "why"):
    return {"x": x, "y": y}


@app.post("/float")
def float_field(f: Annotated[float, Form()]):
    return {"f": repr(f)}


CASES = [
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "30"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "30", "nick": "A", "city": "Oslo"}},
    {"method": "POST", "url": "/annotated"},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "thirty"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "30", "extra": "ignored"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": ["30", "31"]}},
    {"method": "POST", "url": "/annotated", "data": {"name": ["first", "second"], "age": "1"}},
    {"method": "POST", "url": "/annotated?name=Q&age=5"},
    {"method": "POST", "url": "/annotated", "data": {"NAME": "Ann", "AGE": "30"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": " 30 "}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "1.0"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "99999999999999999999999999"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "-5"}},
    # empty strings
    {"method": "POST", "url": "/annotated", "data": {"name": "", "age": "30"}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": ""}},
    {"method": "POST", "url": "/annotated", "data": {"name": "", "age": ""}},
    {"method": "POST", "url": "/annotated", "data": {"name": "Ann", "age": "1", "nick": "", "city": ""}},
    {"method": "POST", "url": "/annotated", "content": b"name=Ann&age=2&nick&city",
     "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/annotated", "content": b"name=A+n%2Bn&age=%33",
     "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/annotated", "content": b"name=Ann&age=1&name=Bob",
     "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/default-style", "data": {"name": "Bo", "age": "4"}},
    {"method": "POST", "url": "/default-style", "data": {"name": "Bo", "age": "4", "nick": "b", "city": "", "score": "2.5"}},
    {"method": "POST", "url": "/default-style", "data": {"name": "Bo", "age": "4", "score": ""}},
    {"method": "POST", "url": "/default-style", "data": {"name": "Bo", "age": "4", "score": "nan"}},
    {"method": "POST", "url": "/default-style", "data": {"name": "Bo", "age": "4", "score": "abc"}},
    {"method": "POST", "url": "/default-style"},
    {"method": "POST", "url": "/bool", "data": {"flag": "true"}},
    {"method": "POST", "url": "/bool", "data": {"flag": "on", "opt": "off"}},
    {"method": "POST", "url": "/bool", "data": {"flag": "1", "opt": "no"}},
    {"method": "POST", "url": "/bool", "data": {"flag": "maybe"}},
    {"method": "POST", "url": "/bool", "data": {"flag": ""}},
    {"method": "POST", "url": "/bool", "data": {"flag": "yes", "opt": ""}},
    {"method": "POST", "url": "/int-default", "data": {"n": ""}},
    {"method": "POST", "url": "/int-default", "data": {"n": "3"}},
    {"method": "POST", "url": "/int-default", "data": {"n": "x"}},
    {"method": "POST", "url": "/int-default"},
    {"method": "POST", "url": "/int-optional", "data": {"n": ""}},
    {"method": "POST", "url": "/int-optional", "data": {"n": " "}},
    {"method": "POST", "url": "/int-optional", "data": {"n": "null"}},
    {"method": "POST", "url": "/int-optional", "data": {"n": "8"}},
    {"method": "POST", "url": "/optional-required"},
    {"method": "POST", "url": "/optional-required", "data": {"q": ""}},
    {"method": "POST", "url": "/optional-required", "data": {"q": "x"}},
    {"method": "POST", "url": "/str-default", "data": {"s": ""}},
    {"method": "POST", "url": "/str-default", "data": {"s": " "}},
    {"method": "POST", "url": "/str-default"},
    {"method": "POST", "url": "/async", "data": {"x": "1"}},
    {"method": "POST", "url": "/async", "data": {"x": "1", "y": ""}},
    {"method": "POST", "url": "/async", "data": {"y": "1"}},
    {"method": "POST", "url": "/float", "data": {"f": "1e3"}},
    {"method": "POST", "url": "/float", "data": {"f": "inf"}},
    {"method": "POST", "url": "/float", "data": {"f": ""}},
    {"method": "POST", "url": "/float", "data": {"f": "1_000.5"}},
    {"method": "POST", "url": "/float", "data": {"f": "0x1p3"}},
    {"method": "GET", "url": "/annotated"},
    {"method": "PUT", "url": "/annotated", "data": {"name": "x", "age": "1"}},
]
