"""Build hook: bundle Swagger UI and ReDoc into the package, from the npm registry.

``FastAPI(offline_docs=True)`` serves the docs pages' JavaScript and CSS from the app itself
(for networks without internet access). The files come from the published npm packages at
build time (never committed); a build without ``npm`` simply leaves them out, and the app
says so clearly if offline docs are asked for.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
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
        log("npm not found: the offline docs assets are left out of this build")
        return False
    with tempfile.TemporaryDirectory() as temporary:
        specs = [f"{name}@{version}" for name, version in wanted.items()]
        try:
            subprocess.run([npm, "pack", *specs, "--silent"], cwd=temporary, check=True, capture_output=True, timeout=300)
        except (subprocess.SubprocessError, OSError) as exc:
            log(f"npm pack failed ({exc}): the offline docs assets are left out of this build")
            return False
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


class DocsAssetsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "docs-assets"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        fetch_assets(self.app.display_warning)
