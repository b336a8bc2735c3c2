"""``python -m custom_components.aqara_zigbee.migrate inspect PATH [PATH...]``.

Prints what a move from ZHA or Zigbee2MQTT would take, as JSON on stdout; touches nothing.
A file that cannot be taken over exits with status 1 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import sys

from . import MigrationError, read_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m custom_components.aqara_zigbee.migrate")
    commands = parser.add_subparsers(dest="command", required=True)
    inspect = commands.add_parser(
        "inspect",
        help="show the network and devices a move would take (reads only)",
        description="ZHA: zigbee.db. Zigbee2MQTT: coordinator_backup.json and database.db, "
        "optionally configuration.yaml. A folder stands for the files it holds.",
    )
    inspect.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    args = parser.parse_args(argv)
    try:
        source = read_source(args.paths)
    except MigrationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(json.dumps(source.as_json(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
