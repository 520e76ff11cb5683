from starlette.middleware.wsgi import WSGIMiddleware as WSGIMiddleware
