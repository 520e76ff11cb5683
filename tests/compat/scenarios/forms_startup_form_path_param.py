"""Registration error: Form() used for a parameter that is also a path parameter."""
from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/items/{name}")
def create(name: Annotated[str, Form()]):
    return {"name": name}


CASES = [
    {"method": "POST", "url": "/items/x", "data": {"name": "y"}},
]
