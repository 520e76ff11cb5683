"""``SecurityScopes``: kept apart so that analysing a route does not import every scheme."""

from fastapi._core.security import SecurityScopes as SecurityScopes
