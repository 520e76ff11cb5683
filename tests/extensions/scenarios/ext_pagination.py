"""fastapi-pagination (0.15): pages, limit/offset, explicit params, customized pages, a router."""
from typing import Annotated

from fastapi_pagination import LimitOffsetPage, Page, Params, add_pagination, paginate
from fastapi_pagination.customization import CustomizedPage, UseIncludeTotal, UseParamsFields
from pydantic import BaseModel

from fastapi import APIRouter, Depends, FastAPI, Query

REQUIRES = "fastapi_pagination"


class User(BaseModel):
    id: int
    name: str


USERS = [User(id=i, name=f"user {i}") for i in range(1, 46)]
SmallPage = CustomizedPage[Page[User], UseParamsFields(size=5), UseIncludeTotal(False)]

app = FastAPI()
router = APIRouter(prefix="/v2")


@app.get("/users")
def users() -> Page[User]:
    return paginate(USERS)


@app.get("/users/limit-offset")
async def users_limit_offset() -> LimitOffsetPage[User]:
    return paginate(USERS)


@app.get("/users/explicit", response_model=Page[User])
def users_explicit(params: Annotated[Params, Depends()], active: bool = Query(True)):
    return paginate([u for u in USERS if active or u.id % 2], params)


@router.get("/users")
def users_small() -> SmallPage:
    return paginate(USERS)


app.include_router(router)
add_pagination(app)

CASES = [
    {"method": "GET", "url": "/users"},
    {"method": "GET", "url": "/users?page=2&size=20"},
    {"method": "GET", "url": "/users?page=9"},
    {"method": "GET", "url": "/users?page=0"},
    {"method": "GET", "url": "/users?size=1000&page=x"},
    {"method": "GET", "url": "/users/limit-offset?limit=5&offset=40"},
    {"method": "GET", "url": "/users/limit-offset?limit=abc"},
    {"method": "GET", "url": "/users/explicit?page=3&size=10&active=false"},
    {"method": "GET", "url": "/v2/users"},
    {"method": "GET", "url": "/v2/users?page=2"},
]
