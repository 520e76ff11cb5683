"""Model features seen through a body: field aliases (alias, validation_alias, populate_by_name,
alias_generator), field/model validators raising ValueError/AssertionError/PydanticCustomError
(error type, msg, ctx), extra="forbid"/"allow", strict fields and strict models, default_factory,
computed fields, frozen models, Enum/Literal/date/UUID/Decimal fields."""
import datetime
import decimal
import enum
import uuid
from typing import Annotated, Literal

from fastapi import FastAPI
from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    computed_field,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

app = FastAPI()


class Aliased(BaseModel):
    item_name: str = Field(alias="itemName")
    item_price: float = Field(default=0, validation_alias=AliasChoices("price", "cost"))


class Populated(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    item_name: str = Field(alias="itemName")


class Camel(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel)
    first_name: str
    last_name: str | None = None


class Signup(BaseModel):
    username: str
    password: str
    password_repeat: str

    @field_validator("username")
    @classmethod
    def username_alnum(cls, v: str) -> str:
        if not v.isalnum():
            raise ValueError("must be alphanumeric")
        return v.lower()

    @model_validator(mode="after")
    def passwords_match(self):
        if self.password != self.password_repeat:
            raise ValueError("passwords do not match")
        return self


class Asserting(BaseModel):
    n: int

    @field_validator("n")
    @classmethod
    def positive(cls, v):
        assert v > 0, "n must be positive"
        return v


class Custom(BaseModel):
    code: str

    @field_validator("code")
    @classmethod
    def check(cls, v):
        if v != "ok":
            raise PydanticCustomError("bad_code", "Code {code!r} is not allowed", {"code": v, "limit": 3})
        return v


class BeforeModel(BaseModel):
    a: int

    @model_validator(mode="before")
    @classmethod
    def check_before(cls, data):
        if isinstance(data, dict) and "forbidden" in data:
            raise ValueError("forbidden key present")
        return data


def not_bob(v: str) -> str:
    if v == "bob":
        raise ValueError("bob is not allowed")
    return v


class WithAnnotated(BaseModel):
    name: Annotated[str, AfterValidator(not_bob)]


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str


class Allow(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str


class Strict(BaseModel):
    count: StrictInt
    flag: bool = Field(default=False, strict=True)


class StrictModel(BaseModel):
    model_config = ConfigDict(strict=True)
    count: int
    when: datetime.date | None = None


class Color(str, enum.Enum):
    red = "red"
    green = "green"


class Computed(BaseModel):
    width: int
    height: int = 2
    tags: list[str] = Field(default_factory=list)
    kind: Literal["a", "b"] = "a"
    color: Color = Color.red

    @computed_field
    @property
    def area(self) -> int:
        return self.width * self.height


class Typed(BaseModel):
    day: datetime.date
    moment: datetime.datetime | None = None
    ident: uuid.UUID | None = None
    amount: decimal.Decimal | None = None
    span: datetime.timedelta | None = None


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)
    x: int


@app.post("/aliased/")
def aliased(m: Aliased):
    return {"item_name": m.item_name, "item_price": m.item_price, "dump": m}


@app.post("/populated/")
def populated(m: Populated):
    return {"item_name": m.item_name}


@app.post("/camel/")
def camel(m: Camel):
    return m


@app.post("/signup/")
def signup(m: Signup):
    return {"username": m.username}


@app.post("/asserting/")
def asserting(m: Asserting):
    return m


@app.post("/custom/")
def custom(m: Custom):
    return m


@app.post("/before/")
def before(m: BeforeModel):
    return m


@app.post("/annotated-validator/")
def annotated_validator(m: WithAnnotated):
    return m


@app.post("/forbid/")
def forbid(m: Forbid):
    return m


@app.post("/allow/")
def allow(m: Allow):
    return m


@app.post("/strict/")
def strict(m: Strict):
    return m


@app.post("/strict-model/")
def strict_model(m: StrictModel):
    return m


@app.post("/computed/")
def computed(m: Computed):
    return m


@app.post("/typed/")
def typed(m: Typed):
    return m


@app.post("/frozen/")
def frozen(m: Frozen):
    return {"x": m.x, "hash": hash(m) == hash(Frozen(x=m.x))}


CASES = [
    {"method": "POST", "url": "/aliased/", "json": {"itemName": "a", "price": 2}},
    {"method": "POST", "url": "/aliased/", "json": {"itemName": "a", "cost": 3}},
    {"method": "POST", "url": "/aliased/", "json": {"item_name": "a", "item_price": 3}},
    {"method": "POST", "url": "/aliased/", "json": {"itemName": 1, "price": "x"}},
    {"method": "POST", "url": "/populated/", "json": {"item_name": "a"}},
    {"method": "POST", "url": "/populated/", "json": {"itemName": "b"}},
    {"method": "POST", "url": "/populated/", "json": {}},
    {"method": "POST", "url": "/camel/", "json": {"firstName": "A", "lastName": "B"}},
    {"method": "POST", "url": "/camel/", "json": {"first_name": "A"}},
    {"method": "POST", "url": "/signup/", "json": {"username": "Bob1", "password": "x", "password_repeat": "x"}},
    {"method": "POST", "url": "/signup/", "json": {"username": "bob!", "password": "x", "password_repeat": "x"}},
    {"method": "POST", "url": "/signup/", "json": {"username": "bob", "password": "x", "password_repeat": "y"}},
    {"method": "POST", "url": "/signup/", "json": {"username": "bob!", "password": "x"}},
    {"method": "POST", "url": "/asserting/", "json": {"n": -1}},
    {"method": "POST", "url": "/asserting/", "json": {"n": 1}},
    {"method": "POST", "url": "/custom/", "json": {"code": "nope"}},
    {"method": "POST", "url": "/custom/", "json": {"code": "ok"}},
    {"method": "POST", "url": "/before/", "json": {"a": 1, "forbidden": True}},
    {"method": "POST", "url": "/before/", "json": {"a": 1}},
    {"method": "POST", "url": "/annotated-validator/", "json": {"name": "bob"}},
    {"method": "POST", "url": "/forbid/", "json": {"name": "a"}},
    {"method": "POST", "url": "/forbid/", "json": {"name": "a", "extra": 1, "more": [1]}},
    {"method": "POST", "url": "/forbid/", "json": {"extra": None}},
    {"method": "POST", "url": "/allow/", "json": {"name": "a", "extra": 1, "nested": {"b": [1]}}},
    {"method": "POST", "url": "/strict/", "json": {"count": 1, "flag": True}},
    {"method": "POST", "url": "/strict/", "json": {"count": "1", "flag": "true"}},
    {"method": "POST", "url": "/strict/", "json": {"count": 1.0, "flag": 1}},
    {"method": "POST", "url": "/strict/", "json": {"count": True}},
    {"method": "POST", "url": "/strict-model/", "json": {"count": 1, "when": "2024-01-02"}},
    {"method": "POST", "url": "/strict-model/", "json": {"count": "1"}},
    {"method": "POST", "url": "/strict-model/", "json": {"count": 1, "when": "bad"}},
    {"method": "POST", "url": "/computed/", "json": {"width": 3}},
    {"method": "POST", "url": "/computed/", "json": {"width": 3, "height": 4, "area": 999, "tags": ["t"], "kind": "b", "color": "green"}},
    {"method": "POST", "url": "/computed/", "json": {"width": 3, "kind": "c", "color": "blue"}},
    {"method": "POST", "url": "/computed/", "json": {"width": 3, "kind": "A", "color": "RED"}},
    {"method": "POST", "url": "/typed/", "json": {"day": "2024-02-29", "moment": "2024-01-01T10:00:00Z", "ident": "12345678-1234-5678-1234-567812345678", "amount": "1.10", "span": "PT1H"}},
    {"method": "POST", "url": "/typed/", "json": {"day": "2023-02-29", "moment": "yesterday", "ident": "nope", "amount": "abc", "span": "x"}},
    {"method": "POST", "url": "/typed/", "json": {"day": 0, "moment": 1700000000, "amount": 1.5, "span": 90}},
    {"method": "POST", "url": "/typed/", "json": {"day": "2024-01-01T00:00:00", "moment": "2024-01-01 10:00:00.123456+02:00", "amount": 1e-7}},
    {"method": "POST", "url": "/typed/", "json": {"day": "2024-01-01T10:00:00"}},
    {"method": "POST", "url": "/frozen/", "json": {"x": 5}},
]
