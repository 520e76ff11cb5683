"""The demo app: the seed's background-task scenarios, as one real app in durable mode.

Run it with ``make demo`` and open http://127.0.0.1:8000/docs. Tasks are stored in SQLite
(``DEMO_DATA_DIR``, default ``examples/demo/data``) before each response is sent, so they
survive a restart; ``GET /tasks/{id}`` shows any task's status and progress.

What each scenario does, and how it differs from the seed text:

- notifications are appended to ``notifications.log`` (``GET /notifications`` reads it);
- e-mails go out over SMTP when ``SMTP_HOST`` is set, otherwise into ``outbox.log``;
- a CSV upload is processed in the background, reporting progress per row;
- user activity is logged into SQLite through SQLAlchemy (``GET /activity`` lists it);
- the "external data" and "webhook" calls go to this app's own ``/demo-data`` and
  ``/webhook`` endpoints (no internet needed), with httpx instead of aiohttp;
- ``POST /flaky`` queues a task that fails twice and succeeds on its third attempt;
- the dependency-injection scenario passes live service objects, which cannot be stored,
  so it uses ``options(durable=False)`` to keep that one task in memory.
"""

from __future__ import annotations

import asyncio
import csv
import logging
import os
import smtplib
import time
from datetime import datetime, timezone
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path
from typing import Annotated, Any

import httpx
from sqlalchemy import Column, DateTime, Integer, String, create_engine, select
from sqlalchemy.orm import declarative_base, sessionmaker

from fastapi import BackgroundTasks, Depends, FastAPI, File, Query, UploadFile
from fastapi import Path as PathParam
from fastapi.tasks import (
    Retry,
    TaskSettings,
    current_task,
    task,
    task_dashboard_router,
    task_status_router,
)

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logger = logging.getLogger("demo")

DATA = Path(os.environ.get("DEMO_DATA_DIR", Path(__file__).parent / "data")).resolve()
DATA.mkdir(parents=True, exist_ok=True)
NOTIFICATIONS = DATA / "notifications.log"
OUTBOX = DATA / "outbox.log"
UPLOADS = DATA / "uploads"
UPLOADS.mkdir(exist_ok=True)
SELF_URL = os.environ.get("DEMO_SELF_URL", "http://127.0.0.1:8000")

app = FastAPI(
    title="Background tasks demo",
    description="The seed's background-task scenarios in durable mode. Task statuses: `/tasks/{id}`; "
    "all tasks, live: `/task-dashboard`.",
    tasks=TaskSettings(store=f"sqlite:///{DATA / 'tasks.db'}", concurrency=4),
    offline_docs=True,  # /docs and /redoc work without internet access
)
app.include_router(task_status_router())
# The live page of tasks by state: http://127.0.0.1:8000/task-dashboard (a local demo; in a
# real app, protect both routers: task_dashboard_router(dependencies=[Depends(require_admin)])).
app.include_router(task_dashboard_router())

# --- SQLAlchemy: the activity log -------------------------------------------------------------

Base = declarative_base()
engine = create_engine(f"sqlite:///{DATA / 'activity.db'}")
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


class ActivityLog(Base):  # type: ignore[misc,valid-type]
    __tablename__ = "activity_logs"
    id = Column(Integer, primary_key=True, index=True)
    user_id = Column(Integer, index=True)
    action = Column(String)
    timestamp = Column(DateTime, default=lambda: datetime.now(timezone.utc))


Base.metadata.create_all(bind=engine)

# User ids are stored in SQLite, whose integers are 64-bit: a larger one is a 422, not a 500.
SQLITE_MAX = 2**63 - 1
UserId = Annotated[int, PathParam(ge=0, le=SQLITE_MAX)]


# --- the tasks (module-level functions: durable tasks are imported by name) --------------------


def write_notification(email: str, message: str = "") -> None:
    with NOTIFICATIONS.open("a") as log:
        log.write(f"notification for {email}: {message}\n")


