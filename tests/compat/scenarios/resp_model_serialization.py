"""How returned models are re-validated and serialized: validators re-run, aliases, computed fields, serializers, Field(exclude)."""
from typing import Optional

from fastapi import FastAPI
from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    computed_field,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

app = FastAPI()

LOG: list[str] = []


class Counted(BaseModel):
    name: str

    @field_validator("name")
    @classmethod
    def log_name(cls, v: str) -> str:
        LOG.append(f"validate name={v}")
        return v

    @model_validator(mode="before")
    @classmethod
    def log_input(cls, data):
        LOG.append(f"before input type={type(data).__name__}")
        return data


class Upper(BaseModel):
    name: str

    @field_validator("name")
    @classmethod
    def upper(cls, v: str) -> str:
        return v.upper() + "!"


class ValidationAliasOnly(BaseModel):
    name: str = Field(validation_alias="inName")


class ValidationAliasChoices(BaseModel):
    name: str = Field(validation_alias=AliasChoices("inName", "name"))


class PlainAlias(BaseModel):
    name: str = Field(alias="Name")


class WithComputed(BaseModel):
    width: int
    height: int

    @computed_field
    @property
    def area(self) -> int:
        return self.width * self.height


class WithSerializer(BaseModel):
    secret: str
    amount: float

    @field_serializer("secret")
    def hide(self, v: str) -> str:
        return v[:1] + "***"

    @field_serializer("amount", when_used="json")
    def money(self, v: float) -> str:
        return f"${v:.2f}"


class WholeSerializer(BaseModel):
    a: int
    b: int

    @model_serializer
    def ser(self):
        return {"sum": self.a + self.b}


class WithExcluded(BaseModel):
    visible: str
    hidden: str = Field(default="h", exclude=True)


