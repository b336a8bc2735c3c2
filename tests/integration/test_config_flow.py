"""Every config-flow path, against real radios: the simulated Z-Stack coordinator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    SOURCE_USB,
    SOURCE_USER,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlowResult,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.service_info.usb import UsbServiceInfo
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import zigpy_znp.zigbee.application as znp_app

from custom_components.aqara_zigbee import config_flow, features
from custom_components.aqara_zigbee.const import DOMAIN, RadioType
from custom_components.aqara_zigbee.devices import DEFINITIONS, get_definition
from custom_components.aqara_zigbee.devices.model import OPTION_SPECS, Definition
from custom_components.aqara_zigbee.radio import (
    ProbeResult,
    RadioError,
    application_class,
    form_network,
    probe,
    zigpy_config,
)
from custom_components.aqara_zigbee.simulator import SimulatedNetwork
from custom_components.aqara_zigbee.validation import option_selector

from .conftest import configure_simulated, join_all

WELL_KNOWN_KEY = bytes.fromhex("01030507090b0d0f00020406080a0c0d")
STRINGS = json.loads(
    (Path(config_flow.__file__).parent / "strings.json").read_text(encoding="utf-8")
)
RADIO_FAILURES = ("cannot_connect", "not_this_radio", "permission_denied")
COORDINATOR_IEEE = "00:12:4b:00:1c:a1:b2:c3"


@pytest.fixture
async def stick(tmp_path: Path) -> AsyncGenerator[SimulatedNetwork]:
    """A blank simulated stick reachable as socket://127.0.0.1:PORT."""
    network = SimulatedNetwork(tmp_path / "stick")
    await network.start()
    yield network
    await network.stop()


def serial_input(url: str) -> dict[str, object]:
    return {"path": url, "baudrate": "115200", "flow_control": "none"}


async def start_serial_flow(hass: HomeAssistant, radio_type: str = "znp") -> str:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"radio_type": radio_type}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "serial"
    return str(result["flow_id"])


async def start_reconfigure(hass: HomeAssistant, entry: ConfigEntry) -> ConfigFlowResult:
    return await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )


async def unload_all(hass: HomeAssistant) -> None:
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_simulated_network(hass: HomeAssistant) -> None:
    """The no-hardware path forms the simulated network and loads it."""
    entry = await configure_simulated(hass)
    assert entry.title == "Simulated Aqara network"
    assert entry.unique_id == entry.runtime_data.coordinator_ieee
    assert entry.data["network"]["pan_id"] is not None
    app = entry.runtime_data.app
    assert app is not None
    assert app.state.network_info.network_key.key.serialize() != WELL_KNOWN_KEY

    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"radio_type": "simulated"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    await unload_all(hass)


