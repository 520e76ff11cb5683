"""Startup error: APIRouter(prefix=...) not starting with '/'."""
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix="api")

CASES = []
