"""Build hook: bundle Swagger UI and ReDoc into the package.

``FastAPI(offline_docs=True)`` serves the docs pages' JavaScript and CSS from the app itself
(for networks without internet access). The files are never committed; every build puts
them into the wheel (and the sdist, so a wheel built from it has them too):

1. from the pinned npm packages, when ``npm`` is on the PATH;
2. otherwise from the PyPI package ``openapi-ui-bundles`` (a build requirement, so pip
   installs it into the build environment like any other): a build on a machine without
   npm still ships working offline docs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGES = {
    # npm package: (version, target directory, files to keep relative to "package/")
    "swagger-ui-dist": (
        "5.35.0",
        "swagger-ui",
        ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"],
    ),
    "redoc": ("2.5.4", "redoc", ["bundles/redoc.standalone.js", "LICENSE"]),
}
STATIC = Path(__file__).parent / "fastapi" / "openapi" / "static"
STAMP = STATIC / "versions.json"


def fetch_assets(log: Any = print) -> bool:
    """Make sure the pinned assets are in ``fastapi/openapi/static``; False if impossible."""
    wanted = {name: version for name, (version, _, _) in PACKAGES.items()}
    if STAMP.exists() and json.loads(STAMP.read_text()) == wanted:
        return True
    npm = shutil.which("npm")
    if npm is None:
        return copy_python_bundles(log)
    with tempfile.TemporaryDirectory() as temporary:
        specs = [f"{name}@{version}" for name, version in wanted.items()]
        try:
            subprocess.run([npm, "pack", *specs, "--silent"], cwd=temporary, check=True, capture_output=True, timeout=300)
        except (subprocess.SubprocessError, OSError) as exc:
            log(f"npm pack failed ({exc}): using the openapi-ui-bundles package instead")
            return copy_python_bundles(log)
        for name, (version, target, files) in PACKAGES.items():
            archive = Path(temporary) / f"{name}-{version}.tgz"
            destination = STATIC / target
            destination.mkdir(parents=True, exist_ok=True)
            with tarfile.open(archive) as tar:
                for relative in files:
                    member = tar.extractfile(f"package/{relative}")
                    assert member is not None, f"{name} has no {relative}"
                    (destination / Path(relative).name).write_bytes(member.read())
    STAMP.write_text(json.dumps(wanted))
    return True


# openapi-ui-bundles: (its subpackage, file) -> our file, relative to STATIC.
PYTHON_BUNDLE_FILES = {
    ("swagger_ui", "swagger-ui-bundle.js"): "swagger-ui/swagger-ui-bundle.js",
    ("swagger_ui", "swagger-ui.css"): "swagger-ui/swagger-ui.css",
    ("swagger_ui", "favicon-32x32.png"): "swagger-ui/favicon-32x32.png",
    ("redoc", "redoc.standalone.js"): "redoc/redoc.standalone.js",
}


def copy_python_bundles(log: Any = print) -> bool:
    """The same files from the ``openapi-ui-bundles`` package; False if it is missing."""
    try:
        import openapi_ui_bundles
    except ImportError:
        log("neither npm nor openapi-ui-bundles: the offline docs assets are left out")
        return False
    for (subpackage, name), target in PYTHON_BUNDLE_FILES.items():
        source = getattr(openapi_ui_bundles, subpackage).static_path / name
        destination = STATIC / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read_bytes())
    for file in metadata.distribution("openapi-ui-bundles").files or []:
        if file.name.startswith("LICENSE"):  # Apache-2.0: the license travels with the files
            (STATIC / "LICENSE-openapi-ui-bundles").write_bytes(file.read_binary())
    STAMP.write_text(json.dumps({"openapi-ui-bundles": openapi_ui_bundles.__version__}))
    return True


class DocsAssetsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "docs-assets"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        fetch_assets(self.app.display_warning)