async def test_blank_stick_is_formed(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    """A stick without a network gets a fresh random one; nothing to confirm."""
    flow_id = await start_serial_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["radio_type"] == "znp"
    assert result["data"]["device"] == {
        "path": stick.url,
        "baudrate": 115200,
        "flow_control": "none",
    }
    await hass.async_block_till_done()
    await unload_all(hass)  # the stick takes one client at a time
    formed = await probe(result["data"]["radio_type"], result["data"]["device"])
    assert formed.network_formed
    assert result["result"].unique_id == formed.ieee
    assert result["data"]["network"]["extended_pan_id"] == formed.extended_pan_id


async def test_existing_network_kept(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    before = await form_network("znp", serial_input(stick.url) | {"baudrate": 115200})
    flow_id = await start_serial_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "network"
    assert result["description_placeholders"]["pan_id"] == f"0x{before.pan_id:04X}"
    result = await hass.config_entries.flow.async_configure(flow_id, {"network_action": "keep"})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["network"]["pan_id"] == before.pan_id
    assert result["data"]["network"]["extended_pan_id"] == before.extended_pan_id
    await unload_all(hass)


async def test_existing_network_replaced_only_after_confirmation(
    hass: HomeAssistant, stick: SimulatedNetwork
) -> None:
    before = await form_network("znp", serial_input(stick.url) | {"baudrate": 115200})
    flow_id = await start_serial_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    result = await hass.config_entries.flow.async_configure(flow_id, {"network_action": "form_new"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm_overwrite"
    unchanged = await probe("znp", serial_input(stick.url) | {"baudrate": 115200})
    assert unchanged.extended_pan_id == before.extended_pan_id
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["network"]["extended_pan_id"] != before.extended_pan_id
    await unload_all(hass)


async def test_cannot_connect_then_recover(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    flow_id = await start_serial_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, serial_input("socket://127.0.0.1:9")
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "cannot_connect"}
    result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await unload_all(hass)


async def test_wrong_radio_kind(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    """Talking EZSP to a Z-Stack coordinator is reported as the wrong radio kind."""
    flow_id = await start_serial_flow(hass, "ezsp")
    with patch("custom_components.aqara_zigbee.radio.PROBE_TIMEOUT", 3.0):
        result = await hass.config_entries.flow.async_configure(
            flow_id, serial_input(stick.url) | {"flow_control": "software"}
        )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "not_this_radio"}


async def test_permission_denied(hass: HomeAssistant) -> None:
    flow_id = await start_serial_flow(hass)
    with patch.object(
        znp_app.ControllerApplication, "connect", side_effect=PermissionError(13, "denied")
    ):
        result = await hass.config_entries.flow.async_configure(
            flow_id, serial_input("/dev/ttyACM0")
        )
    assert result["errors"] == {"base": "permission_denied"}


async def test_same_coordinator_twice_aborts(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    flow_id = await start_serial_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    flow_id = await start_serial_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    await unload_all(hass)


async def test_usb_discovery(hass: HomeAssistant, stick: SimulatedNetwork) -> None:
    info = UsbServiceInfo(
        device=stick.url,
        vid="10C4",
        pid="EA60",
        serial_number="1234",
        manufacturer="ITead",
        description="Sonoff Zigbee 3.0 USB Dongle Plus",
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USB}, data=info
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "usb_confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["radio_type"] == "znp"
    await hass.async_block_till_done()

    again = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USB}, data=info
    )
    assert again["type"] is FlowResultType.ABORT
    assert again["reason"] == "already_configured"
    await unload_all(hass)


async def test_usb_discovery_probe_failure_shows_error(hass: HomeAssistant) -> None:
    info = UsbServiceInfo(
        device="socket://127.0.0.1:9",
        vid="1A86",
        pid="55D4",
        serial_number=None,
        manufacturer=None,
        description="Sonoff Zigbee 3.0 USB Dongle Plus V2",
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USB}, data=info
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "cannot_connect"}


async def test_reconfigure(hass: HomeAssistant, stick: SimulatedNetwork, tmp_path: Path) -> None:
    flow_id = await start_serial_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    entry = result["result"]
    await hass.async_block_till_done()
    await hass.config_entries.async_unload(entry.entry_id)

    # The same coordinator moves to another address.
    await stick.stop()
    await stick.start()
    result = await start_reconfigure(hass, entry)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], serial_input("socket://127.0.0.1:9")
    )
    assert result["errors"] == {"base": "cannot_connect"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], serial_input(stick.url)
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["device"]["path"] == stick.url
    await hass.async_block_till_done()

    # A different coordinator is refused.
    other = SimulatedNetwork(tmp_path / "other")
    await other.start()
    try:
        await form_network("znp", serial_input(other.url) | {"baudrate": 115200})
        result = await start_reconfigure(hass, entry)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], serial_input(other.url)
        )
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "wrong_coordinator"
    finally:
        await unload_all(hass)
        await other.stop()


async def test_reconfigure_simulated_aborts(hass: HomeAssistant) -> None:
    entry = await configure_simulated(hass)
    result = await start_reconfigure(hass, entry)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_simulated"
    await unload_all(hass)


async def test_options_network(hass: HomeAssistant) -> None:
    entry = await configure_simulated(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "network"}
    )
    assert result["step_id"] == "network"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "permit_join_duration": 120,
            "mains_availability_timeout": 3600,
            "battery_availability_timeout": 7200,
            "simulation_speed": 10,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["permit_join_duration"] == 120
    assert entry.options["mains_availability_timeout"] == 3600

    # No device has joined yet: nothing to configure per device.
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "device"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_configurable_devices"
    await unload_all(hass)


