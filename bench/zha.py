"""The same measurements on Home Assistant's own ZHA integration (run with ``.venv-ha``).

``python -m bench.zha prepare|run ...`` mirrors ``bench.e2e``: the same simulated network
(the same emulated Z-Stack coordinator and ZNCZ04LM twins, in the same event loop, reached
over loopback TCP by zigpy-znp), the same Home Assistant core without pytest or mocks, the
same driver and statistics. Only the integration differs: HA's ``zha`` with the libraries
HA 2026.10 pins (zha 2.3.1, zha-quirks 2.3.0, zigpy 2.3.0, zigpy-znp 1.1.1).

The simulator is imported without the integration's package ``__init__`` (a bare package
stands in for ``custom_components.aqara_zigbee``), so this process holds none of our code.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from pathlib import Path
import shutil
import sys
import time
import types
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent


def _bare_integration_package() -> None:
    """Let ``custom_components.aqara_zigbee.simulator`` import without the integration."""
    name = "custom_components.aqara_zigbee"
    if name in sys.modules:
        return
    package = types.ModuleType(name)
    package.__path__ = [str(ROOT / "custom_components" / "aqara_zigbee")]
    sys.modules[name] = package


_bare_integration_package()

from bench import e2e, harness  # noqa: E402

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from custom_components.aqara_zigbee.simulator import SimulatedNetwork
    from custom_components.aqara_zigbee.simulator.device import TwinDevice

DOMAIN = "zha"
SIMULATOR_DIR = "simulator"
# ZHA's manifest dependencies that need an HTTP server (backup upload, the websocket API):
# a benchmark has no use for them, like the "usb" our harness marks as loaded. (The
# repairs UI registers HTTP views; the issue registry it shows is core, not this.)
_SKIPPED_DEPENDENCIES = ("usb", "file_upload", "http", "websocket_api", "repairs")


def _mark_dependencies_loaded(hass: HomeAssistant) -> None:
    for component in _SKIPPED_DEPENDENCIES:
        hass.config.components.add(component)


def the_entry(hass: HomeAssistant) -> ConfigEntry:
    entries = hass.config_entries.async_entries(DOMAIN)
    if len(entries) != 1:
        raise RuntimeError(f"expected one {DOMAIN} entry, found {len(entries)}")
    return entries[0]


async def _config_flow(hass: HomeAssistant, url: str) -> list[tuple[str | None, float]]:
    """ZHA's own config flow, as a user would click it: path, then the recommended set-up."""
    from zha.application.const import RadioType

    flow = hass.config_entries.flow
    started = time.perf_counter()
    steps: list[tuple[str | None, float]] = []
    result: Any = await flow.async_init(DOMAIN, context={"source": "user"})
    for _ in range(20):
        kind, step = result.get("type"), result.get("step_id")
        steps.append((step, round(time.perf_counter() - started, 3)))
        if kind == "create_entry":
            return steps
        flow_id = result["flow_id"]
        if kind == "form" and step == "choose_serial_port":
            result = await flow.async_configure(flow_id, {"path": url})
        elif kind == "form" and step == "manual_pick_radio_type":
            result = await flow.async_configure(flow_id, {"radio_type": RadioType.znp.description})
        elif kind == "form" and step == "manual_port_config":
            result = await flow.async_configure(
                flow_id, {"path": url, "baudrate": 115200, "flow_control": "none"}
            )
        elif kind == "menu":
            options = result["menu_options"]
            pick = next((o for o in options if "recommended" in o), options[0])
            result = await flow.async_configure(flow_id, {"next_step_id": pick})
        elif kind == "progress":
            await hass.async_block_till_done()
            await asyncio.sleep(0.05)
            result = await flow.async_configure(flow_id)
        elif kind == "form":
            result = await flow.async_configure(flow_id, {})
        else:
            raise RuntimeError(f"ZHA config flow stopped: {result}")
    raise RuntimeError(f"ZHA config flow did not finish: {result}")


def _zha_devices(hass: HomeAssistant) -> int:
    """Devices ZHA has registered, the coordinator excluded."""
    from homeassistant.helpers import device_registry as dr

    entry = the_entry(hass)
    return max(0, len(dr.async_entries_for_config_entry(dr.async_get(hass), entry.entry_id)) - 1)