class Forbid(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: int


class Allow(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: int


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)
    s: str


class Patch(BaseModel):
    name: Optional[str] = None
    price: Optional[float] = None
    tags: list[str] = []


@app.get("/counted-instance", response_model=Counted)
def counted_instance():
    LOG.clear()
    obj = Counted(name="x")
    LOG.append("endpoint returns")
    return obj


@app.get("/counted-dict", response_model=Counted)
def counted_dict():
    LOG.clear()
    return {"name": "y"}


@app.get("/log")
def log():
    return LOG


@app.get("/upper-instance", response_model=Upper)
def upper_instance():
    return Upper(name="abc")


@app.get("/upper-inferred")
def upper_inferred() -> Upper:
    return Upper(name="abc")


@app.get("/upper-no-model")
def upper_no_model():
    return Upper(name="abc")


@app.get("/validation-alias-instance", response_model=ValidationAliasOnly)
def validation_alias_instance():
    return ValidationAliasOnly(inName="v")


@app.get("/validation-alias-choices-instance", response_model=ValidationAliasChoices)
def validation_alias_choices_instance():
    return ValidationAliasChoices(inName="v")


@app.get("/validation-alias-dict", response_model=ValidationAliasOnly)
def validation_alias_dict():
    return {"inName": "d"}


@app.get("/plain-alias-instance", response_model=PlainAlias)
def plain_alias_instance():
    return PlainAlias(Name="p")


@app.get("/plain-alias-instance-no-alias", response_model=PlainAlias, response_model_by_alias=False)
def plain_alias_instance_no_alias():
    return PlainAlias(Name="p")


@app.get("/plain-alias-dict-field-name", response_model=PlainAlias)
def plain_alias_dict_field_name():
    return {"name": "by field name"}


@app.get("/computed", response_model=WithComputed)
def computed():
    return {"width": 2, "height": 3, "area": 999}


@app.get("/computed-exclude", response_model=WithComputed, response_model_exclude={"area"})
def computed_exclude():
    return WithComputed(width=2, height=3)


@app.get("/computed-exclude-unset", response_model=WithComputed, response_model_exclude_unset=True)
def computed_exclude_unset():
    return WithComputed(width=2, height=3)


@app.get("/computed-no-model")
def computed_no_model():
    return WithComputed(width=4, height=5)


@app.get("/serializer", response_model=WithSerializer)
def serializer():
    return WithSerializer(secret="password", amount=3.14159)


@app.get("/serializer-no-model")
def serializer_no_model():
    return WithSerializer(secret="password", amount=3.14159)


@app.get("/model-serializer", response_model=WholeSerializer)
def model_serializer_route():
    return WholeSerializer(a=1, b=2)


@app.get("/model-serializer-no-model")
def model_serializer_no_model():
    return WholeSerializer(a=1, b=2)


@app.get("/excluded-field", response_model=WithExcluded)
def excluded_field():
    return {"visible": "v", "hidden": "not shown"}


@app.get("/forbid-extra", response_model=Forbid)
def forbid_extra():
    return {"a": 1, "b": 2}


@app.get("/forbid-extra-subclass", response_model=Forbid)
def forbid_extra_subclass():
    class Sub(BaseModel):
        a: int
        b: int

    return Sub(a=1, b=2)


@app.get("/allow-extra", response_model=Allow)
def allow_extra():
    return {"a": 1, "b": 2, "c": [3]}


@app.get("/allow-extra-instance", response_model=Allow)
def allow_extra_instance():
    return Allow(a=1, z="zz")


@app.get("/frozen-strip", response_model=Frozen)
def frozen_strip():
    return {"s": "  padded  "}


@app.patch("/patch", response_model=Patch, response_model_exclude_unset=True)
def patch(body: Patch):
    return body


@app.patch("/patch-copy", response_model=Patch, response_model_exclude_unset=True)
def patch_copy(body: Patch):
    stored = Patch(name="stored", price=1.0, tags=["old"])
    return stored.model_copy(update=body.model_dump(exclude_unset=True))


CASES = [
    {"method": "GET", "url": "/counted-instance"},
    {"method": "GET", "url": "/log", "name": "log after counted-instance"},
    {"method": "GET", "url": "/counted-dict"},
    {"method": "GET", "url": "/log", "name": "log after counted-dict"},
    {"method": "GET", "url": "/upper-instance"},
    {"method": "GET", "url": "/upper-inferred"},
    {"method": "GET", "url": "/upper-no-model"},
    {"method": "GET", "url": "/validation-alias-instance"},
    {"method": "GET", "url": "/validation-alias-instance", "raise_server_exceptions": True, "name": "validation-alias-instance (raise)"},
    {"method": "GET", "url": "/validation-alias-choices-instance"},
    {"method": "GET", "url": "/validation-alias-dict"},
    {"method": "GET", "url": "/plain-alias-instance"},
    {"method": "GET", "url": "/plain-alias-instance-no-alias"},
    {"method": "GET", "url": "/plain-alias-dict-field-name"},
    {"method": "GET", "url": "/plain-alias-dict-field-name", "raise_server_exceptions": True, "name": "plain-alias-dict-field-name (raise)"},
    {"method": "GET", "url": "/computed"},
    {"method": "GET", "url": "/computed-exclude"},
    {"method": "GET", "url": "/computed-exclude-unset"},
    {"method": "GET", "url": "/computed-no-model"},
    {"method": "GET", "url": "/serializer"},
    {"method": "GET", "url": "/serializer-no-model"},
    {"method": "GET", "url": "/model-serializer"},
    {"method": "GET", "url": "/model-serializer", "raise_server_exceptions": True, "name": "model-serializer (raise)"},
    {"method": "GET", "url": "/model-serializer-no-model"},
    {"method": "GET", "url": "/excluded-field"},
    {"method": "GET", "url": "/forbid-extra"},
    {"method": "GET", "url": "/forbid-extra", "raise_server_exceptions": True, "name": "forbid-extra (raise)"},
    {"method": "GET", "url": "/forbid-extra-subclass"},
    {"method": "GET", "url": "/allow-extra"},
    {"method": "GET", "url": "/allow-extra-instance"},
    {"method": "GET", "url": "/frozen-strip"},
    {"method": "PATCH", "url": "/patch", "json": {"price": 2}},
    {"method": "PATCH", "url": "/patch", "json": {"name": None, "tags": []}, "name": "PATCH /patch explicit null and empty"},
    {"method": "PATCH", "url": "/patch", "json": {}, "name": "PATCH /patch empty object"},
    {"method": "PATCH", "url": "/patch-copy", "json": {"price": 9}},
]
