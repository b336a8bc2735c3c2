"""Moving in from Zigbee2MQTT and from ZHA through the config flow, without re-pairing.

The homes are the real files of tests/fixtures/migrate/ (script/migrate-fixtures: the seed
twins paired under real zigbee-herdsman, and under real ZHA), with the emulated stick ZHA
left behind. After the move every device must answer and carry its name from before.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
import json
from pathlib import Path
import shutil
import tempfile
from typing import Any
from unittest.mock import patch
import uuid

import aiohttp
from homeassistant.components.file_upload import FileUploadData
from homeassistant.config_entries import SOURCE_USER, ConfigEntryDisabler, ConfigEntryState
from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
)
from homeassistant.loader import async_get_integration
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
import zigpy.device

from custom_components.aqara_zigbee import config_flow
from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.migrate.backup import check_open_backup
from custom_components.aqara_zigbee.migrate.takeover import CONF_MIGRATION
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork

from .conftest import SEED_MODELS, wait_for

FIXTURES = Path(__file__).parent.parent / "fixtures" / "migrate"
PLUG = "lumi.plug.mmeu01"
MODEL_ATTR = 0x0005
EXTENDED_PAN_ID_NV = 0x002D  # Z-Stack NV item: the extended PAN id, little-endian
#: the upload fields of the zigbee2mqtt step, and the fixture file each one takes
Z2M_UPLOADS = {
    "zigbee2mqtt_backup": "coordinator_backup.json",
    "zigbee2mqtt_database": "database.db",
    "zigbee2mqtt_configuration": "configuration.yaml",
}

Upload = Callable[[str, bytes], Awaitable[str]]


@pytest.fixture
def interviews() -> Iterator[list[str]]:
    """Every interview zigpy starts (there must be none for devices moved in)."""
    started: list[str] = []
    original = zigpy.device.Device.schedule_initialize

    def schedule(device: zigpy.device.Device) -> Any:
        started.append(str(device.ieee))
        return original(device)

    with patch.object(zigpy.device.Device, "schedule_initialize", schedule):
        yield started


@pytest.fixture
async def upload(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, tmp_path: Path
) -> Upload:
    """Upload a file as the browser's file selector does (POST /api/file_upload): its id."""
    # Every component that serves HTTP is set up before the test client freezes the routes
    for dependency in (await async_get_integration(hass, DOMAIN)).dependencies:
        assert await async_setup_component(hass, dependency, {})
    # A folder of this test's own: file_upload would otherwise share (and empty, when it
    # starts) /tmp/home-assistant-file_upload with every other test process.
    folder = tmp_path / "uploads"
    folder.mkdir(mode=0o700)
    hass.data["file_upload"] = FileUploadData(folder, {})
    client = await hass_client()

    async def send(name: str, content: bytes) -> str:
        form = aiohttp.FormData()
        form.add_field("file", content, filename=name)
        response = await client.post("/api/file_upload", data=form)
        assert response.status == 200
        return str((await response.json())["file_id"])

    return send


@contextmanager
def _temporary_folders() -> Iterator[list[Path]]:
    """Every temporary folder the flow makes, to see that it is removed."""
    made: list[Path] = []
    real = tempfile.TemporaryDirectory

    def spy(*args: Any, **kwargs: Any) -> tempfile.TemporaryDirectory[str]:
        folder = real(*args, **kwargs)
        made.append(Path(folder.name))
        return folder

    with patch.object(config_flow.tempfile, "TemporaryDirectory", spy):
        yield made


def _suggested(result: dict[str, Any], field: str) -> Any:
    """What a re-shown form fills in for ``field``."""
    for key in result["data_schema"].schema:
        if key == field:
            return (key.description or {}).get("suggested_value")
    raise AssertionError(f"{field} is not in the form")


def _pending_uploads(hass: HomeAssistant) -> dict[str, str]:
    """Uploads not yet read (a read removes them: they hold the network key)."""
    data: FileUploadData = hass.data["file_upload"]
    return dict(data.files)


async def _upload_z2m(hass: HomeAssistant, upload: Upload, **content: bytes) -> dict[str, str]:
    """The fixture home's files uploaded; ``content``: another content for a field."""
    answer = {}
    for field, name in Z2M_UPLOADS.items():
        data = content.get(field)
        if data is None:
            data = await hass.async_add_executor_job((FIXTURES / "zigbee2mqtt" / name).read_bytes)
        # under the name a browser gives a second download of the file
        answer[field] = await upload(name.replace(".", " (1)."), data)
    return answer


