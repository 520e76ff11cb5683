"""Seed example "Basic Background Task": a task writes a notification file after the response.

Adapted only so the file lands in a temporary directory created at import time; a later
GET reads the file back so the recording shows what the task wrote (and when).
"""

import atexit
import os
import shutil
import tempfile

from fastapi import BackgroundTasks, FastAPI

TMPDIR = tempfile.TemporaryDirectory(prefix="bg_seed_notification_")
atexit.register(TMPDIR.cleanup)
LOG_PATH = os.path.join(TMPDIR.name, "log.txt")

app = FastAPI()


def write_notification(email: str, message: str = ""):
    with open(LOG_PATH, mode="w") as email_file:
        content = f"notification for {email}: {message}\n"
        email_file.write(content)


@app.post("/send-notification/{email}")
async def send_notification(email: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(write_notification, email, message="some notification")
    return {"message": "Notification sent in the background"}


# Helpers to observe the side effect (not part of the seed example).
@app.get("/log")
def read_log():
    if not os.path.exists(LOG_PATH):
        return {"exists": False, "content": None}
    with open(LOG_PATH) as f:
        return {"exists": True, "content": f.read()}


@app.delete("/log")
def delete_log():
    existed = os.path.exists(LOG_PATH)
    if existed:
        os.remove(LOG_PATH)
    return {"deleted": existed}


CASES = [
    {"method": "GET", "url": "/log"},
    {"method": "POST", "url": "/send-notification/foo@example.com"},
    {"method": "GET", "url": "/log"},
    # the file is opened with mode "w": a second notification replaces the first
    {"method": "POST", "url": "/send-notification/bar@example.com"},
    {"method": "GET", "url": "/log"},
    # unicode and percent-encoded path parameter
    {"method": "POST", "url": "/send-notification/%C3%A9l%C3%A8ve%40ex.fr"},
    {"method": "GET", "url": "/log"},
    # %2F is decoded to "/" before routing, so this path has an extra segment: 404, no task
    {"method": "POST", "url": "/send-notification/a%20b%2Fc"},
    {"method": "GET", "url": "/log"},
    # wrong method: 405, no task
    {"method": "DELETE", "url": "/log"},
    {"method": "GET", "url": "/send-notification/x@example.com"},
    {"method": "GET", "url": "/log"},
    # missing path parameter -> 404, no task
    {"method": "POST", "url": "/send-notification/"},
    {"method": "GET", "url": "/log"},
    # a query parameter named like the injected object is just ignored
    {"method": "POST", "url": "/send-notification/q@example.com?background_tasks=nope"},
    {"method": "GET", "url": "/log"},
    # a body is ignored too
    {"method": "POST", "url": "/send-notification/body@example.com", "json": {"background_tasks": []}},
    {"method": "GET", "url": "/log"},
    # HEAD on a POST route
    {"method": "HEAD", "url": "/send-notification/head@example.com"},
    {"method": "GET", "url": "/log"},
]