async def test_options_per_device(hass: HomeAssistant) -> None:
    entry = await configure_simulated(hass)
    gateway = await join_all(hass, entry)
    plug = next(
        ieee
        for ieee, handle in gateway.handles.items()
        if handle.definition and handle.definition.model == "ZNCZ04LM"
    )
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "device"}
    )
    assert result["step_id"] == "device"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": plug}
    )
    assert result["step_id"] == "device_options"
    schema_keys = {str(key) for key in result["data_schema"].schema}
    assert schema_keys == {
        "state_action",
        *(
            f"{name}_{kind}"
            for name in ("power", "energy", "voltage", "current")
            for kind in ("calibration", "precision")
        ),
        "device_temperature_calibration",
        "device_temperature_precision",
    }
    chosen = {
        "device_temperature_calibration": -1.5,
        "device_temperature_precision": 1,
        "power_calibration": -2.5,
        "current_precision": 2,
    }
    result = await hass.config_entries.options.async_configure(result["flow_id"], chosen)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    # Unset precisions stay unset; calibrations and state_action get their defaults
    assert entry.options["device_options"][plug] == {
        **chosen,
        "state_action": False,
        "energy_calibration": 0.0,
        "voltage_calibration": 0.0,
        "current_calibration": 0.0,
    }
    await hass.async_block_till_done(wait_background_tasks=True)  # pairing configuration
    await unload_all(hass)


async def test_setup_fails_cleanly_when_radio_missing(hass: HomeAssistant) -> None:
    """A vanished radio is a transient error: the entry retries, nothing is lost."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id="00:12:4b:00:00:00:00:01",
        data={
            "radio_type": "znp",
            "device": serial_input("socket://127.0.0.1:9") | {"baudrate": 115200},
            "network": {"pan_id": 1, "extended_pan_id": "00:00:00:00:00:00:00:01"},
        },
    )
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert entry.reason is not None
    assert "Cannot connect to the Zigbee radio" in entry.reason
    await hass.config_entries.async_unload(entry.entry_id)


def test_many_applications_validate_their_config() -> None:
    """Reconnects create many apps: zigpy's schema must survive HA's schema compiler."""
    cls = application_class(RadioType.ZNP)
    for _ in range(120):
        app = cls(zigpy_config({"path": "socket://127.0.0.1:9"}, None))
        assert app.config["device"]["path"] == "socket://127.0.0.1:9"


def test_bellows_starts_no_thread_over_a_socket() -> None:
    """bellows' serial thread is stopped, not joined, at its shutdown (a probe's "asyncio_0"
    outlived the flow): over socket:// it reads the link on our loop; a serial port keeps it."""
    cls = application_class(RadioType.EZSP)
    assert cls(zigpy_config({"path": "socket://127.0.0.1:9"}, None)).config["use_thread"] is False
    assert cls(zigpy_config({"path": "/dev/ttyUSB0"}, None)).config["use_thread"] is True


def radio_entry(hass: HomeAssistant, path: str = "/dev/ttyUSB7", **kwargs: Any) -> MockConfigEntry:
    """A (not loaded) entry of a real radio, as the serial path of the flow creates it."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=COORDINATOR_IEEE,
        title=f"Zigbee coordinator ({path})",
        data={
            "radio_type": "znp",
            "device": {"path": path, "baudrate": 115200, "flow_control": "none"},
            "network": {
                "pan_id": 0x1A62,
                "extended_pan_id": "dd:dd:dd:dd:dd:dd:dd:dd",
                "channel": 15,
            },
        },
        **kwargs,
    )
    entry.add_to_hass(hass)
    return entry


async def test_simulated_network_failure_aborts(hass: HomeAssistant) -> None:
    """A simulated coordinator that cannot form its network stops the flow; a retry works."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    with patch(
        "custom_components.aqara_zigbee.config_flow.form_network",
        side_effect=RadioError("cannot_connect"),
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"radio_type": "simulated"}
        )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"
    assert not hass.config_entries.async_entries(DOMAIN)

    entry = await configure_simulated(hass)  # the failed attempt left nothing running behind
    assert entry.data["network"]["pan_id"] is not None
    await unload_all(hass)


