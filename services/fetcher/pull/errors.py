"""Why a poll failed. Any of these means the listing is not complete: nothing is closed."""


class PollError(Exception):
    """A poll that did not yield a complete, healthy listing."""

    error_class = "poll_error"


class SourceUnavailable(PollError):
    """5xx, timeouts or connection failures that outlasted the retries."""

    error_class = "unavailable"


class RateLimited(PollError):
    """The source asked us to wait longer than we are willing to block a poll."""

    error_class = "rate_limited"

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class BadListing(PollError):
    """The answer is not the listing we expect (wrong shape, error page, 4xx): maybe empty by
    error, so it must never be read as "the board has no postings"."""

    error_class = "bad_listing"


class Refused(PollError):
    """The URL is refused outright (SSRF guard, size cap, too many redirects)."""

    error_class = "refused"