async def _flow(hass: HomeAssistant, *answers: dict[str, Any]) -> dict[str, Any]:
    result: Any = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    for answer in answers:
        result = await hass.config_entries.flow.async_configure(result["flow_id"], answer)
    return dict(result)


def _our_devices(hass: HomeAssistant, entry: AqaraConfigEntry) -> dict[str, dr.DeviceEntry]:
    registry = dr.async_get(hass)
    return {
        ieee: device
        for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        for domain, ieee in device.identifiers
        if domain == DOMAIN and device.model_id in SEED_MODELS
    }


def _our_entity(hass: HomeAssistant, device: dr.DeviceEntry, domain: str) -> er.RegistryEntry:
    """The device's entity of ``domain`` named after the device (a plug's relay)."""
    registry = er.async_get(hass)
    (entity,) = [
        entity
        for entity in er.async_entries_for_device(registry, device.id)
        if entity.platform == DOMAIN and entity.domain == domain and entity.original_name is None
    ]
    return entity


async def _plug_answers(
    hass: HomeAssistant, network: SimulatedNetwork, device: dr.DeviceEntry, ieee: str
) -> None:
    """Switch the plug from Home Assistant: the twin's relay follows."""
    switch = _our_entity(hass, device, "switch").entity_id
    await hass.services.async_call("switch", "turn_on", {"entity_id": switch}, blocking=True)
    await wait_for(hass, lambda: network.device(ieee).relays[1])
    state = hass.states.get(switch)
    assert state is not None
    assert state.state == STATE_ON


async def _every_device_answers(entry: AqaraConfigEntry, network: SimulatedNetwork) -> None:
    """Each moved device answers a read of its model identifier (Basic cluster)."""
    for ieee, twin in network.devices.items():
        device = entry.runtime_data.zigpy_device(ieee)
        assert device is not None, ieee
        success, _failure = (
            await device.endpoints[1].in_clusters[0x0000].read_attributes([MODEL_ATTR])
        )
        assert success[MODEL_ATTR] == twin.zigbee_model


async def test_move_in_from_zigbee2mqtt(
    hass: HomeAssistant, interviews: list[str], upload: Upload
) -> None:
    """A new (blank, simulated) stick gets herdsman's uploaded network; devices answer at once."""
    result = await _flow(
        hass, {"radio_type": "simulated", "simulated_radio": "znp", "from_zigbee2mqtt": True}
    )
    assert result["step_id"] == "zigbee2mqtt"
    uploads = await _upload_z2m(hass, upload)
    with _temporary_folders() as folders:
        result = await hass.config_entries.flow.async_configure(result["flow_id"], uploads)
    assert result["step_id"] == "zigbee2mqtt_confirm"
    # The uploads and their copies (they hold the network key) are gone once read
    assert _pending_uploads(hass) == {}
    assert len(folders) == 1
    assert not await hass.async_add_executor_job(folders[0].exists)
    assert result["description_placeholders"]["count"] == "5"
    assert "- Kitchen plug (lumi.plug.mmeu01)" in result["description_placeholders"]["devices"]
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry: AqaraConfigEntry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED

    backup = json.loads((FIXTURES / "zigbee2mqtt" / "coordinator_backup.json").read_text())
    assert entry.unique_id == ":".join(
        backup["coordinator_ieee"][i : i + 2] for i in range(0, 16, 2)
    )
    assert entry.data["network"]["pan_id"] == int(backup["pan_id"], 16)
    assert CONF_MIGRATION not in entry.data  # applied once, then forgotten
    gateway = entry.runtime_data
    network = gateway.simulator
    assert network is not None
    # Known at once, never interviewed: no permit join was opened
    devices = _our_devices(hass, entry)
    assert {ieee: device.model_id for ieee, device in devices.items()} == {
        ieee: twin.zigbee_model for ieee, twin in network.devices.items()
    }
    assert [ieee for ieee in interviews if ieee != entry.unique_id] == []  # zigpy's own
    names = {device.model_id: device.name_by_user for device in devices.values()}
    assert names[PLUG] == "Kitchen plug"
    assert names["lumi.switch.b2laus01"] == "Hall switch"
    assert names["lumi.plug"] is None
    plug = next(ieee for ieee, device in devices.items() if device.model_id == PLUG)
    await _plug_answers(hass, network, devices[plug], plug)
    await _every_device_answers(entry, network)

    # The way back: the network exported in the format Zigbee2MQTT restores
    response = await hass.services.async_call(
        DOMAIN, "export_network_backup", {}, blocking=True, return_response=True
    )
    assert response is not None
    exported_path = Path(str(response["path"]))
    mode = (await hass.async_add_executor_job(exported_path.stat)).st_mode
    assert mode & 0o077 == 0  # it holds the network key
    exported = json.loads(await hass.async_add_executor_job(exported_path.read_text))
    assert check_open_backup(exported, "export") == check_open_backup(backup, "z2m")
    assert exported["network_key"]["key"] == backup["network_key"]["key"]
    assert {device["ieee_address"] for device in exported["devices"]} == {
        device["ieee_address"] for device in backup["devices"]
    }


