"""Query parameter constraints: numeric bounds, string lengths, patterns, strict, inf/nan, decimals."""
from decimal import Decimal
from typing import Annotated, Optional

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/num")
def num(
    i: Annotated[int, Query(gt=0, le=100)] = 1,
    j: Annotated[int, Query(ge=10, lt=20)] = 10,
    k: int = Query(5, multiple_of=5),
    f: Annotated[float, Query(gt=0.5, lt=1.5)] = 1.0,
    g: Annotated[float, Query(ge=-1, le=1, multiple_of=0.25)] = 0.0,
):
    return {"i": i, "j": j, "k": k, "f": f, "g": g}


@app.get("/str")
def strings(
    a: Annotated[str, Query(min_length=2, max_length=4)] = "ab",
    b: str = Query("xyz", pattern=r"^[a-z]+$"),
    c: Annotated[Optional[str], Query(pattern=r"\d{3}")] = None,
    d: Annotated[Optional[str], Query(regex=r"^fixed$")] = None,
):
    return {"a": a, "b": b, "c": c, "d": d}


@app.get("/strict")
def strict_params(
    i: Annotated[Optional[int], Query(strict=True)] = None,
    s: Annotated[Optional[str], Query(strict=True)] = None,
    f: Annotated[Optional[float], Query(strict=True)] = None,
):
    return {"i": i, "s": s, "f": f}


@app.get("/inf")
def inf_nan(
    a: Annotated[Optional[float], Query()] = None,
    b: Annotated[Optional[float], Query(allow_inf_nan=False)] = None,
):
    # NaN/inf are not JSON: echo their repr
    return {"a": repr(a), "b": repr(b)}


@app.get("/decimal")
def decimals(
    d: Annotated[Optional[Decimal], Query(max_digits=5, decimal_places=2)] = None,
    e: Annotated[Optional[Decimal], Query(gt=0, le=10)] = None,
    n: Annotated[Optional[Decimal], Query(allow_inf_nan=True)] = None,
):
    return {"d": d, "e": e, "n": str(n)}


@app.get("/bad-default")
def bad_default(a: Annotated[str, Query(min_length=5)] = "ab", n: Annotated[int, Query(gt=10)] = 1):
    return {"a": a, "n": n}


@app.get("/opt-bounded")
def opt_bounded(q: Annotated[int | None, Query(ge=0)] = None):
    return {"q": q}


CASES = [
    {"method": "GET", "url": "/num"},
    {"method": "GET", "url": "/num?i=100&j=19&k=-10&f=1.49&g=-0.75"},
    {"method": "GET", "url": "/num?i=0"},
    {"method": "GET", "url": "/num?i=101"},
    {"method": "GET", "url": "/num?j=9"},
    {"method": "GET", "url": "/num?j=20"},
    {"method": "GET", "url": "/num?k=7"},
    {"method": "GET", "url": "/num?f=0.5"},
    {"method": "GET", "url": "/num?f=1.5"},
    {"method": "GET", "url": "/num?g=0.3"},
    {"method": "GET", "url": "/num?g=2"},
    {"method": "GET", "url": "/num?i=0&j=0&k=1&f=0&g=0.1"},
    {"method": "GET", "url": "/num?i=abc&j=9"},
    {"method": "GET", "url": "/str?a=abcd&b=q&c=x123y&d=fixed"},
    {"method": "GET", "url": "/str?a=a"},
    {"method": "GET", "url": "/str?a="},
    {"method": "GET", "url": "/str?a=abcde"},
    {"method": "GET", "url": "/str?a=%F0%9F%98%80%F0%9F%98%80"},
    {"method": "GET", "url": "/str?a=%F0%9F%98%80"},
    {"method": "GET", "url": "/str?b=ABC"},
    {"method": "GET", "url": "/str?b="},
    {"method": "GET", "url": "/str?c=12"},
    {"method": "GET", "url": "/str?c=a1234"},
    {"method": "GET", "url": "/str?d=fixed2"},
    {"method": "GET", "url": "/str?d=fixed"},
    {"method": "GET", "url": "/str?a=x&b=1&c=z&d=no"},
    {"method": "GET", "url": "/strict?i=5&s=x&f=1.5"},
    {"method": "GET", "url": "/strict?f=2"},
    {"method": "GET", "url": "/inf?a=inf&b=1.5"},
    {"method": "GET", "url": "/inf?a=nan&b=-inf"},
    {"method": "GET", "url": "/inf?a=-Infinity&b=NaN"},
    {"method": "GET", "url": "/inf?a=1e400"},
    {"method": "GET", "url": "/inf?b=1e400"},
    {"method": "GET", "url": "/decimal?d=123.45"},
    {"method": "GET", "url": "/decimal?d=1234.5"},
    {"method": "GET", "url": "/decimal?d=1.234"},
    {"method": "GET", "url": "/decimal?d=12345"},
    {"method": "GET", "url": "/decimal?d=1.230"},
    {"method": "GET", "url": "/decimal?d=abc"},
    {"method": "GET", "url": "/decimal?d=1e2"},
    {"method": "GET", "url": "/decimal?e=0"},
    {"method": "GET", "url": "/decimal?e=10.000"},
    {"method": "GET", "url": "/decimal?e=10.0001"},
    {"method": "GET", "url": "/decimal?n=NaN"},
    {"method": "GET", "url": "/decimal?d=NaN"},
    {"method": "GET", "url": "/decimal?d=Infinity"},
    {"method": "GET", "url": "/bad-default"},
    {"method": "GET", "url": "/bad-default?a=abcdef&n=11"},
    {"method": "GET", "url": "/opt-bounded?q=-1"},
    {"method": "GET", "url": "/opt-bounded"},
]
