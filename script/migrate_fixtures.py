"""Produce the migration fixtures (tests/fixtures/migrate/) from real ZHA and zigbee-herdsman.

``python -m script.migrate_fixtures zha OUT`` (in ``.venv-ha``: HA's ``zha`` integration with
the zha library HA pins) forms a network on the simulated Z-Stack stick through ZHA's own
config flow, lets the five seed twins join and be interviewed, names two of them and puts
one in an area the way a user would in the UI, then stops Home Assistant and keeps:

* ``zigbee.db``: zigpy's database as ZHA left it (devices, attribute cache, network backups);
* ``.storage/core.{config_entries,device_registry,entity_registry,area_registry}``: the
  registries a takeover keeps names and areas from;
* ``stick/``: the emulated coordinator's NVRAM and the twins' own state (the same stick).

The zigbee-herdsman half is ``tests/herdsman/pair_home.js`` (node), which writes
``coordinator_backup.json`` and ``database.db`` itself; ``script/migrate-fixtures`` runs it
around the same simulated network (``python -m script.migrate_fixtures herdsman OUT``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
import shutil
import sys
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# bench.zha first: it installs the bare simulator package (no integration code loaded)
from bench import zha as zha_bench  # noqa: E402, I001
from bench import harness  # noqa: E402
from custom_components.aqara_zigbee.simulator.models import DEFAULT_MODELS  # noqa: E402

#: what the user did in ZHA's UI before moving (model id -> device name, area)
ZHA_USER_NAMES = {
    "lumi.plug.mmeu01": ("Kitchen plug", "Kitchen"),
    "lumi.switch.b2laus01": ("Hall switch", None),
}
#: an entity the user renamed in ZHA (model id -> entity domain, new name)
ZHA_ENTITY_NAMES = {"lumi.plug.mmeu01": ("switch", "Kettle")}
#: the names a Zigbee2MQTT user gave (model id -> friendly_name); Zigbee2MQTT keeps them in
#: configuration.yaml, which zigbee-herdsman alone does not write
Z2M_FRIENDLY_NAMES = {
    "lumi.plug.mmeu01": "Kitchen plug",
    "lumi.switch.b2laus01": "Hall switch",
}
REGISTRIES = ("core.config_entries", "core.device_registry", "core.entity_registry")
HERDSMAN_DIR = ROOT / "tests" / "herdsman"
HERDSMAN_TIMEOUT = 120.0


async def _zha_home(out: Path) -> dict[str, Any]:
    from homeassistant.helpers import (  # noqa: PLC0415  (after bench.zha's set-up)
        area_registry as ar,
        device_registry as dr,
        entity_registry as er,
    )

    work = out.parent / f".{out.name}.work"
    shutil.rmtree(work, ignore_errors=True)
    network = harness.make_network(work / "stick", DEFAULT_MODELS)
    url = await network.start(host="127.0.0.1", port=0)
    count = len(network.devices)
    try:
        async with harness.home_assistant(work / "config", integration="zha") as hass:
            zha_bench._mark_dependencies_loaded(hass)
            await zha_bench._config_flow(hass, url)
            await hass.async_block_till_done()
            await hass.services.async_call("zha", "permit", {"duration": 254}, blocking=True)
            await harness.wait_until(
                lambda: zha_bench._zha_devices(hass) >= count, 180, "the twins to join ZHA"
            )
            await zha_bench._settle(network)
            await hass.async_block_till_done()
            devices = dr.async_get(hass)
            entities = er.async_get(hass)
            areas = ar.async_get(hass)
            for device in list(devices.devices):
                if device.model in ZHA_USER_NAMES:
                    name, area = ZHA_USER_NAMES[device.model]
                    area_id = areas.async_get_or_create(area).id if area else None
                    devices.async_update_device(device.id, name_by_user=name, area_id=area_id)
                if device.model in ZHA_ENTITY_NAMES:
                    domain, entity_name = ZHA_ENTITY_NAMES[device.model]
                    entity = next(
                        entry
                        for entry in er.async_entries_for_device(entities, device.id)
                        if entry.domain == domain
                    )
                    entities.async_update_entity(entity.entity_id, name=entity_name)
            joined = zha_bench._zha_devices(hass)
    finally:
        await network.stop()
    shutil.rmtree(out, ignore_errors=True)
    (out / ".storage").mkdir(parents=True)
    shutil.copy(work / "config" / "zigbee.db", out / "zigbee.db")
    for name in (*REGISTRIES, "core.area_registry"):
        shutil.copy(work / "config" / ".storage" / name, out / ".storage" / name)
    shutil.copytree(work / "stick", out / "stick")
    shutil.rmtree(work)
    return {"source": "zha", "devices": count, "joined": joined, "versions": zha_bench._versions()}


async def _herdsman_home(out: Path) -> dict[str, Any]:
    work = out.parent / f".{out.name}.work"
    shutil.rmtree(work, ignore_errors=True)
    (work / "z2m").mkdir(parents=True)
    network = harness.make_network(work / "stick", DEFAULT_MODELS)
    await network.start(host="127.0.0.1", port=0)
    try:
        process = await asyncio.create_subprocess_exec(
            shutil.which("node") or "node",
            str(HERDSMAN_DIR / "pair_home.js"),
            f"tcp://127.0.0.1:{network.coordinator.port}",
            str(work / "z2m"),
            str(len(network.devices)),
            cwd=HERDSMAN_DIR,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        async with asyncio.timeout(HERDSMAN_TIMEOUT):
            stdout, stderr = await process.communicate()
        events = [json.loads(line) for line in stdout.decode().splitlines() if line[:1] == "{"]
        if process.returncode != 0 or events[-1:] != [{"event": "done"}]:
            raise RuntimeError(f"pair_home.js failed: {events} {stderr.decode()[-2000:]}")
        models = {
            network.device(ieee).zigbee_model: ieee
            for ieee in (device.ieee_str for device in network.devices.values())
        }
    finally:
        await network.stop()
    await asyncio.to_thread(_keep_herdsman_files, work, out, models)
    return {"source": "zigbee2mqtt", "devices": len(models), "events": events}


def _keep_herdsman_files(work: Path, out: Path, models: dict[str, str]) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in ("coordinator_backup.json", "database.db"):
        shutil.copy(work / "z2m" / name, out / name)
    (out / "configuration.yaml").write_text(_z2m_configuration(models))
    shutil.copytree(work / "stick", out / "stick")
    shutil.rmtree(work)


def _z2m_configuration(models: dict[str, str]) -> str:
    """Zigbee2MQTT's configuration.yaml with the friendly names (its ``devices`` section)."""
    lines = ["homeassistant:", "  enabled: true", "serial:", "  adapter: zstack", "devices:"]
    for model, name in Z2M_FRIENDLY_NAMES.items():
        ieee = "0x" + models[model].replace(":", "")
        lines += [f"  '{ieee}':", f"    friendly_name: {name}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m script.migrate_fixtures")
    parser.add_argument("source", choices=("zha", "herdsman"))
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    harness.quiet_logging()
    run = _zha_home if args.source == "zha" else _herdsman_home
    result = asyncio.run(run(args.out.resolve()))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
