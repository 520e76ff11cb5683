"""The Swagger UI and ReDoc files bundled into the package (see ``hatch_build.py``)."""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).parent / "static"
MOUNT_PATH = "/_docs/static"
SWAGGER_JS = "swagger-ui/swagger-ui-bundle.js"
SWAGGER_CSS = "swagger-ui/swagger-ui.css"
SWAGGER_FAVICON = "swagger-ui/favicon-32x32.png"
REDOC_JS = "redoc/redoc.standalone.js"


def assets_directory() -> Path:
    """The directory of the bundled files, or a RuntimeError saying why they are missing."""
    if all(
        (STATIC / name).is_file() for name in (SWAGGER_JS, SWAGGER_CSS, SWAGGER_FAVICON, REDOC_JS)
    ):
        return STATIC
    raise RuntimeError(
        "FastAPI(offline_docs=True) serves the docs pages' Swagger UI and ReDoc files from the "
        "package, but this installation was built without them (neither npm nor the "
        "openapi-ui-bundles package was available at build time). Install a published wheel, "
        "or rebuild with one of them."
    )
