"""Registration error: Form() both inside Annotated and as the default value."""
from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/login")
def login(user: Annotated[str, Form()] = Form("anon")):
    return {"user": user}


CASES = [
    {"method": "POST", "url": "/login", "data": {"user": "x"}},
]
