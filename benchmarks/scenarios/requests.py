"""How each scenario is requested (shared by every implementation's run)."""

from __future__ import annotations

from .common import ITEM_BODY

BOUNDARY = "bench-boundary"
UPLOAD_BODY = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="file"; filename="notes.txt"\r\n'
    "Content-Type: text/plain\r\n\r\n" + "x" * 1024 + f"\r\n--{BOUNDARY}--\r\n"
).encode()

# name: (method, path, query string, headers, body, expected status)
REQUESTS: dict[str, tuple[str, str, bytes, list[tuple[bytes, bytes]], bytes, int]] = {
    "hello (async)": ("GET", "/hello", b"", [], b"", 200),
    "hello (sync def)": ("GET", "/hello-sync", b"", [], b"", 200),
    "path + query": ("GET", "/items/42", b"q=widget&limit=20", [], b"", 200),
    "body model": ("POST", "/items", b"", [(b"content-type", b"application/json")], ITEM_BODY, 200),
    "100 models out": ("GET", "/items", b"", [], b"", 200),
    "dependency chain": ("GET", "/deps", b"", [(b"x-token", b"secret")], b"", 200),
    "3-deep yield dependencies": ("GET", "/deps3", b"", [(b"x-token", b"secret")], b"", 200),
    "background task": ("POST", "/background", b"", [], b"", 200),
    "301st route": ("GET", "/late/7", b"", [], b"", 200),
    "422 failure": ("GET", "/invalid", b"n=abc", [], b"", 422),
    "form post": (
        "POST",
        "/form",
        b"",
        [(b"content-type", b"application/x-www-form-urlencoded")],
        b"username=ann&password=secret",
        200,
    ),
    "file upload": (
        "POST",
        "/upload",
        b"",
        [(b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())],
        UPLOAD_BODY,
        200,
    ),
    "websocket echo": ("WS", "/ws", b"", [], b"ping", 0),
}
