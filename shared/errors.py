"""Errors that decide a message's fate: a permanent error is dead-lettered at once, anything
else is retried with backoff first."""


class PermanentError(Exception):
    """Retrying cannot help: the input itself is wrong. The message goes to the dead letters."""

    reason = "permanent"


class InvalidPayload(PermanentError):
    reason = "invalid_payload"


class UnsupportedFormat(PermanentError):
    reason = "unsupported_format"


class FetchRefused(PermanentError):
    """A URL the fetcher will not download (scheme, size, status)."""

    reason = "fetch_refused"
