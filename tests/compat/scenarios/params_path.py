"""Path parameters: types, convertors, enums, percent-encoding, route order, Path() constraints."""
import datetime
from enum import Enum, IntEnum
from typing import Annotated, Literal
from uuid import UUID

from fastapi import FastAPI, Path

class Level(IntEnum):
    low = 1
    high = 2


app = FastAPI()


class ModelName(str, Enum):
    alexnet = "alexnet"
    resnet = "resnet"
    lenet = "le net"


@app.get("/users/me")
def read_me():
    return {"user_id": "the current user"}


@app.get("/users/{user_id}")
def read_user(user_id: int):
    return {"user_id": user_id}


@app.get("/names/{name}")
def read_name(name: str):
    return {"name": name, "len": len(name)}


@app.get("/files/{file_path:path}")
def read_file(file_path: str):
    return {"file_path": file_path}


@app.get("/conv-int/{item_id:int}")
def conv_int(item_id: int):
    return {"item_id": item_id, "kind": "int-convertor"}


@app.get("/conv-int/{item_id}")
def conv_int_fallback(item_id: str):
    return {"item_id": item_id, "kind": "fallback"}


@app.get("/conv-float/{value:float}")
def conv_float(value: float):
    return {"value": value}


@app.get("/conv-uuid/{value:uuid}")
def conv_uuid(value: UUID):
    return {"value": value}


@app.get("/conv-str-typed-int/{value:str}")
def conv_str_typed_int(value: int):
    return {"value": value}


@app.get("/models/{model_name}")
def get_model(model_name: ModelName):
    if model_name is ModelName.alexnet:
        return {"model_name": model_name, "message": "Deep Learning FTW!"}
    if model_name.value == "resnet":
        return {"model_name": model_name, "message": "Have some residuals"}
    return {"model_name": model_name, "message": "Have some spaces"}


@app.get("/bounded/{n}")
def bounded(n: Annotated[int, Path(title="The N", ge=1, le=1000, description="bounded n")]):
    return {"n": n}


@app.get("/default-style/{n}")
def default_style(n: int = Path(gt=0), s: str = "q"):
    return {"n": n, "s": s}


@app.get("/strpath/{code}")
def strpath(code: Annotated[str, Path(min_length=3, max_length=3, pattern="^[A-Z]+$")]):
    return {"code": code}


@app.get("/multi/{a}/{b}/{c}")
def multi(c: float, a: str, b: int):
    return {"a": a, "b": b, "c": c}


@app.get("/alias/{item-id}")
def alias(item_id: Annotated[int, Path(alias="item-id")]):
    return {"item_id": item_id}


@app.get("/deprecated/{x}")
def deprecated_path(x: Annotated[str, Path(deprecated=True, examples=["ex"])]):
    return {"x": x}


@app.get("/prefix-{slug}.json")
def partial_segment(slug: str):
    return {"slug": slug}


@app.get("/big/{n}")
def big(n: int):
    return {"n": n}


@app.get("/literal/{kind}")
def literal_path(kind: Literal["a", "b"]):
    return {"kind": kind}


@app.get("/level/{level}")
def level_path(level: Level):
    return {"level": level}


@app.get("/date/{day}")
def date_path(day: datetime.date):
    return {"day": day}


@app.get("/float/{f}")
def float_path(f: float):
    return {"f": f}


CASES = [
    {"method": "GET", "url": "/users/me"},
    {"method": "GET", "url": "/users/42"},
    {"method": "GET", "url": "/users/-5"},
    {"method": "GET", "url": "/users/abc"},
    {"method": "GET", "url": "/users/"},
    {"method": "GET", "url": "/users"},
    {"method": "GET", "url": "/users/1/extra"},
    {"method": "GET", "url": "/names/hello%20world"},
    {"method": "GET", "url": "/names/a%2Fb"},
    {"method": "GET", "url": "/names/caf%C3%A9"},
    {"method": "GET", "url": "/names/café"},
    {"method": "GET", "url": "/names/%F0%9F%98%80"},
    {"method": "GET", "url": "/names/a+b"},
    {"method": "GET", "url": "/names/%25"},
    {"method": "GET", "url": "/names/%3F%23"},
    {"method": "GET", "url": "/names/x?name=query"},
    {"method": "GET", "url": "/files/home/user/file.txt"},
    {"method": "GET", "url": "/files//etc/passwd"},
    {"method": "GET", "url": "/files/"},
    {"method": "GET", "url": "/files/a%2Fb/c"},
    {"method": "GET", "url": "/files/dir/"},
    {"method": "GET", "url": "/conv-int/12"},
    {"method": "GET", "url": "/conv-int/-12"},
    {"method": "GET", "url": "/conv-int/abc"},
    {"method": "GET", "url": "/conv-int/007"},
    {"method": "GET", "url": "/conv-float/1.5"},
    {"method": "GET", "url": "/conv-float/2"},
    {"method": "GET", "url": "/conv-float/-1.5"},
    {"method": "GET", "url": "/conv-float/x"},
    {"method": "GET", "url": "/conv-uuid/12345678-1234-5678-1234-567812345678"},
    {"method": "GET", "url": "/conv-uuid/12345678123456781234567812345678"},
    {"method": "GET", "url": "/conv-str-typed-int/5"},
    {"method": "GET", "url": "/conv-str-typed-int/x"},
    {"method": "GET", "url": "/models/alexnet"},
    {"method": "GET", "url": "/models/resnet"},
    {"method": "GET", "url": "/models/le%20net"},
    {"method": "GET", "url": "/models/AlexNet"},
    {"method": "GET", "url": "/bounded/0"},
    {"method": "GET", "url": "/bounded/1000"},
    {"method": "GET", "url": "/bounded/1001"},
    {"method": "GET", "url": "/bounded/99999999999999999999999999"},
    {"method": "GET", "url": "/default-style/0"},
    {"method": "GET", "url": "/default-style/3?s=t"},
    {"method": "GET", "url": "/strpath/ABC"},
    {"method": "GET", "url": "/strpath/AB"},
    {"method": "GET", "url": "/strpath/abc"},
    {"method": "GET", "url": "/multi/x/2/3.5"},
    {"method": "GET", "url": "/multi/x/y/z"},
    {"method": "GET", "url": "/alias/7"},
    {"method": "GET", "url": "/alias/x"},
    {"method": "GET", "url": "/alias/%7Bitem-id%7D"},
    {"method": "GET", "url": "/deprecated/v"},
    {"method": "GET", "url": "/prefix-hello.json"},
    {"method": "GET", "url": "/prefix-.json"},
    {"method": "GET", "url": "/big/123456789012345678901234567890"},
    {"method": "GET", "url": "/literal/a"},
    {"method": "GET", "url": "/literal/c"},
    {"method": "GET", "url": "/level/2"},
    {"method": "GET", "url": "/level/high"},
    {"method": "GET", "url": "/date/2024-05-06"},
    {"method": "GET", "url": "/date/06-05-2024"},
    {"method": "GET", "url": "/float/1e3"},
    {"method": "GET", "url": "/float/nan"},
    {"method": "GET", "url": "/float/%20"},
    {"method": "GET", "url": "/big/" + "1" * 5000},
]
