"""RFC 9457 problem details: every 4xx/5xx says what is wrong in a JSON body."""

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

PROBLEM = "application/problem+json"


def problem(
    status: int, title: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


class Problem(Exception):
    """Raised anywhere in a request; the app's handler turns it into the problem response."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status, self.title, self.detail = status, title, detail
        self.headers, self.extra = headers, extra

    def body(self) -> dict[str, Any]:
        return {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            **self.extra,
        }

    def response(self) -> JSONResponse:
        return JSONResponse(
            self.body(), status_code=self.status, media_type=PROBLEM, headers=self.headers
        )


async def problem_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return exc.response()


_ITEM_ERROR = {
    "type": "object",
    "properties": {
        "index": {"type": "integer"},
        "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
        "msg": {"type": "string"},
    },
}
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "field": {"type": "string", "description": "The failing header or body field"},
        "errors": {"type": "array", "items": _ITEM_ERROR},
    },
}


def problem_doc(description: str, example: dict[str, Any] | None = None) -> dict[str, Any]:
    """An OpenAPI response entry for a problem+json answer, with an example body."""
    media: dict[str, Any] = {"schema": PROBLEM_SCHEMA}
    if example is not None:
        media["example"] = {"type": "about:blank", **example}
    return {"description": description, "content": {PROBLEM: media}}
