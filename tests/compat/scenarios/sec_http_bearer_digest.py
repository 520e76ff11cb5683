"""HTTPBearer, HTTPDigest and a bare HTTPBase: scheme matching, empty credentials,
auto_error=False, bearerFormat/description/scheme_name in the OpenAPI document."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, HTTPDigest
from fastapi.security.http import HTTPBase

app = FastAPI()

bearer = HTTPBearer()
bearer_jwt = HTTPBearer(bearerFormat="JWT", description="A JWT", scheme_name="JWTBearer")
bearer_optional = HTTPBearer(auto_error=False)
digest = HTTPDigest()
digest_optional = HTTPDigest(auto_error=False, description="optional digest")
custom = HTTPBase(scheme="Custom", description="custom scheme")
custom_optional = HTTPBase(scheme="other", scheme_name="OtherOptional", auto_error=False)


def dump(credentials: Optional[HTTPAuthorizationCredentials]):
    if credentials is None:
        return None
    return {"scheme": credentials.scheme, "credentials": credentials.credentials, "type": type(credentials).__name__}


@app.get("/bearer")
def read_bearer(credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]):
    return dump(credentials)


@app.get("/bearer-jwt")
def read_bearer_jwt(credentials: HTTPAuthorizationCredentials = Security(bearer_jwt)):
    return credentials


@app.get("/bearer-optional")
def read_bearer_optional(credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer_optional)]):
    return {"credentials": dump(credentials)}


@app.get("/digest")
def read_digest(credentials: Annotated[HTTPAuthorizationCredentials, Depends(digest)]):
    return dump(credentials)


@app.get("/digest-optional")
def read_digest_optional(credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(digest_optional)]):
    return {"credentials": dump(credentials)}


@app.get("/custom")
def read_custom(credentials: Annotated[HTTPAuthorizationCredentials, Depends(custom)]):
    return dump(credentials)


@app.get("/custom-optional")
def read_custom_optional(credentials: Annotated[Optional[HTTPAuthorizationCredentials], Security(custom_optional, scopes=["ignored"])]):
    return {"credentials": dump(credentials)}


VARIANTS = [
    None,
    "Bearer abc.def.ghi",
    "bearer abc",
    "BEARER abc",
    "Bearer",
    "Bearer ",
    "Bearer  abc",
    "Bearer abc def",
    " Bearer abc",
    "Bearer\tabc",
    "Basic abc",
    "Digest username=\"u\", realm=\"r\", nonce=\"n\"",
    "digest abc",
    "Digest",
    "Digest ",
    "Custom token",
    "custom token",
    "Custom",
    "Other x",
    "",
    "abc",
]

CASES = []
for path in ("/bearer", "/bearer-jwt", "/bearer-optional", "/digest", "/digest-optional", "/custom", "/custom-optional"):
    for value in VARIANTS:
        case = {"method": "GET", "url": path, "name": f"{path} {value!r}"}
        if value is not None:
            case["headers"] = {"authorization": value}
        CASES.append(case)
CASES.append({"method": "GET", "url": "/bearer", "headers": {"Authorization": "Bearer upper-header-name"}})
CASES.append({"method": "GET", "url": "/bearer", "headers": [(b"authorization", b"Bearer caf\xe9")], "name": "latin-1 token"})