@pytest.mark.parametrize("reason", RADIO_FAILURES)
async def test_forming_failure_aborts(
    hass: HomeAssistant, stick: SimulatedNetwork, reason: str
) -> None:
    """The stick answered the probe but failed while forming: nothing is created."""
    flow_id = await start_serial_flow(hass)
    with patch(
        "custom_components.aqara_zigbee.config_flow.form_network", side_effect=RadioError(reason)
    ):
        result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == reason
    assert reason in STRINGS["config"]["abort"]
    assert not hass.config_entries.async_entries(DOMAIN)


async def test_radio_silent_while_forming_aborts(
    hass: HomeAssistant, stick: SimulatedNetwork
) -> None:
    """A radio that answers the probe, then nothing while forming, ends the flow with a
    clear reason instead of a flow that never returns."""
    never = asyncio.Event()

    async def silent(*_args: Any, **_kwargs: Any) -> None:
        await never.wait()

    flow_id = await start_serial_flow(hass)
    with (
        patch.object(znp_app.ControllerApplication, "form_network", silent),
        patch("custom_components.aqara_zigbee.radio.FORM_TIMEOUT", 0.05),
    ):
        result = await hass.config_entries.flow.async_configure(flow_id, serial_input(stick.url))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "form_timeout"
    assert "form_timeout" in STRINGS["config"]["abort"]
    assert not hass.config_entries.async_entries(DOMAIN)


@pytest.mark.parametrize(
    ("stick", "radio_type", "flow_control"),
    [
        (("EA60", "ITead", "Sonoff Zigbee 3.0 USB Dongle Plus"), "znp", "none"),
        (("55D4", None, "Sonoff Zigbee 3.0 USB Dongle Plus V2"), "ezsp", "software"),
        (("EA60", "ITead", "SONOFF Dongle Plus V2 ZBDongle-E"), "ezsp", "software"),
        (("4001", "Nabu Casa", "ZBT-2"), "ezsp", "software"),
        (("EA60", "Nabu Casa", "SkyConnect v1.0"), "ezsp", "software"),
        (("16A8", "Texas Instruments", None), "znp", "none"),
    ],
)
async def test_usb_discovery_next_to_another_coordinator(
    hass: HomeAssistant,
    stick: tuple[str, str | None, str | None],
    radio_type: str,
    flow_control: str,
) -> None:
    """A new stick is offered even though another coordinator is configured, and is
    probed as the family its USB ids name, with that family's serial defaults."""
    pid, manufacturer, description = stick
    radio_entry(hass, "/dev/ttyUSB7")
    info = UsbServiceInfo(
        device="/dev/ttyACM0",
        vid="10C4",
        pid=pid,
        serial_number="42",
        manufacturer=manufacturer,
        description=description,
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USB}, data=info
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "usb_confirm"
    assert result["description_placeholders"] == {"path": "/dev/ttyACM0"}
    (progress,) = hass.config_entries.flow.async_progress()
    assert progress["context"]["title_placeholders"] == {"name": description or "/dev/ttyACM0"}

    found = ProbeResult(
        ieee="00:12:4b:00:00:00:00:02",
        network_formed=True,
        pan_id=0x2B3C,
        extended_pan_id="ee:ee:ee:ee:ee:ee:ee:ee",
        channel=20,
    )
    with patch("custom_components.aqara_zigbee.config_flow.probe", return_value=found) as probed:
        result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    device = {"path": "/dev/ttyACM0", "baudrate": 115200, "flow_control": flow_control}
    probed.assert_awaited_once_with(RadioType(radio_type), device)
    assert result["step_id"] == "network"
    assert result["description_placeholders"] == {"pan_id": "0x2B3C", "channel": "20"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"network_action": "keep"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Zigbee coordinator (/dev/ttyACM0)"
    assert result["result"].unique_id == found.ieee
    assert result["data"] == {
        "radio_type": radio_type,
        "device": device,
        "network": {"pan_id": 0x2B3C, "extended_pan_id": found.extended_pan_id, "channel": 20},
    }
    await hass.async_block_till_done()
    await unload_all(hass)  # there is no stick at /dev/ttyACM0: the entry was retrying


async def start_options(hass: HomeAssistant, entry: ConfigEntry, step: str) -> ConfigFlowResult:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )


