"""``python -m fastapi``: the ``fastapi`` command line."""

from fastapi.cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python -m fastapi"))
