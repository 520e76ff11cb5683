"""FastAPI 0.116's public import paths exist here and keep their meaning.

The lists were taken from the published FastAPI 0.116.1 by listing its modules (black box):
the names users and libraries import, not every private helper. Objects FastAPI re-exports
from Starlette must be Starlette's own; a few values and class relations are checked too.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from pathlib import PurePosixPath
from typing import Any

import pytest
import starlette.status
from pydantic.fields import FieldInfo

import fastapi
from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore:starlette.middleware.wsgi is deprecated")

MODULES = [
    "fastapi", "fastapi.__main__", "fastapi._compat", "fastapi.applications", "fastapi.background",
    "fastapi.cli", "fastapi.concurrency", "fastapi.datastructures", "fastapi.dependencies",
    "fastapi.dependencies.models", "fastapi.dependencies.utils", "fastapi.encoders",
    "fastapi.exception_handlers", "fastapi.exceptions", "fastapi.logger", "fastapi.middleware",
    "fastapi.middleware.cors", "fastapi.middleware.gzip", "fastapi.middleware.httpsredirect",
    "fastapi.middleware.trustedhost", "fastapi.middleware.wsgi", "fastapi.openapi",
    "fastapi.openapi.constants", "fastapi.openapi.docs", "fastapi.openapi.models",
    "fastapi.openapi.utils", "fastapi.param_functions", "fastapi.params", "fastapi.requests",
    "fastapi.responses", "fastapi.routing", "fastapi.security", "fastapi.security.api_key",
    "fastapi.security.base", "fastapi.security.http", "fastapi.security.oauth2",
    "fastapi.security.open_id_connect_url", "fastapi.security.utils", "fastapi.staticfiles",
    "fastapi.templating", "fastapi.testclient", "fastapi.types", "fastapi.utils", "fastapi.websockets",
]  # fmt: skip

PUBLIC_NAMES: dict[str, list[str]] = {
    "fastapi": [
        "APIRouter", "BackgroundTasks", "Body", "Cookie", "Depends", "FastAPI", "File",
        "Form", "HTTPException", "Header", "Path", "Query", "Request", "Response",
        "Security", "UploadFile", "WebSocket", "WebSocketDisconnect", "WebSocketException",
        "status", "__version__",
    ],
    "fastapi.responses": [
        "FileResponse", "HTMLResponse", "JSONResponse", "ORJSONResponse",
        "PlainTextResponse", "RedirectResponse", "Response", "StreamingResponse",
        "UJSONResponse",
    ],
    "fastapi.requests": [
        "HTTPConnection", "Request",
    ],
    "fastapi.websockets": [
        "WebSocket", "WebSocketDisconnect", "WebSocketState",
    ],
    "fastapi.background": [
        "BackgroundTasks",
    ],
    "fastapi.concurrency": [
        "asynccontextmanager", "contextmanager_in_threadpool", "iterate_in_threadpool",
        "run_in_threadpool", "run_until_first_complete",
    ],
    "fastapi.datastructures": [
        "Address", "Default", "DefaultPlaceholder", "DefaultType", "FormData", "Headers",
        "QueryParams", "State", "URL", "UploadFile",
    ],
    "fastapi.middleware": [
        "Middleware",
    ],
    "fastapi.middleware.cors": [
        "CORSMiddleware",
    ],
    "fastapi.middleware.gzip": [
        "GZipMiddleware",
    ],
    "fastapi.middleware.httpsredirect": [
        "HTTPSRedirectMiddleware",
    ],
    "fastapi.middleware.trustedhost": [
        "TrustedHostMiddleware",
    ],
    "fastapi.middleware.wsgi": [
        "WSGIMiddleware",
    ],
    "fastapi.staticfiles": [
        "StaticFiles",
    ],
    "fastapi.templating": [
        "Jinja2Templates",
    ],
    "fastapi.testclient": [
        "TestClient",
    ],
    "fastapi.exceptions": [
        "FastAPIError", "HTTPException", "RequestValidationError",
        "ResponseValidationError", "StarletteHTTPException", "ValidationException",
        "WebSocketException", "WebSocketRequestValidationError",
    ],
    "fastapi.exception_handlers": [
        "http_exception_handler", "request_validation_exception_handler",
        "websocket_request_validation_exception_handler",
    ],
    "fastapi.encoders": [
        "ENCODERS_BY_TYPE", "decimal_encoder", "jsonable_encoder",
    ],
    "fastapi.params": [
        "Body", "Cookie", "Depends", "File", "Form", "Header", "Param", "ParamTypes",
        "Path", "Query", "Security",
    ],
    "fastapi.param_functions": [
        "Body", "Cookie", "Depends", "File", "Form", "Header", "Path", "Query", "Security",
    ],
    "fastapi.routing": [
        "APIRoute", "APIRouter", "APIWebSocketRoute", "get_request_handler",
        "request_response", "websocket_session",
    ],
    "fastapi.applications": [
        "FastAPI",
    ],
    "fastapi.security": [
        "APIKeyCookie", "APIKeyHeader", "APIKeyQuery", "HTTPAuthorizationCredentials",
        "HTTPBasic", "HTTPBasicCredentials", "HTTPBearer", "HTTPDigest", "OAuth2",
        "OAuth2AuthorizationCodeBearer", "OAuth2PasswordBearer",
        "OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict", "OpenIdConnect",
        "SecurityScopes",
    ],
    "fastapi.security.api_key": [
        "APIKeyBase", "APIKeyCookie", "APIKeyHeader", "APIKeyQuery",
    ],
    "fastapi.security.base": [
        "SecurityBase",
    ],
    "fastapi.security.http": [
        "HTTPAuthorizationCredentials", "HTTPBase", "HTTPBasic", "HTTPBasicCredentials",
        "HTTPBearer", "HTTPDigest",
    ],
    "fastapi.security.oauth2": [
        "OAuth2", "OAuth2AuthorizationCodeBearer", "OAuth2PasswordBearer",
        "OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict", "SecurityScopes",
    ],
    "fastapi.security.open_id_connect_url": [
        "OpenIdConnect",
    ],
    "fastapi.security.utils": [
        "get_authorization_scheme_param",
    ],
    "fastapi.openapi.constants": [
        "METHODS_WITH_BODY", "REF_PREFIX", "REF_TEMPLATE",
    ],
    "fastapi.openapi.docs": [
        "get_redoc_html", "get_swagger_ui_html", "get_swagger_ui_oauth2_redirect_html",
        "swagger_ui_default_parameters",
    ],
    "fastapi.openapi.models": [
        "APIKey", "APIKeyIn", "BaseModelWithConfig", "Components", "Contact",
        "Discriminator", "Encoding", "Example", "ExternalDocumentation", "HTTPBase",
        "HTTPBearer", "Header", "Info", "License", "Link", "MediaType", "OAuth2",
        "OAuthFlow", "OAuthFlowAuthorizationCode", "OAuthFlowClientCredentials",
        "OAuthFlowImplicit", "OAuthFlowPassword", "OAuthFlows", "OpenAPI", "OpenIdConnect",
        "Operation", "Parameter", "ParameterBase", "ParameterInType", "PathItem",
        "Reference", "RequestBody", "Response", "Schema", "SecurityBase", "SecurityScheme",
        "SecuritySchemeType", "Server", "ServerVariable", "Tag", "XML",
    ],
    "fastapi.openapi.utils": [
        "generate_operation_id", "generate_operation_summary", "get_fields_from_routes",
        "get_openapi", "get_openapi_operation_metadata",
        "get_openapi_operation_request_body", "get_openapi_path",
        "get_openapi_security_definitions", "status_code_ranges",
        "validation_error_definition", "validation_error_response_definition",
    ],
    "fastapi.utils": [
        "create_cloned_field", "create_model_field", "deep_dict_update",
        "generate_operation_id_for_path", "generate_unique_id", "get_path_param_names",
        "get_value_or_default", "is_body_allowed_for_status_code",
    ],
    "fastapi.types": [
        "DecoratedCallable", "IncEx", "ModelNameMap", "UnionType",
    ],
    "fastapi.logger": [
        "logger",
    ],
    "fastapi.dependencies.models": [
        "Dependant", "SecurityRequirement",
    ],
    "fastapi.dependencies.utils": [
        "analyze_param", "get_body_field", "get_dependant", "get_flat_dependant",
        "get_flat_params", "get_param_sub_dependant", "get_parameterless_sub_dependant",
        "get_sub_dependant", "get_typed_annotation", "get_typed_return_annotation",
        "get_typed_signature", "solve_dependencies", "SolvedDependency",
    ],
    "fastapi._compat": [
        "PYDANTIC_V2", "PYDANTIC_VERSION", "BaseConfig", "ErrorWrapper", "ModelField",
        "RequiredParam", "Undefined", "UndefinedType",
        "field_annotation_is_scalar", "field_annotation_is_sequence",
    ],
}

# Names that FastAPI 0.116 re-exports from Starlette: they must be the very same objects.
STARLETTE_OBJECTS: dict[str, str] = {
    "fastapi:Request": "starlette.requests.Request",
    "fastapi:Response": "starlette.responses.Response",
    "fastapi:WebSocket": "starlette.websockets.WebSocket",
    "fastapi:WebSocketDisconnect": "starlette.websockets.WebSocketDisconnect",
    "fastapi.responses:FileResponse": "starlette.responses.FileResponse",
    "fastapi.responses:HTMLResponse": "starlette.responses.HTMLResponse",
    "fastapi.responses:JSONResponse": "starlette.responses.JSONResponse",
    "fastapi.responses:PlainTextResponse": "starlette.responses.PlainTextResponse",
    "fastapi.responses:RedirectResponse": "starlette.responses.RedirectResponse",
    "fastapi.responses:Response": "starlette.responses.Response",
    "fastapi.responses:StreamingResponse": "starlette.responses.StreamingResponse",
    "fastapi.requests:HTTPConnection": "starlette.requests.HTTPConnection",
    "fastapi.requests:Request": "starlette.requests.Request",
    "fastapi.websockets:WebSocket": "starlette.websockets.WebSocket",
    "fastapi.websockets:WebSocketDisconnect": "starlette.websockets.WebSocketDisconnect",
    "fastapi.websockets:WebSocketState": "starlette.websockets.WebSocketState",
    "fastapi.concurrency:iterate_in_threadpool": "starlette.concurrency.iterate_in_threadpool",
    "fastapi.concurrency:run_in_threadpool": "starlette.concurrency.run_in_threadpool",
    "fastapi.concurrency:run_until_first_complete": "starlette.concurrency.run_until_first_complete",
    "fastapi.datastructures:Address": "starlette.datastructures.Address",
    "fastapi.datastructures:FormData": "starlette.datastructures.FormData",
    "fastapi.datastructures:Headers": "starlette.datastructures.Headers",
    "fastapi.datastructures:QueryParams": "starlette.datastructures.QueryParams",
    "fastapi.datastructures:State": "starlette.datastructures.State",
    "fastapi.datastructures:URL": "starlette.datastructures.URL",
    "fastapi.middleware:Middleware": "starlette.middleware.Middleware",
    "fastapi.middleware.cors:CORSMiddleware": "starlette.middleware.cors.CORSMiddleware",
    "fastapi.middleware.gzip:GZipMiddleware": "starlette.middleware.gzip.GZipMiddleware",
    "fastapi.middleware.httpsredirect:HTTPSRedirectMiddleware": "starlette.middleware.httpsredirect.HTTPSRedirectMiddleware",
    "fastapi.middleware.trustedhost:TrustedHostMiddleware": "starlette.middleware.trustedhost.TrustedHostMiddleware",
    "fastapi.middleware.wsgi:WSGIMiddleware": "starlette.middleware.wsgi.WSGIMiddleware",
    "fastapi.staticfiles:StaticFiles": "starlette.staticfiles.StaticFiles",
    "fastapi.templating:Jinja2Templates": "starlette.templating.Jinja2Templates",
    "fastapi.testclient:TestClient": "starlette.testclient.TestClient",
    "fastapi.exceptions:StarletteHTTPException": "starlette.exceptions.HTTPException",
    "fastapi.routing:request_response": "starlette.routing.request_response",
    "fastapi.routing:websocket_session": "starlette.routing.websocket_session",
}

# FastAPI 0.116 imports these two from Starlette; this package wraps its own (reported).
OWN_WRAPPERS = {"fastapi.routing:request_response", "fastapi.routing:websocket_session"}


@pytest.mark.parametrize("module", MODULES)
def test_module_imports(module: str) -> None:
    importlib.import_module(module)


@pytest.mark.parametrize("module", sorted(PUBLIC_NAMES))
def test_public_names_exist(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in PUBLIC_NAMES[module] if not hasattr(mod, name)]
    assert not missing, f"{module} lacks {missing}"


@pytest.mark.parametrize("key", sorted(STARLETTE_OBJECTS))
def test_starlette_objects_are_reexported(key: str) -> None:
    module, name = key.split(":")
    ours = getattr(importlib.import_module(module), name)
    if key in OWN_WRAPPERS:
        assert callable(ours)
        return
    origin, _, attr = STARLETTE_OBJECTS[key].rpartition(".")
    assert ours is getattr(importlib.import_module(origin), attr)


def test_status_is_starlettes() -> None:
    from fastapi import status

    names = {n for n in dir(starlette.status) if n.startswith(("HTTP_", "WS_"))}
    assert names <= set(dir(status))
    assert status.HTTP_418_IM_A_TEAPOT == 418
    assert status.WS_1008_POLICY_VIOLATION == 1008


def test_version_logger_and_constants() -> None:
    from fastapi.logger import logger
    from fastapi.openapi.constants import METHODS_WITH_BODY, REF_PREFIX, REF_TEMPLATE
    from fastapi.openapi.docs import swagger_ui_default_parameters
    from fastapi.openapi.utils import status_code_ranges

    assert fastapi.__version__ == "0.116.1"
    assert isinstance(logger, logging.Logger) and logger.name == "fastapi"
    assert METHODS_WITH_BODY == {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"}
    assert (REF_PREFIX, REF_TEMPLATE) == ("#/components/schemas/", "#/components/schemas/{model}")
    assert swagger_ui_default_parameters == {
        "dom_id": "#swagger-ui",
        "layout": "BaseLayout",
        "deepLinking": True,
        "showExtensions": True,
        "showCommonExtensions": True,
    }
    assert status_code_ranges["4XX"] == "Client Error"
    assert status_code_ranges["DEFAULT"] == "Default Response"


def test_class_relations() -> None:
    import starlette.exceptions
    import starlette.routing

    from fastapi import exceptions, params, routing
    from fastapi.security import (
        HTTPBearer,
        OAuth2PasswordBearer,
        OAuth2PasswordRequestForm,
        OAuth2PasswordRequestFormStrict,
    )
    from fastapi.security.base import SecurityBase

    assert issubclass(exceptions.FastAPIError, RuntimeError)
    assert issubclass(exceptions.HTTPException, starlette.exceptions.HTTPException)
    assert issubclass(exceptions.WebSocketException, starlette.exceptions.WebSocketException)
    for error in (
        exceptions.RequestValidationError,
        exceptions.WebSocketRequestValidationError,
        exceptions.ResponseValidationError,
    ):
        assert issubclass(error, exceptions.ValidationException)
    for param in (params.Query, params.Path, params.Header, params.Cookie):
        assert issubclass(param, params.Param) and issubclass(param, FieldInfo)
    assert issubclass(params.File, params.Form) and issubclass(params.Form, params.Body)
    assert issubclass(params.Security, params.Depends)
    assert issubclass(routing.APIRoute, starlette.routing.Route)
    assert issubclass(routing.APIWebSocketRoute, starlette.routing.WebSocketRoute)
    assert issubclass(routing.APIRouter, starlette.routing.Router)
    assert issubclass(OAuth2PasswordBearer, SecurityBase) and issubclass(HTTPBearer, SecurityBase)
    assert issubclass(OAuth2PasswordRequestFormStrict, OAuth2PasswordRequestForm)


def test_jsonable_encoder_paths() -> None:
    from fastapi.encoders import jsonable_encoder

    assert jsonable_encoder({"p": PurePosixPath("a/b")}) == {"p": "a/b"}


@pytest.mark.parametrize(
    ("class_name", "library"),
    [("ORJSONResponse", "orjson"), ("UJSONResponse", "ujson")],
)
def test_optional_json_libraries_missing(monkeypatch: pytest.MonkeyPatch, class_name: str, library: str) -> None:
    import fastapi.responses

    monkeypatch.setattr(fastapi.responses, library, None)
    response_class: Any = getattr(fastapi.responses, class_name)
    message = f"{library} must be installed to use {class_name}"
    with pytest.raises(AssertionError) as info:
        response_class({"a": 1})
    assert str(info.value) == message

    app = fastapi.FastAPI(default_response_class=response_class)

    @app.get("/")
    def root() -> dict[str, int]:
        return {"a": 1}

    assert TestClient(app, raise_server_exceptions=False).get("/").status_code == 500
    with pytest.raises(AssertionError, match=message):
        TestClient(app).get("/")


@pytest.mark.parametrize(
    ("class_name", "library"),
    [("ORJSONResponse", "orjson"), ("UJSONResponse", "ujson")],
)
def test_optional_json_libraries_installed(class_name: str, library: str) -> None:
    pytest.importorskip(library)
    import fastapi.responses

    response = getattr(fastapi.responses, class_name)({"a": [1, "é"]})
    assert response.media_type == "application/json"
    assert response.body.decode() in ('{"a":[1,"é"]}', '{"a": [1, "é"]}')


def test_cli_entry_points() -> None:
    from fastapi.cli import main

    assert callable(main)


def _string_annotated(a: int, b: str = "x") -> int: ...  # strings: __future__ annotations


def test_typed_signature_helpers_evaluate_strings_and_keep_no_return_annotation() -> None:
    from fastapi.dependencies.utils import get_typed_return_annotation, get_typed_signature

    signature = get_typed_signature(_string_annotated)
    assert [(p.name, p.annotation, p.default) for p in signature.parameters.values()] == [
        ("a", int, inspect.Parameter.empty),
        ("b", str, "x"),
    ]
    assert signature.return_annotation is inspect.Signature.empty
    assert get_typed_return_annotation(_string_annotated) is int
    assert get_typed_return_annotation(test_class_relations) is None


def test_unknown_keywords_of_params_reach_the_schema_without_a_warning() -> None:
    # As in FastAPI (Pydantic's Field warns about them; test suites run with -W error pass).
    import warnings

    from fastapi import Body, Query

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        query = Query(None, min_items=1, x_custom="yes")
        body = Body(None, json_schema_extra={"a": 1}, x_more=2)
    assert query.json_schema_extra == {"min_items": 1, "x_custom": "yes"}
    assert body.json_schema_extra == {"a": 1}  # FastAPI's rule: a given json_schema_extra wins
    assert Query().json_schema_extra == {}


def test_submodules_are_reachable_as_attributes_after_a_bare_import() -> None:
    # FastAPI imports these with the package; here they load on first use, as attributes too.
    import subprocess
    import sys

    code = (
        "import fastapi; "
        "fastapi.openapi.utils.get_openapi; fastapi.openapi.docs.get_swagger_ui_html; "
        "fastapi.openapi.models.OpenAPI; fastapi.openapi.constants.REF_PREFIX; "
        "fastapi.security.http.HTTPBasic; fastapi.security.oauth2.OAuth2; "
        "fastapi.security.api_key.APIKeyHeader; fastapi.security.utils; "
        "fastapi.security.open_id_connect_url.OpenIdConnect"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_path_param_names_are_what_stands_between_braces() -> None:
    from fastapi.dependencies.utils import get_path_param_names as from_dependencies
    from fastapi.utils import get_path_param_names

    path = "/a/{b}/{c:path}/{d:int}"
    assert get_path_param_names(path) == from_dependencies(path) == {"b", "c:path", "d:int"}