async def test_options_network_of_a_radio(hass: HomeAssistant) -> None:
    """A real radio has no simulation speed; the other options are kept."""
    entry = radio_entry(hass, options={"ota_z2m_index": True})
    result = await start_options(hass, entry, "network")
    assert result["step_id"] == "network"
    assert {str(key) for key in result["data_schema"].schema} == {
        "permit_join_duration",
        "mains_availability_timeout",
        "battery_availability_timeout",
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            "permit_join_duration": 60,
            "mains_availability_timeout": 600,
            "battery_availability_timeout": 86400,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == {
        "ota_z2m_index": True,
        "permit_join_duration": 60,
        "mains_availability_timeout": 600,
        "battery_availability_timeout": 86400,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("permit_join_duration", 0),
        ("permit_join_duration", 255),
        ("mains_availability_timeout", 59),
        ("battery_availability_timeout", 7 * 86400 + 1),
    ],
)
async def test_options_network_out_of_range(hass: HomeAssistant, field: str, value: int) -> None:
    """Values outside the selectors' bounds are refused and nothing is stored."""
    entry = radio_entry(hass)
    result = await start_options(hass, entry, "network")
    valid = {
        "permit_join_duration": 60,
        "mains_availability_timeout": 600,
        "battery_availability_timeout": 86400,
    }
    with pytest.raises(InvalidData) as raised:
        await hass.config_entries.options.async_configure(result["flow_id"], valid | {field: value})
    assert set(raised.value.schema_errors) == {field}
    assert entry.options == {}


@pytest.mark.parametrize(
    ("before", "user_input", "after"),
    [
        pytest.param(
            {},
            {"ota_folder": "aqara_zigbee/ota", "ota_z2m_index": False},
            {"ota_z2m_index": False},
            id="default-folder-not-stored",
        ),
        pytest.param(
            {"permit_join_duration": 60},
            {
                "ota_folder": "  firmware ",
                "ota_z2m_index": True,
                "ota_z2m_index_url": " https://mirror.example/index.json ",
            },
            {
                "permit_join_duration": 60,
                "ota_folder": "firmware",
                "ota_z2m_index": True,
                "ota_z2m_index_url": "https://mirror.example/index.json",
            },
            id="values-trimmed-others-kept",
        ),
        pytest.param(
            {"ota_folder": "/share/firmware", "ota_z2m_index_url": "https://mirror.example/i"},
            {"ota_folder": "", "ota_z2m_index": True, "ota_z2m_index_url": "   "},
            {"ota_z2m_index": True},
            id="blank-values-cleared",
        ),
        pytest.param(
            {"ota_folder": "/share/firmware", "ota_z2m_index": True},
            {"ota_z2m_index": False},
            {"ota_z2m_index": False},
            id="omitted-values-cleared",
        ),
    ],
)
async def test_options_ota(
    hass: HomeAssistant,
    before: dict[str, Any],
    user_input: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """The form shows where images come from now; only non-default values are stored."""
    entry = radio_entry(hass, options=before)
    firmware = Path(hass.config.path("firmware"))
    await hass.async_add_executor_job(firmware.mkdir)  # a chosen folder must exist
    result = await start_options(hass, entry, "ota")
    assert result["step_id"] == "ota"
    suggested = {
        str(key): (key.description or {}).get("suggested_value")
        for key in result["data_schema"].schema
    }
    assert suggested["ota_folder"] == before.get("ota_folder", "aqara_zigbee/ota")
    assert suggested["ota_z2m_index_url"] == before.get("ota_z2m_index_url")
    result = await hass.config_entries.options.async_configure(result["flow_id"], user_input)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options == after


def register_device(
    hass: HomeAssistant, entry: ConfigEntry, ieee: str, model_id: str, name: str
) -> dr.DeviceEntry:
    return dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={(DOMAIN, ieee)},
        manufacturer="Aqara",
        model_id=model_id,
        name=name,
    )


