"""Terminal side of `jobstream dlq`: settings from the environment, plain-text output."""

from __future__ import annotations

import argparse

from jobstream.dlq import dead_letters
from shared.settings import ServiceSettings
from shared.topology import topology_for


async def run_dlq(args: argparse.Namespace) -> int:
    settings = ServiceSettings()
    topology = topology_for(settings.namespace, settings.retry_delays_ms)
    if args.action != "list" and not args.hop:
        raise SystemExit(f"`jobstream dlq {args.action}` needs a hop")
    if args.action == "purge" and not args.yes:
        raise SystemExit("purge deletes dead letters for good: add --yes")
    async with dead_letters(str(settings.amqp_url), topology) as dlq:
        if args.action == "list":
            for hop, count in (await dlq.counts()).items():
                print(f"{topology.dead_letter_queue(hop).name:<40} {count}")
        elif args.action == "show":
            for letter in await dlq.show(args.hop, args.limit or 20):
                print(
                    f"{letter.posting_id or '?'}  reason={letter.reason}"
                    f"  attempts={letter.attempts}  failed_at={letter.failed_at}\n"
                    f"    {letter.error}"
                )
        elif args.action == "replay":
            print(f"replayed {await dlq.replay(args.hop, args.limit)} message(s)")
        else:
            print(f"purged {await dlq.purge(args.hop)} message(s)")
    return 0
