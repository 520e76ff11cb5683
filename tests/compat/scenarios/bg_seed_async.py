"""Seed example "Async Background Tasks": two ``async def`` tasks fetch data and post a webhook.

Adapted: no network. ``aiohttp`` is a stand-in whose ClientSession answers from a fixed
table (URLs under ``http://data.test/`` return JSON, ``http://hook.test/ok`` answers 200,
``http://hook.test/down`` 503, anything else raises); ``asyncio.sleep`` is recorded and
sleeps 0; ``print`` records. GET /log exposes the records in order.
"""

import asyncio as _asyncio
import types

from fastapi import BackgroundTasks, FastAPI

LOG: list[str] = []

DATA = {
    "http://data.test/a": {"x": 1, "y": 2, "z": 3},
    "http://data.test/empty": {},
}


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


async def _sleep(seconds):
    LOG.append(f"(sleep {seconds})")
    await _asyncio.sleep(0)


asyncio = types.SimpleNamespace(sleep=_sleep)


class _Resp:
    def __init__(self, status, data):
        self.status = status
        self._data = data

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    async def json(self):
        return self._data


class _ClientSession:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False

    def get(self, url):
        LOG.append(f"(GET {url})")
        if url not in DATA:
            raise ConnectionError(f"Cannot connect to host {url}")
        return _Resp(200, DATA[url])

    def post(self, url, json=None):
        LOG.append(f"(POST {url} {json})")
        if url == "http://hook.test/ok":
            return _Resp(200, None)
        if url == "http://hook.test/down":
            return _Resp(503, None)
        raise ConnectionError(f"Cannot connect to host {url}")


aiohttp = types.SimpleNamespace(ClientSession=_ClientSession)

app = FastAPI()


async def fetch_external_data(url: str, user_id: int):
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as response:
                data = await response.json()
                # Process the fetched data
                await process_external_data(data, user_id)
                print(f"Successfully processed external data for user {user_id}")
    except Exception as e:
        print(f"Failed to fetch external data: {str(e)}")


async def process_external_data(data: dict, user_id: int):
    # Simulate async processing
    await asyncio.sleep(1)
    print(f"Processed data for user {user_id}: {len(data)} items")


async def send_webhook(webhook_url: str, payload: dict):
    try:
        async with aiohttp.ClientSession() as session:
            async with session.post(webhook_url, json=payload) as response:
                if response.status == 200:
                    print("Webhook sent successfully")
                else:
                    print(f"Webhook failed with status {response.status}")
    except Exception as e:
        print(f"Webhook error: {str(e)}")


@app.post("/trigger-external-fetch/{user_id}")
async def trigger_external_fetch(
    user_id: int,
    data_url: str,
    webhook_url: str,
    background_tasks: BackgroundTasks
):
    # Fetch external data in background
    background_tasks.add_task(fetch_external_data, data_url, user_id)

    # Send webhook notification in background
    payload = {"user_id": user_id, "action": "external_fetch_triggered"}
    background_tasks.add_task(send_webhook, webhook_url, payload)

    return {"message": f"External data fetch triggered for user {user_id}"}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


def url(user, data, hook):
    return {"method": "POST", "url": f"/trigger-external-fetch/{user}", "params": {"data_url": data, "webhook_url": hook}}


CASES = [
    url(1, "http://data.test/a", "http://hook.test/ok"),
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    url(2, "http://data.test/empty", "http://hook.test/down"),
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # both tasks fail internally (they catch); the client already got its 200
    url(3, "http://nowhere.test/", "not a url"),
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # empty strings accepted for str query parameters
    url(4, "", ""),
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # validation errors
    {"method": "POST", "url": "/trigger-external-fetch/5"},
    {"method": "POST", "url": "/trigger-external-fetch/5?data_url=http://data.test/a"},
    {"method": "POST", "url": "/trigger-external-fetch/five?webhook_url=x"},
    {"method": "POST", "url": "/trigger-external-fetch/-0?data_url=http://data.test/a&webhook_url=http://hook.test/ok"},
    {"method": "GET", "url": "/log"},
]
