"""Finding the application to serve: which module to import, from where, and which object.

The rules, shared by every command that needs an app (``dev``, ``run``, and later ``worker``):

1. ``--entrypoint module.sub:attr`` is used as given, imported from the current directory.
2. Otherwise a PATH argument (a ``.py`` file or a package directory) or ``--app NAME`` selects
   path-based discovery (without PATH, the default files below are tried).
3. Otherwise ``[tool.fastapi] entrypoint = "module:attr"`` in ``./pyproject.toml``.
4. Otherwise the first existing default file: ``main.py``, ``app.py``, ``api.py``,
   ``app/main.py``, ``app/app.py``, ``app/api.py``.

For a path, the import root is found by walking up the directories that hold an
``__init__.py``: ``proj/pkg/sub/mod.py`` inside packages ``pkg`` and ``pkg.sub`` is imported
as ``pkg.sub.mod`` with ``proj`` on ``sys.path``. In the module, the app is the object named by
``--app``, else ``app`` or ``api`` if it is a FastAPI instance, else the first FastAPI
instance in the module's namespace (in alphabetical order of names).
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi.cli.registry import CLIError

DEFAULT_PATHS = ("main.py", "app.py", "api.py", "app/main.py", "app/app.py", "app/api.py")
DEFAULT_APP_NAMES = ("app", "api")
IMPORT_STRING_FORMAT = "Import string must be in the format module.submodule:app_name"


@dataclass
class ModuleLocation:
    """Where a module lives: its dotted name and the directory to put on ``sys.path``."""

    module: str
    import_root: Path
    #: The file imported (``__init__.py`` for a package), None for a namespace package.
    file: Path | None


@dataclass
class AppTarget:
    """The application found, and how: enough to serve it and to explain the choice."""

    module: str
    app_name: str
    import_root: Path
    app: Any
    #: How the module was chosen, e.g. "path CLI argument" or "entrypoint in pyproject.toml".
    module_source: str
    #: How the object was chosen: "--app option", "auto-discovery" or the entrypoint.
    app_source: str
    file: Path | None = None
    #: Found by trying the default files, with no pyproject.toml entrypoint (for a hint).
    could_be_configured: bool = False

    @property
    def import_string(self) -> str:
        return f"{self.module}:{self.app_name}"


def _is_fastapi_app(obj: object) -> bool:
    from fastapi.applications import FastAPI

    return isinstance(obj, FastAPI)


def parse_import_string(value: str) -> tuple[str, str]:
    """Split ``"module.sub:attr"``; reject anything else with the usual message."""
    module, sep, attr = value.strip().partition(":")
    if not sep or not module or not attr or ":" in attr:
        raise CLIError(IMPORT_STRING_FORMAT, hint=f"got {value!r}, e.g. 'main:app'")
    return module, attr


def locate_module(path: Path) -> ModuleLocation:
    """The module name and import root of a ``.py`` file or a package directory."""
    path = path.resolve()
    file: Path | None
    if path.is_file():
        if path.suffix != ".py":
            raise CLIError(f"Not a Python file: {path}")
        if path.name == "__init__.py":
            parts, parent, file = [path.parent.name], path.parent.parent, path
        else:
            parts, parent, file = [path.stem], path.parent, path
    else:
        init = path / "__init__.py"
        parts, parent, file = [path.name], path.parent, (init if init.is_file() else None)
    while (parent / "__init__.py").is_file() and parent.parent != parent:
        parts.insert(0, parent.name)
        parent = parent.parent
    return ModuleLocation(module=".".join(parts), import_root=parent, file=file)


def package_tree(location: ModuleLocation) -> list[str]:
    """The packages walked through to reach the module, drawn as a small tree."""
    if location.file is None:
        return [f"📁 {location.module.rsplit('.', 1)[-1]}"]
    parts = location.file.relative_to(location.import_root).parts
    directories, filename = parts[:-1], parts[-1]
    if not directories:
        return [f"🐍 {filename}"]
    lines: list[str] = []
    indent = ""
    for position, directory in enumerate(directories):
        if position == 0:
            lines.append(f"📁 {directory}")
        else:
            lines.append(f"{indent}└── 📁 {directory}")
            indent += "    "
        last = position == len(directories) - 1
        if last and filename == "__init__.py":
            lines.append(f"{indent}└── 🐍 __init__.py")
        else:
            lines.append(f"{indent}├── 🐍 __init__.py")
            if last:
                lines.append(f"{indent}└── 🐍 {filename}")
    return lines


def import_module(module: str, import_root: Path) -> ModuleType:
    """Import ``module`` with ``import_root`` first on ``sys.path``."""
    root = str(import_root)
    if root in sys.path:
        sys.path.remove(root)
    sys.path.insert(0, root)
    importlib.invalidate_caches()
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        # A module missing on the way to the target: a layout problem. Deeper: the user's code.
        inside_user_code = (exc.name or "").split(".")[0] != module.split(".")[0]
        hint = (
            f"is {exc.name!r} installed in this environment?"
            if inside_user_code and exc.name
            else "Ensure all the package directories have an __init__.py file"
        )
        raise CLIError(f"Import error: {exc}", hint=hint, show_traceback=inside_user_code) from exc
    except Exception as exc:
        raise CLIError(
            f"Error while importing {module}: {type(exc).__name__}: {exc}",
            show_traceback=True,
        ) from exc


def find_app_name(mod: ModuleType, app_name: str | None) -> str:
    """The name of the FastAPI app in ``mod``: ``app_name``, or found by the default rules."""
    if app_name is not None:
        if not hasattr(mod, app_name):
            raise CLIError(f"Could not find app name {app_name} in {mod.__name__}")
        if not _is_fastapi_app(getattr(mod, app_name)):
            raise CLIError(
                f"The app name {app_name} in {mod.__name__} doesn't seem to be a FastAPI app"
            )
        return app_name
    for name in DEFAULT_APP_NAMES:
        if _is_fastapi_app(getattr(mod, name, None)):
            return name
    for name in dir(mod):
        if _is_fastapi_app(getattr(mod, name, None)):
            return name
    raise CLIError("Could not find FastAPI app in module, try using --app")


def read_pyproject_entrypoint(directory: Path) -> str | None:
    """``[tool.fastapi] entrypoint`` of ``directory/pyproject.toml``, if there is one."""
    pyproject = directory / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        toml: Any = importlib.import_module("tomllib")
    except ImportError:  # Python 3.10
        try:
            toml = importlib.import_module("tomli")
        except ImportError:
            return _read_entrypoint_minimal(pyproject.read_text(encoding="utf-8"))
    try:
        data = toml.loads(pyproject.read_text(encoding="utf-8"))
    except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise CLIError(f"Could not read {pyproject}: {exc}")
    entrypoint = data.get("tool", {}).get("fastapi", {}).get("entrypoint")
    if entrypoint is not None and not isinstance(entrypoint, str):
        raise CLIError(f"[tool.fastapi] entrypoint in {pyproject} must be a string")
    return entrypoint


def _read_entrypoint_minimal(text: str) -> str | None:
    """Read ``entrypoint = "..."`` under ``[tool.fastapi]`` without a TOML library."""
    section = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]").strip()
        elif section == "tool.fastapi" and line.startswith("entrypoint") and "=" in line:
            value = line.split("=", 1)[1].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                return value[1:-1]
    return None


def _resolve_attribute(mod: ModuleType, dotted: str) -> Any:
    obj: Any = mod
    for part in dotted.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise CLIError(f"Could not find app name {dotted} in {mod.__name__}")
    return obj


def from_entrypoint(entrypoint: str, *, cwd: Path, source: str) -> AppTarget:
    """The app named by an import string, imported from ``cwd``."""
    module, attr = parse_import_string(entrypoint)
    mod = import_module(module, cwd)
    app = _resolve_attribute(mod, attr)
    filename: str | None = getattr(mod, "__file__", None)
    return AppTarget(
        module=module,
        app_name=attr,
        import_root=cwd,
        app=app,
        module_source=source,
        app_source=source,
        file=Path(filename) if filename else None,
    )


def from_path(
    path: str | None, app_name: str | None, *, cwd: Path
) -> tuple[AppTarget, ModuleLocation]:
    """The app found in a file or package (or in the first default file when ``path`` is None)."""
    if path is None:
        candidates = [cwd / default for default in DEFAULT_PATHS]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            raise CLIError(
                "Could not find a default file to run, please provide an explicit path",
                hint="tried " + ", ".join(DEFAULT_PATHS),
            )
        chosen, module_source = found, f"default file {found.relative_to(cwd).as_posix()}"
    else:
        chosen = Path(path)
        if not chosen.is_absolute():
            chosen = cwd / chosen
        if not chosen.exists():
            raise CLIError(f"Path does not exist {path}")
        module_source = "path CLI argument"
    location = locate_module(chosen)
    mod = import_module(location.module, location.import_root)
    name = find_app_name(mod, app_name)
    target = AppTarget(
        module=location.module,
        app_name=name,
        import_root=location.import_root,
        app=getattr(mod, name),
        module_source=module_source,
        app_source="--app option" if app_name is not None else "auto-discovery",
        file=location.file,
    )
    return target, location


def discover(
    path: str | None = None,
    *,
    app_name: str | None = None,
    entrypoint: str | None = None,
    cwd: Path | None = None,
) -> tuple[AppTarget, ModuleLocation | None]:
    """Apply the rules of this module; return the target and, for a path, where it was found."""
    cwd = (cwd or Path.cwd()).resolve()
    if entrypoint is not None:
        if path is not None or app_name is not None:
            raise CLIError("--entrypoint cannot be combined with a PATH or --app")
        return from_entrypoint(entrypoint, cwd=cwd, source="--entrypoint option"), None
    configured = read_pyproject_entrypoint(cwd)
    if path is None and app_name is None and configured is not None:
        return from_entrypoint(configured, cwd=cwd, source="entrypoint in pyproject.toml"), None
    target, location = from_path(path, app_name, cwd=cwd)
    # Found through the default files: suggest writing the choice down.
    target.could_be_configured = path is None and configured is None
    return target, location
