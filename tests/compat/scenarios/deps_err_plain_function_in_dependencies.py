"""Startup error: a bare function (not wrapped in Depends) in a path operation's dependencies."""
from fastapi import FastAPI, Header, HTTPException

app = FastAPI()


def verify_token(x_token: str = Header()):
    if x_token != "secret":
        raise HTTPException(status_code=400, detail="bad token")


@app.get("/items", dependencies=[verify_token])
def items():
    return []


CASES = [{"method": "GET", "url": "/items"}]
