"""Request limits (``FastAPI(limits=Limits(...))``): clear 4xx answers in FastAPI's error shape,
refused while streaming, and a huge body does not take the server's memory with it."""

from __future__ import annotations

from typing import Annotated, Any

import pytest

from fastapi import Body, FastAPI, File, Form, UploadFile
from fastapi.limits import DEFAULT_LIMITS, Limits
from fastapi.testclient import TestClient
from tests.robustness.server import Server

MiB = 1024 * 1024


def limited_app(**limits: Any) -> TestClient:
    app = FastAPI(limits=Limits(**limits))

    @app.post("/echo")
    async def echo(value: Annotated[Any, Body()]) -> Any:
        return value

    @app.post("/form")
    async def form(a: Annotated[str, Form()]) -> str:
        return a

    @app.post("/files")
    async def files(files: Annotated[list[UploadFile], File()]) -> int:
        return len(files)

    @app.get("/plain")
    async def plain() -> str:
        return "ok"

    return TestClient(app)


def test_the_defaults_are_documented_values() -> None:
    assert DEFAULT_LIMITS == Limits(
        max_body_size=16 * MiB,
        max_multipart_size=1024 * MiB,
        max_fields=1000,
        max_files=1000,
        max_part_size=MiB,
        max_urlencoded_fields=100_000,
        max_json_depth=1000,
        max_header_count=100,
        max_header_size=64 * 1024,
    )
    assert FastAPI().limits is DEFAULT_LIMITS


def test_a_body_over_the_limit_is_a_413() -> None:
    client = limited_app(max_body_size=100)
    assert client.post("/echo", json="x" * 90).status_code == 200
    response = client.post("/echo", json="x" * 100)
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large (limit: 100 bytes)"}


