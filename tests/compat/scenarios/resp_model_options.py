"""response_model_include/exclude (sets, lists, dicts), by_alias, exclude_unset/defaults/none."""
from typing import Optional

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

app = FastAPI()


class Sub(BaseModel):
    a: int = 1
    b: Optional[str] = None
    c: list[int] = []


class Item(BaseModel):
    name: str
    description: Optional[str] = None
    price: float
    tax: float = 10.5
    tags: list[str] = []
    sub: Sub = Sub()
    subs: list[Sub] = []


class Aliased(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    item_name: str = Field(alias="itemName")
    item_price: float = Field(default=1.0, alias="itemPrice")
    plain: Optional[int] = None
    ser_only: str = Field(default="x", serialization_alias="serOnly")


FULL = {
    "name": "Foo",
    "price": 50.2,
    "description": None,
    "tags": ["t"],
    "sub": {"a": 2, "b": None},
    "subs": [{"a": 3}, {"a": 4, "b": "bee"}],
}


@app.get("/include-set", response_model=Item, response_model_include={"name", "price"})
def include_set():
    return FULL


@app.get("/include-list", response_model=Item, response_model_include=["name", "tax"])
def include_list():
    return FULL


@app.get("/exclude-set", response_model=Item, response_model_exclude={"tax", "subs", "sub"})
def exclude_set():
    return FULL


@app.get("/include-unknown", response_model=Item, response_model_include={"nope"})
def include_unknown():
    return FULL


@app.get("/include-dict", response_model=Item, response_model_include={"name": True, "sub": {"a"}})
def include_dict():
    return FULL


@app.get("/exclude-dict", response_model=Item, response_model_exclude={"sub": {"b", "c"}, "subs": {0: True}, "tags": True})
def exclude_dict():
    return FULL


@app.get("/exclude-dict-all-items", response_model=Item, response_model_exclude={"subs": {"__all__": {"a"}}})
def exclude_dict_all_items():
    return FULL


@app.get("/include-and-exclude", response_model=Item, response_model_include={"name", "price", "tax"}, response_model_exclude={"price"})
def include_and_exclude():
    return FULL


@app.get("/exclude-unset", response_model=Item, response_model_exclude_unset=True)
def exclude_unset():
    return {"name": "Foo", "price": 1, "description": None, "sub": {"a": 1}}


@app.get("/exclude-unset-model", response_model=Item, response_model_exclude_unset=True)
def exclude_unset_model():
    return Item(name="Bar", price=2, tax=10.5)


@app.get("/exclude-unset-subclass", response_model=Item, response_model_exclude_unset=True)
def exclude_unset_subclass():
    class Bigger(Item):
        extra: int = 0

    return Bigger(name="Big", price=3, extra=5)


@app.get("/exclude-defaults", response_model=Item, response_model_exclude_defaults=True)
def exclude_defaults():
    return {"name": "Foo", "price": 1, "tax": 10.5, "tags": [], "sub": {"a": 1}, "description": "d"}


@app.get("/exclude-defaults-nested-changed", response_model=Item, response_model_exclude_defaults=True)
def exclude_defaults_nested_changed():
    return {"name": "Foo", "price": 1, "sub": {"a": 1, "b": "x"}}


@app.get("/exclude-none", response_model=Item, response_model_exclude_none=True)
def exclude_none():
    return FULL


@app.get("/exclude-none-list", response_model=list[Sub], response_model_exclude_none=True)
def exclude_none_list():
    return [{"a": 1}, {"b": "x"}, {"a": 2, "b": None}]


@app.get("/all-excludes", response_model=Item, response_model_exclude_unset=True, response_model_exclude_defaults=True, response_model_exclude_none=True)
def all_excludes():
    return {"name": "Foo", "price": 1, "tax": 10.5, "description": None, "tags": ["x"]}


@app.get("/alias", response_model=Aliased)
def alias():
    return {"itemName": "n", "plain": None}


@app.get("/alias-from-field-names", response_model=Aliased)
def alias_from_field_names():
    return Aliased(item_name="n", item_price=2, ser_only="s")


@app.get("/alias-off", response_model=Aliased, response_model_by_alias=False)
def alias_off():
    return {"itemName": "n", "itemPrice": 3, "ser_only": "y"}


@app.get("/alias-off-include", response_model=Aliased, response_model_by_alias=False, response_model_include={"item_name"})
def alias_off_include():
    return {"itemName": "n"}


@app.get("/alias-include-by-field-name", response_model=Aliased, response_model_include={"item_name", "ser_only"})
def alias_include_by_field_name():
    return {"itemName": "n"}


@app.get("/alias-include-by-alias", response_model=Aliased, response_model_include={"itemName"})
def alias_include_by_alias():
    return {"itemName": "n"}


@app.get("/alias-dict-with-field-names", response_model=Aliased)
def alias_dict_with_field_names():
    return {"item_name": "field-named"}


@app.get("/alias-exclude-unset", response_model=Aliased, response_model_exclude_unset=True)
def alias_exclude_unset():
    return {"itemName": "n"}


@app.get("/list-include", response_model=list[Item], response_model_include={"name"})
def list_include():
    return [FULL, {"name": "second", "price": 0}]


@app.get("/list-exclude-index", response_model=list[Item], response_model_exclude={0: True})
def list_exclude_index():
    return [FULL, {"name": "second", "price": 0}]


@app.get("/dict-model-include", response_model=dict[str, Sub], response_model_exclude={"k1"})
def dict_model_exclude():
    return {"k1": {"a": 1}, "k2": {"a": 2}}


@app.get("/returns-model-exclude-unset", response_model=Item, response_model_exclude_unset=True)
def returns_model_exclude_unset() -> Item:
    item = Item(name="x", price=1)
    item.tax = 99  # assignment marks the field as set
    return item


@app.get("/no-response-model-exclude-none", response_model_exclude_none=True)
def no_response_model_exclude_none():
    return {"a": None, "b": 1, "c": {"d": None}}


@app.get("/no-response-model-include", response_model_include={"a"})
def no_response_model_include():
    return {"a": 1, "b": 2}


@app.get("/inferred-exclude-none", response_model_exclude_none=True)
def inferred_exclude_none() -> Sub:
    return Sub(a=5)


CASES = [
    {"method": "GET", "url": "/include-set"},
    {"method": "GET", "url": "/include-list"},
    {"method": "GET", "url": "/exclude-set"},
    {"method": "GET", "url": "/include-unknown"},
    {"method": "GET", "url": "/include-dict"},
    {"method": "GET", "url": "/exclude-dict"},
    {"method": "GET", "url": "/exclude-dict-all-items"},
    {"method": "GET", "url": "/include-and-exclude"},
    {"method": "GET", "url": "/exclude-unset"},
    {"method": "GET", "url": "/exclude-unset-model"},
    {"method": "GET", "url": "/exclude-unset-subclass"},
    {"method": "GET", "url": "/exclude-defaults"},
    {"method": "GET", "url": "/exclude-defaults-nested-changed"},
    {"method": "GET", "url": "/exclude-none"},
    {"method": "GET", "url": "/exclude-none-list"},
    {"method": "GET", "url": "/all-excludes"},
    {"method": "GET", "url": "/alias"},
    {"method": "GET", "url": "/alias-from-field-names"},
    {"method": "GET", "url": "/alias-off"},
    {"method": "GET", "url": "/alias-off-include"},
    {"method": "GET", "url": "/alias-include-by-field-name"},
    {"method": "GET", "url": "/alias-include-by-alias"},
    {"method": "GET", "url": "/alias-dict-with-field-names"},
    {"method": "GET", "url": "/alias-exclude-unset"},
    {"method": "GET", "url": "/list-include"},
    {"method": "GET", "url": "/list-exclude-index"},
    {"method": "GET", "url": "/dict-model-include"},
    {"method": "GET", "url": "/returns-model-exclude-unset"},
    {"method": "GET", "url": "/no-response-model-exclude-none"},
    {"method": "GET", "url": "/no-response-model-include"},
    {"method": "GET", "url": "/inferred-exclude-none"},
]
