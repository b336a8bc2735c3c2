"""Firmware updates (OTA) through Home Assistant, against the simulated network.

Real zigpy-znp talks to the emulated coordinator; the simulated devices implement the OTA
client themselves (Query Next Image, Image Block, Upgrade End, reboot). Images come from
the entry's folder, built by the independent test builder (``tests/ota_image.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Generator
from datetime import timedelta
import hashlib
import json
from pathlib import Path
import socket
from typing import Any
from unittest.mock import patch

from aiohttp import web
from homeassistant.components.update import (
    ATTR_IN_PROGRESS,
    ATTR_INSTALLED_VERSION,
    ATTR_LATEST_VERSION,
    ATTR_RELEASE_SUMMARY,
    ATTR_UPDATE_PERCENTAGE,
    DOMAIN as UPDATE_DOMAIN,
    SERVICE_INSTALL,
    UpdateEntityFeature,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_SUPPORTED_FEATURES,
    EVENT_STATE_CHANGED,
    STATE_OFF,
    STATE_ON,
)
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, State, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
from zigpy.util import CatchingTaskMixin

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator import SimulatedNetwork, TwinDevice
from custom_components.aqara_zigbee.simulator.ota import write_demo_image

from ..ota_image import IMAGE_TYPES, LUMI, lumi_image, write_image
from .conftest import configure_simulated, ieee_of, join_all, wait_for
from .entity_helpers import update_entity

# Seed models with OTA, their model id and the firmware they run.
OTA_MODELS = {
    "ZNCZ02LM": ("lumi.plug", 92),
    "ZNCZ04LM": ("lumi.plug.mmeu01", 22),
    "WS-USC02": ("lumi.switch.b2laus01", 32),
    "QBKG40LM": ("lumi.switch.b1nc01", 29),
}


@pytest.fixture(autouse=True)
def quick_ota() -> Generator[None]:
    """zigpy waits 10 s after an update before reading the new version back."""
    with patch("zigpy.device.AFTER_OTA_ATTR_READ_DELAY", 0.3):
        yield


def image_folder(hass: HomeAssistant) -> Path:
    return Path(hass.config.path("aqara_zigbee", "ota"))


def network(entry: AqaraConfigEntry) -> SimulatedNetwork:
    assert entry.runtime_data.simulator is not None
    return entry.runtime_data.simulator


def unit(entry: AqaraConfigEntry, model: str) -> tuple[str, TwinDevice]:
    """IEEE and simulated device of a seed model, rebooting quickly after an update."""
    ieee = ieee_of(entry.runtime_data, model)
    device = network(entry).devices[ieee]
    device.ota_reboot_s = 0.1
    awake(device)
    return ieee, device


def awake(device: TwinDevice) -> None:
    """Devices ignore Image Notify for a while after joining or booting (a settling
    firmware); these ones joined or booted seconds ago."""
    assert device.ota is not None
    device.ota.quiet_until = 0.0


def update_id(hass: HomeAssistant, ieee: str) -> str:
    found = er.async_get(hass).async_get_entity_id("update", DOMAIN, f"{ieee}-firmware")
    assert found is not None, f"no update entity for {ieee}"
    return found


def state_of(hass: HomeAssistant, entity: str) -> State:
    state = hass.states.get(entity)
    assert state is not None
    return state


async def install(hass: HomeAssistant, entity: str) -> None:
    await hass.services.async_call(
        UPDATE_DOMAIN, SERVICE_INSTALL, {ATTR_ENTITY_ID: entity}, blocking=True
    )


async def offered(hass: HomeAssistant, entity: str, version: str) -> None:
    """Ask for a check (``homeassistant.update_entity``) and expect ``version`` offered."""
    await update_entity(hass, entity)
    state = state_of(hass, entity)
    assert state.attributes[ATTR_LATEST_VERSION] == version, state
    assert state.state == (
        STATE_OFF if state.attributes[ATTR_INSTALLED_VERSION] == version else STATE_ON
    )


async def settled(hass: HomeAssistant) -> None:
    await hass.async_block_till_done(wait_background_tasks=True)


async def query(device: TwinDevice) -> None:
    """The device sends Query Next Image Request; wait until zigpy answered it (in tasks
    of its own: a reply still in flight when the test ends would linger)."""
    assert device.ota is not None
    ota = device.ota
    asked = ota.stats.queries
    device.ota_query()
    assert ota.stats.queries == asked + 1
    await during(lambda: not ota.busy)
    await during(lambda: all(task.done() for task in CatchingTaskMixin._tasks))


async def during(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    """Wait for ``predicate`` while other work runs on (``wait_for`` would wait for the
    install to finish: it ends with ``async_block_till_done``)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


