"""Unicode filenames, values and field names; Form()/File() alias, validation_alias and media_type."""
from typing import Annotated, Optional

from fastapi import FastAPI, File, Form, UploadFile

app = FastAPI()


@app.post("/echo-upload")
async def echo_upload(file: UploadFile):
    return {
        "filename": file.filename,
        "content": (await file.read()).decode("utf-8", "replace"),
        "disposition": file.headers.get("content-disposition"),
    }


@app.post("/unicode-field")
def unicode_field(prénom: Annotated[str, Form()], 名前: Annotated[Optional[str], Form()] = None):
    return {"prénom": prénom, "名前": 名前}


@app.post("/alias")
def alias(
    user_name: Annotated[str, Form(alias="user-name")],
    full: Annotated[Optional[str], Form(alias="Full Name")] = None,
    jp: Annotated[Optional[str], Form(alias="日本")] = None,
):
    return {"user_name": user_name, "full": full, "jp": jp}


@app.post("/alias-default-style")
def alias_default_style(item_id: int = Form(..., alias="itemId")):
    return {"item_id": item_id}


@app.post("/validation-alias")
def validation_alias(v: Annotated[str, Form(validation_alias="vAlias")]):
    return {"v": v}


@app.post("/file-alias")
async def file_alias(doc: Annotated[UploadFile, File(alias="document")]):
    return {"filename": doc.filename}


@app.post("/media-type")
def media_type(name: Annotated[str, Form(media_type="multipart/form-data")]):
    return {"name": name}


@app.post("/media-type-mixed")
def media_type_mixed(
    a: Annotated[str, Form(media_type="application/x-www-form-urlencoded")],
    b: Annotated[str, Form(media_type="multipart/form-data")] = "bee",
):
    return {"a": a, "b": b}


@app.post("/file-media-type")
async def file_media_type(img: Annotated[bytes, File(media_type="image/png")]):
    return {"size": len(img)}


B = "UniB"
MP = {"content-type": f"multipart/form-data; boundary={B}"}
URL = {"content-type": "application/x-www-form-urlencoded"}


def raw_part(disposition: bytes, body: bytes = b"data") -> bytes:
    return (
        f"--{B}\r\nContent-Disposition: ".encode() + disposition + b"\r\n\r\n" + body + f"\r\n--{B}--\r\n".encode()
    )


CASES = [
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ("résumé.txt", "çà ✓".encode())}},
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ("日本語.txt", b"jp")}},
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ("emoji 😀.png", b"e")}},
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ('quo"te.txt', b"q")}},
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ("semi;colon.txt", b"s")}},
    {"method": "POST", "url": "/echo-upload", "headers": MP,
     "content": raw_part(b'form-data; name="file"; filename="na\xefve.txt"')},
    {"method": "POST", "url": "/echo-upload", "headers": MP,
     "content": raw_part(b"form-data; name=\"file\"; filename*=UTF-8''%E2%82%AC%20rates.txt")},
    {"method": "POST", "url": "/echo-upload", "headers": MP,
     "content": raw_part(b"form-data; name=\"file\"; filename=\"plain.txt\"; filename*=UTF-8''fancy.txt")},
    {"method": "POST", "url": "/echo-upload", "headers": MP,
     "content": raw_part(b'form-data; name="file"; filename="a%20b.txt"')},
    {"method": "POST", "url": "/echo-upload", "headers": MP,
     "content": raw_part(b'form-data; name="file"; filename="back\\\\slash\\"q.txt"')},
    {"method": "POST", "url": "/echo-upload", "headers": MP, "files": {"file": ("bad.txt", b"\xff\xfe\xfd")}},
    {"method": "POST", "url": "/unicode-field", "data": {"prénom": "Zoé", "名前": "太郎"}},
    {"method": "POST", "url": "/unicode-field", "headers": MP, "files": {"prénom": (None, "Zoé"), "名前": (None, "花子")}},
    {"method": "POST", "url": "/unicode-field", "headers": URL, "content": b"pr%C3%A9nom=Zo%C3%A9"},
    {"method": "POST", "url": "/unicode-field", "headers": URL, "content": "prénom=raw".encode()},
    {"method": "POST", "url": "/unicode-field", "data": {"prenom": "no accent"}},
    {"method": "POST", "url": "/unicode-field", "data": {"prénom": "😀" * 3 + "\u200b"}},
    {"method": "POST", "url": "/alias", "data": {"user-name": "u", "Full Name": "F N", "日本": "jp"}},
    {"method": "POST", "url": "/alias", "data": {"user_name": "u", "full": "F"}},
    {"method": "POST", "url": "/alias", "headers": URL, "content": b"user-name=u&Full+Name=plus&%E6%97%A5%E6%9C%AC=x"},
    {"method": "POST", "url": "/alias", "headers": MP, "files": {"user-name": (None, "m"), "Full Name": (None, "M P")}},
    {"method": "POST", "url": "/alias-default-style", "data": {"itemId": "5"}},
    {"method": "POST", "url": "/alias-default-style", "data": {"item_id": "5"}},
    {"method": "POST", "url": "/alias-default-style", "data": {"itemId": "five"}},
    {"method": "POST", "url": "/validation-alias", "data": {"vAlias": "ok"}},
    {"method": "POST", "url": "/validation-alias", "data": {"v": "ok"}},
    {"method": "POST", "url": "/file-alias", "headers": MP, "files": {"document": ("d.pdf", b"%PDF")}},
    {"method": "POST", "url": "/file-alias", "headers": MP, "files": {"doc": ("d.pdf", b"%PDF")}},
    {"method": "POST", "url": "/media-type", "data": {"name": "urlencoded still works"}},
    {"method": "POST", "url": "/media-type", "headers": MP, "files": {"name": (None, "multipart")}},
    {"method": "POST", "url": "/media-type-mixed", "data": {"a": "A"}},
    {"method": "POST", "url": "/file-media-type", "headers": MP, "files": {"img": ("i.png", b"1234")}},
    {"method": "POST", "url": "/file-media-type", "data": {"img": "text"}},
]
