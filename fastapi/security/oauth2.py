"""OAuth2 building blocks."""

from __future__ import annotations


class SecurityScopes:
    """The OAuth2 scopes required by every ``Security`` dependency up the chain to this one.

    Declare a parameter with this type in a dependency to read them.
    """

    def __init__(self, scopes: list[str] | None = None) -> None:
        self.scopes: list[str] = scopes or []
        self.scope_str: str = " ".join(self.scopes)
