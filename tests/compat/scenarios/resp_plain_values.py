"""Plain return values without a response model: scalars, floats, nan/inf, None, containers, bytes."""
import math

from fastapi import FastAPI

app = FastAPI()

VALUES = {
    "str": "hello",
    "empty-str": "",
    "str-with-quotes": 'say "hi"\n\t\\ /',
    "control-chars": "a\x00b\x1fc\x7f",
    "int": 42,
    "zero": 0,
    "negative": -7,
    "big-int": 2**64 + 1,
    "huge-int": 10**40,
    "float": 1.5,
    "float-0.1": 0.1,
    "float-1e16": 1e16,
    "float-1e-7": 1e-7,
    "float-1e300": 1e300,
    "float-int-valued": 3.0,
    "float-neg-zero": -0.0,
    "float-precision": 0.1 + 0.2,
    "float-max": 1.7976931348623157e308,
    "float-tiny": 5e-324,
    "nan": math.nan,
    "inf": math.inf,
    "neg-inf": -math.inf,
    "nan-in-list": [1.0, math.nan],
    "true": True,
    "false": False,
    "none": None,
    "list": [1, "two", 3.0, None, True],
    "empty-list": [],
    "empty-dict": {},
    "nested": {"a": {"b": {"c": [1, {"d": None}]}}, "e": [[], [[]]]},
    "tuple": (1, 2, "three"),
    "nested-tuple": {"t": (1, (2, 3))},
    "set": {3},
    "frozenset": frozenset({"only"}),
    "bytes": b"raw bytes",
    "bytes-in-dict": {"b": b"abc"},
    "int-keys": {1: "one", 2: "two"},
    "float-keys": {1.5: "x"},
    "bool-keys": {True: "t", None: "n"},
    "tuple-keys": {(1, 2): "pair"},
    "dict-order": {"z": 1, "a": 2, "m": 3},
}


@app.get("/value/{name}")
def value(name: str):
    return VALUES[name]


@app.get("/bytes-invalid-utf8")
def bytes_invalid_utf8():
    return b"\xff\xfe"


@app.get("/range")
def range_value():
    return range(3)


@app.get("/generator")
def generator():
    return (i * i for i in range(4))


@app.get("/dict-keys-view")
def dict_keys_view():
    return {"a": 1, "b": 2}.keys()


@app.get("/dict-values-view")
def dict_values_view():
    return {"a": 1, "b": 2}.values()


@app.get("/complex")
def complex_value():
    return 1 + 2j


@app.get("/object")
def object_value():
    return object()


class Holder:
    def __init__(self) -> None:
        self.a = 1
        self.when = None
        self.items = (1, 2)


@app.get("/plain-object")
def plain_object():
    return Holder()


@app.get("/exception-object")
def exception_object():
    return ValueError("boom")


@app.get("/class-object")
def class_object():
    return Holder


@app.get("/float-annotated")
def float_annotated() -> float:
    return math.nan


@app.get("/float-annotated-inf")
def float_annotated_inf() -> float:
    return math.inf


@app.get("/list-float-annotated")
def list_float_annotated() -> list[float]:
    return [1e16, 1e-7, 0.1, -0.0]


@app.get("/bytes-annotated")
def bytes_annotated() -> bytes:
    return b"annotated bytes"


@app.get("/async-none")
async def async_none():
    pass


CASES = [{"method": "GET", "url": f"/value/{name}"} for name in VALUES] + [
    {"method": "GET", "url": "/value/nan", "raise_server_exceptions": True, "name": "nan (raise)"},
    {"method": "GET", "url": "/bytes-invalid-utf8"},
    {"method": "GET", "url": "/bytes-invalid-utf8", "raise_server_exceptions": True, "name": "bytes-invalid-utf8 (raise)"},
    {"method": "GET", "url": "/range"},
    {"method": "GET", "url": "/range", "raise_server_exceptions": True, "name": "range (raise)"},
    {"method": "GET", "url": "/generator"},
    {"method": "GET", "url": "/dict-keys-view"},
    {"method": "GET", "url": "/dict-keys-view", "raise_server_exceptions": True, "name": "dict-keys-view (raise)"},
    {"method": "GET", "url": "/dict-values-view"},
    {"method": "GET", "url": "/value/tuple-keys", "raise_server_exceptions": True, "name": "tuple-keys (raise)"},
    {"method": "GET", "url": "/value/inf", "raise_server_exceptions": True, "name": "inf (raise)"},
    {"method": "GET", "url": "/complex"},
    {"method": "GET", "url": "/complex", "raise_server_exceptions": True, "name": "complex (raise)"},
    {"method": "GET", "url": "/object"},
    {"method": "GET", "url": "/object", "raise_server_exceptions": True, "name": "object (raise)"},
    {"method": "GET", "url": "/plain-object"},
    {"method": "GET", "url": "/exception-object"},
    {"method": "GET", "url": "/class-object"},
    {"method": "GET", "url": "/class-object", "raise_server_exceptions": True, "name": "class-object (raise)"},
    {"method": "GET", "url": "/float-annotated"},
    {"method": "GET", "url": "/float-annotated", "raise_server_exceptions": True, "name": "float-annotated nan (raise)"},
    {"method": "GET", "url": "/float-annotated-inf"},
    {"method": "GET", "url": "/list-float-annotated"},
    {"method": "GET", "url": "/bytes-annotated"},
    {"method": "GET", "url": "/async-none"},
]
