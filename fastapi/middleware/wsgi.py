from starlette.middleware.wsgi import WSGIMiddleware as WSGIMiddleware  # noqa: F401
