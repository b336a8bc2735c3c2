"""Every config-flow path, against real radios: the simulated Z-Stack coordinator."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from pathlib import Path
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
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.usb import UsbServiceInfo
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import zigpy_znp.zigbee.application as znp_app

from custom_components.aqara_zigbee.const import DOMAIN, RadioType
from custom_components.aqara_zigbee.radio import (
    application_class,
    form_network,
    probe,
    zigpy_config,
)
from custom_components.aqara_zigbee.simulator import SimulatedNetwork

from .conftest import configure_simulated, join_all

WELL_KNOWN_KEY = bytes.fromhex("01030507090b0d0f00020406080a0c0d")


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
