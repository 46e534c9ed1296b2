"""Pull sources: poll public job-board APIs and feeds, publish only what changed.

``connector`` holds the interface, ``kinds`` one module per source kind, ``http`` the polite
HTTP client, ``snapshot`` the per-source memory of what a board listed, ``poller`` the loop.
"""
