"""fastapi.datastructures.UploadFile: Starlette's file methods, Pydantic's validation."""

from __future__ import annotations

import asyncio
import tempfile

import pytest
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile as StarletteUploadFile

from fastapi import UploadFile


@pytest.mark.parametrize("max_size", [1024, 4], ids=["in memory", "rolled over to disk"])
def test_the_async_file_methods(max_size: int) -> None:
    async def scenario() -> tuple[bytes, bytes, bool]:
        upload = UploadFile(tempfile.SpooledTemporaryFile(max_size=max_size), filename="a.txt")
        await upload.write(b"hello world")
        await upload.seek(0)
        start = await upload.read(5)
        rest = await upload.read()
        await upload.close()
        return start, rest, upload.file.closed

    assert asyncio.run(scenario()) == (b"hello", b" world", True)


def test_validation_accepts_starlette_uploads_only() -> None:
    adapter = TypeAdapter(UploadFile)
    upload = StarletteUploadFile(tempfile.SpooledTemporaryFile(), filename="a.txt")
    assert adapter.validate_python(upload) is upload
    with pytest.raises(ValidationError, match="Expected UploadFile, received: <class 'bytes'>"):
        adapter.validate_python(b"data")
    assert adapter.json_schema() == {"type": "string", "format": "binary"}
