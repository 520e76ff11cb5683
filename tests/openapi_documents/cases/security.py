"""Security schemes declared by dependencies, shared and repeated, on routes and webhooks."""

from fastapi import Depends, FastAPI
from fastapi.openapi.models import (
    APIKey,
    HTTPBase,
    HTTPBearer,
    OAuth2,
    OAuthFlowPassword,
    OAuthFlows,
    OpenIdConnect,
)
from fastapi.security.base import SecurityBase


class Key(SecurityBase):
    def __init__(self, model, name):
        self.model = model
        self.scheme_name = name

    def __call__(self):
        return "k"


k1 = Key(APIKey(**{"in": "header"}, name="X-Key", description="d"), "KeyAuth")
k2 = Key(HTTPBearer(bearerFormat="JWT"), "Bearer")
k3 = Key(HTTPBase(scheme="basic"), "Basic")
k4 = Key(
    OAuth2(flows=OAuthFlows(password=OAuthFlowPassword(tokenUrl="tok", scopes={"a": "A"}))), "OAuth"
)
k5 = Key(OpenIdConnect(openIdConnectUrl="http://x"), "OIDC")


def sub(a=Depends(k1), b=Depends(k2)):
    return a


app = FastAPI()


@app.get("/a")
def a(x=Depends(sub), y=Depends(k3), z=Depends(k4), w=Depends(k5), again=Depends(k1)):
    return {}


@app.get("/b", dependencies=[Depends(k2)])
def b(q: int):
    return {}


@app.webhooks.post("hook")
def hook(x=Depends(k1)):
    pass
