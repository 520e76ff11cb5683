"""Less common response_model types: Annotated constraints, TypedDict, NamedTuple, Literal, Enum, RootModel, discriminated unions."""
import enum
from typing import Annotated, Any, Literal, NamedTuple, Union

from fastapi import FastAPI
from pydantic import BaseModel, Field, RootModel
from typing_extensions import TypedDict

app = FastAPI()


class Item(BaseModel):
    name: str


class Movie(TypedDict):
    title: str
    year: int


class Point(NamedTuple):
    x: int
    y: int = 0


class Color(str, enum.Enum):
    RED = "red"
    BLUE = "blue"


class Cat(BaseModel):
    pet_type: Literal["cat"]
    meows: int


class Dog(BaseModel):
    pet_type: Literal["dog"]
    barks: float


Pet = Annotated[Union[Cat, Dog], Field(discriminator="pet_type")]


class Tags(RootModel[list[str]]):
    pass


@app.get("/annotated-positive/{n}", response_model=Annotated[int, Field(ge=0)])
def annotated_positive(n: int):
    return n


@app.get("/annotated-list/{n}")
def annotated_list(n: int) -> Annotated[list[Item], Field(max_length=2)]:
    return [Item(name=str(i)) for i in range(n)]


@app.get("/typed-dict", response_model=Movie)
def typed_dict():
    return {"title": "Up", "year": "2009", "extra": "dropped?"}


@app.get("/typed-dict-inferred")
def typed_dict_inferred() -> list[Movie]:
    return [{"title": "A", "year": 1}]


@app.get("/named-tuple", response_model=Point)
def named_tuple():
    return (1, "2")


@app.get("/named-tuple-from-dict", response_model=Point)
def named_tuple_from_dict():
    return {"x": 5}


@app.get("/literal/{v}", response_model=Literal["a", "b"])
def literal(v: str):
    return v


@app.get("/enum/{v}", response_model=Color)
def enum_route(v: str):
    return v


@app.get("/discriminated/{kind}", response_model=Pet)
def discriminated(kind: str):
    if kind == "cat":
        return {"pet_type": "cat", "meows": 3, "extra": 1}
    if kind == "dog":
        return Dog(pet_type="dog", barks=1)
    return {"pet_type": kind}


@app.get("/root-model", response_model=Tags)
def root_model():
    return ["a", "b"]


@app.get("/root-model-instance")
def root_model_instance() -> Tags:
    return Tags(["x"])


@app.get("/dict-any", response_model=dict[str, Any])
def dict_any():
    return {"a": Item(name="nested model"), "b": (1, 2)}


@app.get("/list-union", response_model=list[Union[int, str, Item]])
def list_union():
    return [1, "2", {"name": "three"}, 4.0]


CASES = [
    {"method": "GET", "url": "/annotated-positive/5"},
    {"method": "GET", "url": "/annotated-positive/-1"},
    {"method": "GET", "url": "/annotated-positive/-1", "raise_server_exceptions": True, "name": "annotated-positive -1 (raise)"},
    {"method": "GET", "url": "/annotated-list/2"},
    {"method": "GET", "url": "/annotated-list/3", "raise_server_exceptions": True, "name": "annotated-list 3 (raise)"},
    {"method": "GET", "url": "/typed-dict"},
    {"method": "GET", "url": "/typed-dict-inferred"},
    {"method": "GET", "url": "/named-tuple"},
    {"method": "GET", "url": "/named-tuple-from-dict"},
    {"method": "GET", "url": "/literal/a"},
    {"method": "GET", "url": "/literal/c", "raise_server_exceptions": True, "name": "literal c (raise)"},
    {"method": "GET", "url": "/enum/red"},
    {"method": "GET", "url": "/enum/RED", "raise_server_exceptions": True, "name": "enum RED (raise)"},
    {"method": "GET", "url": "/discriminated/cat"},
    {"method": "GET", "url": "/discriminated/dog"},
    {"method": "GET", "url": "/discriminated/fish", "raise_server_exceptions": True, "name": "discriminated fish (raise)"},
    {"method": "GET", "url": "/root-model"},
    {"method": "GET", "url": "/root-model-instance"},
    {"method": "GET", "url": "/dict-any"},
    {"method": "GET", "url": "/list-union"},
]