# -- entities -------------------------------------------------------------------------------


async def test_one_update_entity_per_ota_device(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Four of the five seed devices support OTA; each shows the version it runs."""
    await settled(hass)
    gateway = simulated_entry.runtime_data
    for model, (_model_id, version) in OTA_MODELS.items():
        state = state_of(hass, update_id(hass, ieee_of(gateway, model)))
        assert state.state == STATE_OFF
        assert state.attributes[ATTR_INSTALLED_VERSION] == str(version)
        assert state.attributes[ATTR_LATEST_VERSION] == str(version)
        assert state.attributes["device_class"] == "firmware"
        assert state.attributes["auto_update"] is False
        assert state.attributes[ATTR_SUPPORTED_FEATURES] == (
            UpdateEntityFeature.INSTALL
            | UpdateEntityFeature.PROGRESS
            | UpdateEntityFeature.RELEASE_NOTES
        )
        entry = er.async_get(hass).async_get(update_id(hass, ieee_of(gateway, model)))
        assert entry is not None
        assert entry.entity_category == "config"
    ssm = ieee_of(gateway, "SSM-U02")
    assert er.async_get(hass).async_get_entity_id("update", DOMAIN, f"{ssm}-firmware") is None
    # The default image folder exists so that users find where to put images.
    assert image_folder(hass).is_dir()


async def test_local_image_is_offered_and_installed_with_progress(
    hass: HomeAssistant,
    simulated_entry: AqaraConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A file dropped in the folder is noticed; installing it reports progress; the device
    runs the new version afterwards and keeps working."""
    ieee, plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(
        image_folder(hass),
        "plug-93.ota",
        lumi_image("lumi.plug", 93, size=24_000),
        notes="# Version 93\n\nFixes power reports after an outage.",
    )
    # The folder watcher notices the file without anyone asking.
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=20))
    await wait_for(hass, lambda: state_of(hass, entity).state == STATE_ON)
    state = state_of(hass, entity)
    assert state.attributes[ATTR_INSTALLED_VERSION] == "92"
    assert state.attributes[ATTR_LATEST_VERSION] == "93"
    assert state.attributes[ATTR_RELEASE_SUMMARY] == "Version 93"
    client = await hass_ws_client(hass)
    await client.send_json({"id": 1, "type": "update/release_notes", "entity_id": entity})
    reply = await client.receive_json()
    assert reply["success"], reply
    assert "Fixes power reports" in reply["result"]
    # Nothing was sent to the device before the user asked for it.
    assert plug.ota is not None
    assert plug.ota.stats.downloads_started == 0

    progress: list[tuple[bool, Any]] = []

    @callback
    def record(event: Event[EventStateChangedData]) -> None:
        new = event.data["new_state"]
        if event.data["entity_id"] == entity and new is not None:
            progress.append(
                (new.attributes[ATTR_IN_PROGRESS], new.attributes[ATTR_UPDATE_PERCENTAGE])
            )

    unsub = hass.bus.async_listen(EVENT_STATE_CHANGED, record)
    await install(hass, entity)
    unsub()

    percentages = [pct for running, pct in progress if running]
    assert percentages[0] == 0
    assert percentages == sorted(percentages)
    assert percentages[-1] == 100
    assert len(percentages) > 20  # the bar moved in steps, not in one jump
    assert progress[-1] == (False, None)
    state = state_of(hass, entity)
    assert state.state == STATE_OFF
    assert state.attributes[ATTR_INSTALLED_VERSION] == "93"
    assert state.attributes[ATTR_LATEST_VERSION] == "93"
    # The device itself runs the new firmware and says so.
    assert plug.file_version == 93
    assert plug.sw_build_id == "0.0.0_0093"
    assert plug.ota.stats.upgrades_applied == 1
    assert plug.ota.stats.last_transfer_s is not None
    # zigpy re-interviewed the device (a new device object): it still works.
    switch = er.async_get(hass).async_get_entity_id("switch", DOMAIN, f"{ieee}-state")
    assert switch is not None
    await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
    await wait_for(hass, lambda: state_of(hass, switch).state == STATE_ON)
    assert plug.relays[1] is True
    # Its next own query tells the new version too.
    await query(plug)
    await settled(hass)
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "93"