async def _settle(network: SimulatedNetwork, quiet: float = 2.0, within: float = 600) -> None:
    """Until the coordinator saw no frame for ``quiet`` seconds (ZHA's reads, binds)."""
    deadline = time.monotonic() + within
    last, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        frames = network.coordinator.frames_in
        if frames != last:
            last, quiet_since = frames, time.monotonic()
        elif time.monotonic() - quiet_since >= quiet:
            return
        await asyncio.sleep(0.1)
    raise TimeoutError("ZHA's background work did not settle")


async def _prepare(config_dir: Path, devices: int) -> dict[str, Any]:
    started = time.perf_counter()
    network = harness.make_network(config_dir / SIMULATOR_DIR, [harness.PLUG_MODEL] * devices)
    url = await network.start(host="127.0.0.1", port=0)
    try:
        async with harness.home_assistant(config_dir, integration=DOMAIN) as hass:
            _mark_dependencies_loaded(hass)
            flow_started = time.perf_counter()
            steps = await _config_flow(hass, url)
            await hass.async_block_till_done()
            setup_s = time.perf_counter() - flow_started
            await hass.services.async_call(DOMAIN, "permit", {"duration": 254}, blocking=True)
            await harness.wait_until(
                lambda: _zha_devices(hass) >= devices,
                120 + devices * 3.0,
                f"{devices} devices to join ZHA",
            )
            await _settle(network)
            await hass.async_block_till_done()
            joined = _zha_devices(hass)
            states = len(hass.states.async_all())
    finally:
        await network.stop()
    return {
        "devices": devices,
        "joined": joined,
        "states": states,
        "setup_s": setup_s,
        "setup_steps": steps,
        "seconds": time.perf_counter() - started,
    }


async def _discover_targets(
    hass: HomeAssistant, network: SimulatedNetwork, workload: e2e.Workload
) -> list[tuple[TwinDevice, str]]:
    """Which ZHA entity shows each device's report: found on one device, then by unique id.

    ZHA names its entities after the cluster the quirk routes the value to (a ZNCZ04LM's
    AnalogInput power lands on ElectricalMeasurement), so the bench asks rather than guesses:
    one report with a value no entity has, and the entity whose state took it.
    """
    from homeassistant.const import EVENT_STATE_CHANGED
    from homeassistant.core import Event, callback
    from homeassistant.helpers import entity_registry as er

    devices = [device for device in network.devices.values() if device.joined]
    if not devices:
        raise RuntimeError("no joined device")
    registry = er.async_get(hass)
    probe = devices[0]
    changed: list[str] = []

    @callback
    def _seen(event: Event[Any]) -> None:
        changed.append(event.data["entity_id"])

    always: set[str] | None = None  # the entities that changed on every probe
    for k in (977, 1311, 1733):  # distinct values (and distinct modulo 40, for heartbeats)
        changed.clear()
        unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, _seen)
        try:
            workload.send(probe, k)
            await asyncio.sleep(0.5)
        finally:
            unsubscribe()
        candidates = {
            entity_id
            for entity_id in changed
            if entity_id.startswith(f"{workload.platform}.")
            and (entry := registry.async_get(entity_id)) is not None
            and entry.platform == DOMAIN
        }
        always = candidates if always is None else always & candidates
    found = min(always) if always else None
    if found is None:
        return []
    entry = registry.async_get(found)
    assert entry is not None
    pattern = entry.unique_id
    if probe.ieee_str not in pattern:
        raise RuntimeError(f"cannot map {pattern!r} to other devices")
    targets: list[tuple[TwinDevice, str]] = []
    for device in devices:
        entity_id = registry.async_get_entity_id(
            workload.platform, DOMAIN, pattern.replace(probe.ieee_str, device.ieee_str)
        )
        if entity_id is not None:
            targets.append((device, entity_id))
    return targets


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    from homeassistant.config_entries import ConfigEntryState
    from homeassistant.setup import async_setup_component

    result: dict[str, Any] = {"devices": args.devices}
    config_dir = Path(args.dir)
    network = harness.make_network(config_dir / SIMULATOR_DIR, [harness.PLUG_MODEL] * args.devices)
    url = await network.start(host="127.0.0.1", port=0)
    try:
        async with harness.home_assistant(config_dir, integration=DOMAIN) as hass:
            _mark_dependencies_loaded(hass)
            entry = the_entry(hass)
            device = {**entry.data["device"], "path": url}  # this run's port
            hass.config_entries.async_update_entry(entry, data={**entry.data, "device": device})
            for dependency in ("homeassistant_hardware",):
                await async_setup_component(hass, dependency, {})
            rss_before = harness.rss_bytes()
            started = time.perf_counter()
            if not await async_setup_component(hass, DOMAIN, {}):
                raise RuntimeError("ZHA did not set up")
            await hass.async_block_till_done()
            ready = time.perf_counter() - started
            if entry.state is not ConfigEntryState.LOADED:
                raise RuntimeError(f"ZHA entry not loaded: {entry.state}")
            available = await harness.wait_available(hass, DOMAIN, started)
            rss_after = harness.rss_bytes()
            result["startup"] = {
                "ready_s": ready,
                "available_s": available,
                "handles": _zha_devices(hass),
                "states": len(hass.states.async_all()),
                "rss_before_setup": rss_before,
                "rss_after_setup": rss_after,
            }
            await _settle(network, quiet=1.0)
            workload = e2e.WORKLOADS[args.workload]
            if args.latency_rate or args.throughput:
                targets = await _discover_targets(hass, network, workload)
                result["targets"] = len(targets)
                if not targets:
                    result["skipped"] = f"no ZHA entity shows the {workload.name} workload"
                    return result
                driver = e2e.Driver(hass, network, targets, workload)
                if args.latency_rate:
                    result["latency"] = await e2e.latency_run(driver, args)
                if args.throughput:
                    rates = [float(rate) for rate in args.throughput.split(",")]
                    result["throughput"] = await e2e.throughput_search(
                        driver, args.devices, rates, step=args.step, warmup=1.0
                    )
    finally:
        await network.stop()
    return result


