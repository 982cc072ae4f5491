# pyright: strict
"""HTTP benchmarks: reading a large multipart upload, and a JSON request body.

Users report the reference's ``req.files`` about ten times slower than
Flask's on uploads of a few megabytes (user-asks §21); azfn parses the body
it already holds in memory instead of streaming it through temporary files.
"""

from __future__ import annotations

import importlib
import json
import random
from typing import TYPE_CHECKING

from _harness import Benchmark

import azfn.http

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

BOUNDARY = "----azfnBenchBoundary7MA4YWxkTrZu0gW"
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def upload_body(total: int = 10 * 1024 * 1024, files: int = 3) -> bytes:
    """A browser-style multipart body: *files* binary files of *total* bytes, and a field."""
    rng = random.Random(1)
    chunks: list[bytes] = []
    for index in range(files):
        head = (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="file{index}"; filename="photo{index}.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        )
        chunks += [head.encode(), rng.randbytes(total // files), b"\r\n"]
    chunks.append(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHoliday\r\n'.encode()
    )
    chunks.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(chunks)


def json_body() -> bytes:
    """A typical JSON API payload: an order of about 360 bytes."""
    items = [{"sku": f"SKU-{i:04d}", "quantity": i, "price": i * 1.25} for i in range(1, 6)]
    customer = {"name": "Ada Lovelace", "email": "ada@example.com", "vip": True}
    return json.dumps({"order": 12345, "customer": customer, "items": items}).encode()


def read_upload(module: ModuleType, body: bytes) -> Callable[[], object]:
    """Build the request and read every file and field, as a function would."""
    request_class = module.HttpRequest

    def run() -> object:
        req = request_class(
            "POST",
            "https://example.azurewebsites.net/api/upload",
            headers={"Content-Type": CONTENT_TYPE},
            body=body,
        )
        contents = [stream.read() for _, stream in req.files.items(multi=True)]
        assert sum(map(len, contents)) > len(body) * 0.99, "a file went missing"
        return contents, req.form["title"]

    return run


def parse_json(module: ModuleType, body: bytes) -> Callable[[], object]:
    """Build a request with a JSON body and parse it."""
    request_class = module.HttpRequest
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}

    def run() -> object:
        req = request_class(
            "POST",
            "https://example.azurewebsites.net/api/orders",
            headers=headers,
            route_params={"tenant": "contoso"},
            body=body,
        )
        return req.get_json()

    return run


def benchmarks() -> list[Benchmark]:
    """The HTTP benchmarks, azfn against the reference."""
    reference = importlib.import_module("azure.functions")
    upload, payload = upload_body(), json_body()
    return [
        Benchmark(
            name="http: 10 MB multipart upload, 3 files, read every part",
            goal=0.5,
            ours=read_upload(azfn.http, upload),
            baseline=read_upload(reference, upload),
            repeat=15,
        ),
        Benchmark(
            name="http: HttpRequest with a 360-byte JSON body + get_json()",
            goal=1.0,
            ours=parse_json(azfn.http, payload),
            baseline=parse_json(reference, payload),
            repeat=30,
            number=1000,
        ),
    ]