async def test_transfer_survives_lost_blocks(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Block responses lost mid-transfer: the device asks again and the update completes."""
    ieee, switch = unit(simulated_entry, "QBKG40LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(
        image_folder(hass), "qbkg40lm.ota", lumi_image("lumi.switch.b1nc01", 30, size=20_000)
    )
    await offered(hass, entity, "30")
    assert switch.ota is not None
    stats = switch.ota.stats
    task = hass.async_create_task(install(hass, entity))
    await during(lambda: stats.bytes_received > 5_000)
    network(simulated_entry).fail_next(ieee, 8)
    await task
    assert stats.block_retries > 0
    assert stats.downloads_started == 1
    assert switch.file_version == 30
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "30"


async def test_device_dropping_mid_transfer(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """The device loses power during the transfer: a translated error, the old firmware
    stays; once back, the update can be run again from the start."""
    ieee, plug = unit(simulated_entry, "ZNCZ04LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(
        image_folder(hass), "mmeu01-23.ota", lumi_image("lumi.plug.mmeu01", 23, size=20_000)
    )
    await offered(hass, entity, "23")
    assert plug.ota is not None
    task = hass.async_create_task(install(hass, entity))
    await during(lambda: plug.ota is not None and plug.ota.stats.bytes_received > 5_000)
    # zigpy gives a stalled transfer up after 30 s without a block request; 3 s here.
    with patch("zigpy.ota.manager.MAX_TIME_WITHOUT_PROGRESS", 3):
        plug.power_off()
        with pytest.raises(HomeAssistantError) as err:
            await task
    assert err.value.translation_key == "firmware_update_failed"
    assert err.value.translation_placeholders["error"] == "TIMEOUT"
    state = state_of(hass, entity)
    assert state.attributes[ATTR_IN_PROGRESS] is False
    assert state.attributes[ATTR_INSTALLED_VERSION] == "22"
    assert state.state == STATE_ON  # still offered
    assert plug.file_version == 22

    plug.power_on()
    awake(plug)
    await install(hass, entity)
    assert plug.file_version == 23
    assert plug.ota.stats.downloads_started == 2
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "23"


async def test_corrupted_image_is_rejected_by_the_device(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """A damaged image looks fine from outside: the device checks it and refuses it."""
    ieee, switch = unit(simulated_entry, "WS-USC02")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(
        image_folder(hass),
        "ws-usc02-33.ota",
        lumi_image("lumi.switch.b2laus01", 33, size=8_000, corrupt=True),
    )
    await offered(hass, entity, "33")
    with pytest.raises(HomeAssistantError) as err:
        await install(hass, entity)
    assert err.value.translation_key == "firmware_rejected"
    assert err.value.translation_placeholders["version"] == "33"
    assert switch.file_version == 32
    assert switch.ota is not None
    assert switch.ota.stats.images_rejected == 1
    assert switch.ota.stats.upgrades_applied == 0
    state = state_of(hass, entity)
    assert state.attributes[ATTR_INSTALLED_VERSION] == "32"
    assert state.attributes[ATTR_IN_PROGRESS] is False


async def test_images_for_other_devices_are_not_offered(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Wrong image type, wrong manufacturer, older versions, truncated files and junk."""
    ieee, _plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    folder = image_folder(hass)
    write_image(folder, "other-model.ota", lumi_image("lumi.plug", 99, image_type=0x4018 + 1))
    write_image(folder, "other-vendor.ota", lumi_image("lumi.plug", 99, manufacturer=0x1037))
    write_image(folder, "older.ota", lumi_image("lumi.plug", 91))
    write_image(folder, "truncated.ota", lumi_image("lumi.plug", 99)[:-100])
    write_image(folder, "notes.txt", b"not an image at all")
    await offered(hass, entity, "92")
    assert state_of(hass, entity).state == STATE_OFF
    with pytest.raises(HomeAssistantError) as err:
        await install(hass, entity)
    assert err.value.translation_key == "no_update_available"  # Home Assistant's own


async def test_known_bad_firmware_is_withheld_with_a_repair_issue(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """ZNCZ04LM firmware 24 breaks power reporting: never offered, a repair issue says so;
    a device already running it gets an issue too."""
    ieee, plug = unit(simulated_entry, "ZNCZ04LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    issues = ir.async_get(hass)
    bad = write_image(image_folder(hass), "mmeu01-24.ota", lumi_image("lumi.plug.mmeu01", 24))
    await offered(hass, entity, "22")
    issue = issues.async_get_issue(DOMAIN, f"known_bad_firmware_available_{ieee}")
    assert issue is not None
    assert issue.translation_key == "known_bad_firmware_available"
    assert issue.severity == ir.IssueSeverity.WARNING
    assert issue.translation_placeholders is not None
    assert issue.translation_placeholders["version"] == "24"
    assert issue.translation_placeholders["model"] == "ZNCZ04LM"
    assert "power" in issue.translation_placeholders["problem"]
    # A good newer release is offered past it; the issue stays while 24 is around.
    write_image(image_folder(hass), "mmeu01-25.ota", lumi_image("lumi.plug.mmeu01", 25))
    await offered(hass, entity, "25")
    assert issues.async_get_issue(DOMAIN, f"known_bad_firmware_available_{ieee}") is not None
    bad.unlink()
    await offered(hass, entity, "25")
    assert issues.async_get_issue(DOMAIN, f"known_bad_firmware_available_{ieee}") is None

    # A plug that got firmware 24 elsewhere says so in its next query.
    assert issues.async_get_issue(DOMAIN, f"known_bad_firmware_installed_{ieee}") is None
    plug.file_version = 24
    await query(plug)
    await wait_for(
        hass,
        lambda: issues.async_get_issue(DOMAIN, f"known_bad_firmware_installed_{ieee}") is not None,
    )
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "24"
    await install(hass, entity)
    assert plug.file_version == 25
    await settled(hass)
    assert issues.async_get_issue(DOMAIN, f"known_bad_firmware_installed_{ieee}") is None


async def test_never_installs_on_its_own(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """A device asking for an image while one is available is told there is none."""
    ieee, plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(image_folder(hass), "plug-93.ota", lumi_image("lumi.plug", 93))
    await offered(hass, entity, "93")
    assert plug.ota is not None
    for _ in range(3):
        await query(plug)
        await settled(hass)
    assert plug.ota.stats.queries >= 3
    assert plug.ota.stats.downloads_started == 0
    assert plug.ota.stats.blocks_requested == 0
    assert plug.file_version == 92
    assert state_of(hass, entity).state == STATE_ON


async def test_install_errors(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """A device that is not available, and one zigpy is already updating."""
    ieee, plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    write_image(image_folder(hass), "plug-93.ota", lumi_image("lumi.plug", 93))
    await offered(hass, entity, "93")
    # An unavailable entity is skipped by the action; a device gone from zigpy is refused.
    gateway = simulated_entry.runtime_data
    with patch.object(type(gateway), "zigpy_device", return_value=None):
        with pytest.raises(HomeAssistantError) as err:
            await install(hass, entity)
        assert err.value.translation_key == "device_offline"
        await update_entity(hass, entity)  # nothing to look at: no change
    assert state_of(hass, entity).attributes[ATTR_LATEST_VERSION] == "93"
    device = gateway.zigpy_device(ieee)
    assert device is not None
    device.ota_in_progress = True  # someone else (zigpy itself) is updating it
    with pytest.raises(HomeAssistantError) as err:
        await install(hass, entity)
    assert err.value.translation_key == "firmware_update_running"
    device.ota_in_progress = False
    assert plug.file_version == 92


# -- options --------------------------------------------------------------------------------


@pytest.fixture
async def z2m_index(tmp_path: Path) -> AsyncIterator[tuple[str, dict[str, bytes]]]:
    """A local web server standing in for the Zigbee2MQTT OTA index and its images."""
    files: dict[str, bytes] = {}

    async def serve(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in files:
            raise web.HTTPNotFound
        return web.Response(body=files[name])

    app = web.Application()
    app.router.add_get("/{name}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    site = web.SockSite(runner, sock)
    await site.start()
    yield f"http://127.0.0.1:{port}", files
    await runner.cleanup()


async def test_options_opt_in_to_the_zigbee2mqtt_index(
    hass: HomeAssistant,
    simulated_entry: AqaraConfigEntry,
    z2m_index: tuple[str, dict[str, bytes]],
) -> None:
    """The remote index is off until the user turns it on; then its Lumi images count."""
    base, files = z2m_index
    image = lumi_image("lumi.switch.b1nc01", 31, size=4_000)
    files["QBKG40LM_31.ota"] = image
    files["index.json"] = json.dumps(
        [
            {
                "fileVersion": 31,
                "fileSize": len(image),
                "manufacturerCode": LUMI,
                "imageType": IMAGE_TYPES["lumi.switch.b1nc01"],
                "sha512": hashlib.sha512(image).hexdigest(),
                "url": f"{base}/QBKG40LM_31.ota",
                "modelId": "lumi.switch.b1nc01",
                "releaseNotes": "Better click detection",
            }
        ]
    ).encode()
    ieee, switch = unit(simulated_entry, "QBKG40LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    await offered(hass, entity, "29")  # nothing local, remote not asked

    result = await hass.config_entries.options.async_init(simulated_entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert "ota" in result["menu_options"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ota"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "ota"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "ota_folder": "aqara_zigbee/ota",
            "ota_z2m_index": True,
            "ota_z2m_index_url": f"{base}/index.json",
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert simulated_entry.options["ota_z2m_index"] is True
    assert simulated_entry.options["ota_z2m_index_url"] == f"{base}/index.json"
    assert "ota_folder" not in simulated_entry.options  # the default is not stored
    await wait_for(hass, lambda: state_of(hass, entity).state == STATE_ON)
    state = state_of(hass, entity)
    assert state.attributes[ATTR_LATEST_VERSION] == "31"
    assert state.attributes[ATTR_RELEASE_SUMMARY] == "Better click detection"
    await install(hass, entity)
    assert switch.file_version == 31

    # Turning it off again forgets the remote images.
    result = await hass.config_entries.options.async_init(simulated_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ota"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"ota_z2m_index": False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert "ota_z2m_index_url" not in simulated_entry.options


async def test_options_choose_another_folder(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, tmp_path: Path
) -> None:
    """Images can live in any folder of the host."""
    ieee, _plug = unit(simulated_entry, "ZNCZ02LM")
    entity = update_id(hass, ieee)
    await settled(hass)
    elsewhere = tmp_path / "firmware"
    write_image(elsewhere, "plug-95.ota", lumi_image("lumi.plug", 95))
    result = await hass.config_entries.options.async_init(simulated_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "ota"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"ota_folder": str(elsewhere), "ota_z2m_index": False}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert simulated_entry.options["ota_folder"] == str(elsewhere)
    await wait_for(hass, lambda: state_of(hass, entity).attributes[ATTR_LATEST_VERSION] == "95")


async def test_update_at_demo_speed(hass: HomeAssistant) -> None:
    """``make demo`` runs the network 60 times faster than real time: the device's own
    timers (block retries, reboot, quiet time) must not outrun zigpy's real-time answers."""
    entry = await configure_simulated(hass)
    hass.config_entries.async_update_entry(entry, options={"simulation_speed": 60})
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    await join_all(hass, entry)
    assert network(entry).clock.speed == 60
    ieee = ieee_of(entry.runtime_data, "ZNCZ04LM")
    plug = network(entry).devices[ieee]
    entity = update_id(hass, ieee)
    await settled(hass)
    await asyncio.sleep(0.5)  # 30 simulated seconds: the plug settled after joining
    write_demo_image("ZNCZ04LM", 23, image_folder(hass))
    await offered(hass, entity, "23")
    await install(hass, entity)
    assert plug.file_version == 23
    assert plug.ota is not None
    assert plug.ota.stats.block_retries == 0
    assert state_of(hass, entity).attributes[ATTR_INSTALLED_VERSION] == "23"
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