def picker_choices(result: ConfigFlowResult) -> list[tuple[str, str]]:
    (picker,) = result["data_schema"].schema.values()
    return [(option["label"], option["value"]) for option in picker.config["options"]]


@pytest.mark.parametrize(
    ("model_id", "user_input"),
    [
        (
            "lumi.plug",
            {
                "state_action": False,
                "power_calibration": -3.0,
                "power_precision": 1,
                "energy_calibration": 2.5,
                "energy_precision": 3,
                "device_temperature_calibration": 0.5,
                "device_temperature_precision": 2,
            },
        ),
        ("lumi.switch.l0agl1", {"device_temperature_calibration": -2.0, "state_action": True}),
        ("lumi.switch.b2laus01", {"device_temperature_calibration": 1.0, "state_action": True}),
    ],
)
async def test_device_options_follow_the_model(
    hass: HomeAssistant, model_id: str, user_input: dict[str, Any]
) -> None:
    """Each model's form holds the options its page lists; other devices' options stay."""
    other = "54:ef:44:10:00:00:00:99"
    entry = radio_entry(hass, options={"device_options": {other: {"state_action": True}}})
    ieee = "54:ef:44:10:00:00:00:01"
    register_device(hass, entry, ieee, model_id, "Kitchen")
    register_device(hass, entry, "00:15:8d:00:00:00:00:09", "lumi.sensor_magnet", "Door")
    result = await start_options(hass, entry, "device")
    assert result["step_id"] == "device"
    assert picker_choices(result) == [("Kitchen", ieee)]  # the unsupported sensor is not offered
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": ieee}
    )
    assert result["step_id"] == "device_options"
    assert result["description_placeholders"] == {"device": "Kitchen"}
    assert {str(key) for key in result["data_schema"].schema} == set(user_input)
    result = await hass.config_entries.options.async_configure(result["flow_id"], user_input)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["device_options"] == {other: {"state_action": True}, ieee: user_input}


async def test_device_removed_while_picking(hass: HomeAssistant) -> None:
    """A device removed while the picker is open is not configured: the picker is shown
    again without it, and once no device is left the flow stops."""
    entry = radio_entry(hass)
    registry = dr.async_get(hass)
    plug = register_device(hass, entry, "54:ef:44:10:00:00:00:01", "lumi.plug", "Plug")
    switch = register_device(
        hass, entry, "54:ef:44:10:00:00:00:02", "lumi.switch.b2laus01", "Switch"
    )
    registry.async_update_device(switch.id, name_by_user="Hall switch")
    result = await start_options(hass, entry, "device")
    assert picker_choices(result) == [
        ("Hall switch", "54:ef:44:10:00:00:00:02"),
        ("Plug", "54:ef:44:10:00:00:00:01"),
    ]

    registry.async_remove_device(plug.id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": "54:ef:44:10:00:00:00:01"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "device"
    assert picker_choices(result) == [("Hall switch", "54:ef:44:10:00:00:00:02")]

    registry.async_remove_device(switch.id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": "54:ef:44:10:00:00:00:02"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_configurable_devices"
    assert entry.options == {}


STATE_ONLY = Definition(
    model="TEST-RELAY",
    model_ids=("lumi.test.relay",),
    vendor="Aqara",
    description="A relay whose page lists state actions only",
    is_router=True,
    features=(features.relay(),),
)


def catalogue_with_state_only(model_id: str | None) -> Definition | None:
    """The real catalogue plus one model without device temperature."""
    return STATE_ONLY if model_id == "lumi.test.relay" else get_definition(model_id)


async def test_device_options_without_device_temperature(hass: HomeAssistant) -> None:
    """A model that lists no temperature option gets no temperature fields; the form
    starts from the device's current choice."""
    ieee = "54:ef:44:10:00:00:00:03"
    entry = radio_entry(hass, options={"device_options": {ieee: {"state_action": True}}})
    register_device(hass, entry, ieee, "lumi.test.relay", "Relay")
    with patch(
        "custom_components.aqara_zigbee.config_flow.get_definition", catalogue_with_state_only
    ):
        result = await start_options(hass, entry, "device")
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"device_ieee": ieee}
        )
        assert result["step_id"] == "device_options"
        (field,) = result["data_schema"].schema
        assert str(field) == "state_action"
        assert field.default() is True
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], {"state_action": False}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["device_options"] == {ieee: {"state_action": False}}


