"""Several Query markers in one Annotated: the last one wins, the constraints of all apply."""
from typing import Annotated

from fastapi import FastAPI, Path, Query

app = FastAPI()


@app.get("/m")
def read_m(q: Annotated[int, Query(gt=5), Query(lt=3, alias="qq")] = 1):
    return {"q": q}


@app.get("/d")
def read_d(q: Annotated[int, Query(default=1), Query()]):
    return {"q": q}


@app.get("/p/{q}")
def read_p(q: Annotated[int, Query(), Path()]):
    return {"q": q}


CASES = [
    {"method": "GET", "url": "/m?qq=2"},
    {"method": "GET", "url": "/m?qq=9"},
    {"method": "GET", "url": "/m?q=1"},
    {"method": "GET", "url": "/m"},
    {"method": "GET", "url": "/d"},
    {"method": "GET", "url": "/d?q=4"},
    {"method": "GET", "url": "/p/3"},
    {"method": "GET", "url": "/p/x"},
]
