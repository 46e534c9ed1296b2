"""The `jobstream` command."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from jobstream.services import app_factory

    app = app_factory(args.service)()
    host = os.environ.get("JOBSTREAM_HTTP_HOST", "127.0.0.1")
    port = int(os.environ.get("JOBSTREAM_HTTP_PORT", "0") or 0)
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, lifespan="on")
    return 0


def _run(args: argparse.Namespace) -> int:
    from jobstream.runner import run

    return run(args.base_port, args.storage)


def _demo(args: argparse.Namespace) -> int:
    from jobstream.demo import demo

    return demo(args.gateway, args.mongo_url, args.database, args.timeout)


def _process(args: argparse.Namespace) -> int:
    from jobstream.process import process_stream

    with contextlib.ExitStack() as files:
        source = (
            sys.stdin.buffer
            if args.file in (None, "-")
            else files.enter_context(Path(args.file).open("rb"))
        )
        out = (
            sys.stdout.buffer
            if args.output in (None, "-")
            else files.enter_context(Path(args.output).open("wb"))
        )
        read, failed = process_stream(
            source, out, progress=not args.quiet, cluster=not args.no_clusters
        )
    print(f"{read} postings, {failed} failed", file=sys.stderr)
    return 0


def _dlq(args: argparse.Namespace) -> int:
    import asyncio

    from jobstream.dlq_cli import run_dlq

    return asyncio.run(run_dlq(args))


def _asyncapi(args: argparse.Namespace) -> int:
    import json

    from shared.events import asyncapi_document
    from shared.topology import topology_for

    document = asyncapi_document(topology_for(args.namespace, (0,)))
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="jobstream", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run one service (JOBSTREAM_* environment)")
    serve.add_argument("service")
    serve.set_defaults(func=_serve)

    run = commands.add_parser("run", help="run every service locally; Ctrl-C stops them")
    run.add_argument("--base-port", type=int, default=8000, help="gateway port; workers follow")
    run.add_argument("--storage", default=".jobstream/mongo-data", help="embedded MongoDB data")
    run.set_defaults(func=_run)

    demo = commands.add_parser("demo", help="push the two sample postings to a running stack")
    demo.add_argument("--gateway", help="gateway URL (default: from `jobstream run`)")
    demo.add_argument("--mongo-url", help="MongoDB URL (default: from `jobstream run`)")
    demo.add_argument("--database", default=os.environ.get("JOBSTREAM_MONGO_DATABASE", "jobstream"))
    demo.add_argument("--timeout", type=float, default=30.0)
    demo.set_defaults(func=_demo)

    process = commands.add_parser("process", help="JSON Lines of payloads -> posting documents")
    process.add_argument("file", nargs="?", help="input JSON Lines (default: stdin)")
    process.add_argument("-o", "--output", help="output JSON Lines (default: stdout)")
    process.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    process.add_argument(
        "--no-clusters", action="store_true", help="skip near-duplicate clustering across lines"
    )
    process.set_defaults(func=_process)

    dlq = commands.add_parser("dlq", help="inspect, replay or purge dead letters")
    dlq.add_argument("action", choices=["list", "show", "replay", "purge"])
    dlq.add_argument("hop", nargs="?", help="fetcher, normalizer, enricher or indexer")
    dlq.add_argument("--limit", type=int, default=None, help="show: at most (default 20)")
    dlq.add_argument("--yes", action="store_true", help="purge without asking")
    dlq.set_defaults(func=_dlq)

    asyncapi = commands.add_parser("asyncapi", help="the AsyncAPI document of the public events")
    asyncapi.add_argument("-o", "--output", help="file (default: stdout)")
    asyncapi.add_argument("--namespace", default=os.environ.get("JOBSTREAM_NAMESPACE", "jobstream"))
    asyncapi.set_defaults(func=_asyncapi)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
