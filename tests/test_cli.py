"""The ``fastapi`` command line: app discovery, messages and uvicorn options in-process (with
uvicorn.run replaced), then two real servers started through the CLI in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import fastapi
from fastapi.cli import build_parser, main
from fastapi.cli import serve as serve_module
from fastapi.cli.discover import DEFAULT_PATHS, discover, locate_module, package_tree
from fastapi.cli.registry import CLIError, Command, discover_commands

REPO = Path(__file__).resolve().parents[1]

APP_SOURCE = """\
from fastapi import FastAPI

{name} = FastAPI({options})


@{name}.get("/items/{{item_id}}")
def read_item(item_id: int, q: str | None = None):
    return {{"item_id": item_id, "q": q}}
"""


def write(path: Path, text: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def write_app(path: Path, name: str = "app", options: str = "") -> Path:
    return write(path, APP_SOURCE.format(name=name, options=options))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A temporary working directory; modules imported from it are forgotten afterwards."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PORT", raising=False)
    saved_path = list(sys.path)
    before = set(sys.modules)
    yield tmp_path
    sys.path[:] = saved_path
    for name in set(sys.modules) - before:
        filename = getattr(sys.modules[name], "__file__", None) or ""
        spec_paths = list(getattr(getattr(sys.modules[name], "__spec__", None), "submodule_search_locations", None) or [])
        if str(tmp_path) in filename or any(str(tmp_path) in p for p in spec_paths):
            del sys.modules[name]


@pytest.fixture
def fake_uvicorn(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace uvicorn.run: record what it would have been called with."""
    calls: list[dict[str, Any]] = []

    def run(app: Any, **options: Any) -> None:
        calls.append({"app": app, **options})

    monkeypatch.setattr(serve_module, "load_uvicorn", lambda: SimpleNamespace(run=run))
    return calls


# --- discovery -------------------------------------------------------------------------------


def test_default_file_and_app_name(project: Path) -> None:
    write_app(project / "main.py")
    target, location = discover(cwd=project)
    assert target.import_string == "main:app"
    assert target.import_root == project
    assert isinstance(target.app, fastapi.FastAPI)
    assert target.module_source == "default file main.py"
    assert target.app_source == "auto-discovery"
    assert target.could_be_configured
    assert location is not None and location.file == project / "main.py"


@pytest.mark.parametrize("default", DEFAULT_PATHS)
def test_each_default_path(project: Path, default: str) -> None:
    write_app(project / default)
    target, _ = discover(cwd=project)
    # app/ has no __init__.py: app/main.py is imported as a top-level module from app/
    assert target.import_string == f"{Path(default).stem}:app"
    assert target.import_root == (project / default).parent


def test_default_paths_order(project: Path) -> None:
    write_app(project / "api.py", name="api")
    write_app(project / "app.py", name="app")
    assert discover(cwd=project)[0].import_string == "app:app"


def test_app_then_api_then_first_instance(project: Path) -> None:
    write(project / "both.py", "from fastapi import FastAPI\napi = FastAPI()\napp = FastAPI()\n")
    write(project / "not_app.py", "from fastapi import FastAPI\napp = 1\napi = FastAPI()\n")
    write(project / "others.py", "from fastapi import FastAPI\nzed = FastAPI()\naaa = FastAPI()\n")
    write(project / "sub.py", "from fastapi import FastAPI\nclass Mine(FastAPI): ...\nmine = Mine()\n")
    assert discover("both.py", cwd=project)[0].app_name == "app"
    assert discover("not_app.py", cwd=project)[0].app_name == "api"
    assert discover("others.py", cwd=project)[0].app_name == "aaa"  # first by name
    assert discover("sub.py", cwd=project)[0].app_name == "mine"


def test_app_option(project: Path) -> None:
    write(project / "two.py", "from fastapi import FastAPI\napp = FastAPI()\nadmin = FastAPI()\n")
    target, _ = discover("two.py", app_name="admin", cwd=project)
    assert target.import_string == "two:admin"
    assert target.app_source == "--app option"
    assert not target.could_be_configured  # a path was given


def test_package_layouts(project: Path) -> None:
    write(project / "proj" / "pkg" / "__init__.py")
    write(project / "proj" / "pkg" / "sub" / "__init__.py", "from fastapi import FastAPI\napi = FastAPI()\n")
    write_app(project / "proj" / "pkg" / "sub" / "mod.py")
    target, location = discover("proj/pkg/sub/mod.py", cwd=project)
    assert target.import_string == "pkg.sub.mod:app"
    assert target.import_root == project / "proj"
    assert location is not None
    assert package_tree(location) == [
        "📁 pkg",
        "├── 🐍 __init__.py",
        "└── 📁 sub",
        "    ├── 🐍 __init__.py",
        "    └── 🐍 mod.py",
    ]
    target, location = discover("proj/pkg/sub", cwd=project)
    assert target.import_string == "pkg.sub:api"
    assert location is not None and package_tree(location)[-1] == "    └── 🐍 __init__.py"


