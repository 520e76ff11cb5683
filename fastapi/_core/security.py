"""What the engine knows of security: a scheme is a dependency, and scopes can be injected."""

from __future__ import annotations

from typing import Any


class SecurityBase:
    """A security scheme: a dependency that reads credentials and documents itself.

    ``model`` is the scheme's OpenAPI description (an entry of
    ``components.securitySchemes``) and ``scheme_name`` the key it is published under.
    """

    model: Any
    scheme_name: str
    # OAuth2 and OpenID Connect requirements list the scopes an operation needs.
    uses_scopes: bool = False

    def _name_or_default(self, scheme_name: str | None) -> str:
        """The given scheme name, or the class name when none (or an empty one) is given."""
        return scheme_name or type(self).__name__


class SecurityScopes:
    """The OAuth2 scopes required by every ``Security`` dependency up the chain to this one.

    Declare a parameter with this type in a dependency to read them: ``scopes`` as a list,
    ``scope_str`` as one space-separated string.
    """

    def __init__(self, scopes: list[str] | None = None) -> None:
        self.scopes: list[str] = scopes or []
        self.scope_str: str = " ".join(self.scopes)
