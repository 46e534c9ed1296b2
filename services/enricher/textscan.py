"""Cheap pre-filtering: Python regexes that open with \\b and long alternations scan slowly, so
each extractor runs its patterns only on the few lines holding one of its literal triggers."""

from __future__ import annotations


def lines_with(text: str, triggers: tuple[str, ...]) -> str:
    """The lines of ``text`` containing any trigger (case-insensitive), joined by newlines."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered: slow path
        return "\n".join(ln for ln in text.splitlines() if any(t in ln.lower() for t in triggers))
    starts: set[int] = set()
    for trigger in triggers:
        at = low.find(trigger)
        while at != -1:
            starts.add(low.rfind("\n", 0, at) + 1)
            at = low.find(trigger, at + len(trigger))
    lines = []
    for start in sorted(starts):
        end = text.find("\n", start)
        lines.append(text[start : end if end != -1 else len(text)])
    return "\n".join(lines)
