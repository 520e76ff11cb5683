"""The repository tracks only what people wrote (tools/check_tracked.py, run by make lint)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from check_tracked import offending  # noqa: E402

MADE_BY_A_RUN = [
    ".venv-starlette047/bin/python",
    ".venv/lib/python3.11/site-packages/x.py",
    "lib/site-packages/pkg/__init__.py",
    "fastapi/__pycache__/a.cpython-311.pyc",
    "dist/fastapi-0.116.1.tar.gz",
    "build/lib/fastapi/__init__.py",
    "fastapi.egg-info/PKG-INFO",
    "tasks.db",
    "node_modules/swagger-ui-dist/index.js",
]


def test_made_by_a_run_is_recognised():
    assert offending(MADE_BY_A_RUN) == MADE_BY_A_RUN


def test_written_files_pass():
    assert offending(["fastapi/routing.py", "docs/cli.md", "tools/rebuild.py", "LICENSE"]) == []


def test_this_repository_is_clean():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_tracked.py")], cwd=ROOT, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
