"""``Limits``: what one request may carry, set with ``FastAPI(limits=Limits(...))``."""

from fastapi._core.limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_LIMITS", "Limits"]
