"""Command line: ``python -m custom_components.aqara_zigbee.simulator serve ...``.

``serve`` prints exactly ``listening socket://HOST:PORT``, then one ``device <model id>
<ieee>`` line per device (stdout is flushed), and serves until SIGINT/SIGTERM. Other tools
parse these lines: keep them stable. ``--radio`` picks the coordinator behind the port:
``znp`` (TI Z-Stack, for zigpy-znp; the default) or ``ezsp`` (Silicon Labs EmberZNet, for
bellows).

With ``--commands`` it also reads control commands from stdin, one per line (``help``
lists them), answering ``ok ...`` or ``error ...``.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
import contextlib
import json
import logging
from pathlib import Path
import signal
import sys

from .clock import SimClock
from .models import DEFAULT_MODELS, DEVICE_SETS, TWINS, resolve_model
from .network import RADIOS, SimulatedNetwork
from .signature import reference_input

COMMANDS_HELP = (
    "press DEVICE [BUTTON] [single|double|triple|hold|release|long]; load DEVICE WATTS; "
    "set DEVICE PROPERTY VALUE (a Zigbee2MQTT property: temperature 21.5, occupancy true, "
    "alarm_1 true, position 40, local_temperature 19...); action DEVICE ACTION (a remote: on, "
    "off, brightness_move_up...); "
    "power-cycle DEVICE; temperature DEVICE CELSIUS; lqi DEVICE LQI; "
    "fail DEVICE COUNT [MAC_NO_ACK|NWK_NO_ROUTE|MAC_TRANSACTION_EXPIRED]; heartbeat DEVICE; "
    "join; drop; advance SECONDS; devices; quit"
)


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m custom_components.aqara_zigbee.simulator",
        description=(
            "Simulated Aqara Zigbee network behind an emulated Z-Stack or EmberZNet coordinator."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run a simulated network until SIGINT/SIGTERM")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="TCP port (0: pick a free one)")
    serve.add_argument("--state", type=Path, default=None, help="state directory (persistent)")
    serve.add_argument(
        "--radio",
        choices=RADIOS,
        default="znp",
        help="coordinator to emulate: znp (TI Z-Stack, zigpy-znp) or ezsp (Silicon Labs, bellows)",
    )
    serve.add_argument(
        "--devices",
        default=",".join(DEFAULT_MODELS),
        help="a device set (seed: the five seed models; house: the demo's house) or "
        "comma-separated model ids or Z2M names (default: seed)",
    )
    serve.add_argument(
        "--auto-join", action="store_true", help="join devices when permit join opens"
    )
    serve.add_argument("--speed", type=float, default=1.0, help="simulated seconds per real second")
    serve.add_argument(
        "--heartbeat-interval", type=float, default=None, help="heartbeat period (sim seconds)"
    )
    serve.add_argument("--commands", action="store_true", help="read control commands on stdin")
    serve.add_argument("--log-level", default="WARNING")
    signatures = sub.add_parser(
        "signatures",
        help="print the device signatures (ZHA's JSON form) of twins, non-Lumi ones by default",
    )
    signatures.add_argument("models", nargs="*", help="model ids or Z2M names")
    return parser.parse_args(argv)


async def _serve(args: argparse.Namespace) -> int:
    if args.devices in DEVICE_SETS:
        models = list(DEVICE_SETS[args.devices])
    else:
        models = [name.strip() for name in args.devices.split(",") if name.strip()]
    for name in models:
        resolve_model(name)  # fail early on a typo
    network = await SimulatedNetwork.create(
        args.state,
        devices=models,
        auto_join=args.auto_join,
        clock=SimClock(speed=args.speed),
        heartbeat_interval=args.heartbeat_interval,
        radio=args.radio,
    )
    # Handlers first: whoever reads the lines below may signal us right away.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    url = await network.start(args.host, args.port)
    print(f"listening {url}")
    for ieee, device in network.devices.items():
        print(f"device {device.zigbee_model} {ieee}")
    sys.stdout.flush()

    commands: asyncio.Task[None] | None = None
    if args.commands:
        commands = asyncio.create_task(_read_commands(network, stop))
    try:
        await stop.wait()
    finally:
        if commands is not None:
            commands.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await commands
        await network.stop()
    return 0


async def _read_commands(network: SimulatedNetwork, stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while not stop.is_set():
        line = await reader.readline()
        if not line:
            return  # stdin closed: keep serving until a signal
        words = line.decode(errors="replace").split()
        if not words:
            continue
        try:
            answer = await _run_command(network, words, stop)
        except (KeyError, ValueError, TypeError, IndexError) as err:
            answer = f"error {err}"
        print(answer, flush=True)


async def _run_command(network: SimulatedNetwork, words: list[str], stop: asyncio.Event) -> str:
    command, rest = words[0].lower(), words[1:]
    if command == "press":
        network.press(rest[0], *(rest[1:3] or ["left"]))
    elif command == "load":
        network.set_load(rest[0], float(rest[1]))
    elif command == "power-cycle":
        network.power_cycle(rest[0])
    elif command == "temperature":
        network.set_temperature(rest[0], float(rest[1]))
    elif command == "lqi":
        network.set_link_quality(rest[0], int(rest[1]))
    elif command == "fail":
        network.fail_next(rest[0], int(rest[1]), rest[2] if len(rest) > 2 else "MAC_NO_ACK")
    elif command == "set":
        value = network.set_property(rest[0], rest[1], _parse_value(rest[2]))
        return f"ok {rest[1]}={json.dumps(value)}"
    elif command == "action":
        network.set_property(rest[0], "action", rest[1])
    elif command == "heartbeat":
        network.send_heartbeat(rest[0])
    elif command == "join":
        await network.join_all()
    elif command == "drop":
        await network.drop_connection()
    elif command == "advance":
        await network.clock.advance(float(rest[0]))
    elif command == "devices":
        return "ok " + " ".join(
            f"{device.zigbee_model}={ieee}{'' if device.joined else '(not-joined)'}"
            for ieee, device in network.devices.items()
        )
    elif command in ("quit", "exit"):
        stop.set()
    elif command == "help":
        return "ok " + COMMANDS_HELP
    else:
        return f"error unknown command {command!r}; {COMMANDS_HELP}"
    return "ok"


def _parse_value(text: str) -> object:
    """A command line value: JSON (numbers, true/false, {"x": ...}) or else a plain string."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def _print_signatures(names: Sequence[str]) -> int:
    twins = (
        {name: resolve_model(name) for name in names}
        if names
        else {model: twin for model, twin in TWINS.items() if not twin.join_report}
    )
    entries = [reference_input(name, twin) for name, twin in twins.items()]
    print(json.dumps(entries, indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = _parse_args(argv)
    if args.command == "signatures":
        return _print_signatures(args.models)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return asyncio.run(_serve(args))


if __name__ == "__main__":
    sys.exit(main())
