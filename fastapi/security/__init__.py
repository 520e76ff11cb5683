"""Security schemes: dependencies that read credentials and describe themselves in OpenAPI.

The schemes are imported on first use (they pull in the OpenAPI models).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi._lazy import lazy_attributes

_EXPORTS = {
    "APIKeyCookie": "fastapi.security.api_key",
    "APIKeyHeader": "fastapi.security.api_key",
    "APIKeyQuery": "fastapi.security.api_key",
    "HTTPAuthorizationCredentials": "fastapi.security.http",
    "HTTPBasic": "fastapi.security.http",
    "HTTPBasicCredentials": "fastapi.security.http",
    "HTTPBearer": "fastapi.security.http",
    "HTTPDigest": "fastapi.security.http",
    "OAuth2": "fastapi.security.oauth2",
    "OAuth2AuthorizationCodeBearer": "fastapi.security.oauth2",
    "OAuth2PasswordBearer": "fastapi.security.oauth2",
    "OAuth2PasswordRequestForm": "fastapi.security.oauth2",
    "OAuth2PasswordRequestFormStrict": "fastapi.security.oauth2",
    "SecurityScopes": "fastapi.security.scopes",
    "OpenIdConnect": "fastapi.security.open_id_connect_url",
}

__all__ = [
    "APIKeyCookie",
    "APIKeyHeader",
    "APIKeyQuery",
    "HTTPAuthorizationCredentials",
    "HTTPBasic",
    "HTTPBasicCredentials",
    "HTTPBearer",
    "HTTPDigest",
    "OAuth2",
    "OAuth2AuthorizationCodeBearer",
    "OAuth2PasswordBearer",
    "OAuth2PasswordRequestForm",
    "OAuth2PasswordRequestFormStrict",
    "OpenIdConnect",
    "SecurityScopes",
]

if TYPE_CHECKING:  # pragma: no cover
    from fastapi.security.api_key import APIKeyCookie as APIKeyCookie
    from fastapi.security.api_key import APIKeyHeader as APIKeyHeader
    from fastapi.security.api_key import APIKeyQuery as APIKeyQuery
    from fastapi.security.http import HTTPAuthorizationCredentials as HTTPAuthorizationCredentials
    from fastapi.security.http import HTTPBasic as HTTPBasic
    from fastapi.security.http import HTTPBasicCredentials as HTTPBasicCredentials
    from fastapi.security.http import HTTPBearer as HTTPBearer
    from fastapi.security.http import HTTPDigest as HTTPDigest
    from fastapi.security.oauth2 import OAuth2 as OAuth2
    from fastapi.security.oauth2 import (
        OAuth2AuthorizationCodeBearer as OAuth2AuthorizationCodeBearer,
    )
    from fastapi.security.oauth2 import OAuth2PasswordBearer as OAuth2PasswordBearer
    from fastapi.security.oauth2 import OAuth2PasswordRequestForm as OAuth2PasswordRequestForm
    from fastapi.security.oauth2 import (
        OAuth2PasswordRequestFormStrict as OAuth2PasswordRequestFormStrict,
    )
    from fastapi.security.oauth2 import SecurityScopes as SecurityScopes
    from fastapi.security.open_id_connect_url import OpenIdConnect as OpenIdConnect


__getattr__ = lazy_attributes(
    "fastapi.security",
    _EXPORTS,
    submodules=("api_key", "base", "http", "oauth2", "open_id_connect_url", "utils"),
)
