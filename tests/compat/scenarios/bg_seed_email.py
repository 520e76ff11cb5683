"""Seed example "Background Task with Email Sending": query parameters feed an email task.

Adapted: no SMTP server is contacted; ``smtplib.SMTP`` is a stand-in that records the
conversation (and refuses recipients at the ``invalid`` domain, so the task's except branch
runs); ``print`` records into a list. GET /outbox exposes both.
"""

import smtplib as _real_smtplib
import types
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from fastapi import BackgroundTasks, FastAPI

LOG: list[str] = []
OUTBOX: list[dict] = []


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


class _RecordingSMTP:
    def __init__(self, host, port):
        LOG.append(f"(connect {host}:{port})")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        LOG.append("(quit)")
        return False

    def starttls(self):
        LOG.append("(starttls)")

    def login(self, user, password):
        LOG.append(f"(login {user})")

    def send_message(self, message):
        to = message["To"]
        if to.endswith("@invalid"):
            raise _real_smtplib.SMTPRecipientsRefused({to: (550, b"no such user")})
        text = message.get_payload()[0].get_payload(decode=True).decode("utf-8")
        OUTBOX.append({"from": message["From"], "to": to, "subject": message["Subject"], "body": text})


smtplib = types.SimpleNamespace(SMTP=_RecordingSMTP)

app = FastAPI()


def send_email(to_email: str, subject: str, body: str):
    # Email configuration (use environment variables in production)
    smtp_server = "smtp.gmail.com"
    smtp_port = 587
    sender_email = "your-email@gmail.com"
    sender_password = "your-password"

    try:
        # Create message
        message = MIMEMultipart()
        message["From"] = sender_email
        message["To"] = to_email
        message["Subject"] = subject
        message.attach(MIMEText(body, "plain"))

        # Send email
        with smtplib.SMTP(smtp_server, smtp_port) as server:
            server.starttls()
            server.login(sender_email, sender_password)
            server.send_message(message)

        print(f"Email sent successfully to {to_email}")
    except Exception as e:
        print(f"Failed to send email: {str(e)}")


@app.post("/send-email/")
async def send_email_endpoint(
    to_email: str,
    subject: str,
    body: str,
    background_tasks: BackgroundTasks
):
    background_tasks.add_task(send_email, to_email, subject, body)
    return {"message": "Email will be sent in the background"}


@app.get("/outbox")
def outbox():
    return {"log": LOG, "outbox": OUTBOX}


@app.delete("/outbox")
def clear():
    LOG.clear()
    OUTBOX.clear()
    return None


Q = {"to_email": "a@example.com", "subject": "Hi", "body": "Hello there"}

CASES = [
    {"method": "POST", "url": "/send-email/", "params": Q},
    {"method": "GET", "url": "/outbox"},
    {"method": "DELETE", "url": "/outbox"},
    # the SMTP stand-in refuses this recipient: the task catches and prints; client saw 200
    {"method": "POST", "url": "/send-email/", "params": {**Q, "to_email": "ghost@invalid"}},
    {"method": "GET", "url": "/outbox"},
    {"method": "DELETE", "url": "/outbox"},
    # unicode subject and body
    {"method": "POST", "url": "/send-email/", "params": {"to_email": "b@example.com", "subject": "Grüße ✓", "body": "ça va? 😀\nline 2"}},
    {"method": "GET", "url": "/outbox"},
    {"method": "DELETE", "url": "/outbox"},
    # empty strings are valid str values
    {"method": "POST", "url": "/send-email/?to_email=&subject=&body="},
    {"method": "GET", "url": "/outbox"},
    {"method": "DELETE", "url": "/outbox"},
    # repeated keys: which value wins?
    {"method": "POST", "url": "/send-email/?to_email=first@x.io&to_email=last@x.io&subject=s&body=b"},
    {"method": "GET", "url": "/outbox"},
    {"method": "DELETE", "url": "/outbox"},
    # missing everything / some -> 422 and no task
    {"method": "POST", "url": "/send-email/"},
    {"method": "POST", "url": "/send-email/", "params": {"to_email": "c@example.com"}},
    {"method": "POST", "url": "/send-email/?to_email=c@example.com&subject&body"},
    # parameters sent as a JSON body instead of the query string
    {"method": "POST", "url": "/send-email/", "json": Q},
    # parameters sent as a form instead of the query string
    {"method": "POST", "url": "/send-email/", "data": Q},
    {"method": "GET", "url": "/outbox"},
    # without the trailing slash: 307 to /send-email/ (followed; POST is kept)
    {"method": "POST", "url": "/send-email", "params": Q},
    {"method": "GET", "url": "/outbox"},
]
