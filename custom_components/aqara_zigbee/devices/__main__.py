"""``python -m custom_components.aqara_zigbee.devices describe FILE``: will my device work?

Prints, as JSON on stdout, the exposes this integration would give the device whose ZHA
"Zigbee device signature" is in FILE; exits non-zero with one line on stderr when FILE is
no such signature.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import sys

from .describe import SignatureError, describe_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m custom_components.aqara_zigbee.devices",
        description="What this integration makes of a Zigbee device.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    describe = commands.add_parser(
        "describe", help="the exposes of a device, from its ZHA 'Zigbee device signature' JSON"
    )
    describe.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        result = describe_file(args.file)
    except SignatureError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
