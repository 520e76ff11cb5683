"""Endpoints returning jsonable_encoder(...) results: options include/exclude/by_alias/exclude_*/custom_encoder/sqlalchemy_safe."""
import datetime as dt
import enum
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, Optional

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, ConfigDict, Field, RootModel

app = FastAPI()


class Kind(enum.Enum):
    A = "a"


class Sub(BaseModel):
    x: int = 1
    y: Optional[str] = None


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    name: str = Field(alias="fullName")
    when: dt.datetime = dt.datetime(2021, 1, 1, 12, 0)
    amount: Decimal = Decimal("1.50")
    maybe: Optional[int] = None
    kind: Kind = Kind.A
    sub: Sub = Sub()
    subs: list[Sub] = []


@dataclass
class DC:
    a: int
    b: Optional[str] = None
    c: dt.date = dt.date(2020, 1, 1)


class Attrs:
    def __init__(self) -> None:
        self.x = 1
        self._hidden = 2
        self._sa_instance_state = "sqlalchemy"
        self.nested = {"_sa_key": 3, "ok": None}


class Pairs:
    """Iterable of pairs: dict(obj) succeeds before vars()."""

    def __iter__(self):
        yield ("from", "iter")
        yield ("n", 1)


class Slotted:
    __slots__ = ("v",)

    def __init__(self) -> None:
        self.v = 1


class Weird:
    pass


Listing = RootModel[list[int]]

M = Model(fullName="Zed", maybe=None, subs=[Sub(x=2), Sub(y="w")])


def r(**kwargs: Any):
    return jsonable_encoder(M, **kwargs)


ENCODED: dict[str, Any] = {
    "model-default": lambda: r(),
    "model-by-alias-false": lambda: r(by_alias=False),
    "model-include-set": lambda: r(include={"name", "amount"}),
    "model-include-alias-name": lambda: r(include={"fullName"}),
    "model-exclude-set": lambda: r(exclude={"sub", "subs", "when"}),
    "model-include-dict": lambda: r(include={"sub": {"x"}, "name": True}),
    "model-exclude-dict-nested-list": lambda: r(exclude={"subs": {"__all__": {"y"}}, "sub": True}),
    "model-exclude-unset": lambda: r(exclude_unset=True),
    "model-exclude-defaults": lambda: r(exclude_defaults=True),
    "model-exclude-none": lambda: r(exclude_none=True),
    "model-custom-encoder-datetime": lambda: r(custom_encoder={dt.datetime: lambda d: d.strftime("%d/%m/%Y")}),
    "model-custom-encoder-decimal": lambda: r(custom_encoder={Decimal: float}),
    "dict-include": lambda: jsonable_encoder({"a": 1, "b": 2, "c": 3}, include={"a", "c"}),
    "dict-exclude": lambda: jsonable_encoder({"a": 1, "b": 2, "c": 3}, exclude={"b"}),
    "dict-exclude-none": lambda: jsonable_encoder({"a": None, "b": {"c": None}, "d": [None]}, exclude_none=True),
    "dict-nested-include-not-propagated": lambda: jsonable_encoder({"a": {"a": 1, "b": 2}, "b": 3}, include={"a"}),
    "dict-keys-types": lambda: jsonable_encoder({1: "int", Kind.A: "enum", uuid.UUID(int=5): "uuid", dt.date(2020, 1, 2): "date"}),
    "dict-private-keys": lambda: jsonable_encoder({"_sa_x": 1, "_private": 2, "ok": 3}),
    "dict-private-keys-unsafe": lambda: jsonable_encoder({"_sa_x": 1, "_private": 2, "ok": 3}, sqlalchemy_safe=False),
    "list-mixed": lambda: jsonable_encoder([dt.time(1, 2), Decimal("3.00"), Decimal("3.10"), uuid.UUID(int=0), PurePosixPath("/a"), Kind.A, {1, 2}, (3,), b"by"]),
    "list-include-ignored": lambda: jsonable_encoder([{"a": 1, "b": 2}], include={"a"}),
    "custom-encoder-on-str": lambda: jsonable_encoder({"s": "text", "n": 5}, custom_encoder={str: lambda s: s.upper()}),
    "custom-encoder-on-int": lambda: jsonable_encoder({"s": "text", "n": 5, "b": True}, custom_encoder={int: lambda i: i * 10}),
    "custom-encoder-subclass": lambda: jsonable_encoder({"d": dt.datetime(2020, 1, 1)}, custom_encoder={dt.date: lambda d: "a date"}),
    "custom-encoder-in-model": lambda: jsonable_encoder({"m": Sub(x=7)}, custom_encoder={int: lambda i: -i}),
    "dataclass": lambda: jsonable_encoder(DC(1)),
    "dataclass-exclude-none": lambda: jsonable_encoder(DC(1), exclude_none=True),
    "dataclass-include": lambda: jsonable_encoder(DC(1, "b"), include={"a"}),
    "attrs-object": lambda: jsonable_encoder(Attrs()),
    "attrs-object-unsafe": lambda: jsonable_encoder(Attrs(), sqlalchemy_safe=False),
    "pairs-object": lambda: jsonable_encoder(Pairs()),
    "root-model": lambda: jsonable_encoder(Listing([3, 2, 1])),
    "model-in-list-exclude-none": lambda: jsonable_encoder([Sub(), {"k": None}], exclude_none=True),
    "nested-models-by-alias-false": lambda: jsonable_encoder({"outer": M}, by_alias=False, include=None),
    "none": lambda: jsonable_encoder(None),
    "timedelta": lambda: jsonable_encoder(dt.timedelta(hours=1, microseconds=1)),
    "decimal-forms": lambda: jsonable_encoder([Decimal("1"), Decimal("1.0"), Decimal("-0"), Decimal("1e3"), Decimal("1.23e-3")]),
}


@app.get("/encoded/{name}")
def encoded(name: str):
    return ENCODED[name]()


@app.get("/slotted")
def slotted():
    return jsonable_encoder(Slotted())


@app.get("/weird-custom")
def weird_custom():
    return jsonable_encoder({"w": Weird()}, custom_encoder={Weird: lambda w: "encoded weird"})


@app.get("/weird-plain")
def weird_plain():
    return jsonable_encoder(Weird())


@app.get("/encoded-then-model", response_model=Model)
def encoded_then_model():
    # jsonable_encoder output (aliases, strings) re-validated by the response model
    return jsonable_encoder(M)


@app.get("/encoded-by-field-name-then-model", response_model=Model)
def encoded_by_field_name_then_model():
    return jsonable_encoder(M, by_alias=False)


CASES = [{"method": "GET", "url": f"/encoded/{name}"} for name in ENCODED] + [
    {"method": "GET", "url": "/slotted"},
    {"method": "GET", "url": "/slotted", "raise_server_exceptions": True, "name": "slotted (raise)"},
    {"method": "GET", "url": "/weird-custom"},
    {"method": "GET", "url": "/weird-plain"},
    {"method": "GET", "url": "/encoded-then-model"},
    {"method": "GET", "url": "/encoded-by-field-name-then-model"},
]