def slow_task_1(name: str) -> None:
    time.sleep(2)
    logger.info("Task 1 completed for %s", name)


def slow_task_2(name: str) -> None:
    time.sleep(3)
    logger.info("Task 2 completed for %s", name)


def cleanup_task() -> None:
    logger.info("Cleanup completed")


def send_email(to_email: str, subject: str, body: str) -> None:
    host = os.environ.get("SMTP_HOST")
    if not host:
        with OUTBOX.open("a") as outbox:
            outbox.write(f"To: {to_email}\nSubject: {subject}\n\n{body}\n---\n")
        return
    message = MIMEMultipart()
    message["From"] = os.environ.get("SMTP_FROM", "demo@example.com")
    message["To"] = to_email
    message["Subject"] = subject
    message.attach(MIMEText(body, "plain"))
    with smtplib.SMTP(host, int(os.environ.get("SMTP_PORT", "587"))) as server:
        server.starttls()
        if os.environ.get("SMTP_USER"):
            server.login(os.environ["SMTP_USER"], os.environ.get("SMTP_PASSWORD", ""))
        server.send_message(message)


def process_csv_file(filename: str, user_id: int) -> dict[str, Any]:
    path = Path(filename)
    with path.open(newline="") as file:
        rows = list(csv.DictReader(file))
    for done, row in enumerate(rows, start=1):
        time.sleep(0.2)  # some work per row
        current_task().progress(done, len(rows), f"processed row {done} of {len(rows)} for user {user_id}")
    path.unlink(missing_ok=True)
    logger.info("Processed %d rows for user %d", len(rows), user_id)
    return {"rows": len(rows)}


def log_user_activity(user_id: int, action: str) -> None:
    with SessionLocal() as db:
        db.add(ActivityLog(user_id=user_id, action=action))
        db.commit()


def update_user_statistics(user_id: int) -> None:
    with SessionLocal() as db:
        count = len(db.scalars(select(ActivityLog).where(ActivityLog.user_id == user_id)).all())
    logger.info("User %d has %d recorded actions", user_id, count)


async def fetch_external_data(url: str, user_id: int) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        data = (await client.get(url)).json()
    await asyncio.sleep(1)
    logger.info("Processed data for user %d: %d items", user_id, len(data))


async def send_webhook(webhook_url: str, payload: dict[str, Any]) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(webhook_url, json=payload)
    response.raise_for_status()  # a failure is recorded in the task's status, and retried below


FLAKY_LOG = DATA / "flaky.log"


@task(retry=Retry(attempts=4, delay=0.5, backoff=2.0))
def flaky_report(report_id: str) -> None:
    """Fails on its first two attempts (say, a remote service warming up), then succeeds."""
    attempt = current_task().attempt
    with FLAKY_LOG.open("a") as log:
        log.write(f"{report_id} attempt {attempt}\n")
    if attempt < 3:
        raise ConnectionError(f"report service unavailable (attempt {attempt})")


class EmailService:
    def send_email(self, to: str, subject: str, body: str) -> None:
        logger.info("Sending email to %s: %s", to, subject)


class DatabaseService:
    def log_activity(self, user_id: int, action: str) -> None:
        logger.info("Logging: user %d performed %s", user_id, action)


def notification_task(user_id: int, action: str, email_service: EmailService, db_service: DatabaseService) -> None:
    db_service.log_activity(user_id, action)
    email_service.send_email(f"user{user_id}@example.com", "Action Performed", f"You performed: {action}")


# --- the endpoints ------------------------------------------------------------------------------


@app.post("/send-notification/{email}", tags=["seed"])
async def send_notification(email: str, background_tasks: BackgroundTasks):
    handle = background_tasks.add_task(write_notification, email, message="some notification")
    return {"message": "Notification sent in the background", "task": handle.id}


@app.get("/notifications", tags=["results"])
def read_notifications() -> list[str]:
    return NOTIFICATIONS.read_text().splitlines() if NOTIFICATIONS.exists() else []


