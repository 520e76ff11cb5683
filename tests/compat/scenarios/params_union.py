"""Union-typed parameters: smart-mode union resolution on string inputs, Optional forms."""
import datetime as dt
from typing import Annotated, Literal, Optional, Union
from uuid import UUID

from fastapi import FastAPI, Header, Path, Query

app = FastAPI()


@app.get("/int-or-str")
def int_or_str(v: Union[int, str]):
    return {"v": v, "type": type(v).__name__}


@app.get("/str-or-int")
def str_or_int(v: Union[str, int]):
    return {"v": v, "type": type(v).__name__}


@app.get("/int-or-float")
def int_or_float(v: int | float):
    return {"v": v, "type": type(v).__name__}


@app.get("/float-or-int")
def float_or_int(v: float | int):
    return {"v": v, "type": type(v).__name__}


@app.get("/bool-or-int")
def bool_or_int(v: Union[bool, int]):
    return {"v": v, "type": type(v).__name__}


@app.get("/uuid-or-int")
def uuid_or_int(v: Union[UUID, int]):
    return {"v": v, "type": type(v).__name__}


@app.get("/date-or-literal")
def date_or_literal(v: Union[dt.date, Literal["today"]] = "today"):
    return {"v": v, "type": type(v).__name__}


@app.get("/opt-union")
def opt_union(v: Annotated[Union[int, float, None], Query()] = None):
    return {"v": v, "type": type(v).__name__}


@app.get("/path-union/{v}")
def path_union(v: Annotated[Union[int, str], Path()]):
    return {"v": v, "type": type(v).__name__}


@app.get("/header-union")
def header_union(x_v: Annotated[Union[int, bool, None], Header()] = None):
    return {"x_v": x_v, "type": type(x_v).__name__}


CASES = [
    {"method": "GET", "url": "/int-or-str?v=5"},
    {"method": "GET", "url": "/int-or-str?v=five"},
    {"method": "GET", "url": "/int-or-str?v="},
    {"method": "GET", "url": "/int-or-str"},
    {"method": "GET", "url": "/str-or-int?v=5"},
    {"method": "GET", "url": "/int-or-float?v=5"},
    {"method": "GET", "url": "/int-or-float?v=5.5"},
    {"method": "GET", "url": "/int-or-float?v=5.0"},
    {"method": "GET", "url": "/int-or-float?v=x"},
    {"method": "GET", "url": "/float-or-int?v=5"},
    {"method": "GET", "url": "/bool-or-int?v=1"},
    {"method": "GET", "url": "/bool-or-int?v=2"},
    {"method": "GET", "url": "/bool-or-int?v=true"},
    {"method": "GET", "url": "/bool-or-int?v=x"},
    {"method": "GET", "url": "/uuid-or-int?v=12345678-1234-5678-1234-567812345678"},
    {"method": "GET", "url": "/uuid-or-int?v=12"},
    {"method": "GET", "url": "/uuid-or-int?v=zz"},
    {"method": "GET", "url": "/date-or-literal"},
    {"method": "GET", "url": "/date-or-literal?v=2020-01-01"},
    {"method": "GET", "url": "/date-or-literal?v=tomorrow"},
    {"method": "GET", "url": "/opt-union?v=3"},
    {"method": "GET", "url": "/opt-union?v=3.5"},
    {"method": "GET", "url": "/opt-union?v="},
    {"method": "GET", "url": "/opt-union"},
    {"method": "GET", "url": "/path-union/7"},
    {"method": "GET", "url": "/path-union/seven"},
    {"name": "header union int", "method": "GET", "url": "/header-union", "headers": {"x-v": "1"}},
    {"name": "header union bool", "method": "GET", "url": "/header-union", "headers": {"x-v": "yes"}},
    {"name": "header union bad", "method": "GET", "url": "/header-union", "headers": {"x-v": "x"}},
]