async def test_zigbee2mqtt_uploads_that_cannot_be_used(hass: HomeAssistant, upload: Upload) -> None:
    """Each bad upload is named in the form; nothing is created, no upload is left behind."""
    z2m = FIXTURES / "zigbee2mqtt"
    text = await hass.async_add_executor_job((z2m / "coordinator_backup.json").read_text)
    database = await hass.async_add_executor_job((z2m / "database.db").read_bytes)
    zha_database = await hass.async_add_executor_job((FIXTURES / "zha" / "zigbee.db").read_bytes)
    result = await _flow(
        hass, {"radio_type": "simulated", "simulated_radio": "znp", "from_zigbee2mqtt": True}
    )
    flow_id = result["flow_id"]
    cases = {
        "invalid_json": {"zigbee2mqtt_backup": text[:500].encode()},
        "foreign_backup": {
            "zigbee2mqtt_backup": json.dumps({"adapterType": "zStack", "data": {}}).encode()
        },
        "invalid_key_length": {
            "zigbee2mqtt_backup": text.replace('"key": "3f810c5a', '"key": "3f81').encode()
        },
        "network_mismatch": {"zigbee2mqtt_database": database.replace(b'"0x00124b', b'"0x00124c')},
        "mixed_files": {"zigbee2mqtt_database": zha_database},  # ZHA's, not Zigbee2MQTT's
        "invalid_configuration": {"zigbee2mqtt_configuration": b"devices: [0x04cf8c"},
    }
    with _temporary_folders() as folders:
        for reason, content in cases.items():
            answer = await _upload_z2m(hass, upload, **content)
            result = await hass.config_entries.flow.async_configure(flow_id, answer)
            assert result["type"] is FlowResultType.FORM
            assert result["errors"] == {"base": reason}, reason
            assert _pending_uploads(hass) == {}, reason
            assert _suggested(result, "zigbee2mqtt_backup") is None  # to upload again
        # The backup in the database's field and the other way round
        answer = await _upload_z2m(hass, upload)
        result = await hass.config_entries.flow.async_configure(
            flow_id,
            answer
            | {
                "zigbee2mqtt_backup": answer["zigbee2mqtt_database"],
                "zigbee2mqtt_database": answer["zigbee2mqtt_backup"],
            },
        )
        assert result["errors"] == {"base": "invalid_json"}
    assert len(folders) == len(cases) + 1
    assert not any([await hass.async_add_executor_job(folder.exists) for folder in folders])

    # A required file left out is named on its field; the upload given is kept for next time
    backup = await upload("coordinator_backup.json", text.encode())
    result = await hass.config_entries.flow.async_configure(flow_id, {"zigbee2mqtt_backup": backup})
    assert result["errors"] == {"zigbee2mqtt_database": "file_missing"}
    assert _pending_uploads(hass) == {backup: "coordinator_backup.json"}
    assert _suggested(result, "zigbee2mqtt_backup") == backup
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["errors"] == {
        "zigbee2mqtt_backup": "file_missing",
        "zigbee2mqtt_database": "file_missing",
    }
    # A file id that file_upload does not know (never uploaded, or already read)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {"zigbee2mqtt_backup": backup, "zigbee2mqtt_database": uuid.uuid4().hex}
    )
    assert result["errors"] == {"zigbee2mqtt_database": "file_missing"}
    assert _pending_uploads(hass) == {}
    # Uploads and a folder: which one is meant is asked, and the uploads are kept
    answer = await _upload_z2m(hass, upload)
    result = await hass.config_entries.flow.async_configure(
        flow_id, answer | {"zigbee2mqtt_path": "zigbee2mqtt"}
    )
    assert result["errors"] == {"base": "upload_or_folder"}
    assert set(_pending_uploads(hass)) == set(answer.values())
    assert hass.config_entries.async_entries(DOMAIN) == []
    result = await hass.config_entries.flow.async_configure(flow_id, answer)
    assert result["step_id"] == "zigbee2mqtt_confirm"


