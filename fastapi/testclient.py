"""``TestClient``: call the app in-process through httpx, lifespan included when used with ``with``."""

import warnings

with warnings.catch_warnings():
    # Starlette 1.x prefers the httpx2 fork and warns when it finds plain httpx; FastAPI's own
    # test client works with httpx, so that warning is noise for our users.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from starlette.testclient import TestClient as TestClient
