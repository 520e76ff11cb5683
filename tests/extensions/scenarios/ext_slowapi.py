"""slowapi (0.1): per-route rate limits on a FastAPI app, the 429 handler, a default limit."""
from pydantic import BaseModel
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.middleware import SlowAPIMiddleware
from slowapi.util import get_remote_address

from fastapi import FastAPI, Request, Response

REQUIRES = "slowapi"

limiter = Limiter(key_func=get_remote_address, default_limits=["3/hour"])
app = FastAPI()
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
app.add_middleware(SlowAPIMiddleware)


class Item(BaseModel):
    name: str


@app.get("/home")
@limiter.limit("2/hour")
async def homepage(request: Request):
    return {"page": "home"}


@app.post("/items")
@limiter.limit("1/hour")
def create_item(request: Request, response: Response, item: Item):
    return item


@app.get("/default")
async def default_limited():
    return {"limited": "by default"}


@app.get("/exempt")
@limiter.exempt
async def exempt():
    return {"limited": False}


CASES = [
    {"method": "GET", "url": "/home"},
    {"method": "GET", "url": "/home"},
    {"method": "GET", "url": "/home"},
    {"method": "POST", "url": "/items", "json": {"name": "a"}},
    {"method": "POST", "url": "/items", "json": {"name": "b"}},
    {"method": "POST", "url": "/items", "json": {}},
    {"method": "GET", "url": "/default"},
    {"method": "GET", "url": "/default"},
    {"method": "GET", "url": "/default"},
    {"method": "GET", "url": "/default"},
    {"method": "GET", "url": "/exempt"},
    {"method": "GET", "url": "/exempt"},
    {"method": "GET", "url": "/exempt"},
    {"method": "GET", "url": "/exempt"},
]
