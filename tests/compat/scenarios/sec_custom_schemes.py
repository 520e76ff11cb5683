"""User-defined schemes: subclasses of the built-in ones (a bearer token also accepted from a
cookie, an API key with a custom error), and a scheme written from SecurityBase with an OAuth2
model (scopes are listed for OAuth2/OpenIdConnect subclasses only)."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, HTTPException, Request, Security
from fastapi.openapi.models import OAuth2 as OAuth2Model
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordBearer, OpenIdConnect
from fastapi.security.base import SecurityBase

app = FastAPI()


class OAuth2PasswordBearerWithCookie(OAuth2PasswordBearer):
    async def __call__(self, request: Request) -> Optional[str]:
        cookie = request.cookies.get("access_token")
        if cookie:
            return cookie
        return await super().__call__(request)


class StrictKey(APIKeyHeader):
    async def __call__(self, request: Request) -> Optional[str]:
        key = await super().__call__(request)
        if key is not None and not key.startswith("k-"):
            raise HTTPException(status_code=401, detail="Bad key", headers={"WWW-Authenticate": "ApiKey"})
        return key


class ClientCredentials(SecurityBase):
    def __init__(self, token_url: str):
        self.model = OAuth2Model(flows=OAuthFlows(clientCredentials=OAuthFlowClientCredentials(tokenUrl=token_url, scopes={"svc": "Service"})))
        self.scheme_name = "ClientCreds"

    async def __call__(self, request: Request) -> Optional[str]:
        return request.headers.get("x-client")


class MyBearer(HTTPBearer):
    pass


class MyOIDC(OpenIdConnect):
    pass


cookie_bearer = OAuth2PasswordBearerWithCookie(tokenUrl="token", scopes={"a": "A"})
strict_key = StrictKey(name="x-key", auto_error=False)
client_creds = ClientCredentials("/cc")
my_bearer = MyBearer(bearerFormat="opaque")
my_oidc = MyOIDC(openIdConnectUrl="/oidc", auto_error=False)


@app.get("/cookie-or-header")
def cookie_or_header(token: Annotated[str, Security(cookie_bearer, scopes=["a"])]):
    return {"token": token}


@app.get("/strict-key")
def read_strict_key(key: Annotated[Optional[str], Depends(strict_key)]):
    return {"key": key}


@app.get("/client")
def read_client(client: Annotated[Optional[str], Security(client_creds, scopes=["svc"])]):
    return {"client": client}


@app.get("/my-bearer")
def read_my_bearer(cred: Annotated[object, Depends(my_bearer)]):
    return cred


@app.get("/my-oidc")
def read_my_oidc(token: Annotated[Optional[str], Security(my_oidc, scopes=["openid", "email"])]):
    return {"token": token}


class Wrapper:
    def __init__(self, scheme: OAuth2PasswordBearer):
        self.scheme = scheme

    async def __call__(self, token: Annotated[str, Depends(cookie_bearer)]):
        return token.upper()


@app.get("/wrapped")
def wrapped(token: Annotated[str, Security(Wrapper(cookie_bearer), scopes=["w"])]):
    return {"token": token}


@app.get("/uncached")
def uncached(
    a: Annotated[str, Depends(cookie_bearer, use_cache=False)],
    b: Annotated[str, Depends(cookie_bearer)],
):
    return [a, b]


CASES = [
    {"method": "GET", "url": "/cookie-or-header"},
    {"method": "GET", "url": "/cookie-or-header", "headers": {"cookie": "access_token=from-cookie"}},
    {"method": "GET", "url": "/cookie-or-header", "headers": {"authorization": "Bearer from-header"}},
    {"method": "GET", "url": "/cookie-or-header", "headers": {"authorization": "Bearer h", "cookie": "access_token=c"}},
    {"method": "GET", "url": "/strict-key"},
    {"method": "GET", "url": "/strict-key", "headers": {"x-key": "k-1"}},
    {"method": "GET", "url": "/strict-key", "headers": {"x-key": "bad"}},
    {"method": "GET", "url": "/client"},
    {"method": "GET", "url": "/client", "headers": {"x-client": "svc"}},
    {"method": "GET", "url": "/my-bearer"},
    {"method": "GET", "url": "/my-bearer", "headers": {"authorization": "Bearer t"}},
    {"method": "GET", "url": "/my-bearer", "headers": {"authorization": "Token t"}},
    {"method": "GET", "url": "/my-oidc"},
    {"method": "GET", "url": "/my-oidc", "headers": {"authorization": "x"}},
    {"method": "GET", "url": "/wrapped", "headers": {"authorization": "Bearer abc"}},
    {"method": "GET", "url": "/wrapped"},
    {"method": "GET", "url": "/uncached", "headers": {"authorization": "Bearer abc"}},
]
