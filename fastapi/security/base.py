from __future__ import annotations

from typing import Any


class SecurityBase:
    """A security scheme: a dependency that reads credentials and documents itself."""

    model: Any
    scheme_name: str
    # OAuth2 and OpenID Connect requirements list the scopes an operation needs.
    uses_scopes: bool = False
