"""The one write route: ingest uploaded files, only when an ingest token is configured."""

from __future__ import annotations

import hmac
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parleywatch.api import models
from parleywatch.api.params import services
from parleywatch.api.service import Services
from parleywatch.ingest import ingest
from parleywatch.search import build_index

router = APIRouter(prefix="/api", tags=["write"])
bearer = HTTPBearer(auto_error=False, description="the value of PARLEY_INGEST_TOKEN")
UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_FILES = 100


def authorize(
    svc: Annotated[Services, Depends(services)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Services:
    """403 when ingest is disabled (no token configured), 401 when the caller's token is wrong."""
    token = svc.settings.ingest_token
    if token is None:
        raise HTTPException(403, "ingest is disabled: the server has no PARLEY_INGEST_TOKEN")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    return svc


def safe_name(name: str | None, index: int) -> str:
    """A file name that stays inside the temp dir and keeps its extension (format detection).

    >>> safe_name("../../etc/passwd", 0), safe_name("новости 1.jsonl", 1)
    ('0-passwd', '1-новости_1.jsonl')
    """
    base = UNSAFE_NAME.sub("_", Path(name or "upload").name).strip("._") or "upload"
    return f"{index}-{base}"


@router.post(
    "/ingest",
    response_model=models.IngestResult,
    responses={401: {"model": models.Problem}, 403: {"model": models.Problem}, 413: {"model": models.Problem}},
    summary="Ingest uploaded files (text, HTML, feeds, JSONL); needs the ingest token",
)
def ingest_files(
    svc: Annotated[Services, Depends(authorize)], files: Annotated[list[UploadFile], File()]
) -> Any:
    if not 1 <= len(files) <= MAX_FILES:
        raise HTTPException(422, f"send between 1 and {MAX_FILES} files")
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as folder:
        for index, upload in enumerate(files):
            _save(upload, Path(folder) / safe_name(upload.filename, index), svc.settings.max_upload_bytes)
        report = ingest([folder], svc.store)
    build_index(svc.store, svc.lemmatizer)
    svc.forget()
    errors = [str(e) for e in report.errors]
    return {"files": report.files, "stored": len(report.new), "known": len(report.known), "errors": errors}


def _save(upload: UploadFile, target: Path, limit: int) -> None:
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{upload.filename}: larger than {limit} bytes")
    target.write_bytes(data)
