"""Fail when git tracks a file an install, a build or a run made.

Virtualenvs, site-packages, caches and build output are made anew on every machine; once one
is committed it drifts (its scripts point to somebody else's paths) and bloats every clone.
Run by ``make lint``.
"""

from __future__ import annotations

import re
import subprocess
import sys

MADE_BY_A_RUN = re.compile(
    r"(^|/)(\.?venv[^/]*|site-packages|node_modules|__pycache__|build|dist|\.mypy_cache"
    r"|\.ruff_cache|\.pytest_cache|[^/]+\.egg-info)/"
    r"|\.(pyc|db|sqlite3?|log)$"
)


def offending(paths: list[str]) -> list[str]:
    return [path for path in paths if MADE_BY_A_RUN.search(path)]


def main() -> int:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], capture_output=True, check=True, text=True
    ).stdout
    bad = offending([path for path in listed.split("\0") if path])
    if not bad:
        return 0
    print(f"git tracks {len(bad)} file(s) made by an install, a build or a run:", file=sys.stderr)
    for path in bad[:10]:
        print(f"  {path}", file=sys.stderr)
    print("Remove them with `git rm -r --cached <folder>` and list the folder in .gitignore.",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
