"""app.webhooks: webhook operations declared with @app.webhooks.post(name) appear under
`webhooks` in the OpenAPI document (with request body models, tags, summary, status codes,
multiple methods per name), are not routable, and coexist with normal paths."""
from datetime import datetime

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI(title="Webhooks")


class Subscription(BaseModel):
    username: str
    monthly_fee: float
    start_date: datetime


class Cancellation(BaseModel):
    reason: str | None = None


@app.webhooks.post("new-subscription")
def new_subscription(body: Subscription):
    """
    When a new user subscribes to your service we'll send you a POST request with this
    data to the URL that you register for the event `new-subscription` in the dashboard.
    """


@app.webhooks.delete("new-subscription", summary="Subscription removed", tags=["subs"])
def remove_subscription(body: Cancellation):
    pass


@app.webhooks.put("renewal", status_code=202, response_description="Ack", deprecated=True)
def renewal(body: Subscription, attempt: int = 1):
    pass


@app.get("/users/")
def read_users():
    return ["Rick", "Morty"]


CASES = [
    {"method": "GET", "url": "/users/"},
    {"method": "POST", "url": "/new-subscription", "json": {}},
    {"method": "GET", "url": "/openapi.json"},
]
