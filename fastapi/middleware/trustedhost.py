from starlette.middleware.trustedhost import TrustedHostMiddleware as TrustedHostMiddleware  # noqa: F401
