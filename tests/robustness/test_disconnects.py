"""Clients that go away mid-body or mid-stream leave nothing behind in a real uvicorn: no
asyncio task, no open descriptor, no temporary file, no stream still running (counted
through ``GET /probe`` before and after, polling until the server has settled)."""

from __future__ import annotations

import base64
import os
import socket
from typing import Any

import pytest

from tests.robustness.server import Server, wait_until

MiB = 1024 * 1024
ROUNDS = 20


def settled(server: Server, baseline: dict[str, Any]) -> dict[str, Any] | None:
    """The probe once the server is back to ``baseline`` (None while it is not)."""
    now = server.probe()
    keys = ("tasks", "fds", "temp_files", "streams")
    return now if all(now[key] == baseline[key] for key in keys) else None


@pytest.fixture
def baseline(server: Server) -> dict[str, Any]:
    # The probe's own request is one task; the counts are taken once idle.
    return wait_until(lambda: (probe := server.probe()) and probe["streams"] == 0 and probe)


def hang_up(sock: socket.socket) -> None:
    """Close abruptly (RST), as a client that crashed or lost its network would."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    sock.close()


def test_a_json_body_cut_off_midway(server: Server, baseline: dict[str, Any]) -> None:
    for _ in range(ROUNDS):
        sock = server.connect()
        sock.sendall(b"POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1048576\r\n\r\n[")
        sock.sendall(b"1," * 50_000)
        hang_up(sock)
    assert wait_until(lambda: settled(server, baseline))


def test_a_multipart_upload_cut_off_midway(server: Server, baseline: dict[str, Any]) -> None:
    head = b'--B\r\nContent-Disposition: form-data; name="files"; filename="big.bin"\r\n\r\n'
    for _ in range(ROUNDS):
        sock = server.connect()
        sock.sendall(
            b"POST /upload HTTP/1.1\r\nhost: x\r\ncontent-type: multipart/form-data; boundary=B\r\n"
            b"content-length: 8388608\r\n\r\n" + head
        )
        sock.sendall(os.urandom(3 * MiB))  # past the 1 MiB spool: on disk by now
        hang_up(sock)
    assert wait_until(lambda: settled(server, baseline))
    assert os.listdir(server.temp_dir) == []


@pytest.mark.parametrize("path", ["/stream", "/events"])
def test_a_stream_left_midway(server: Server, baseline: dict[str, Any], path: str) -> None:
    for _ in range(ROUNDS):
        sock = server.connect()
        sock.sendall(b"GET " + path.encode() + b" HTTP/1.1\r\nhost: x\r\n\r\n")
        received = b""
        while len(received) < 4096:
            received += sock.recv(65536)
        assert received.startswith(b"HTTP/1.1 200 ")
        hang_up(sock)
    assert wait_until(lambda: settled(server, baseline))


def websocket_frame(text: bytes) -> bytes:
    mask = os.urandom(4)
    masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(text))
    return bytes([0x81, 0x80 | len(text)]) + mask + masked


def test_a_websocket_dropped_without_a_close_frame(server: Server, baseline: dict[str, Any]) -> None:
    for _ in range(ROUNDS):
        sock = server.connect()
        key = base64.b64encode(os.urandom(16))
        sock.sendall(
            b"GET /ws HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\n"
            b"sec-websocket-key: " + key + b"\r\nsec-websocket-version: 13\r\n\r\n"
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 101 ")
        sock.sendall(websocket_frame(b"hello"))
        echoed = answer.partition(b"\r\n\r\n")[2]
        while b"hello" not in echoed:
            echoed += sock.recv(4096)
        hang_up(sock)
    assert wait_until(lambda: settled(server, baseline))


def test_the_server_logged_no_error(server: Server) -> None:
    log = server.log()
    assert "Traceback" not in log and "Exception in" not in log, log
