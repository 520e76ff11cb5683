"""Unicode/emoji in JSON output (no ASCII escaping), surrogates, large ints and float formatting through models."""
from fastapi import FastAPI, Query
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel

app = FastAPI()


class Text(BaseModel):
    text: str
    count: int = 0


class Numbers(BaseModel):
    i: int
    f: float
    values: list[float] = []


@app.get("/emoji")
def emoji():
    return {"emoji": "😀🎉", "flag": "🇫🇷", "zwj": "👩‍💻", "é": "clé", "日本": "語"}


@app.get("/escapes")
def escapes():
    return {"quote": '"', "backslash": "\\", "slash": "/", "newline": "\n", "tab": "\t", "bell": "\x07", "html": "<script>&</script>", "line-sep": "\u2028\u2029", "bom": "\ufeff"}


@app.get("/lone-surrogate")
def lone_surrogate():
    return {"s": "\ud800"}


@app.get("/model-unicode", response_model=Text)
def model_unicode():
    return {"text": "naïve café ☕ 𝄞"}


@app.get("/echo")
def echo(q: str):
    return {"q": q, "len": len(q)}


@app.get("/echo-model", response_model=Text)
def echo_model(q: str = Query()):
    return Text(text=q, count=len(q.encode()))


@app.get("/plain-unicode", response_class=PlainTextResponse)
def plain_unicode():
    return "plain ünïcödé 😀"


@app.get("/big-ints")
def big_ints():
    return {"max_i64": 2**63 - 1, "over_i64": 2**63, "over_u64": 2**64, "neg": -(2**70), "js_unsafe": 2**53 + 1}


@app.get("/big-int-model", response_model=Numbers)
def big_int_model():
    return {"i": 2**100, "f": 2**100, "values": [10**20, 1e16, 1e-7, 0.1, 123456789.123456789]}


@app.get("/float-formatting-model", response_model=Numbers)
def float_formatting_model():
    return {"i": 1, "f": 1e16, "values": [1e15, 1e17, 1.5e-5, 1e-4, 0.0001, 100.0, -0.0, 1e22, 1.7976931348623157e308]}


@app.get("/float-formatting-plain")
def float_formatting_plain():
    return [1e15, 1e17, 1.5e-5, 1e-4, 0.0001, 100.0, -0.0, 1e22, 1.7976931348623157e308]


@app.get("/int-from-float-model", response_model=Numbers)
def int_from_float_model():
    return {"i": 3.0, "f": "2.5"}


@app.get("/huge-float-from-int-model", response_model=Numbers)
def huge_float_from_int_model():
    return {"i": 0, "f": 10**400}


CASES = [
    {"method": "GET", "url": "/emoji"},
    {"method": "GET", "url": "/escapes"},
    {"method": "GET", "url": "/lone-surrogate"},
    {"method": "GET", "url": "/lone-surrogate", "raise_server_exceptions": True, "name": "lone-surrogate (raise)"},
    {"method": "GET", "url": "/model-unicode"},
    {"method": "GET", "url": "/echo", "params": {"q": "😀 é 日本"}},
    {"method": "GET", "url": "/echo?q=%F0%9F%98%80"},
    {"method": "GET", "url": "/echo?q=%ED%A0%80"},
    {"method": "GET", "url": "/echo-model", "params": {"q": "zwj 👩‍💻"}},
    {"method": "GET", "url": "/plain-unicode"},
    {"method": "GET", "url": "/big-ints"},
    {"method": "GET", "url": "/big-int-model"},
    {"method": "GET", "url": "/float-formatting-model"},
    {"method": "GET", "url": "/float-formatting-plain"},
    {"method": "GET", "url": "/int-from-float-model"},
    {"method": "GET", "url": "/huge-float-from-int-model"},
    {"method": "GET", "url": "/huge-float-from-int-model", "raise_server_exceptions": True, "name": "huge-float-from-int-model (raise)"},
]