@app.post("/process/{name}", tags=["seed"])
async def process_data(name: str, background_tasks: BackgroundTasks):
    ids = [
        background_tasks.add_task(slow_task_1, name).id,
        background_tasks.add_task(slow_task_2, name).id,
        background_tasks.add_task(cleanup_task).id,
    ]
    return {"message": f"Processing started for {name}", "tasks": ids}


@app.post("/send-email/", tags=["seed"])
async def send_email_endpoint(to_email: str, subject: str, body: str, background_tasks: BackgroundTasks):
    handle = background_tasks.add_task(send_email, to_email, subject, body)
    return {"message": "Email will be sent in the background", "task": handle.id}


@app.post("/upload-csv/{user_id}", tags=["seed"])
async def upload_csv(user_id: UserId, background_tasks: BackgroundTasks, file: UploadFile = File(...)):
    temp_filename = UPLOADS / f"temp_{user_id}_{Path(file.filename or 'upload.csv').name}"
    temp_filename.write_bytes(await file.read())
    handle = background_tasks.add_task(process_csv_file, str(temp_filename), user_id)
    return {
        "message": f"File {file.filename} uploaded and will be processed in background",
        "task": handle.id,
        "check_progress_url": f"/tasks/{handle.id}",
    }


@app.post("/user/{user_id}/action", tags=["seed"])
async def perform_user_action(user_id: UserId, action: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(log_user_activity, user_id, action)
    background_tasks.add_task(update_user_statistics, user_id)
    return {"message": f"Action '{action}' recorded for user {user_id}"}


@app.get("/activity", tags=["results"])
def read_activity(user_id: Annotated[int | None, Query(ge=0, le=SQLITE_MAX)] = None) -> list[dict[str, Any]]:
    with SessionLocal() as db:
        query = select(ActivityLog).order_by(ActivityLog.id)
        if user_id is not None:
            query = query.where(ActivityLog.user_id == user_id)
        return [
            {"user_id": row.user_id, "action": row.action, "timestamp": row.timestamp.isoformat()}
            for row in db.scalars(query)
        ]


@app.post("/trigger-external-fetch/{user_id}", tags=["seed"])
async def trigger_external_fetch(
    user_id: UserId,
    background_tasks: BackgroundTasks,
    data_url: str = f"{SELF_URL}/demo-data",
    webhook_url: str = f"{SELF_URL}/webhook",
):
    background_tasks.add_task(fetch_external_data, data_url, user_id)
    payload = {"user_id": user_id, "action": "external_fetch_triggered"}
    handle = background_tasks.options(retry=Retry(attempts=3, delay=1.0)).add_task(send_webhook, webhook_url, payload)
    return {"message": f"External data fetch triggered for user {user_id}", "webhook_task": handle.id}


@app.get("/demo-data", tags=["results"])
def demo_data() -> list[int]:
    return list(range(5))


WEBHOOKS: list[dict[str, Any]] = []


@app.post("/webhook", tags=["results"])
def receive_webhook(payload: dict[str, Any]) -> dict[str, bool]:
    WEBHOOKS.append(payload)
    return {"ok": True}


@app.post("/flaky", tags=["durability"])
async def queue_flaky(background_tasks: BackgroundTasks):
    handle = background_tasks.add_task(flaky_report, f"report-{int(time.time())}")
    return {"task": handle.id, "status_url": f"/tasks/{handle.id}"}


def get_email_service() -> EmailService:
    return EmailService()


def get_database_service() -> DatabaseService:
    return DatabaseService()


@app.post("/action/{user_id}", tags=["seed"])
async def perform_action(
    user_id: UserId,
    action: str,
    background_tasks: BackgroundTasks,
    email_service: EmailService = Depends(get_email_service),
    db_service: DatabaseService = Depends(get_database_service),
):
    # Live service objects cannot be stored: this one task stays in memory.
    background_tasks.options(durable=False).add_task(notification_task, user_id, action, email_service, db_service)
    return {"message": f"Action {action} performed for user {user_id}"}