def test_locate_module_plain_file_and_init(tmp_path: Path) -> None:
    write(tmp_path / "solo.py")
    assert locate_module(tmp_path / "solo.py").module == "solo"
    write(tmp_path / "pkg" / "__init__.py")
    location = locate_module(tmp_path / "pkg" / "__init__.py")
    assert (location.module, location.import_root) == ("pkg", tmp_path)


def test_pyproject_entrypoint(project: Path) -> None:
    write_app(project / "src" / "server.py", name="myapp")
    write(project / "pyproject.toml", '[tool.fastapi]\nentrypoint = "src.server:myapp"\n')
    write_app(project / "main.py")  # ignored: the entrypoint wins over default files
    target, location = discover(cwd=project)
    assert target.import_string == "src.server:myapp"
    assert target.module_source == "entrypoint in pyproject.toml"
    assert location is None and not target.could_be_configured
    # A path (or --app) takes precedence over the configured entrypoint.
    assert discover("main.py", cwd=project)[0].import_string == "main:app"


def test_entrypoint_option(project: Path) -> None:
    write_app(project / "service.py", name="application")
    target, _ = discover(entrypoint="service:application", cwd=project)
    assert target.import_string == "service:application"
    assert target.module_source == "--entrypoint option"


@pytest.mark.parametrize(
    ("setup", "kwargs", "message"),
    [
        (None, {}, "Could not find a default file to run, please provide an explicit path"),
        (None, {"path": "missing.py"}, "Path does not exist missing.py"),
        ("x = 1\n", {"path": "mod.py"}, "Could not find FastAPI app in module, try using --app"),
        (
            "from starlette.applications import Starlette\napp = Starlette()\n",
            {"path": "mod.py"},
            "Could not find FastAPI app in module, try using --app",
        ),
        ("x = 1\n", {"path": "mod.py", "app_name": "nope"}, "Could not find app name nope in mod"),
        ("x = 1\n", {"path": "mod.py", "app_name": "x"}, "The app name x in mod doesn't seem to be a FastAPI app"),
        (None, {"entrypoint": "mod"}, "Import string must be in the format module.submodule:app_name"),
        ("x = 1\n", {"entrypoint": "mod:nope"}, "Could not find app name nope in mod"),
        (None, {"entrypoint": "mod:app", "path": "mod.py"}, "--entrypoint cannot be combined with a PATH or --app"),
    ],
)
def test_discovery_errors(project: Path, setup: str | None, kwargs: dict[str, Any], message: str) -> None:
    if setup is not None:
        write(project / "mod.py", setup)
    with pytest.raises(CLIError) as info:
        discover(cwd=project, **kwargs)
    assert info.value.message == message


def test_import_errors(project: Path) -> None:
    write(project / "broken.py", "raise RuntimeError('boom at import')\n")
    write(project / "needs.py", "import a_module_that_does_not_exist\n")
    with pytest.raises(CLIError) as info:
        discover("broken.py", cwd=project)
    assert info.value.message == "Error while importing broken: RuntimeError: boom at import"
    assert info.value.show_traceback
    with pytest.raises(CLIError) as info:
        discover("needs.py", cwd=project)
    assert info.value.message == "Import error: No module named 'a_module_that_does_not_exist'"
    assert info.value.hint == "is 'a_module_that_does_not_exist' installed in this environment?"


