"""Issue contract: an independent zigpy-znp client, started against the CLI server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import zigpy.device
import zigpy.types as t
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.simulator import tlv

from .conftest import AppFactory
from .test_cli import Simulator, _serve_lines

MFR = 0x115F
SEED_MODELS = {
    "lumi.plug",
    "lumi.plug.mmeu01",
    "lumi.switch.l0agl1",
    "lumi.switch.b2laus01",
    "lumi.switch.b1nc01",
}


async def _wait_for(predicate: Callable[[], Any], timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)


async def test_zigpy_znp_client_against_the_cli(tmp_path: Path, make_app: AppFactory) -> None:
    process = Simulator(
        "--port", "0", "--state", str(tmp_path / "sim"), "--auto-join",
        "--heartbeat-interval", "2",
    )  # fmt: skip
    try:
        port, announced = _serve_lines(process, len(SEED_MODELS))
        assert {model for model, _ieee in announced} == SEED_MODELS
        # A blank stick: the client forms the network itself.
        app = await make_app(SimpleNamespace(url=f"socket://127.0.0.1:{port}"))  # type: ignore[arg-type]

        def interviewed() -> dict[str, zigpy.device.Device]:
            return {
                str(device.ieee): device
                for device in app.devices.values()
                if device.nwk != 0x0000 and device.is_initialized and device.model is not None
            }

        await app.permit(60)
        await _wait_for(lambda: len(interviewed()) == len(SEED_MODELS))
        devices = interviewed()
        assert {ieee: devices[ieee].model for _m, ieee in announced} == {
            ieee: model for model, ieee in announced
        }
        assert {device.manufacturer for device in devices.values()} == {"LUMI"}

        plug_ieee = next(ieee for model, ieee in announced if model == "lumi.plug.mmeu01")
        lumi = devices[plug_ieee].endpoints[1].in_clusters[0xFCC0]
        reports: list[Any] = []
        unsubscribe = lumi.on_event("attribute_report", reports.append)

        # Write and read back power_outage_memory with the manufacturer code.
        written = await lumi.write_attributes_raw(
            [foundation.Attribute(0x0201, foundation.TypeValue(t.uint8_t(0x10), t.Bool.true))],
            manufacturer_code=MFR,
        )
        assert written[0][0].status == foundation.Status.SUCCESS
        read = await lumi.read_attributes_raw([0x0201], manufacturer=MFR)
        assert read[0][0].value.value == t.Bool.true

        # Heartbeats arrive and decode to what the device model holds (relay off, 0x64).
        await _wait_for(lambda: any(r.attribute_id == 0x00F7 for r in reports))
        unsubscribe()
        heartbeat = next(r for r in reports if r.attribute_id == 0x00F7)
        assert heartbeat.manufacturer_code == MFR
        assert tlv.as_dict(bytes(heartbeat.raw_value))[100] is False
    finally:
        await make_app.shutdown_all()
        process.stop()
