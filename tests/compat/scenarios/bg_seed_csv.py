"""Seed example "Background Task with File Processing": an uploaded CSV is saved, then a
background task parses it, removes it and notifies the user.

Adapted: the temporary file goes into a TemporaryDirectory created at import time (instead
of the working directory); ``print`` records into a list. GET /log shows the task's output
and GET /files the directory content (the task removes the file it processed).
"""

import atexit
import csv
import os
import tempfile
from typing import List

from fastapi import BackgroundTasks, FastAPI, File, UploadFile

TMPDIR = tempfile.TemporaryDirectory(prefix="bg_seed_csv_")
atexit.register(TMPDIR.cleanup)
LOG: list[str] = []


def print(*args):  # noqa: A001
    LOG.append(" ".join(str(a) for a in args))


app = FastAPI()


def process_csv_file(filename: str, user_id: int):
    try:
        with open(filename, 'r') as file:
            csv_reader = csv.DictReader(file)
            processed_rows = 0

            for row in csv_reader:
                # Process each row (simulate some work)
                process_csv_row(row, user_id)
                processed_rows += 1

        # Clean up temporary file
        os.remove(filename)

        # Log completion
        print(f"Processed {processed_rows} rows for user {user_id}")

        # Notify user (in a real app, you might update a database or send a webhook)
        notify_user_completion(user_id, processed_rows)

    except Exception as e:
        print(f"Error processing CSV: {str(e)}")
        notify_user_error(user_id, str(e))


def process_csv_row(row: dict, user_id: int):
    # Simulate row processing
    print(f"Processing row for user {user_id}: {row}")


def notify_user_completion(user_id: int, row_count: int):
    # In a real application, this might send a push notification or update a database
    print(f"Notifying user {user_id}: processed {row_count} rows")


def notify_user_error(user_id: int, error_message: str):
    print(f"Notifying user {user_id} of error: {error_message}")


@app.post("/upload-csv/{user_id}")
async def upload_csv(
    user_id: int,
    background_tasks: BackgroundTasks,
    file: UploadFile = File(...)
):
    # Save uploaded file temporarily (adapted: inside the scenario's temporary directory)
    temp_filename = os.path.join(TMPDIR.name, f"temp_{user_id}_{file.filename}")
    with open(temp_filename, "wb") as temp_file:
        content = await file.read()
        temp_file.write(content)

    # Process file in background
    background_tasks.add_task(process_csv_file, temp_filename, user_id)

    return {"message": f"File {file.filename} uploaded and will be processed in background"}


@app.get("/log")
def read_log():
    return LOG


@app.get("/files")
def list_files() -> List[str]:
    return sorted(os.listdir(TMPDIR.name))


@app.delete("/log")
def clear_log():
    LOG.clear()


GOOD = b"name,qty\napple,3\npear,5\n"

CASES = [
    {"method": "POST", "url": "/upload-csv/7", "files": {"file": ("fruit.csv", GOOD, "text/csv")}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/files"},
    {"method": "DELETE", "url": "/log"},
    # header only, and an entirely empty file: zero rows
    {"method": "POST", "url": "/upload-csv/8", "files": {"file": ("h.csv", b"a,b\n")}},
    {"method": "POST", "url": "/upload-csv/9", "files": {"file": ("empty.csv", b"")}},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # ragged rows, quoting, unicode
    {"method": "POST", "url": "/upload-csv/10", "files": {"file": ("r.csv", 'a,b\n1,2,3\n"x,y"\nü,"é\n"\n'.encode())}},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # bytes that are not UTF-8: the task's except branch runs, the file is left behind
    {"method": "POST", "url": "/upload-csv/11", "files": {"file": ("bin.csv", b"\xff\xfe,\x00\n")}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/files"},
    {"method": "DELETE", "url": "/log"},
    # user_id negative / zero are fine ints
    {"method": "POST", "url": "/upload-csv/-1", "files": {"file": ("n.csv", b"k\nv\n")}},
    {"method": "POST", "url": "/upload-csv/0", "files": {"file": ("z.csv", b"k\nv\n")}},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # bad user_id: 422 before the endpoint runs (nothing saved, no task)
    {"method": "POST", "url": "/upload-csv/abc", "files": {"file": ("a.csv", GOOD)}},
    {"method": "POST", "url": "/upload-csv/1.5", "files": {"file": ("a.csv", GOOD)}},
    {"method": "POST", "url": "/upload-csv/99999999999999999999999", "files": {"file": ("big.csv", GOOD)}},
    # missing file / file sent as a plain field / JSON body / no body
    {"method": "POST", "url": "/upload-csv/1", "data": {"other": "x"}},
    {"method": "POST", "url": "/upload-csv/1", "data": {"file": "name,qty\n"}},
    {"method": "POST", "url": "/upload-csv/1", "json": {"file": "name,qty\n"}},
    {"method": "POST", "url": "/upload-csv/1"},
    {"method": "POST", "url": "/upload-csv/1", "content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}},
    {"method": "GET", "url": "/log"},
    # two files under the same field name: which one is processed?
    {"method": "POST", "url": "/upload-csv/2", "files": [("file", ("one.csv", b"c\n1\n")), ("file", ("two.csv", b"c\n2\n"))]},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # a filename with a directory part: the endpoint's own open() fails -> 500, no task
    {"method": "POST", "url": "/upload-csv/3", "files": {"file": ("no/such/dir.csv", GOOD)}},
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/files"},
]