def test_bad_pyproject(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.fastapi\n")
    with pytest.raises(CLIError, match="Could not read"):
        discover(cwd=project)
    write(project / "pyproject.toml", '[tool.fastapi]\nentrypoint = "main"\n')
    with pytest.raises(CLIError, match="Import string must be in the format"):
        discover(cwd=project)


def test_minimal_pyproject_reader() -> None:
    from fastapi.cli.discover import _read_entrypoint_minimal

    text = '[project]\nname = "x"\n[tool.fastapi]  # ours\nentrypoint = "pkg.main:app"  # comment\n'
    assert _read_entrypoint_minimal(text) == "pkg.main:app"
    assert _read_entrypoint_minimal('[tool.other]\nentrypoint = "a:b"\n') is None


# --- the command line in-process --------------------------------------------------------------


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"], prog="fastapi") == 0
    out = capsys.readouterr().out
    assert "usage: fastapi" in out and "dev" in out and "run" in out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"FastAPI CLI version: {fastapi.__version__}"
    assert main([]) == 2
    assert "required: COMMAND" in capsys.readouterr().err
    assert main(["bogus"]) == 2
    assert main(["run", "--help"]) == 0
    assert "--workers" in capsys.readouterr().out
    assert main(["dev", "--help"]) == 0
    assert "--workers" not in capsys.readouterr().out


def test_dev_defaults(project: Path, fake_uvicorn: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    write_app(project / "main.py")
    assert main(["dev"]) == 0
    assert fake_uvicorn == [
        {
            "app": "main:app",
            "host": "127.0.0.1",
            "port": 8000,
            "reload": True,
            "root_path": "",
            "proxy_headers": True,
            "forwarded_allow_ips": None,
        }
    ]
    assert str(project) == sys.path[0]
    out = capsys.readouterr().out
    assert "Starting FastAPI in development mode" in out
    assert "Using import string: main:app (auto-discovered, use --verbose to learn more)" in out
    assert 'entrypoint = "main:app"' in out
    assert "Server started at http://127.0.0.1:8000" in out
    assert "Documentation at http://127.0.0.1:8000/docs" in out


def test_run_options(
    project: Path,
    fake_uvicorn: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_app(project / "service.py", name="api", options='docs_url="/documentation"')
    monkeypatch.setenv("PORT", "9123")
    argv = ["run", "service.py", "--workers", "3", "--root-path", "/api", "--no-proxy-headers"]
    assert main([*argv, "--forwarded-allow-ips", "*", "-v"]) == 0
    assert fake_uvicorn == [
        {
            "app": "service:api",
            "host": "0.0.0.0",
            "port": 9123,
            "reload": False,
            "root_path": "/api",
            "proxy_headers": False,
            "forwarded_allow_ips": "*",
            "workers": 3,
            "log_level": "debug",
        }
    ]
    out = capsys.readouterr().out
    assert "Starting FastAPI in production mode" in out
    assert "from service import api" in out
    assert "• Module: path CLI argument" in out
    assert "Server started at http://0.0.0.0:9123" in out
    assert "Documentation at http://0.0.0.0:9123/documentation" in out
    assert "pyproject.toml" not in out  # a path was given: no suggestion


def test_reload_dirs_host_and_no_docs(
    project: Path, fake_uvicorn: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    write_app(project / "main.py", options="docs_url=None")
    (project / "src").mkdir()
    assert main(["dev", "--reload-dir", "src", "--host", "::1", "--port", "8001"]) == 0
    assert fake_uvicorn[0]["reload_dirs"] == [str(project / "src")]
    out = capsys.readouterr().out
    assert "Server started at http://[::1]:8001" in out
    assert "Documentation" not in out


def test_errors_are_reported(project: Path, fake_uvicorn: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "missing.py"]) == 1
    assert capsys.readouterr().err == "Error: Path does not exist missing.py\n"
    assert main(["dev"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: Could not find a default file to run, please provide an explicit path\nHint: tried main.py")
    write(project / "broken.py", "def f():\n    raise RuntimeError('boom')\nf()\n")
    assert main(["run", "broken.py"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'broken.py", line 3, in <module>' in err
    assert "fastapi/cli" not in err and "importlib" not in err  # only the user's frames
    assert err.endswith("Error: Error while importing broken: RuntimeError: boom\n")
    assert main(["run", "--port", "http"]) == 2
    assert "invalid port" in capsys.readouterr().err
    assert fake_uvicorn == []


def test_invalid_port_environment(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PORT", "abc")
    assert main(["run"]) == 2
    assert "invalid port (from --port or $PORT): 'abc'" in capsys.readouterr().err


def test_uvicorn_missing(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    write_app(project / "main.py")
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` fail
    assert main(["run"]) == 1
    err = capsys.readouterr().err
    assert "uvicorn is missing" in err
    assert 'pip install "fastapi[standard]"' in err


def test_python_dash_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fastapi", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m fastapi")


# --- the command registry ---------------------------------------------------------------------


def test_registry_finds_command_modules() -> None:
    names = [command.name for command in discover_commands()]
    assert names[:2] == ["dev", "run"]


def test_a_command_is_one_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    package = tmp_path / "extra_cli"
    write(package / "__init__.py")
    write(package / "helpers.py", "VALUE = 1\n")  # no COMMAND: not a command
    write(
        package / "purge.py",
        """\
        from fastapi.cli.registry import Command

        def add_arguments(parser):
            parser.add_argument("path", nargs="?")
            parser.add_argument("--queues", default="default")

        def handle(args):
            print(f"purge for {args.path} on {args.queues}")
            return 7

        COMMAND = Command(name="purge", help="Purge queues.", add_arguments=add_arguments, handle=handle, order=30)
        """,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    commands = discover_commands("extra_cli")
    assert [c.name for c in commands] == ["purge"]
    parser = build_parser("fastapi", [*discover_commands(), *commands])
    args = parser.parse_args(["purge", "main.py", "--queues", "mail"])
    assert args.handle(args) == 7
    assert capsys.readouterr().out == "purge for main.py on mail\n"
    monkeypatch.delitem(sys.modules, "extra_cli.purge")
    monkeypatch.delitem(sys.modules, "extra_cli.helpers")
    monkeypatch.delitem(sys.modules, "extra_cli")


def test_command_names_are_unique(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "dup_cli"
    write(package / "__init__.py")
    body = "from fastapi.cli.registry import Command\nCOMMAND = Command(name='same', help='', add_arguments=lambda p: None, handle=lambda a: 0)\n"
    write(package / "one.py", body)
    write(package / "two.py", body)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuntimeError, match="two modules define the command 'same'"):
        discover_commands("dup_cli")
    for name in ("dup_cli.one", "dup_cli.two", "dup_cli"):
        monkeypatch.delitem(sys.modules, name)


def test_command_dataclass_defaults() -> None:
    command = Command(name="x", help="h", add_arguments=lambda p: None, handle=lambda a: 0)
    assert (command.description, command.order) == (None, 100)


# --- real servers -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def wait_for(url: str, process: subprocess.Popen[Any], log: Path, timeout: float = 30) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{url} did not answer in {timeout}s:\n{log.read_text()}")


def start(argv: list[str], cwd: Path, log: Path) -> subprocess.Popen[Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    env.pop("PORT", None)
    with log.open("w") as out:
        return subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)


def stop(process: subprocess.Popen[Any], log: Path) -> int:
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"the server did not stop on SIGINT:\n{log.read_text()}")


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "fastapi"
    return [str(script)] if script.exists() else [sys.executable, "-m", "fastapi"]


def test_fastapi_run_serves_the_app(tmp_path: Path) -> None:
    write_app(tmp_path / "main.py")
    port = free_port()
    log = tmp_path / "server.log"
    argv = [sys.executable, "-m", "fastapi", "run", "main.py", "--host", "127.0.0.1", "--port", str(port)]
    process = start(argv, tmp_path, log)
    try:
        status, body = wait_for(f"http://127.0.0.1:{port}/docs", process, log)
        assert status == 200 and "swagger-ui" in body
        status, body = fetch(f"http://127.0.0.1:{port}/items/5?q=x")
        assert (status, json.loads(body)) == (200, {"item_id": 5, "q": "x"})
        status, body = fetch(f"http://127.0.0.1:{port}/items/five")
        assert status == 422
    finally:
        code = stop(process, log)
    output = log.read_text()
    assert code == 0, output
    assert "Starting FastAPI in production mode" in output
    assert f"Server started at http://127.0.0.1:{port}" in output
    assert f"Documentation at http://127.0.0.1:{port}/docs" in output
    assert "Application shutdown complete" in output
    assert "Traceback" not in output


def test_fastapi_dev_reloads_a_package_app(tmp_path: Path) -> None:
    write(tmp_path / "app" / "__init__.py")
    main_py = write_app(tmp_path / "app" / "main.py")
    port = free_port()
    log = tmp_path / "server.log"
    process = start([*console_script(), "dev", "--port", str(port)], tmp_path, log)
    try:
        status, body = wait_for(f"http://127.0.0.1:{port}/openapi.json", process, log)
        assert status == 200 and json.loads(body)["paths"].keys() == {"/items/{item_id}"}
        changed = main_py.read_text() + '\n\n@app.get("/added")\ndef added():\n    return "reloaded"\n'
        main_py.write_text(changed)
        deadline, touch_again = time.monotonic() + 30, time.monotonic() + 5
        while fetch_or_none(f"http://127.0.0.1:{port}/added") != (200, '"reloaded"'):
            assert time.monotonic() < deadline, log.read_text()
            if time.monotonic() > touch_again:  # in case the change came before the watcher
                main_py.write_text(changed + "\n")
                touch_again = time.monotonic() + 5
            time.sleep(0.2)
    finally:
        code = stop(process, log)
    output = log.read_text()
    assert code == 0, output
    assert "Starting FastAPI in development mode" in output
    assert "Using import string: app.main:app (auto-discovered" in output
    assert f"Server started at http://127.0.0.1:{port}" in output
    assert "Started reloader process" in output
    assert "Traceback" not in output


def fetch_or_none(url: str) -> tuple[int, str] | None:
    try:
        return fetch(url)
    except OSError:
        return None
