"""Response models of plain data returned as dicts (validated as typed dicts here, without
building instances) next to every model feature that keeps instances: extras, coercion,
aliases, defaults and factories, dump options, nested and shared models, instances and
subclasses among dicts, Mappings, serializers, computed fields, validators, custom
``__init__``/post-init, strict and extra-allowing configs, floats, and validation errors."""
import datetime
import decimal
import enum
import uuid
from collections import OrderedDict
from types import MappingProxyType
from typing import Annotated, Any, Generic, Optional, TypeVar, Union

from pydantic import (
    AliasChoices,
    AliasPath,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    computed_field,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

from fastapi import FastAPI
from fastapi.exceptions import ResponseValidationError
from fastapi.responses import JSONResponse

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []


class Owner(BaseModel):
    name: str
    email: str = "none"


class WithOwner(BaseModel):
    title: str
    owner: Owner
    backup: Optional[Owner] = None


class SharedOwner(BaseModel):
    first: Owner
    second: Owner


class Tree(BaseModel):
    label: str
    children: list["Tree"] = []


class Aliased(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    item_name: str = Field(alias="itemName")
    price: float = Field(default=1.0, serialization_alias="cost")
    code: str = Field(default="c", validation_alias=AliasChoices("code", "kode"))
    deep: int = Field(default=0, validation_alias=AliasPath("nested", 0))


class Defaults(BaseModel):
    count: int = 3
    items: list[int] = Field(default_factory=lambda: [1, 2])
    twice: int = Field(default_factory=lambda data: data["count"] * 2)
    note: Optional[str] = None
    hidden: str = Field(default="secret", exclude=True)


class Stripped(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, str_to_upper=True)

    word: str
    inner: Owner


class Configured(BaseModel):
    model_config = ConfigDict(
        coerce_numbers_to_str=True,
        str_max_length=5,
        validate_default=True,
        allow_inf_nan=False,
        serialize_by_alias=True,
    )

    text: str
    level: int = Field(default="7", alias="lvl")
    ratio: float = 0.5


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class EnumValues(BaseModel):
    model_config = ConfigDict(use_enum_values=True)

    color: Color


class Kinds(BaseModel):
    model_config = ConfigDict(ser_json_timedelta="float")

    color: Color
    when: datetime.datetime
    day: datetime.date
    span: datetime.timedelta
    ident: uuid.UUID
    amount: decimal.Decimal
    raw: bytes
    anything: Any = None
    pair: tuple[int, str] = (1, "a")
    either: Union[int, str] = 0
    mapping: dict[str, float] = {}


class Floats(BaseModel):
    value: float


class InfNan(BaseModel):
    model_config = ConfigDict(ser_json_inf_nan="constants")

    value: float


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")

    a: int


class Allow(BaseModel):
    model_config = ConfigDict(extra="allow")

    a: int


class StrictModel(BaseModel):
    model_config = ConfigDict(strict=True)

    a: int


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)

    a: int


class FieldSerialized(BaseModel):
    name: str

    @field_serializer("name")
    def shout(self, value: str) -> str:
        return f"{value.upper()} ({type(self).__name__})"


class ModelSerialized(BaseModel):
    name: str

    @model_serializer
    def whole(self) -> dict:
        return {"whole": self.name}


class Computed(BaseModel):
    width: int
    height: int

    @computed_field
    @property
    def area(self) -> int:
        return self.width * self.height


class Validated(BaseModel):
    low: int
    high: int

    @field_validator("high")
    @classmethod
    def above_low(cls, value: int, info) -> int:
        if value < info.data.get("low", 0):
            raise ValueError("high below low")
        return value * 10


class ModelValidated(BaseModel):
    a: int

    @model_validator(mode="after")
    def double(self):
        self.a *= 2
        return self


class CustomInit(BaseModel):
    a: int

    def __init__(self, **data):
        data["a"] = data.get("a", 0) + 100
        super().__init__(**data)


class PostInit(BaseModel):
    a: int
    b: int = 0

    def model_post_init(self, context) -> None:
        self.b = self.a + 1


class Annotated_(BaseModel):
    shown: Annotated[int, PlainSerializer(lambda v: f"#{v}", return_type=str)]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


class SubItem(Item):
    secret: str = "hidden"


@app.get("/items", response_model=list[Item])
def items():
    return [{"name": f"n{i}", "price": i * 1.5, "tags": ["x"]} for i in range(3)]


@app.get("/items-annotated")
def items_annotated() -> list[Item]:
    return [{"name": "a", "price": 1}]


@app.get("/one", response_model=Item)
def one():
    return {"name": "n", "price": 2, "tags": ("a", "b"), "extra": "dropped"}


@app.get("/coerced", response_model=Item)
def coerced():
    return {"name": "n", "price": "2.5", "tags": []}


@app.get("/empty-list", response_model=list[Item])
def empty_list():
    return []


@app.get("/tuple-of-dicts", response_model=list[Item])
def tuple_of_dicts():
    return ({"name": "t", "price": 1.0},)


@app.get("/dict-of", response_model=dict[str, Item])
def dict_of():
    return {"a": {"name": "a", "price": 1}, "b": {"name": "b", "price": 2}}


@app.get("/optional-none", response_model=Optional[Item])
def optional_none():
    return None


@app.get("/optional-dict", response_model=Optional[Item])
def optional_dict():
    return {"name": "o", "price": 0.5}


@app.get("/nested", response_model=WithOwner)
def nested():
    return {"title": "t", "owner": {"name": "ann"}, "backup": {"name": "bob", "email": "b@x"}}


@app.get("/nested-instance", response_model=WithOwner)
def nested_instance():
    return {"title": "t", "owner": Owner(name="ann")}


@app.get("/nested-object", response_model=WithOwner)
def nested_object():
    class Row:
        name = "row"
        email = "r@x"

    return {"title": "t", "owner": Row()}


@app.get("/shared", response_model=SharedOwner)
def shared():
    return {"first": {"name": "a"}, "second": {"name": "b", "email": "e"}}


@app.get("/tree", response_model=Tree)
def tree():
    return {"label": "root", "children": [{"label": "leaf", "children": [{"label": "deep"}]}]}


@app.get("/mixed", response_model=list[Item])
def mixed():
    return [{"name": "d", "price": 1}, Item(name="i", price=2), SubItem(name="s", price=3)]


@app.get("/instances", response_model=list[Item])
def instances():
    return [Item(name="i", price=2), SubItem(name="s", price=3, secret="x")]


@app.get("/subclass-in-dict", response_model=WithOwner)
def subclass_in_dict():
    class Special(Owner):
        level: int = 9

    return {"title": "t", "owner": Special(name="sp")}


@app.get("/mappings", response_model=list[Item])
def mappings():
    return [
        {"name": "d", "price": 1},
        OrderedDict(name="o", price=2),
        MappingProxyType({"name": "p", "price": 3}),
    ]


@app.get("/aliased", response_model=Aliased)
def aliased():
    return {"itemName": "a", "price": 2, "kode": "k", "nested": [7]}


@app.get("/aliased-by-name", response_model=Aliased)
def aliased_by_name():
    return {"item_name": "a", "code": "c2"}


@app.get("/aliased-no-alias", response_model=Aliased, response_model_by_alias=False)
def aliased_no_alias():
    return {"itemName": "a"}


@app.get("/defaults", response_model=Defaults)
def defaults():
    return {"count": 5}


@app.get("/exclude-none", response_model=Defaults, response_model_exclude_none=True)
def exclude_none():
    return {"count": 4}


@app.get("/exclude-defaults", response_model=Defaults, response_model_exclude_defaults=True)
def exclude_defaults():
    return {"count": 3, "items": [1, 2], "note": "n"}


@app.get("/exclude-unset", response_model=Defaults, response_model_exclude_unset=True)
def exclude_unset():
    return {"count": 4, "note": None}


@app.get("/include", response_model=list[Item], response_model_include={"name"})
def include():
    return [{"name": "a", "price": 1}]


@app.get("/exclude-nested", response_model=WithOwner, response_model_exclude={"owner": {"email"}})
def exclude_nested():
    return {"title": "t", "owner": {"name": "ann"}}


@app.get("/stripped", response_model=Stripped)
def stripped():
    return {"word": "  hi  ", "inner": {"name": "  keep  "}}


@app.get("/configured", response_model=list[Configured])
def configured():
    return [{"text": 12345, "lvl": 1}, {"text": "abc", "ratio": 2}]


@app.get("/configured-no-alias", response_model=Configured, response_model_by_alias=False)
def configured_no_alias():
    return {"text": 1}


@app.get("/configured-too-long", response_model=Configured)
def configured_too_long():
    return {"text": "toolong"}


@app.get("/configured-inf", response_model=Configured)
def configured_inf():
    return {"text": "a", "ratio": float("inf")}


@app.get("/enum-values", response_model=EnumValues)
def enum_values():
    return {"color": "red"}


@app.get("/kinds", response_model=Kinds)
def kinds():
    return {
        "color": "blue",
        "when": "2024-05-06T07:08:09+02:00",
        "day": "2024-05-06",
        "span": 90.5,
        "ident": "12345678-1234-5678-1234-567812345678",
        "amount": "12.50",
        "raw": b"bytes",
        "anything": {"k": [1, 2.5, None]},
        "pair": [2, "b"],
        "either": "7",
        "mapping": {"x": 1},
    }


@app.get("/small-floats", response_model=list[Floats])
def small_floats():
    return [{"value": 1e-05}, {"value": 1.5e-07}, {"value": 0.0001}, {"value": 1e16}]


@app.get("/inf", response_model=Floats)
def inf():
    return {"value": float("inf")}


class FloatsAndAny(BaseModel):
    value: float = 0.0
    anything: Any = None
    owner: Optional[Floats] = None


@app.get("/inf-in-list", response_model=list[Floats])
def inf_in_list():
    return [{"value": 1.5}, {"value": float("-inf")}]


@app.get("/nan-in-any", response_model=FloatsAndAny)
def nan_in_any():
    return {"anything": [float("nan"), {"x": float("inf")}]}


@app.get("/inf-in-nested", response_model=list[FloatsAndAny])
def inf_in_nested():
    return [{"owner": {"value": 2.5}}, {"owner": {"value": float("inf")}}]


@app.get("/inf-constants", response_model=InfNan)
def inf_constants():
    return {"value": float("nan")}


@app.get("/forbid-ok", response_model=Forbid)
def forbid_ok():
    return {"a": 1}


@app.get("/forbid-extra", response_model=Forbid)
def forbid_extra():
    return {"a": 1, "b": 2}


@app.get("/allow", response_model=Allow)
def allow():
    return {"a": 1, "b": 2}


@app.get("/strict-dict", response_model=StrictModel)
def strict_dict():
    return {"a": 1}


@app.get("/frozen", response_model=Frozen)
def frozen():
    return {"a": "5"}


@app.get("/field-serializer", response_model=list[FieldSerialized])
def field_serialized():
    return [{"name": "x"}]


@app.get("/model-serializer", response_model=ModelSerialized)
def model_serialized():
    return {"name": "x"}


@app.get("/computed", response_model=Computed)
def computed():
    return {"width": 2, "height": 3}


@app.get("/validated", response_model=Validated)
def validated():
    return {"low": 1, "high": 2}


@app.get("/validated-bad", response_model=Validated)
def validated_bad():
    return {"low": 5, "high": 2}


@app.get("/model-validator", response_model=ModelValidated)
def model_validated():
    return {"a": 2}


@app.get("/custom-init", response_model=CustomInit)
def custom_init():
    return {"a": 1}


@app.get("/post-init", response_model=PostInit)
def post_init():
    return {"a": 1}


@app.get("/plain-serializer", response_model=Annotated_)
def plain_serializer():
    return {"shown": 4}


@app.get("/generic", response_model=Page[Item])
def generic():
    return {"items": [{"name": "g", "price": 1}], "total": 1}


@app.get("/union", response_model=Union[Owner, Item])
def union():
    return {"name": "u", "price": 1}


@app.get("/missing", response_model=list[Item])
def missing():
    return [{"name": "ok", "price": 1}, {"name": "no price"}]


@app.get("/wrong-nested", response_model=WithOwner)
def wrong_nested():
    return {"title": "t", "owner": {"email": "no name"}}


@app.get("/list-of-strings", response_model=list[Item])
def list_of_strings():
    return [{"name": "a", "price": 1}, "not a dict"]


app_handled = FastAPI()


@app_handled.exception_handler(ResponseValidationError)
async def handle_response_validation(request, exc: ResponseValidationError):
    return JSONResponse(status_code=502, content={"errors": exc.errors(), "body": repr(exc.body)})


@app_handled.get("/bad", response_model=list[Item])
def handled_bad():
    return [{"name": "n", "price": "x", "extra": 1}]


app.mount("/handled", app_handled)

_OK = [
    "/items",
    "/items-annotated",
    "/one",
    "/coerced",
    "/empty-list",
    "/tuple-of-dicts",
    "/dict-of",
    "/optional-none",
    "/optional-dict",
    "/nested",
    "/nested-instance",
    "/nested-object",
    "/shared",
    "/tree",
    "/mixed",
    "/instances",
    "/subclass-in-dict",
    "/mappings",
    "/aliased",
    "/aliased-by-name",
    "/aliased-no-alias",
    "/defaults",
    "/exclude-none",
    "/exclude-defaults",
    "/exclude-unset",
    "/include",
    "/exclude-nested",
    "/stripped",
    "/configured",
    "/configured-no-alias",
    "/enum-values",
    "/kinds",
    "/small-floats",
    "/inf-constants",
    "/nan-in-any",
    "/forbid-ok",
    "/allow",
    "/frozen",
    "/field-serializer",
    "/model-serializer",
    "/computed",
    "/validated",
    "/model-validator",
    "/custom-init",
    "/post-init",
    "/plain-serializer",
    "/generic",
    "/union",
    "/handled/bad",
]
_FAILING = [
    "/inf",
    "/forbid-extra",
    "/strict-dict",
    "/validated-bad",
    "/missing",
    "/wrong-nested",
    "/list-of-strings",
    "/configured-too-long",
    "/configured-inf",
    "/inf-in-list",
    "/inf-in-nested",
]

CASES = [
    *({"method": "GET", "url": url} for url in _OK),
    *(
        case
        for url in _FAILING
        for case in (
            {"method": "GET", "url": url},
            {"method": "GET", "url": url, "raise_server_exceptions": True, "name": f"{url} (raise)"},
        )
    ),
]
