"""RFC 9457 problem details: every 4xx/5xx says what is wrong in a JSON body."""

from typing import Any

from fastapi.responses import JSONResponse

PROBLEM = "application/problem+json"


def problem(
    status: int, title: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)
