"""Scalar parameter types: int/float/Decimal/UUID/datetime/date/time/timedelta/Enum/Literal, huge ints."""
import datetime as dt
from decimal import Decimal
from enum import Enum, IntEnum
from typing import Annotated, Literal, Optional
from uuid import UUID

from fastapi import FastAPI, Query

app = FastAPI()


class Color(str, Enum):
    red = "red"
    green = "green"
    blue = "BLUE"


class Level(IntEnum):
    low = 1
    high = 2


class Plain(Enum):
    a = "a"
    one = 1


@app.get("/int")
def int_(v: int):
    return {"v": v, "type": type(v).__name__}


@app.get("/float")
def float_(v: float):
    return {"v": v}


@app.get("/decimal")
def decimal_(v: Decimal):
    return {"v": v, "str": str(v)}


@app.get("/uuid")
def uuid_(v: UUID):
    return {"v": v, "version": v.version}


@app.get("/datetime")
def datetime_(v: dt.datetime):
    return {"v": v, "tz": str(v.tzinfo)}


@app.get("/date")
def date_(v: dt.date):
    return {"v": v}


@app.get("/time")
def time_(v: dt.time):
    return {"v": v}


@app.get("/timedelta")
def timedelta_(v: dt.timedelta):
    return {"v": v, "seconds": v.total_seconds()}


@app.get("/enum")
def enum_(v: Color, lvl: Optional[Level] = None, p: Optional[Plain] = None):
    return {"v": v, "is_enum": isinstance(v, Color), "lvl": lvl, "p": p}


@app.get("/enum-default")
def enum_default(v: Color = Color.green):
    return {"v": v}


@app.get("/literal")
def literal_(v: Literal["asc", "desc"] = "asc", n: Optional[Literal[1, 2, 3]] = None):
    return {"v": v, "n": n}


@app.get("/bytes")
def bytes_(v: bytes):
    return {"v": v.decode("utf-8", "replace"), "len": len(v)}


@app.get("/str-annot")
def str_annot(v: Annotated[str, Query(max_length=3)]):
    return {"v": v}


BIG = "123456789012345678901234567890"

