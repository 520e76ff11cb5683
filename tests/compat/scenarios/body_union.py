"""Unions as a body: Union of models (smart mode), discriminated unions (Literal tag, Field
discriminator), union with a list, union with str/int, and the error shapes they produce."""
from typing import Annotated, Literal, Union

from fastapi import Body, FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class Cat(BaseModel):
    pet_type: Literal["cat"]
    meows: int


class Dog(BaseModel):
    pet_type: Literal["dog"]
    barks: float


class Lizard(BaseModel):
    pet_type: Literal["reptile", "lizard"]
    scales: bool


class PlaneItem(BaseModel):
    description: str
    type: str = "plane"
    size: int


class CarItem(BaseModel):
    description: str
    type: str = "car"


@app.post("/vehicles/")
def vehicles(item: Union[PlaneItem, CarItem]):
    return {"class": type(item).__name__, "item": item}


@app.post("/vehicles-pipe/")
def vehicles_pipe(item: CarItem | PlaneItem):
    return {"class": type(item).__name__, "item": item}


@app.post("/pets/")
def pets(pet: Annotated[Cat | Dog | Lizard, Field(discriminator="pet_type")]):
    return {"class": type(pet).__name__, "pet": pet}


@app.post("/pets-body/")
def pets_body(pet: Annotated[Union[Cat, Dog], Body(discriminator="pet_type")]):
    return {"class": type(pet).__name__, "pet": pet}


class Owner(BaseModel):
    name: str
    pet: Cat | Dog = Field(discriminator="pet_type")


@app.post("/owners/")
def owners(owner: Owner):
    return owner


@app.post("/one-or-many/")
def one_or_many(items: CarItem | list[CarItem]):
    if isinstance(items, list):
        return {"many": len(items)}
    return {"one": items.description}


@app.post("/scalar-union/")
def scalar_union(value: Annotated[int | str, Body()]):
    return {"value": value, "type": type(value).__name__}


@app.post("/model-or-none-union/")
def model_or_none(item: Annotated[CarItem | PlaneItem | None, Body()] = None):
    return {"class": type(item).__name__}


CASES = [
    {"method": "POST", "url": "/vehicles/", "json": {"description": "big", "size": 3}},
    {"method": "POST", "url": "/vehicles/", "json": {"description": "car"}},
    {"method": "POST", "url": "/vehicles/", "json": {"description": "both", "size": "3", "type": "x"}},
    {"method": "POST", "url": "/vehicles/", "json": {}},
    {"method": "POST", "url": "/vehicles/", "json": {"description": 5, "size": "big"}},
    {"method": "POST", "url": "/vehicles/", "json": []},
    {"method": "POST", "url": "/vehicles/", "json": "car"},
    {"method": "POST", "url": "/vehicles-pipe/", "json": {"description": "big", "size": 3}},
    {"method": "POST", "url": "/vehicles-pipe/", "json": {}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": "cat", "meows": 3}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": "dog", "barks": 1}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": "lizard", "scales": "yes"}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": "cat", "barks": 1}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": "fish"}},
    {"method": "POST", "url": "/pets/", "json": {"meows": 3}},
    {"method": "POST", "url": "/pets/", "json": {"pet_type": 1}},
    {"method": "POST", "url": "/pets/", "json": ["cat"]},
    {"method": "POST", "url": "/pets-body/", "json": {"pet_type": "dog", "barks": "2.5"}},
    {"method": "POST", "url": "/pets-body/", "json": {"pet_type": "cow"}},
    {"method": "POST", "url": "/owners/", "json": {"name": "o", "pet": {"pet_type": "cat", "meows": 1}}},
    {"method": "POST", "url": "/owners/", "json": {"name": "o", "pet": {"pet_type": "bird"}}},
    {"method": "POST", "url": "/owners/", "json": {"name": "o", "pet": {"pet_type": "dog"}}},
    {"method": "POST", "url": "/owners/", "json": {"name": "o", "pet": {}}},
    {"method": "POST", "url": "/one-or-many/", "json": {"description": "d"}},
    {"method": "POST", "url": "/one-or-many/", "json": [{"description": "d"}, {"description": "e"}]},
    {"method": "POST", "url": "/one-or-many/", "json": [{"description": 1}]},
    {"method": "POST", "url": "/one-or-many/", "json": 7},
    {"method": "POST", "url": "/scalar-union/", "json": 5},
    {"method": "POST", "url": "/scalar-union/", "json": "5"},
    {"method": "POST", "url": "/scalar-union/", "json": 5.5},
    {"method": "POST", "url": "/scalar-union/", "json": [5]},
    {"method": "POST", "url": "/model-or-none-union/"},
    {"method": "POST", "url": "/model-or-none-union/", "json": {"description": "d", "size": 1}},
    {"method": "POST", "url": "/model-or-none-union/", "json": {"size": 1}},
]
