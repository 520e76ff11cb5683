"""JSON Schema shapes: unions, discriminators, tuples, sets, dicts, constraints, aliases,
examples, deprecated fields, recursive and generic models, special types."""

import datetime
import decimal
import uuid
from enum import IntEnum
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar, Union

from pydantic import AliasChoices, BaseModel, ConfigDict, EmailStr, Field, HttpUrl, SecretStr

from fastapi import Body, FastAPI, Path, Query

T = TypeVar("T")


class Level(IntEnum):
    low = 1
    high = 2


class Cat(BaseModel):
    kind: Literal["cat"]
    meows: int


class Dog(BaseModel):
    kind: Literal["dog"]
    barks: float = Field(ge=0, le=10, multiple_of=0.5)


class Pet(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"pet": {"kind": "cat", "meows": 1}}]}
    )

    pet: Annotated[Union[Cat, Dog], Field(discriminator="kind")]
    owner_name: str = Field(alias="ownerName", examples=["Ann"], deprecated=True, min_length=1)
    nick: Optional[str] = Field(
        None, validation_alias=AliasChoices("nick", "n"), serialization_alias="nickname"
    )


class Tree(BaseModel):
    value: int
    left: Optional["Tree"] = None
    right: Optional["Tree"] = None


class Box(BaseModel, Generic[T]):
    content: T
    meta: dict[str, Any] = {}


class Everything(BaseModel):
    pair: tuple[int, str]
    many: tuple[int, ...] = ()
    unique: set[int] = set()
    frozen: frozenset[str] = frozenset()
    mapping: dict[str, list[int]] = {}
    when: datetime.datetime
    day: datetime.date = datetime.date(2020, 1, 1)
    span: datetime.timedelta = datetime.timedelta(seconds=3)
    money: decimal.Decimal = Field(decimal.Decimal("1.5"), max_digits=5, decimal_places=2)
    ident: uuid.UUID
    email: EmailStr
    site: HttpUrl
    secret: SecretStr
    raw: bytes = b""
    level: Level = Level.low
    const: Literal[5] = 5
    anything: Any = None


app = FastAPI()


@app.post("/pets", response_model=Pet, response_model_by_alias=False)
def create_pet(pet: Pet) -> Any:
    return pet


@app.put("/trees/{tree_id}")
def put_tree(
    tree_id: Annotated[str, Path(pattern="^t[0-9]+$", min_length=2)],
    tree: Tree,
    box: Box[Tree],
    weight: Annotated[float, Body(gt=0, lt=100.5)],
) -> Box[list[Tree]]:
    return Box(content=[tree])


@app.post("/everything")
def everything(e: Everything) -> Everything:
    return e


@app.get("/query-types")
def query_types(
    when: datetime.datetime,
    ident: Optional[uuid.UUID] = None,
    level: Level = Level.high,
    levels: Annotated[list[Level], Query()] = [],
    money: decimal.Decimal = decimal.Decimal("2"),
    flag: Optional[bool] = None,
    lit: Annotated[Optional[list[Literal["x", "y"]]], Query(max_length=2)] = None,
) -> dict[str, Union[int, str, None]]:
    return {}
