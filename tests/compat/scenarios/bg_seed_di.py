"""Seed example "Background Tasks with Dependency Injection": services obtained with Depends
are passed to a background task.

Adapted: ``print`` records into a list; GET /log exposes it. An extra probe endpoint (not
in the seed) records whether the service instances given to the task are the very ones the
endpoint received.
"""

from fastapi import BackgroundTasks, Depends, FastAPI

LOG: list[str] = []


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


app = FastAPI()


class EmailService:
    def send_email(self, to: str, subject: str, body: str):
        print(f"Sending email to {to}: {subject}")


class DatabaseService:
    def log_activity(self, user_id: int, action: str):
        print(f"Logging: User {user_id} performed {action}")


# Dependency providers
def get_email_service() -> EmailService:
    return EmailService()


def get_database_service() -> DatabaseService:
    return DatabaseService()


def notification_task(
    user_id: int,
    action: str,
    email_service: EmailService,
    db_service: DatabaseService
):
    # Use injected services in background task
    db_service.log_activity(user_id, action)
    email_service.send_email(
        f"user{user_id}@example.com",
        "Action Performed",
        f"You performed: {action}"
    )


@app.post("/action/{user_id}")
async def perform_action(
    user_id: int,
    action: str,
    background_tasks: BackgroundTasks,
    email_service: EmailService = Depends(get_email_service),
    db_service: DatabaseService = Depends(get_database_service)
):
    # Pass dependencies to background task
    background_tasks.add_task(
        notification_task,
        user_id,
        action,
        email_service,
        db_service
    )

    return {"message": f"Action {action} performed for user {user_id}"}


SEEN: dict = {}


@app.post("/probe")
def probe(
    background_tasks: BackgroundTasks,
    email_service: EmailService = Depends(get_email_service),
):
    SEEN["endpoint"] = email_service

    def task(svc):
        LOG.append(f"task got the endpoint's instance: {svc is SEEN['endpoint']}")

    background_tasks.add_task(task, email_service)
    return {"service": type(email_service).__name__}


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/action/1?action=signup"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/action/2?action=d%C3%A9part%20%26%20retour"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/probe"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # services are not request parameters: passing them in the query/body changes nothing
    {"method": "POST", "url": "/action/3?action=x&email_service=evil&db_service=evil"},
    {"method": "POST", "url": "/action/4?action=y", "json": {"email_service": {}}},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # validation errors: no task
    {"method": "POST", "url": "/action/3"},
    {"method": "POST", "url": "/action/three?action=x"},
    {"method": "GET", "url": "/log"},
]