async def test_zigbee2mqtt_folder_with_zha_database(hass: HomeAssistant) -> None:
    """The folder alternative reads the same way: ZHA's database beside the files is refused."""
    folder = Path(hass.config.path("z2m"))
    await hass.async_add_executor_job(
        lambda: shutil.copytree(FIXTURES / "zigbee2mqtt", folder, ignore=lambda *_: ["stick"])
    )
    await hass.async_add_executor_job(shutil.copy, FIXTURES / "zha" / "zigbee.db", folder)
    result = await _flow(
        hass, {"radio_type": "simulated", "simulated_radio": "znp", "from_zigbee2mqtt": True}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"zigbee2mqtt_path": "z2m"}
    )
    assert result["errors"] == {"base": "mixed_files"}
    assert _suggested(result, "zigbee2mqtt_path") == "z2m"
    assert hass.config_entries.async_entries(DOMAIN) == []


@pytest.fixture
async def zha_stick(hass: HomeAssistant, tmp_path: Path) -> AsyncIterator[SimulatedNetwork]:
    """The stick ZHA left: its network in NVRAM, the twins on it (a network-attached stick)."""
    stick = tmp_path / "stick"
    await hass.async_add_executor_job(shutil.copytree, FIXTURES / "zha" / "stick", stick)
    network = await SimulatedNetwork.create(stick, clock=SimClock())
    await network.start()
    yield network
    await network.stop()


def _zha_entry_from_fixture(hass: HomeAssistant, path: str) -> MockConfigEntry:
    """ZHA's entry and registry entries as the fixture's Home Assistant left them."""
    storage = FIXTURES / "zha" / ".storage"
    saved = json.loads((storage / "core.config_entries").read_text())["data"]["entries"][0]
    zha = MockConfigEntry(
        domain="zha",
        title=saved["title"],
        data={**saved["data"], "device": {**saved["data"]["device"], "path": path}},
    )
    zha.add_to_hass(hass)
    areas = {
        area["id"]: ar.async_get(hass).async_get_or_create(area["name"]).id
        for area in json.loads((storage / "core.area_registry").read_text())["data"]["areas"]
    }
    devices, entities = dr.async_get(hass), er.async_get(hass)
    device_ids: dict[str, str] = {}
    for saved_device in json.loads((storage / "core.device_registry").read_text())["data"][
        "devices"
    ]:
        device = devices.async_get_or_create(
            config_entry_id=zha.entry_id,
            identifiers={tuple(identifier) for identifier in saved_device["identifiers"]},
            connections={tuple(connection) for connection in saved_device["connections"]},
            manufacturer=saved_device["manufacturer"],
            model=saved_device["model"],
            name=saved_device["name"],
        )
        devices.async_update_device(
            device.id,
            name_by_user=saved_device["name_by_user"],
            area_id=areas.get(saved_device["area_id"]),
        )
        device_ids[saved_device["id"]] = device.id
    for saved_entity in json.loads((storage / "core.entity_registry").read_text())["data"][
        "entities"
    ]:
        entity = entities.async_get_or_create(
            saved_entity["entity_id"].split(".")[0],
            "zha",
            saved_entity["unique_id"],
            config_entry=zha,
            device_id=device_ids.get(saved_entity["device_id"]),
        )
        if saved_entity["name"]:
            entities.async_update_entity(entity.entity_id, name=saved_entity["name"])
    return zha


async def test_take_over_from_zha(
    hass: HomeAssistant, zha_stick: SimulatedNetwork, interviews: list[str]
) -> None:
    await hass.async_add_executor_job(
        shutil.copy, FIXTURES / "zha" / "zigbee.db", hass.config.path("zigbee.db")
    )
    zha = _zha_entry_from_fixture(hass, zha_stick.url)
    result = await _flow(hass)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "zha_takeover"}
    )
    assert result["step_id"] == "zha_takeover"
    listed = result["description_placeholders"]["devices"]
    assert "- Kitchen plug (lumi.plug.mmeu01), Kitchen" in listed
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry: AqaraConfigEntry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    # ZHA is disabled, not deleted: enabling it again is the way back
    assert zha.disabled_by is ConfigEntryDisabler.USER
    assert hass.config_entries.async_get_entry(zha.entry_id) is zha

    devices = _our_devices(hass, entry)
    assert {ieee: device.model_id for ieee, device in devices.items()} == {
        ieee: twin.zigbee_model for ieee, twin in zha_stick.devices.items()
    }
    assert [ieee for ieee in interviews if ieee != entry.unique_id] == []  # zigpy's own
    plug_ieee = next(ieee for ieee, device in devices.items() if device.model_id == PLUG)
    plug = devices[plug_ieee]
    assert plug.name_by_user == "Kitchen plug"
    assert plug.area_id == ar.async_get(hass).async_get_area_by_name("Kitchen").id  # type: ignore[union-attr]
    assert plug.disabled_by is None
    assert _our_entity(hass, plug, "switch").name == "Kettle"
    hall = next(device for device in devices.values() if device.model_id == "lumi.switch.b2laus01")
    assert hall.name_by_user == "Hall switch"
    await _plug_answers(hass, zha_stick, plug, plug_ieee)
    await _every_device_answers(entry, zha_stick)
    # The radio goes before the stick does (the fixture stops it after the test)
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_zha_database_of_another_stick(hass: HomeAssistant, tmp_path: Path) -> None:
    """The stick holds another network than ZHA's database: ZHA gets it back untouched."""
    stick = tmp_path / "other"
    await hass.async_add_executor_job(shutil.copytree, FIXTURES / "zigbee2mqtt" / "stick", stick)
    network = await SimulatedNetwork.create(stick, clock=SimClock())
    await network.start()
    try:
        nvram_before = (stick / "nvram.json").read_bytes()
        await hass.async_add_executor_job(
            shutil.copy, FIXTURES / "zha" / "zigbee.db", hass.config.path("zigbee.db")
        )
        zha = _zha_entry_from_fixture(hass, network.url)
        result = await _flow(hass, {"next_step_id": "zha_takeover"})
        result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "zha_network_mismatch"
        assert zha.disabled_by is None
        assert hass.config_entries.async_entries(DOMAIN) == []
    finally:
        await network.stop()
    assert (stick / "nvram.json").read_bytes() == nvram_before