def form_fields(result: ConfigFlowResult) -> dict[str, tuple[Any, Any]]:
    """Each field of a form: (what it starts from, its selector)."""
    return {
        str(marker): (
            marker.default()
            if callable(marker.default)
            else (marker.description or {}).get("suggested_value"),
            field,
        )
        for marker, field in result["data_schema"].schema.items()
    }


async def open_device_options(
    hass: HomeAssistant, saved: dict[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """The options form of a lumi.plug whose saved options are ``saved``."""
    ieee = "54:ef:44:10:00:00:00:01"
    entry = radio_entry(hass, options={"device_options": {ieee: saved}})
    register_device(hass, entry, ieee, "lumi.plug", "Kitchen")
    result = await start_options(hass, entry, "device")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": ieee}
    )
    assert result["step_id"] == "device_options"
    return form_fields(result)


async def test_device_options_form_from_the_specs(hass: HomeAssistant) -> None:
    """Every field is its spec's: kind, range, step, unit (percent for a percentual
    calibration, the value's unit for an absolute one, none for a precision)."""
    fields = await open_device_options(hass, {})
    definition = get_definition("lumi.plug")
    assert definition is not None
    assert set(fields) == set(definition.options)
    for key, (start, field) in fields.items():
        spec = OPTION_SPECS[key]
        assert start == spec.default, key
        if spec.kind is bool:
            assert field.serialize() == {"selector": {"boolean": {}}}, key
            continue
        config = field.config
        assert (config["min"], config["max"]) == (spec.minimum, spec.maximum), key
        assert config["step"] == (spec.step if spec.step is not None else "any"), key
    units = {key: field.config.get("unit_of_measurement") for key, (_, field) in fields.items()}
    assert units["power_calibration"] == "%"
    assert units["device_temperature_calibration"] == "°C"
    assert units["power_precision"] is None


def test_every_model_s_options_have_a_field() -> None:
    """Each option of each model builds its form field (a calibration names a measurement,
    e.g. ``x`` for DJT11LM's ``x_axis`` counts, whose unit it borrows)."""
    for definition in DEFINITIONS.values():
        for key in definition.options:
            assert option_selector(definition, OPTION_SPECS[key]) is not None, key
    vibration = DEFINITIONS["lumi.vibration.aq1"]
    x_field = option_selector(vibration, OPTION_SPECS["x_calibration"])
    assert (x_field.config["min"], x_field.config["max"]) == (-32768.0, 32767.0)
    assert "unit_of_measurement" not in x_field.config  # counts have no unit


async def test_device_options_form_starts_from_saved_values(hass: HomeAssistant) -> None:
    """Saved values the fields accept are shown; ones they would refuse (edited by hand,
    out of range, off step, not a number) give way to the default."""
    fields = await open_device_options(
        hass,
        {
            "state_action": True,
            "power_calibration": -2.5,
            "power_precision": 2,
            "energy_calibration": 1000.0,  # beyond ±100 %
            "energy_precision": 1.5,  # off step
            "device_temperature_calibration": "nan",
            "device_temperature_precision": True,
        },
    )
    starts = {key: start for key, (start, _) in fields.items()}
    assert starts == {
        "state_action": True,
        "power_calibration": -2.5,
        "power_precision": 2,
        "energy_calibration": 0.0,
        "energy_precision": None,
        "device_temperature_calibration": 0.0,
        "device_temperature_precision": None,
    }