def _versions() -> dict[str, str | None]:
    import importlib.metadata

    versions: dict[str, str | None] = {}
    for name in ("homeassistant", "zha", "zha-quirks", "zigpy", "zigpy-znp", "serialx"):
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.zha")
    sub = parser.add_subparsers(dest="mode", required=True)
    prepare = sub.add_parser("prepare", help="ZHA's config flow, then N plugs join")
    prepare.add_argument("--dir", required=True)
    prepare.add_argument("--devices", type=int, required=True)
    prepare.add_argument("--out", required=True)
    run = sub.add_parser("run", help="start ZHA from a prepared state and measure")
    run.add_argument("--from", dest="source", required=True)
    run.add_argument("--dir", required=True)
    run.add_argument("--devices", type=int, required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--workload", choices=sorted(e2e.WORKLOADS), default="report")
    run.add_argument("--latency-rate", type=float, default=0.0)
    run.add_argument("--latency-duration", type=float, default=20.0)
    run.add_argument("--throughput", default="")
    run.add_argument("--step", type=float, default=4.0)
    run.add_argument("--no-pin", action="store_true")
    run.add_argument("--timeline", action="store_true")
    args = parser.parse_args(argv)

    harness.quiet_logging()
    for name in ("zha", "zhaquirks"):
        import logging

        logging.getLogger(name).setLevel(logging.ERROR)
    result: dict[str, Any] = {"mode": args.mode, "pid": os.getpid(), "integration": DOMAIN}
    result["versions"] = _versions()
    if args.mode == "run" and not args.no_pin:
        result["cpu"] = harness.pin_to_one_core()
    started = time.perf_counter()
    import homeassistant.components.zha  # noqa: F401  (import time, like bench.e2e's)

    result["import_s"] = time.perf_counter() - started
    shutil.rmtree(args.dir, ignore_errors=True)
    if args.mode == "prepare":
        result.update(asyncio.run(_prepare(Path(args.dir), args.devices)))
    else:
        shutil.copytree(args.source, args.dir)
        result.update(asyncio.run(_run(args)))
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
