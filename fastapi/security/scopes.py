"""``SecurityScopes``: kept apart so that analysing a route does not import every scheme."""

from __future__ import annotations

from typing import Optional


class SecurityScopes:
    """The OAuth2 scopes required by every ``Security`` dependency up the chain to this one.

    Declare a parameter with this type in a dependency to read them: ``scopes`` as a list,
    ``scope_str`` as one space-separated string.
    """

    def __init__(self, scopes: Optional[list[str]] = None) -> None:
        self.scopes: list[str] = scopes or []
        self.scope_str: str = " ".join(self.scopes)
