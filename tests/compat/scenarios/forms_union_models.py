"""A union of form models as one form body: the whole form validated against the union."""
from typing import Annotated, List, Union

from fastapi import FastAPI, Form
from pydantic import BaseModel


class UserForm(BaseModel):
    name: str
    email: str


class CompanyForm(BaseModel):
    company_name: str
    industry: str
    size: int = 1


class Tags(BaseModel):
    tags: List[str]
    kind: str = "t"


class Name(BaseModel):
    name: str


app = FastAPI()


@app.post("/form-union/")
def post_union_form(data: Annotated[Union[UserForm, CompanyForm], Form()]):
    return {"received": data}


@app.post("/form-union-optional/")
def post_union_form_optional(data: Annotated[Union[UserForm, CompanyForm, None], Form()] = None):
    return {"received": data}


@app.post("/tags")
def post_tags(data: Annotated[Union[Tags, Name], Form()]):
    return {"received": data}


@app.post("/with-extra")
def post_with_extra(data: Annotated[Union[Tags, Name], Form()], extra: str = Form("e")):
    return {"received": data, "extra": extra}


CASES = [
    {"method": "POST", "url": "/form-union/", "data": {"name": "J", "email": "j@x"}},
    {"method": "POST", "url": "/form-union/", "data": {"company_name": "A", "industry": "T"}},
    {"method": "POST", "url": "/form-union/", "data": {"company_name": "A", "industry": "T", "size": "x"}},
    {"method": "POST", "url": "/form-union/", "data": {}},
    {"method": "POST", "url": "/form-union/", "data": {"name": "J"}},
    {"method": "POST", "url": "/form-union/", "data": {"name": "J", "email": "j@x", "company_name": "A", "industry": "T"}},
    {"method": "POST", "url": "/form-union/", "files": {"name": (None, "J"), "email": (None, "j@x")}},
    {"method": "POST", "url": "/form-union/", "json": {"name": "J", "email": "j@x"}},
    {"method": "POST", "url": "/form-union-optional/", "data": {}},
    {"method": "POST", "url": "/form-union-optional/", "data": {"name": "J", "email": "e"}},
    {"method": "POST", "url": "/tags", "data": {"tags": ["a", "b"]}},
    {"method": "POST", "url": "/tags", "data": {"name": ["x", "y"]}},
    {"method": "POST", "url": "/tags", "data": {"kind": ""}},
    {"method": "POST", "url": "/with-extra", "data": {"name": "n"}},
    {"method": "POST", "url": "/with-extra", "data": {"data": "n", "extra": "z"}},
]
