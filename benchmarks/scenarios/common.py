"""Shared pieces of the benchmark apps (identical for every FastAPI implementation)."""

from __future__ import annotations

from pydantic import BaseModel


class Owner(BaseModel):
    name: str
    email: str


class Item(BaseModel):
    name: str
    price: float
    tags: list[str] = []
    owner: Owner


class ItemOut(BaseModel):
    name: str
    price: float
    tags: list[str]


ITEM_BODY = b'{"name":"Widget","price":9.5,"tags":["a","b"],"owner":{"name":"Ann","email":"ann@example.com"}}'
ITEMS = [{"name": f"item {i}", "price": i * 1.5, "tags": ["x"]} for i in range(100)]

# Scenario routes declared before the fillers; with them, /late/{n} is the 301st route.
SCENARIO_ROUTES = 12
FILLERS = 300 - SCENARIO_ROUTES
