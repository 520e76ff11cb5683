"""An OAuth2-password-like login form, hand written and with OAuth2PasswordRequestForm(Strict)."""
from typing import Annotated, Union

from fastapi import Depends, FastAPI, Form
from fastapi.security import OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict

app = FastAPI()


@app.post("/token")
def token(
    username: Annotated[str, Form()],
    password: Annotated[str, Form(json_schema_extra={"format": "password"})],
    grant_type: Annotated[Union[str, None], Form(pattern="^password$")] = None,
    scope: Annotated[str, Form()] = "",
    client_id: Annotated[Union[str, None], Form()] = None,
    client_secret: Annotated[Union[str, None], Form()] = None,
):
    return {
        "username": username,
        "password": password,
        "grant_type": grant_type,
        "scopes": scope.split(),
        "client_id": client_id,
        "client_secret": client_secret,
    }


@app.post("/token-strict")
def token_strict(
    grant_type: Annotated[str, Form(pattern="^password$")],
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
):
    return {"grant_type": grant_type, "username": username}


@app.post("/builtin")
def builtin(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    return {
        "username": form.username,
        "password": form.password,
        "grant_type": form.grant_type,
        "scopes": form.scopes,
        "client_id": form.client_id,
        "client_secret": form.client_secret,
    }


@app.post("/builtin-strict")
def builtin_strict(form: OAuth2PasswordRequestFormStrict = Depends()):
    return {"username": form.username, "grant_type": form.grant_type, "scopes": form.scopes}


CASES = [
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "grant_type": "password",
                                                "scope": "read write  admin", "client_id": "c", "client_secret": "s"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "grant_type": "client_credentials"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "grant_type": "Password"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "grant_type": "password\n"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "grant_type": ""}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "secret", "scope": ""}},
    {"method": "POST", "url": "/token", "data": {"username": "", "password": ""}},
    {"method": "POST", "url": "/token", "data": {"username": "alice"}},
    {"method": "POST", "url": "/token", "json": {"username": "alice", "password": "secret"}},
    {"method": "POST", "url": "/token"},
    {"method": "POST", "url": "/token-strict", "data": {"grant_type": "password", "username": "u", "password": "p"}},
    {"method": "POST", "url": "/token-strict", "data": {"username": "u", "password": "p"}},
    {"method": "POST", "url": "/token-strict", "data": {"grant_type": "", "username": "u", "password": "p"}},
    {"method": "POST", "url": "/token-strict", "data": {"grant_type": "refresh_token", "username": "u", "password": "p"}},
    {"method": "POST", "url": "/builtin", "data": {"username": "bob", "password": "pw"}},
    {"method": "POST", "url": "/builtin", "data": {"username": "bob", "password": "pw", "scope": "a b", "grant_type": "password",
                                                  "client_id": "cid", "client_secret": "cs"}},
    {"method": "POST", "url": "/builtin", "data": {"username": "bob", "password": "pw", "grant_type": "bogus"}},
    {"method": "POST", "url": "/builtin", "data": {"username": "bob", "password": "pw", "grant_type": ""}},
    {"method": "POST", "url": "/builtin"},
    {"method": "POST", "url": "/builtin", "headers": {"content-type": "multipart/form-data; boundary=oa"},
     "files": {"username": (None, "mp"), "password": (None, "pw")}},
    {"method": "POST", "url": "/builtin-strict", "data": {"username": "bob", "password": "pw", "grant_type": "password"}},
    {"method": "POST", "url": "/builtin-strict", "data": {"username": "bob", "password": "pw"}},
    {"method": "POST", "url": "/builtin-strict", "data": {"username": "bob", "password": "pw", "grant_type": ""}},
    {"method": "POST", "url": "/builtin-strict", "data": {"username": "bob", "password": "pw", "grant_type": "nope",
                                                         "scope": "x"}},
]
