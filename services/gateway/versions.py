"""Posting versions: receipt time in microseconds, strictly increasing within a process."""

import time


class VersionClock:
    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        self._last = max(time.time_ns() // 1_000, self._last + 1)
        return self._last
