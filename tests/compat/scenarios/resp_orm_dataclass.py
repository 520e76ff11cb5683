"""Returning dataclasses, ORM-like plain objects, from_attributes models, with and without response_model."""
from dataclasses import dataclass, field
from typing import Optional

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict

app = FastAPI()


@dataclass
class Point:
    x: int
    y: int = 0
    label: Optional[str] = None
    tags: list[str] = field(default_factory=list)


@dataclass
class Wrapper:
    point: Point
    points: list[Point]


class UserORM:
    """A plain class standing in for an ORM row."""

    def __init__(self, id: int, name: str, password: str) -> None:
        self.id = id
        self.name = name
        self.password = password
        self._private = "p"

    @property
    def display(self) -> str:
        return f"<{self.name}>"


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    display: str = "none"


class UserOutNoAttrs(BaseModel):
    id: int
    name: str


class Group(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    title: str
    members: list[UserOut]


class GroupORM:
    def __init__(self) -> None:
        self.title = "admins"
        self.members = [UserORM(1, "ann", "pw1"), UserORM(2, "bob", "pw2")]


@app.get("/dataclass")
def dataclass_plain():
    return Point(1, 2)


@app.get("/dataclass-nested")
def dataclass_nested():
    return Wrapper(point=Point(1), points=[Point(2, label="two", tags=["a"]), Point(3)])


@app.get("/dataclass-annotated")
def dataclass_annotated() -> Point:
    return Point(5, 6, "five")


@app.get("/dataclass-from-dict", response_model=Point)
def dataclass_from_dict():
    return {"x": "7", "extra": "dropped"}


@app.get("/dataclass-list")
def dataclass_list() -> list[Point]:
    return [Point(1), {"x": 2, "y": "3"}]  # type: ignore[list-item]


@app.get("/dataclass-exclude-none", response_model=Point, response_model_exclude_none=True)
def dataclass_exclude_none():
    return Point(1)


@app.get("/dataclass-exclude-unset", response_model=Point, response_model_exclude_unset=True)
def dataclass_exclude_unset():
    return Point(1, label="l")


@app.get("/dataclass-in-dict")
def dataclass_in_dict():
    return {"p": Point(9), "list": [Point(8, 1)]}


@app.get("/orm-from-attributes", response_model=UserOut)
def orm_from_attributes():
    return UserORM(1, "ann", "secret")


@app.get("/orm-from-attributes-inferred")
def orm_from_attributes_inferred() -> UserOut:
    return UserORM(2, "bob", "secret")  # type: ignore[return-value]


@app.get("/orm-list", response_model=list[UserOut])
def orm_list():
    return [UserORM(1, "a", "x"), UserORM(2, "b", "y")]


@app.get("/orm-nested", response_model=Group)
def orm_nested():
    return GroupORM()


@app.get("/orm-without-from-attributes", response_model=UserOutNoAttrs)
def orm_without_from_attributes():
    return UserORM(3, "cat", "secret")


@app.get("/orm-no-response-model")
def orm_no_response_model():
    return UserORM(4, "dan", "secret")


@app.get("/orm-model-validate", response_model=UserOutNoAttrs)
def orm_model_validate():
    return UserOut.model_validate(UserORM(5, "eve", "secret"))


@app.get("/orm-in-dict-no-model")
def orm_in_dict_no_model():
    return {"user": UserORM(6, "fay", "secret")}


CASES = [
    {"method": "GET", "url": "/dataclass"},
    {"method": "GET", "url": "/dataclass-nested"},
    {"method": "GET", "url": "/dataclass-annotated"},
    {"method": "GET", "url": "/dataclass-from-dict"},
    {"method": "GET", "url": "/dataclass-list"},
    {"method": "GET", "url": "/dataclass-exclude-none"},
    {"method": "GET", "url": "/dataclass-exclude-unset"},
    {"method": "GET", "url": "/dataclass-in-dict"},
    {"method": "GET", "url": "/orm-from-attributes"},
    {"method": "GET", "url": "/orm-from-attributes-inferred"},
    {"method": "GET", "url": "/orm-list"},
    {"method": "GET", "url": "/orm-nested"},
    {"method": "GET", "url": "/orm-without-from-attributes"},
    {"method": "GET", "url": "/orm-without-from-attributes", "raise_server_exceptions": True, "name": "orm-without-from-attributes (raise)"},
    {"method": "GET", "url": "/orm-no-response-model"},
    {"method": "GET", "url": "/orm-model-validate"},
    {"method": "GET", "url": "/orm-in-dict-no-model"},
]
