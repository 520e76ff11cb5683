"""OAuth2PasswordBearer, OAuth2AuthorizationCodeBearer, the OAuth2 base class (flows as a dict
or an OAuthFlows model) and OpenIdConnect: header parsing, 401/403 and WWW-Authenticate,
auto_error=False, and what each contributes to the OpenAPI document."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Security
from fastapi.openapi.models import OAuthFlowImplicit, OAuthFlows
from fastapi.security import (
    OAuth2,
    OAuth2AuthorizationCodeBearer,
    OAuth2PasswordBearer,
    OpenIdConnect,
)

app = FastAPI()

password = OAuth2PasswordBearer(tokenUrl="/auth/token")
password_full = OAuth2PasswordBearer(
    "token", "FullPassword", {"read": "Read things", "write": "Write things"}, "Password flow", True, "/refresh"
)
password_optional = OAuth2PasswordBearer(tokenUrl="token", auto_error=False, scheme_name="OptionalPassword")
code = OAuth2AuthorizationCodeBearer(authorizationUrl="https://example.com/authorize", tokenUrl="https://example.com/token")
code_full = OAuth2AuthorizationCodeBearer(
    "authorize", "token", "refresh", "FullCode", {"openid": "OpenID", "profile": "Profile"}, "Code flow"
)
code_optional = OAuth2AuthorizationCodeBearer("a", "t", auto_error=False, scheme_name="OptionalCode")
base_default = OAuth2()
base_dict = OAuth2(
    flows={
        "implicit": {"authorizationUrl": "https://example.com/implicit", "scopes": {"a": "A"}},
        "clientCredentials": {"tokenUrl": "https://example.com/cc"},
    },
    scheme_name="DictFlows",
    description="flows from a dict",
)
base_model = OAuth2(
    flows=OAuthFlows(implicit=OAuthFlowImplicit(authorizationUrl="/implicit", refreshUrl="/refresh")),
    scheme_name="ModelFlows",
)
base_optional = OAuth2(flows={"password": {"tokenUrl": "t", "scopes": {}}}, scheme_name="OptionalBase", auto_error=False)
oidc = OpenIdConnect(openIdConnectUrl="https://example.com/.well-known/openid-configuration")
oidc_optional = OpenIdConnect(openIdConnectUrl="/oidc", scheme_name="OptionalOIDC", description="optional", auto_error=False)


@app.get("/password")
def read_password(token: Annotated[str, Depends(password)]):
    return {"token": token}


@app.get("/password-full")
def read_password_full(token: Annotated[str, Security(password_full, scopes=["read"])]):
    return {"token": token}


@app.get("/password-optional")
def read_password_optional(token: Annotated[Optional[str], Depends(password_optional)]):
    return {"token": token}


@app.get("/code")
def read_code(token: Annotated[str, Depends(code)]):
    return {"token": token}


@app.get("/code-full")
def read_code_full(token: Annotated[str, Security(code_full, scopes=["openid", "profile"])]):
    return {"token": token}


@app.get("/code-optional")
def read_code_optional(token: Annotated[Optional[str], Depends(code_optional)]):
    return {"token": token}


@app.get("/base")
def read_base(token: Annotated[str, Depends(base_default)]):
    return {"token": token}


@app.get("/base-dict")
def read_base_dict(token: Annotated[str, Security(base_dict, scopes=["a"])]):
    return {"token": token}


@app.get("/base-model")
def read_base_model(token: Annotated[str, Depends(base_model)]):
    return {"token": token}


@app.get("/base-optional")
def read_base_optional(token: Annotated[Optional[str], Depends(base_optional)]):
    return {"token": token}


@app.get("/oidc")
def read_oidc(token: Annotated[str, Security(oidc, scopes=["openid"])]):
    return {"token": token}


@app.get("/oidc-optional")
def read_oidc_optional(token: Annotated[Optional[str], Depends(oidc_optional)]):
    return {"token": token}


VARIANTS = [
    None,
    "Bearer abc",
    "bearer abc",
    "BeArEr abc",
    "Bearer",
    "Bearer ",
    "Bearer  abc",
    "Bearer a b c",
    " Bearer abc",
    "Bearer\tabc",
    "Basic abc",
    "Token abc",
    "",
    "abc",
]

CASES = []
for path in ("/password", "/password-full", "/password-optional", "/code", "/code-full", "/code-optional",
             "/base", "/base-dict", "/base-model", "/base-optional", "/oidc", "/oidc-optional"):
    for value in VARIANTS:
        case = {"method": "GET", "url": path, "name": f"{path} {value!r}"}
        if value is not None:
            case["headers"] = {"authorization": value}
        CASES.append(case)
CASES.append({"method": "GET", "url": "/password", "params": {"access_token": "abc"}, "name": "token in query is ignored"})
CASES.append({"method": "GET", "url": "/password", "cookies": {"authorization": "Bearer abc"}, "name": "cookie is ignored"})