CASES = [
    {"method": "GET", "url": "/int?v=42"},
    {"method": "GET", "url": "/int?v=-42"},
    {"method": "GET", "url": f"/int?v={BIG}"},
    {"method": "GET", "url": f"/int?v=-{BIG}"},
    {"method": "GET", "url": "/int?v=9223372036854775808"},
    {"method": "GET", "url": "/int?v=" + "9" * 4301},
    {"method": "GET", "url": "/int?v=00012"},
    {"method": "GET", "url": "/int?v=%EF%BC%91%EF%BC%92"},  # fullwidth digits
    {"method": "GET", "url": "/int?v=true"},
    {"method": "GET", "url": "/int?v=2.0000000000000001"},
    {"method": "GET", "url": "/float?v=3.14"},
    {"method": "GET", "url": "/float?v=1e-3"},
    {"method": "GET", "url": "/float?v=10"},
    {"method": "GET", "url": f"/float?v={BIG}"},
    {"method": "GET", "url": "/float?v=.5"},
    {"method": "GET", "url": "/float?v=5."},
    {"method": "GET", "url": "/float?v=1,5"},
    {"method": "GET", "url": "/float?v=inf"},
    {"method": "GET", "url": "/float?v=nan"},
    {"method": "GET", "url": "/float?v=-0.0"},
    {"name": "float inf raises on serialization", "method": "GET", "url": "/float?v=inf", "raise_server_exceptions": True},
    {"method": "GET", "url": "/decimal?v=3.14"},
    {"method": "GET", "url": "/decimal?v=0.1000"},
    {"method": "GET", "url": f"/decimal?v={BIG}.5"},
    {"method": "GET", "url": "/decimal?v=-1E-10"},
    {"method": "GET", "url": "/decimal?v=x"},
    {"method": "GET", "url": "/decimal?v=NaN"},
    {"method": "GET", "url": "/uuid?v=12345678-1234-5678-1234-567812345678"},
    {"method": "GET", "url": "/uuid?v=12345678123456781234567812345678"},
    {"method": "GET", "url": "/uuid?v={12345678-1234-5678-1234-567812345678}"},
    {"method": "GET", "url": "/uuid?v=urn:uuid:12345678-1234-5678-1234-567812345678"},
    {"method": "GET", "url": "/uuid?v=12345678-1234-5678-1234-56781234567"},
    {"method": "GET", "url": "/uuid?v=not-a-uuid"},
    {"method": "GET", "url": "/uuid?v=A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"},
    {"method": "GET", "url": "/datetime?v=2024-01-02T03:04:05"},
    {"method": "GET", "url": "/datetime?v=2024-01-02T03:04:05Z"},
    {"method": "GET", "url": "/datetime?v=2024-01-02T03:04:05%2B02:00"},
    {"method": "GET", "url": "/datetime?v=2024-01-02T03:04:05+02:00"},
    {"method": "GET", "url": "/datetime?v=2024-01-02 03:04:05.123456"},
    {"method": "GET", "url": "/datetime?v=2024-01-02"},
    {"method": "GET", "url": "/datetime?v=1700000000"},
    {"method": "GET", "url": "/datetime?v=1700000000.5"},
    {"method": "GET", "url": "/datetime?v=2024-13-02T00:00:00"},
    {"method": "GET", "url": "/datetime?v=yesterday"},
    {"method": "GET", "url": "/date?v=2024-02-29"},
    {"method": "GET", "url": "/date?v=2023-02-29"},
    {"method": "GET", "url": "/date?v=2024-01-02T00:00:00"},
    {"method": "GET", "url": "/date?v=2024-01-02T03:04:05"},
    {"method": "GET", "url": "/date?v=20240102"},
    {"method": "GET", "url": "/date?v=1700000000"},
    {"method": "GET", "url": "/time?v=12:30"},
    {"method": "GET", "url": "/time?v=12:30:45.5"},
    {"method": "GET", "url": "/time?v=12:30:45Z"},
    {"method": "GET", "url": "/time?v=25:00"},
    {"method": "GET", "url": "/time?v=3600"},
    {"method": "GET", "url": "/timedelta?v=P1DT2H"},
    {"method": "GET", "url": "/timedelta?v=3600"},
    {"method": "GET", "url": "/timedelta?v=1.5"},
    {"method": "GET", "url": "/timedelta?v=01:02:03"},
    {"method": "GET", "url": "/timedelta?v=1 day, 01:02:03"},
    {"method": "GET", "url": "/timedelta?v=-P1D"},
    {"method": "GET", "url": "/timedelta?v=forever"},
    {"method": "GET", "url": "/enum?v=red"},
    {"method": "GET", "url": "/enum?v=BLUE"},
    {"method": "GET", "url": "/enum?v=blue"},
    {"method": "GET", "url": "/enum?v=Red"},
    {"method": "GET", "url": "/enum?v="},
    {"method": "GET", "url": "/enum?v=red&lvl=2&p=a"},
    {"method": "GET", "url": "/enum?v=red&lvl=3&p=1"},
    {"method": "GET", "url": "/enum?v=red&lvl=high"},
    {"method": "GET", "url": "/enum-default"},
    {"method": "GET", "url": "/enum-default?v=green"},
    {"method": "GET", "url": "/literal"},
    {"method": "GET", "url": "/literal?v=desc&n=2"},
    {"method": "GET", "url": "/literal?v=DESC"},
    {"method": "GET", "url": "/literal?n=4"},
    {"method": "GET", "url": "/literal?n=x"},
    {"method": "GET", "url": "/bytes?v=hello"},
    {"method": "GET", "url": "/bytes?v=%C3%A9"},
    {"method": "GET", "url": "/str-annot?v=%C3%A9%C3%A9%C3%A9"},
    {"method": "GET", "url": "/str-annot?v=abcd"},
]
