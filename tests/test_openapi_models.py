"""The OpenAPI object models: names, aliases, defaults and the shapes they dump to."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from fastapi.openapi import constants, models
from fastapi.openapi.utils import validation_error_definition


def dump(model: models.BaseModel) -> dict:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def test_constants() -> None:
    assert constants.METHODS_WITH_BODY == {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}
    assert constants.REF_PREFIX == "#/components/schemas/"
    assert constants.REF_TEMPLATE.format(model="Item") == "#/components/schemas/Item"


def test_parameter_aliases_and_order() -> None:
    parameter = models.Parameter.model_validate(
        {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}, "x-extra": 1}
    )
    assert parameter.in_ is models.ParameterInType.query
    assert isinstance(parameter.schema_, models.Schema)
    # Declared fields first (those of ParameterBase, then name and in), extras last.
    assert list(dump(parameter)) == ["required", "schema", "name", "in", "x-extra"]


def test_reference_and_schema_keywords() -> None:
    assert dump(models.Reference.model_validate({"$ref": "#/x"})) == {"$ref": "#/x"}
    schema = models.Schema.model_validate(
        {"not": {"type": "null"}, "if": True, "else": False, "$defs": {"A": {}}, "$schema": "s"}
    )
    assert schema.not_ == models.Schema(type="null")
    assert schema.if_ is True and schema.else_ is False
    assert dump(schema) == {
        "$schema": "s",
        "$defs": {"A": {}},
        "not": {"type": "null"},
        "if": True,
        "else": False,
    }


def test_schema_orders_keywords_by_vocabulary() -> None:
    schema = models.Schema.model_validate(validation_error_definition)
    assert list(dump(schema)) == ["properties", "type", "required", "title"]
    assert list(dump(schema)["properties"]["loc"]) == ["items", "type", "title"]


def test_schema_drops_null_default_and_keeps_extras() -> None:
    schema = models.Schema.model_validate(
        {"title": "T", "default": None, "x-order": 1, "type": "string"}
    )
    assert dump(schema) == {"type": "string", "title": "T", "x-order": 1}
    assert list(dump(schema)) == ["type", "title", "x-order"]


def test_schema_constraints_are_checked() -> None:
    with pytest.raises(ValidationError):
        models.Schema(minLength=-1)
    with pytest.raises(ValidationError):
        models.Schema(multipleOf=0)


def test_schema_example_is_deprecated() -> None:
    field = models.Schema.model_fields["example"]
    assert field.deprecated is not None


def test_security_scheme_defaults() -> None:
    api_key = models.APIKey.model_validate({"in": "header", "name": "X-Key"})
    assert dump(api_key) == {"type": "apiKey", "in": "header", "name": "X-Key"}
    assert dump(models.HTTPBearer()) == {"type": "http", "scheme": "bearer"}
    assert dump(models.HTTPBase(scheme="basic", description="d")) == {
        "type": "http",
        "description": "d",
        "scheme": "basic",
    }
    flows = models.OAuthFlows(password=models.OAuthFlowPassword(tokenUrl="token"))
    assert dump(models.OAuth2(flows=flows)) == {
        "type": "oauth2",
        "flows": {"password": {"scopes": {}, "tokenUrl": "token"}},
    }
    assert dump(models.OpenIdConnect(openIdConnectUrl="u")) == {
        "type": "openIdConnect",
        "openIdConnectUrl": "u",
    }
    assert models.SecuritySchemeType("oauth2") is models.SecuritySchemeType.oauth2
    assert {member.value for member in models.APIKeyIn} == {"query", "header", "cookie"}


def test_example_allows_extra_keys() -> None:
    media = models.MediaType.model_validate(
        {"examples": {"a": {"summary": "S", "value": 1, "x-note": "n"}}}
    )
    assert dump(media) == {"examples": {"a": {"summary": "S", "value": 1, "x-note": "n"}}}


def test_info_contact_license() -> None:
    info = models.Info.model_validate(
        {
            "version": "1",
            "title": "T",
            "license": {"name": "MIT", "url": "https://mit.example.com"},
            "contact": {"email": "a@example.com", "x-team": "core"},
        }
    )
    assert dump(info) == {
        "title": "T",
        "contact": {"email": "a@example.com", "x-team": "core"},
        "license": {"name": "MIT", "url": "https://mit.example.com/"},
        "version": "1",
    }
    with pytest.raises(ValidationError):
        models.Contact(email="not an e-mail")


def test_server_variables() -> None:
    server = models.Server.model_validate({"url": "/v1", "variables": {"v": {"default": "1"}}})
    assert dump(server) == {"url": "/v1", "variables": {"v": {"default": "1"}}}
    with pytest.raises(ValidationError):
        models.ServerVariable(default="1", enum=[])


def test_plain_dicts_pass_through_paths_unchanged() -> None:
    # With a parameter whose "in" is a plain string, a path item is not a PathItem in strict
    # mode: it is kept as the dict it was, key order included.
    path_item = {
        "get": {"parameters": [{"name": "q", "in": "query"}], "responses": {}, "summary": "S"}
    }
    document = models.OpenAPI.model_validate(
        {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/": path_item}}
    )
    assert document.paths == {"/": path_item}
    assert list(dump(document)["paths"]["/"]["get"]) == ["parameters", "responses", "summary"]


def test_webhooks_are_path_items() -> None:
    document = models.OpenAPI.model_validate(
        {
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "webhooks": {
                "hook": {"post": {"responses": {"200": {"description": "ok"}}, "summary": "S"}}
            },
        }
    )
    assert isinstance(document.webhooks["hook"], models.PathItem)  # type: ignore[index]
    assert list(dump(document)["webhooks"]["hook"]["post"]) == ["summary", "responses"]


def test_components_security_schemes() -> None:
    components = models.Components.model_validate(
        {
            "securitySchemes": {
                "k": {"type": "apiKey", "in": "query", "name": "k"},
                "r": {"$ref": "#/x"},
            }
        }
    )
    schemes = components.securitySchemes
    assert schemes is not None
    assert isinstance(schemes["k"], models.APIKey)
    assert isinstance(schemes["r"], models.Reference)


def test_the_models_json_schemas_carry_no_description_of_ours() -> None:
    # As FastAPI's: used as a response model, they must document the same (no docstring text).
    from pydantic import BaseModel

    from fastapi.openapi import models

    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel:
            assert "description" not in value.model_json_schema(), value


def test_contact_email_is_validated_as_email_str() -> None:
    from pydantic import EmailStr, TypeAdapter

    email_str = TypeAdapter(EmailStr)
    for address in ("Ann.Lee@EXAMPLE.com", "  bob@example.org "):
        contact = models.Contact(email=address)
        assert contact.email == email_str.validate_python(address)
    assert models.Contact(email="Ann@EXAMPLE.com").email == "Ann@example.com"
    with pytest.raises(ValidationError) as ours:
        models.Contact(email="not an address")
    with pytest.raises(ValidationError) as pydantic_s:
        email_str.validate_python("not an address")
    assert ours.value.errors()[0]["msg"] == pydantic_s.value.errors()[0]["msg"]
    assert models.EmailStr is EmailStr


def test_email_validator_is_imported_only_for_a_contact_email() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from fastapi import FastAPI\n"
        "app = FastAPI(contact={'name': 'n'})\n"
        "app.openapi()\n"
        "assert 'email_validator' not in sys.modules\n"
        "FastAPI(contact={'email': 'a@example.com'}).openapi()\n"
        "assert 'email_validator' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)


def test_without_email_validator_a_contact_email_is_any_string() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.modules['email_validator'] = None  # as if it were not installed\n"
        "from fastapi import FastAPI\n"
        "document = FastAPI(contact={'email': 'not an address'}).openapi()\n"
        "assert document['info']['contact'] == {'email': 'not an address'}, document\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "email-validator not installed" in done.stderr
