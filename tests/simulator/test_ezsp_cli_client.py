"""Issue contract: an independent bellows client, started against ``serve --radio ezsp``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
import zigpy.types as t
from zigpy.zcl import foundation

from .test_cli import Simulator, _serve_lines
from .test_cli_client import MFR, SEED_MODELS, _wait_for
from .test_ezsp_bellows import BellowsApps, _joined


@pytest.fixture(autouse=True)
def _fast_bellows_resets() -> Iterator[None]:
    with patch("bellows.ezsp.NETWORK_COORDINATOR_STARTUP_RESET_WAIT", 0.2):
        yield


async def test_bellows_client_against_the_cli(tmp_path: Path) -> None:
    state = tmp_path / "sim"
    apps = BellowsApps(tmp_path)
    process = Simulator("--radio", "ezsp", "--port", "0", "--state", str(state), "--auto-join")
    try:
        port, announced = _serve_lines(process, len(SEED_MODELS))
        assert {model for model, _ieee in announced} == SEED_MODELS
        url = f"socket://127.0.0.1:{port}"
        # A blank stick: the client forms the network itself.
        app = await apps(url)
        devices = await _joined(app)
        assert {ieee: devices[ieee].model for _m, ieee in announced} == {
            ieee: model for model, ieee in announced
        }

        plug_ieee = next(ieee for model, ieee in announced if model == "lumi.plug.mmeu01")
        plug = devices[plug_ieee].endpoints[1]
        lumi = plug.in_clusters[0xFCC0]
        read = await lumi.read_attributes_raw([0x0201], manufacturer=MFR)
        assert read[0][0].status == foundation.Status.SUCCESS
        await plug.on_off.on()
        await _wait_for(lambda: plug.on_off.get("on_off") == t.Bool.true)
        await plug.on_off.off()
        await _wait_for(lambda: plug.on_off.get("on_off") == t.Bool.false)
        pan_id = app.state.network_info.pan_id
        await apps.shutdown(app)
        process.stop()

        # The simulator and the client both restart on their saved state.
        process = Simulator("--radio", "ezsp", "--port", "0", "--state", str(state))
        port, _ = _serve_lines(process, len(SEED_MODELS))
        app = await apps(f"socket://127.0.0.1:{port}")
        assert app.state.network_info.pan_id == pan_id
        plug = app.get_device(t.EUI64.convert(plug_ieee)).endpoints[1]
        await plug.on_off.on()
        await _wait_for(lambda: plug.on_off.get("on_off") == t.Bool.true)
    finally:
        await apps.shutdown_all()
        process.stop()
