"""Boolean query/path/header parameters: every accepted spelling and garbage."""
from typing import Annotated, Optional

from fastapi import FastAPI, Header, Query

app = FastAPI()


@app.get("/flag")
def flag(b: bool):
    return {"b": b}


@app.get("/flag-default")
def flag_default(b: bool = False):
    return {"b": b}


@app.get("/flag-optional")
def flag_optional(b: Optional[bool] = None):
    return {"b": b}


@app.get("/flag-strict")
def flag_strict(b: Annotated[bool, Query(strict=True)] = False):
    return {"b": b}


@app.get("/flag-list")
def flag_list(b: Annotated[list[bool], Query()] = []):
    return {"b": b}


@app.get("/path-flag/{b}")
def path_flag(b: bool):
    return {"b": b}


@app.get("/header-flag")
def header_flag(x_flag: Annotated[Optional[bool], Header()] = None):
    return {"x_flag": x_flag}


_SPELLINGS = [
    "true", "True", "TRUE", "1", "yes", "Yes", "on", "ON", "t", "y", "T", "Y",
    "false", "False", "0", "no", "off", "OFF", "f", "n", "F", "N",
    "", "2", "-1", "truee", "tru", "yess", "nope", "null", "none", "1.0", "0.0",
    " true", "true ", "%20true%20", "enabled",
]

CASES = [{"method": "GET", "url": f"/flag?b={s}"} for s in _SPELLINGS] + [
    {"method": "GET", "url": "/flag"},
    {"method": "GET", "url": "/flag?b=true&b=false"},
    {"method": "GET", "url": "/flag?b"},
    {"method": "GET", "url": "/flag-default"},
    {"method": "GET", "url": "/flag-default?b=yes"},
    {"method": "GET", "url": "/flag-default?b=maybe"},
    {"method": "GET", "url": "/flag-optional"},
    {"method": "GET", "url": "/flag-optional?b="},
    {"method": "GET", "url": "/flag-optional?b=off"},
    {"method": "GET", "url": "/flag-strict?b=true"},
    {"method": "GET", "url": "/flag-list?b=1&b=no&b=on"},
    {"method": "GET", "url": "/flag-list?b=1&b=bad&b=on&b=worse"},
    {"method": "GET", "url": "/flag-list"},
    {"method": "GET", "url": "/path-flag/true"},
    {"method": "GET", "url": "/path-flag/0"},
    {"method": "GET", "url": "/path-flag/yes"},
    {"method": "GET", "url": "/path-flag/perhaps"},
    {"method": "GET", "url": "/header-flag", "headers": {"x-flag": "on"}},
    {"method": "GET", "url": "/header-flag", "headers": {"x-flag": "False"}},
    {"method": "GET", "url": "/header-flag", "headers": {"x-flag": "nah"}},
    {"method": "GET", "url": "/header-flag"},
]
