"""The common ground of every security scheme."""

from typing import Any


def __getattr__(name: str) -> Any:
    # ``SecurityBaseModel`` (the OpenAPI model) is imported on demand: the OpenAPI models are
    # not needed to serve requests.
    if name == "SecurityBaseModel":
        from fastapi.openapi.models import SecurityBase

        return SecurityBase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SecurityBase:
    """A security scheme: a dependency that reads credentials and documents itself.

    ``model`` is the scheme's OpenAPI description (an entry of
    ``components.securitySchemes``) and ``scheme_name`` the key it is published under.
    """

    model: Any
    scheme_name: str
    # OAuth2 and OpenID Connect requirements list the scopes an operation needs.
    uses_scopes: bool = False

    def _name_or_default(self, scheme_name: "str | None") -> str:
        """The given scheme name, or the class name when none (or an empty one) is given."""
        return scheme_name or type(self).__name__
