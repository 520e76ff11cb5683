"""fastapi._core.security: a scheme's identity, and the scopes a dependency is told."""

from __future__ import annotations

from fastapi._core.security import SecurityBase, SecurityScopes


def test_scopes_as_a_list_and_as_one_string() -> None:
    scopes = SecurityScopes(["items:read", "me"])
    assert (scopes.scopes, scopes.scope_str) == (["items:read", "me"], "items:read me")
    assert (SecurityScopes().scopes, SecurityScopes().scope_str) == ([], "")


def test_a_scheme_is_named_after_its_class_unless_named() -> None:
    class TokenHeader(SecurityBase):
        pass

    scheme = TokenHeader()
    assert scheme._name_or_default(None) == "TokenHeader"
    assert scheme._name_or_default("") == "TokenHeader"
    assert scheme._name_or_default("custom") == "custom"
    assert TokenHeader.uses_scopes is False
