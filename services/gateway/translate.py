"""Native webhook bodies of Greenhouse and Ashby as generic intake items.

Lifecycle: created / updated / published / reopened become ``upsert``; closed, deleted and
unpublished become ``close``. An event that carries the posting inline is passed on as it is;
a thin event (only an id or a URL) becomes a fetch. Events about anything else are ignored
(answered 200, so the sender does not retry them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services.gateway.intake import items_of
from services.gateway.problems import Problem
from services.gateway.sources import Source

_GREENHOUSE_CLOSED = {"closed", "deleted", "draft"}
_ASHBY_CLOSED = {"closed", "archived", "draft"}


@dataclass
class Translated:
    items: list[Any] = field(default_factory=list)
    ignored: str | None = None


def _malformed(field_name: str, detail: str) -> Problem:
    return Problem(422, "Unrecognised event", detail, field=field_name)


def _item(source: Source, external_id: Any, event: str, **content: Any) -> dict[str, Any]:
    return {"source": source.name, "external_id": str(external_id), "event": event, **content}


def _upsert(source: Source, external_id: Any, inline: Any, page_url: Any) -> dict[str, Any]:
    if inline is not None:
        return _item(source, external_id, "upsert", format=source.payload, payload=inline)
    if source.fetch_url:
        url = source.fetch_url.replace("{id}", str(external_id))
        return _item(source, external_id, "upsert", format=source.payload, url=url)
    if isinstance(page_url, str) and page_url.startswith(("http://", "https://")):
        return _item(source, external_id, "upsert", format="html", url=page_url)
    # Neither content nor a place to fetch it: the item fails validation and names why.
    return _item(source, external_id, "upsert")


def _event_of(body: Any, data_key: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(body, dict) or not isinstance(body.get("action"), str):
        raise _malformed("action", "the body must be an object with a string 'action'")
    data = body.get(data_key)
    return body["action"], data if isinstance(data, dict) else {}


def greenhouse(source: Source, body: Any) -> Translated:
    action, data = _event_of(body, "payload")
    if action.startswith("job_post_"):
        post = data.get("job_post", data)
        if not isinstance(post, dict) or post.get("id") is None:
            raise _malformed("payload.job_post.id", "a job post event needs payload.job_post.id")
        if action == "job_post_deleted" or post.get("live") is False:
            return Translated([_item(source, post["id"], "close")])
        inline = post if isinstance(post.get("content"), str) else None
        return Translated([_upsert(source, post["id"], inline, post.get("absolute_url"))])
    if action in ("job_created", "job_updated", "job_deleted"):
        job = data.get("job", data)
        posts = [p for p in (job.get("job_posts") or []) if isinstance(p, dict) and "id" in p]
        if not posts:
            return Translated(ignored=f"{action} names no job post")
        closed = action == "job_deleted" or str(job.get("status", "")).lower() in _GREENHOUSE_CLOSED
        return Translated(
            [
                _item(source, p["id"], "close")
                if closed or p.get("live") is False
                else _upsert(source, p["id"], None, p.get("absolute_url"))
                for p in posts
            ]
        )
    return Translated(ignored=f"action {action!r} is not about job posts")


def ashby(source: Source, body: Any) -> Translated:
    action, data = _event_of(body, "data")
    if action.startswith("jobPosting"):
        posting = data.get("jobPosting")
        if not isinstance(posting, dict) or posting.get("id") is None:
            raise _malformed("data.jobPosting.id", "a job posting event needs data.jobPosting.id")
        if action == "jobPostingUnpublish":
            return Translated([_item(source, posting["id"], "close")])
        has_text = any(
            isinstance(posting.get(k), str) for k in ("descriptionHtml", "descriptionPlain")
        )
        inline = posting if has_text else None
        return Translated([_upsert(source, posting["id"], inline, posting.get("jobUrl"))])
    if action in ("jobCreate", "jobUpdate"):
        job = data.get("job") or {}
        ids = [i for i in (job.get("jobPostingIds") or []) if isinstance(i, str | int)]
        if not ids:
            return Translated(ignored=f"{action} names no job posting")
        if str(job.get("status", "")).lower() in _ASHBY_CLOSED:
            return Translated([_item(source, i, "close") for i in ids])
        return Translated([_upsert(source, i, None, None) for i in ids])
    return Translated(ignored=f"action {action!r} is not about job postings")


def intake(source: Source, body: Any) -> Translated:
    """Generic items; each names this source, or leaves it out (then it is this source)."""
    items = items_of(body)
    return Translated(
        [
            {"source": source.name, **i} if isinstance(i, dict) and "source" not in i else i
            for i in items
        ]
    )


TRANSLATORS = {"greenhouse": greenhouse, "ashby": ashby, "intake": intake}
