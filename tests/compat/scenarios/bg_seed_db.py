"""Seed example "Background Task with Database Operations": two tasks log an activity and
update statistics, each with its own session.

Adapted: SQLAlchemy is not available, so ``SessionLocal``/``ActivityLog`` are tiny in-memory
stand-ins with the same calls (add/commit/rollback/close); the timestamp is left out to stay
deterministic. Actions named "fail" make ``commit`` raise, so the except branch runs.
``print`` records into a list; GET /db exposes rows, prints and session events.
"""

from fastapi import BackgroundTasks, FastAPI

LOG: list[str] = []
ROWS: list[dict] = []


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


class ActivityLog:
    __tablename__ = "activity_logs"

    def __init__(self, user_id: int, action: str):
        self.user_id = user_id
        self.action = action


class _Session:
    def __init__(self):
        self.pending = []
        LOG.append("(session open)")

    def add(self, obj):
        self.pending.append(obj)

    def commit(self):
        for obj in self.pending:
            if obj.action == "fail":
                raise RuntimeError("constraint violated")
        for obj in self.pending:
            ROWS.append({"id": len(ROWS) + 1, "user_id": obj.user_id, "action": obj.action})
        self.pending = []
        LOG.append("(commit)")

    def rollback(self):
        self.pending = []
        LOG.append("(rollback)")

    def close(self):
        LOG.append("(session close)")


SessionLocal = _Session

app = FastAPI()


def log_user_activity(user_id: int, action: str):
    db = SessionLocal()
    try:
        activity = ActivityLog(user_id=user_id, action=action)
        db.add(activity)
        db.commit()
        print(f"Logged activity: User {user_id} performed {action}")
    except Exception as e:
        print(f"Failed to log activity: {str(e)}")
        db.rollback()
    finally:
        db.close()


def update_user_statistics(user_id: int):
    db = SessionLocal()
    try:
        # Update user statistics based on recent activity
        # This is a placeholder for complex statistical calculations
        print(f"Updated statistics for user {user_id}")
    except Exception as e:
        print(f"Failed to update statistics: {str(e)}")
    finally:
        db.close()


@app.post("/user/{user_id}/action")
async def perform_user_action(
    user_id: int,
    action: str,
    background_tasks: BackgroundTasks
):
    # Log the activity in background
    background_tasks.add_task(log_user_activity, user_id, action)

    # Update user statistics in background
    background_tasks.add_task(update_user_statistics, user_id)

    return {"message": f"Action '{action}' recorded for user {user_id}"}


@app.get("/db")
def db_state():
    return {"rows": ROWS, "log": LOG}


@app.delete("/db/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/user/1/action?action=login"},
    {"method": "GET", "url": "/db"},
    {"method": "DELETE", "url": "/db/log"},
    # commit fails inside the first task; the second task still runs
    {"method": "POST", "url": "/user/2/action?action=fail"},
    {"method": "GET", "url": "/db"},
    {"method": "DELETE", "url": "/db/log"},
    # quotes and unicode in the action
    {"method": "POST", "url": "/user/3/action", "params": {"action": "it's \"ok\" ✓"}},
    {"method": "GET", "url": "/db"},
    {"method": "DELETE", "url": "/db/log"},
    # validation errors: no task at all
    {"method": "POST", "url": "/user/3/action"},
    {"method": "POST", "url": "/user/x/action?action=a"},
    {"method": "POST", "url": "/user/x/action"},
    {"method": "POST", "url": "/user/+4/action?action=plus"},
    {"method": "POST", "url": "/user/%204%20/action?action=spaces"},
    {"method": "POST", "url": "/user/4.0/action?action=float"},
    {"method": "POST", "url": "/user/1e3/action?action=exp"},
    {"method": "POST", "url": "/user/0x10/action?action=hex"},
    {"method": "POST", "url": "/user/1_000/action?action=underscore"},
    {"method": "POST", "url": "/user/%D9%A3/action?action=arabic-digit"},
    {"method": "GET", "url": "/db"},
]
