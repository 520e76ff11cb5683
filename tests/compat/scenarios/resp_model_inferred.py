"""response_model inferred from the return annotation (models, lists, Optional, dicts, scalars)."""
from typing import Any, Optional, Union

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

app = FastAPI()
router = APIRouter()


class Item(BaseModel):
    name: str
    price: float = 0.0


class ItemWithSecret(Item):
    secret: str = "hidden"


@app.get("/model")
def model() -> Item:
    return ItemWithSecret(name="m", price=1, secret="x")


@app.get("/model-from-dict")
def model_from_dict() -> Item:
    return {"name": "d", "price": "2.5", "secret": "x"}  # type: ignore[return-value]


@app.get("/list")
def list_items() -> list[Item]:
    return [ItemWithSecret(name="a"), {"name": "b", "secret": "x"}]  # type: ignore[list-item]


@app.get("/optional/{present}")
def optional(present: bool) -> Item | None:
    return ItemWithSecret(name="o") if present else None


@app.get("/optional-typing/{present}")
def optional_typing(present: bool) -> Optional[Item]:
    return {"name": "t", "secret": "x"} if present else None  # type: ignore[return-value]


@app.get("/dict")
def dict_items() -> dict[str, Item]:
    return {"k": ItemWithSecret(name="v", secret="x")}


@app.get("/dict-bad-key")
def dict_int_keys() -> dict[int, Item]:
    return {"1": {"name": "one"}, 2: {"name": "two"}}  # type: ignore[dict-item]


@app.get("/int")
def int_value() -> int:
    return "7"  # type: ignore[return-value]


@app.get("/float")
def float_value() -> float:
    return 7


@app.get("/str")
def str_value() -> str:
    return "hello"


@app.get("/any")
def any_value() -> Any:
    return ItemWithSecret(name="any", secret="visible")


@app.get("/no-annotation")
def no_annotation():
    return ItemWithSecret(name="none", secret="visible")


@app.get("/none-annotation")
def none_annotation() -> None:
    return None


@app.get("/none-annotation-returns-value")
def none_annotation_returns_value() -> None:
    return {"a": 1}  # type: ignore[return-value]


@app.get("/union")
def union() -> Union[int, str]:
    return "12"  # type: ignore[return-value]


@app.get("/list-of-dicts")
def list_of_dicts() -> list[dict[str, int]]:
    return [{"a": "1"}, {"b": 2.0}]  # type: ignore[dict-item]


@app.get("/tuple")
def tuple_value() -> tuple[int, str]:
    return ["1", 2]  # type: ignore[return-value]


@app.get("/tuple-ok")
def tuple_ok() -> tuple[int, str, float]:
    return ("1", "a", 2)  # type: ignore[return-value]


@app.get("/tuple-variadic")
def tuple_variadic() -> tuple[int, ...]:
    return [1, "2", 3.0]  # type: ignore[return-value]


@app.get("/set")
def set_value() -> set[int]:
    return [3, 1, 3, "2"]  # type: ignore[return-value]


@app.get("/explicit-none", response_model=None)
def explicit_none() -> Item:
    # response_model=None disables filtering even with a model annotation
    return ItemWithSecret(name="raw", secret="visible")


@app.get("/async")
async def async_model() -> list[Item]:
    return [{"name": "async", "extra": True}]  # type: ignore[list-item]


@router.get("/routed")
def routed() -> Item:
    return ItemWithSecret(name="r", secret="x")


app.include_router(router, prefix="/r")


CASES = [
    {"method": "GET", "url": "/model"},
    {"method": "GET", "url": "/model-from-dict"},
    {"method": "GET", "url": "/list"},
    {"method": "GET", "url": "/optional/true"},
    {"method": "GET", "url": "/optional/false"},
    {"method": "GET", "url": "/optional-typing/true"},
    {"method": "GET", "url": "/optional-typing/false"},
    {"method": "GET", "url": "/dict"},
    {"method": "GET", "url": "/dict-bad-key"},
    {"method": "GET", "url": "/int"},
    {"method": "GET", "url": "/float"},
    {"method": "GET", "url": "/str"},
    {"method": "GET", "url": "/any"},
    {"method": "GET", "url": "/no-annotation"},
    {"method": "GET", "url": "/none-annotation"},
    {"method": "GET", "url": "/none-annotation-returns-value"},
    {"method": "GET", "url": "/union"},
    {"method": "GET", "url": "/list-of-dicts"},
    {"method": "GET", "url": "/tuple"},
    {"method": "GET", "url": "/tuple-ok"},
    {"method": "GET", "url": "/tuple-variadic"},
    {"method": "GET", "url": "/set"},
    {"method": "GET", "url": "/explicit-none"},
    {"method": "GET", "url": "/async"},
    {"method": "GET", "url": "/r/routed"},
]
