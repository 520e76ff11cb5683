"""Response validation failures: the 500 answered, and the ResponseValidationError raised (raise_server_exceptions)."""
from typing import Optional, Union

from fastapi import FastAPI
from fastapi.exceptions import ResponseValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


class Strict(BaseModel):
    count: int = Field(ge=0, le=10)
    code: str = Field(min_length=2, max_length=3, pattern=r"^[A-Z]+$")

    @field_validator("code")
    @classmethod
    def not_xx(cls, v: str) -> str:
        if v == "XX":
            raise ValueError("XX is reserved")
        return v


class Nested(BaseModel):
    item: Item
    items: list[Item]


@app.get("/missing-field", response_model=Item)
def missing_field():
    return {"name": "only name"}


@app.get("/wrong-type", response_model=Item)
def wrong_type():
    return {"name": ["not", "a", "str"], "price": "cheap", "tags": "x"}


@app.get("/none-for-model", response_model=Item)
def none_for_model():
    return None


@app.get("/str-for-model", response_model=Item)
def str_for_model():
    return "not a model"


@app.get("/constraints", response_model=Strict)
def constraints():
    return {"count": 11, "code": "abcd"}


@app.get("/custom-validator", response_model=Strict)
def custom_validator():
    return {"count": 1, "code": "XX"}


@app.get("/nested", response_model=Nested)
def nested():
    return {"item": {"name": "ok", "price": 1}, "items": [{"name": "a", "price": 1}, {"price": "x"}]}


@app.get("/list", response_model=list[Item])
def list_items():
    return [{"name": "a", "price": 1}, {"name": "b"}]


@app.get("/list-got-dict", response_model=list[Item])
def list_got_dict():
    return {"name": "a", "price": 1}


@app.get("/dict-of-items", response_model=dict[str, Item])
def dict_of_items():
    return {"k": {"name": "a"}}


@app.get("/int", response_model=int)
def int_value():
    return "forty-two"


@app.get("/inferred")
def inferred() -> Item:
    return {"price": "free"}  # type: ignore[return-value]


@app.get("/optional-wrong", response_model=Optional[Item])
def optional_wrong():
    return {"name": 1}


@app.get("/union-wrong", response_model=Union[Item, Strict])
def union_wrong():
    return {"name": "n", "count": 99}


@app.get("/list-int-wrong", response_model=list[int])
def list_int_wrong():
    return [1, "two", 3.5]


@app.get("/huge-int", response_model=int)
def huge_int():
    return 10**30


@app.get("/float-nan", response_model=float)
def float_nan():
    return "nan"


@app.get("/async-failure", response_model=Item)
async def async_failure(q: int = 0):
    return {"q": q}


@app.post("/with-body", response_model=Item)
def with_body(item: dict):
    return item


app_handled = FastAPI()


@app_handled.exception_handler(ResponseValidationError)
async def handle_response_validation(request, exc: ResponseValidationError):
    return JSONResponse(status_code=502, content={"errors": exc.errors(), "body": repr(exc.body)})


@app_handled.get("/bad", response_model=Item)
def handled_bad():
    return {"name": "n", "price": "x", "extra": 1}


app.mount("/handled", app_handled)


def _both(url: str, **extra) -> list[dict]:
    return [
        {"method": "GET", "url": url, **extra},
        {"method": "GET", "url": url, "raise_server_exceptions": True, "name": f"{url} (raise)", **extra},
    ]


CASES = [
    *_both("/missing-field"),
    *_both("/wrong-type"),
    *_both("/none-for-model"),
    *_both("/str-for-model"),
    *_both("/constraints"),
    *_both("/custom-validator"),
    *_both("/nested"),
    *_both("/list"),
    *_both("/list-got-dict"),
    *_both("/dict-of-items"),
    *_both("/int"),
    *_both("/inferred"),
    *_both("/optional-wrong"),
    *_both("/union-wrong"),
    *_both("/list-int-wrong"),
    {"method": "GET", "url": "/huge-int"},
    *_both("/float-nan"),
    *_both("/async-failure?q=5"),
    {"method": "POST", "url": "/with-body", "json": {"name": "ok", "price": 1}},
    {"method": "POST", "url": "/with-body", "json": {"name": "bad"}, "raise_server_exceptions": True, "name": "with-body bad (raise)"},
    {"method": "GET", "url": "/handled/bad"},
]
