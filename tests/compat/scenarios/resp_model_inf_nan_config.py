"""Response models whose config asks Pydantic to write infinities and NaN as constants or strings.

FastAPI renders with json.dumps, which refuses them: the answer is a 500 whatever the config.
"""
from pydantic import BaseModel, ConfigDict

from fastapi import FastAPI

app = FastAPI()


class Constants(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="constants")
    v: float


class Strings(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="strings")
    v: float
    label: str = "NaN and Infinity are words too"


class Outer(BaseModel):
    inner: Constants
    values: list[float] = []


@app.get("/constants", response_model=Constants)
def constants(v: float):
    return {"v": v}


@app.get("/strings", response_model=Strings)
def strings(v: float):
    return {"v": v}


@app.get("/nested", response_model=Outer)
def nested(v: float):
    return {"inner": {"v": v}, "values": [v, 1.5]}


CASES = [
    {"method": "GET", "url": "/constants?v=1.5"},
    {"method": "GET", "url": "/constants?v=inf"},
    {"method": "GET", "url": "/constants?v=-inf"},
    {"method": "GET", "url": "/constants?v=nan"},
    {"name": "constants raises", "method": "GET", "url": "/constants?v=nan", "raise_server_exceptions": True},
    {"method": "GET", "url": "/strings?v=2"},
    {"method": "GET", "url": "/strings?v=inf"},
    {"method": "GET", "url": "/strings?v=nan"},
    {"method": "GET", "url": "/nested?v=3"},
    {"method": "GET", "url": "/nested?v=inf"},
]
