"""FastAPI(redirect_slashes=False): trailing-slash mismatches answer 404 instead of 307,
including routes from routers and mounted sub-apps (which keep their own default)."""
from fastapi import APIRouter, FastAPI

app = FastAPI(redirect_slashes=False)


@app.get("/items/")
def items_slash():
    return {"route": "/items/"}


@app.get("/users")
def users():
    return {"route": "/users"}


@app.post("/create/")
def create():
    return {"route": "POST /create/"}


router = APIRouter(prefix="/r", redirect_slashes=True)


@router.get("/leaf/")
def leaf():
    return {"route": "/r/leaf/"}


app.include_router(router)

sub = FastAPI()  # default redirect_slashes=True


@sub.get("/x")
def sub_x():
    return {"route": "sub /x"}


app.mount("/sub", sub)


CASES = [
    {"method": "GET", "url": "/items/"},
    {"method": "GET", "url": "/items", "follow_redirects": False},
    {"method": "GET", "url": "/users"},
    {"method": "GET", "url": "/users/", "follow_redirects": False},
    {"method": "POST", "url": "/create", "follow_redirects": False},
    {"method": "GET", "url": "/create/", "follow_redirects": False},
    {"method": "GET", "url": "/r/leaf/"},
    {"method": "GET", "url": "/r/leaf", "follow_redirects": False},
    {"method": "GET", "url": "/sub/x"},
    {"method": "GET", "url": "/sub/x/", "follow_redirects": False},
    {"method": "GET", "url": "/sub", "follow_redirects": False},
]
