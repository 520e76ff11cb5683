"""Serialization of stdlib special types, with and without a response model."""
import datetime as dt
import enum
import ipaddress
import re
import uuid
from collections import deque
from decimal import Decimal
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from fastapi import FastAPI
from pydantic import AnyUrl, BaseModel, HttpUrl, SecretStr

app = FastAPI()

TZ = dt.timezone(dt.timedelta(hours=5, minutes=30))


class Color(enum.Enum):
    RED = "red"
    ONE = 1


class Shade(str, enum.Enum):
    DARK = "dark"


class Level(enum.IntEnum):
    HIGH = 3


class Flags(enum.Flag):
    A = 1
    B = 2


class Inner(BaseModel):
    when: dt.datetime
    amount: Decimal


VALUES: dict[str, Any] = {
    "datetime-naive": dt.datetime(2024, 1, 2, 3, 4, 5),
    "datetime-micro": dt.datetime(2024, 1, 2, 3, 4, 5, 123456),
    "datetime-milli": dt.datetime(2024, 1, 2, 3, 4, 5, 120000),
    "datetime-utc": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
    "datetime-offset": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=TZ),
    "date": dt.date(2024, 2, 29),
    "time": dt.time(13, 14, 15),
    "time-micro-tz": dt.time(1, 2, 3, 4, tzinfo=dt.timezone.utc),
    "timedelta": dt.timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5),
    "timedelta-negative": dt.timedelta(seconds=-1),
    "timedelta-zero": dt.timedelta(0),
    "timedelta-fraction": dt.timedelta(milliseconds=1500),
    "decimal": Decimal("1.10"),
    "decimal-int": Decimal("10"),
    "decimal-exp": Decimal("1E+2"),
    "decimal-small": Decimal("0.0000001"),
    "decimal-neg-exp": Decimal("-1.5E-3"),
    "decimal-big": Decimal("123456789012345678901234567890.123456789"),
    "decimal-nan": Decimal("NaN"),
    "decimal-inf": Decimal("Infinity"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "path": Path("/tmp/some/file.txt"),
    "pure-posix-path": PurePosixPath("a/b"),
    "pure-windows-path": PureWindowsPath("C:\\dir\\f.txt"),
    "enum-str": Color.RED,
    "enum-int": Color.ONE,
    "str-enum": Shade.DARK,
    "int-enum": Level.HIGH,
    "flag": Flags.A | Flags.B,
    "ipv4": ipaddress.IPv4Address("10.0.0.1"),
    "ipv6-network": ipaddress.IPv6Network("2001:db8::/32"),
    "ipv4-interface": ipaddress.IPv4Interface("10.0.0.1/24"),
    "pattern": re.compile(r"^a+$"),
    "frozenset": frozenset([2]),
    "deque": deque([1, 2]),
    "secret": SecretStr("hunter2"),
    "url": AnyUrl("http://example.com/a b?q=1"),
    "model-in-dict": {"inner": Inner(when=dt.datetime(2020, 5, 6), amount=Decimal("2.50")), "n": 1},
    "models-in-list": [Inner(when=dt.datetime(2020, 5, 6, tzinfo=dt.timezone.utc), amount=Decimal("3"))],
    "mixed-dict": {"d": dt.date(2000, 1, 1), "u": uuid.UUID(int=1), "e": Shade.DARK, "p": Path("x")},
}


@app.get("/value/{name}")
def value(name: str):
    return VALUES[name]


class Everything(BaseModel):
    dt_naive: dt.datetime
    dt_aware: dt.datetime
    d: dt.date
    t: dt.time
    td: dt.timedelta
    dec: Decimal
    u: uuid.UUID
    p: Path
    color: Color
    shade: Shade
    level: Level
    fs: frozenset[int]
    s: set[str]
    b: bytes
    ip: ipaddress.IPv4Address
    secret: SecretStr
    url: HttpUrl
    pattern: re.Pattern
    any_: Any = None


EVERYTHING = dict(
    dt_naive=dt.datetime(2024, 1, 2, 3, 4, 5, 120000),
    dt_aware=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=TZ),
    d=dt.date(2024, 2, 29),
    t=dt.time(13, 14, 15, 500),
    td=dt.timedelta(days=1, seconds=1, microseconds=5),
    dec=Decimal("1.10"),
    u=uuid.UUID("12345678-1234-5678-1234-567812345678"),
    p=Path("/tmp/x"),
    color=Color.ONE,
    shade=Shade.DARK,
    level=Level.HIGH,
    fs=frozenset([1]),
    s={"a"},
    b=b"bytes",
    ip=ipaddress.IPv4Address("127.0.0.1"),
    secret=SecretStr("pw"),
    url="https://example.com",
    pattern=re.compile("x+"),
    any_=Decimal("2.5"),
)


@app.get("/model", response_model=Everything)
def model():
    return EVERYTHING


@app.get("/model-no-response-model")
def model_no_response_model():
    return Everything(**EVERYTHING)


@app.get("/dict-any", response_model=dict[str, Any])
def dict_any():
    return {"dec": Decimal("1.10"), "td": dt.timedelta(seconds=90), "set": {1}, "path": Path("p")}


@app.get("/decimal-annotated")
def decimal_annotated() -> Decimal:
    return Decimal("0.1000")


@app.get("/decimal-from-float")
def decimal_from_float() -> Decimal:
    return 0.1  # type: ignore[return-value]


@app.get("/datetime-annotated")
def datetime_annotated() -> dt.datetime:
    return "2024-01-02T03:04:05+01:00"  # type: ignore[return-value]


@app.get("/datetime-from-int")
def datetime_from_int() -> dt.datetime:
    return 1700000000  # type: ignore[return-value]


@app.get("/timedelta-annotated")
def timedelta_annotated() -> dt.timedelta:
    return dt.timedelta(days=-1, seconds=5)


@app.get("/enum-annotated")
def enum_annotated() -> Color:
    return "red"  # type: ignore[return-value]


@app.get("/uuid-annotated")
def uuid_annotated() -> uuid.UUID:
    return "12345678123456781234567812345678"  # type: ignore[return-value]


@app.get("/set-of-enums")
def set_of_enums() -> frozenset[Shade]:
    return frozenset({Shade.DARK})


@app.get("/generator-annotated")
def generator_annotated() -> list[int]:
    return (i for i in range(3))  # type: ignore[return-value]


CASES = [{"method": "GET", "url": f"/value/{name}"} for name in VALUES] + [
    {"method": "GET", "url": "/value/decimal-nan", "raise_server_exceptions": True, "name": "decimal-nan (raise)"},
    {"method": "GET", "url": "/value/pattern", "raise_server_exceptions": True, "name": "pattern (raise)"},
    {"method": "GET", "url": "/model"},
    {"method": "GET", "url": "/model-no-response-model"},
    {"method": "GET", "url": "/dict-any"},
    {"method": "GET", "url": "/decimal-annotated"},
    {"method": "GET", "url": "/decimal-from-float"},
    {"method": "GET", "url": "/datetime-annotated"},
    {"method": "GET", "url": "/datetime-from-int"},
    {"method": "GET", "url": "/timedelta-annotated"},
    {"method": "GET", "url": "/enum-annotated"},
    {"method": "GET", "url": "/uuid-annotated"},
    {"method": "GET", "url": "/set-of-enums"},
    {"method": "GET", "url": "/generator-annotated"},
]