def test_a_chunked_body_is_refused_once_past_the_limit() -> None:
    client = limited_app(max_body_size=1000)
    sent: list[int] = []

    def chunks():
        for number in range(100):
            sent.append(number)
            yield b" " * 100

    response = client.post("/echo", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large (limit: 1000 bytes)"}


def test_multipart_bodies_have_their_own_bound() -> None:
    client = limited_app(max_body_size=100, max_multipart_size=10_000)
    files = [("files", (f"{i}.txt", b"x" * 1000)) for i in range(3)]
    assert client.post("/files", files=files).json() == 3
    files = [("files", (f"{i}.txt", b"x" * 1000)) for i in range(12)]
    response = client.post("/files", files=files)
    assert response.status_code == 413
    assert response.json() == {"detail": "Request body too large (limit: 10000 bytes)"}


def test_starlettes_multipart_limits_are_set_from_the_app() -> None:
    client = limited_app(max_files=2, max_fields=1, max_part_size=10)
    files = [("files", (f"{i}.txt", b"x")) for i in range(3)]
    response = client.post("/files", files=files)
    assert response.status_code == 400
    assert response.json() == {"detail": "Too many files. Maximum number of files is 2."}
    response = client.post("/form", files={"x": (None, b"1")}, data={"a": "1"})
    assert response.json() == {"detail": "Too many fields. Maximum number of fields is 1."}
    response = client.post("/form", files={"a": (None, b"x" * 11)})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Part exceeded maximum size")


def test_url_encoded_fields_are_counted() -> None:
    client = limited_app(max_urlencoded_fields=3)
    assert client.post("/form", data={"a": "1", "b": "2", "c": "3"}).json() == "1"
    response = client.post("/form", data={"a": "1", "b": "2", "c": "3", "d": "4"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Too many fields. Maximum number of fields is 3."}
    # The default keeps FastAPI's answer for the thousand-field forms it accepts.
    default = limited_app()
    body = "&".join(f"f{i}=v" for i in range(5000)) + "&a=1"
    response = default.post("/form", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.json() == "1"


def test_json_nesting_deeper_than_the_limit_is_a_400() -> None:
    client = limited_app(max_json_depth=5)
    assert client.post("/echo", json=[[[[["deep"]]]]]).status_code == 200
    assert client.post("/echo", json={"a": [{"b": [1]}]}).status_code == 200
    assert client.post("/echo", json=["[[[[[[", "{{{{{{"]).status_code == 200  # brackets in text
    response = client.post("/echo", json=[[[[[["deep"]]]]]])
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON body nested too deeply (limit: 5 levels)"}


def test_too_many_or_too_large_headers_are_a_431() -> None:
    client = limited_app(max_header_count=20, max_header_size=2000)
    assert client.get("/plain", headers={f"x-h{i}": "v" for i in range(10)}).status_code == 200
    response = client.get("/plain", headers={f"x-h{i}": "v" for i in range(30)})
    assert response.status_code == 431
    assert response.json() == {"detail": "Request header fields too large (count limit: 20)"}
    response = client.get("/plain", headers={"x-big": "v" * 3000})
    assert response.status_code == 431
    assert response.json() == {"detail": "Request header fields too large (size limit: 2000)"}


def test_limits_can_be_turned_off() -> None:
    client = limited_app(max_body_size=None, max_header_count=None, max_json_depth=None)
    assert client.post("/echo", json="x" * (17 * MiB)).status_code == 200


def test_with_every_header_and_body_limit_off_requests_skip_the_limits_check() -> None:
    off = {"max_body_size": None, "max_multipart_size": None}
    client = limited_app(**off, max_header_count=None, max_header_size=None)
    assert _exception_layer(client).limits is None
    headers = {f"x-{number}": "v" * 1000 for number in range(200)}
    assert client.post("/echo", json="x" * (17 * MiB), headers=headers).status_code == 200
    assert _exception_layer(limited_app(**off, max_header_count=100)).limits is not None


def _exception_layer(client: TestClient) -> Any:
    """The app's exception layer, which checks the limits (the router right inside it)."""
    app: Any = client.app
    layer = app.build_middleware_stack()
    assert type(layer).__name__ == "AppExceptions" and type(layer.app).__name__ == "APIRouter"
    return layer


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_body_size": 0}, "Limits(max_body_size=0): max_body_size must be a positive int or None"),
        ({"max_fields": None}, "Limits(max_fields=None): max_fields must be a positive int, e.g. Limits(max_fields=1000)"),
        ({"max_json_depth": "10"}, "Limits(max_json_depth='10'): max_json_depth must be a positive int or None"),
    ],
)
def test_bad_limits_are_refused_with_the_fix(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        Limits(**options)
    assert str(raised.value).startswith(message)


def test_limits_of_the_wrong_type_are_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"FastAPI\(limits=\{'max_body_size': 1\}\): expected a fastapi.limits.Limits"):
        FastAPI(limits={"max_body_size": 1})  # type: ignore[arg-type]


# -- against a real uvicorn -----------------------------------------------------------------------


def read_response(sock: Any) -> bytes:
    """One response with a Content-Length, read from a raw socket."""
    data = b""
    while b"\r\n\r\n" not in data or len(data.partition(b"\r\n\r\n")[2]) < body_length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def body_length(data: bytes) -> int:
    for line in data.partition(b"\r\n\r\n")[0].split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            return int(value)
    return 0


def test_a_50_mb_body_is_refused_without_being_read(server: Server) -> None:
    before = server.probe()["rss"]
    with server.connect() as sock:
        sock.sendall(
            b"POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
            b"content-length: 52428800\r\n\r\n[" + b"1," * 1000
        )
        head = read_response(sock)
    assert head.startswith(b"HTTP/1.1 413 ")
    assert b'{"detail":"Request body too large (limit: 16777216 bytes)"}' in head
    assert server.probe()["rss"] - before < 32 * MiB


def test_a_chunked_body_is_refused_while_it_streams(server: Server) -> None:
    before = server.probe()["rss"]
    chunk = b"1," * (MiB // 2)
    with server.connect() as sock:
        sock.sendall(b"POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
        sock.sendall(b"%x\r\n[\r\n" % 1)
        for _ in range(17):  # 17 MiB, then the body is left unfinished: no terminating chunk
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        head = read_response(sock)
    assert head.startswith(b"HTTP/1.1 413 ")
    assert server.probe()["rss"] - before < 64 * MiB
    assert "Traceback" not in server.log()


def test_a_header_block_uvicorn_lets_through_is_bounded_by_the_app(server: Server) -> None:
    # uvicorn's httptools parser sets no header limit of its own; the app's answers a 431.
    with server.connect() as sock:
        headers = b"".join(b"x-h%d: v\r\n" % i for i in range(150)) + b"x-big: " + b"v" * MiB + b"\r\n"
        sock.sendall(b"GET /hello HTTP/1.1\r\nhost: x\r\n" + headers + b"\r\n")
        response = read_response(sock)
    assert response.startswith(b"HTTP/1.1 431 ")
    assert response.endswith(b'{"detail":"Request header fields too large (count limit: 100)"}')