async def test_zigbee2mqtt_onto_a_stick_with_another_network(
    hass: HomeAssistant, zha_stick: SimulatedNetwork, upload: Upload
) -> None:
    """The stick runs another network: a bad upload leaves it alone, good files ask first."""
    folder = Path(hass.config.path("z2m"))
    await hass.async_add_executor_job(
        lambda: shutil.copytree(FIXTURES / "zigbee2mqtt", folder, ignore=lambda *_: ["stick"])
    )
    good = (folder / "coordinator_backup.json").read_text()
    before = zha_stick.coordinator.nvram.osal(EXTENDED_PAN_ID_NV)
    result = await _flow(hass, {"radio_type": "znp", "from_zigbee2mqtt": True})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"path": zha_stick.url, "baudrate": "115200", "flow_control": "none"},
    )
    assert result["step_id"] == "zigbee2mqtt"
    truncated = await _upload_z2m(hass, upload, zigbee2mqtt_backup=good[:-300].encode())
    result = await hass.config_entries.flow.async_configure(result["flow_id"], truncated)
    assert result["errors"] == {"base": "invalid_json"}
    assert zha_stick.coordinator.nvram.osal(EXTENDED_PAN_ID_NV) == before

    # The same files in a folder on this machine (the alternative to uploading)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"zigbee2mqtt_path": str(folder)}
    )
    assert result["step_id"] == "zigbee2mqtt_overwrite"
    assert result["description_placeholders"]["current"].startswith("0x")
    assert zha_stick.coordinator.nvram.osal(EXTENDED_PAN_ID_NV) == before  # not yet
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry: AqaraConfigEntry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    extended_pan_id = json.loads(good)["extended_pan_id"]
    assert (
        zha_stick.coordinator.nvram.osal(EXTENDED_PAN_ID_NV) == bytes.fromhex(extended_pan_id)[::-1]
    )
    devices = _our_devices(hass, entry)
    assert len(devices) == len(zha_stick.devices)
    plug = next(ieee for ieee, device in devices.items() if device.model_id == PLUG)
    assert devices[plug].name_by_user == "Kitchen plug"
    await _plug_answers(hass, zha_stick, devices[plug], plug)
    await _every_device_answers(entry, zha_stick)
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_zha_coordinator_set_up_here_already(
    hass: HomeAssistant, zha_stick: SimulatedNetwork
) -> None:
    """The same coordinator has an entry of ours: stop before ZHA is touched."""
    await hass.async_add_executor_job(
        shutil.copy, FIXTURES / "zha" / "zigbee.db", hass.config.path("zigbee.db")
    )
    zha = _zha_entry_from_fixture(hass, zha_stick.url)
    stored = await hass.async_add_executor_job(
        lambda: json.loads((FIXTURES / "zha" / ".storage" / "core.device_registry").read_text())
    )
    coordinator = next(
        ieee
        for device in stored["data"]["devices"]
        if device["model"] == "CC2652"
        for _domain, ieee in device["identifiers"]
    )
    MockConfigEntry(domain=DOMAIN, unique_id=coordinator, data={}).add_to_hass(hass)
    result = await _flow(hass, {"next_step_id": "zha_takeover"})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert zha.disabled_by is None
