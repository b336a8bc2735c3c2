"""Issue #21: bad input through Home Assistant's own surfaces (forms, options, actions).

Every table below is hostile input a user, a script or a stale storage file can send; each
must end in a clean, translated refusal (or a safe default), never a 500, a silent ``null``
or a disturbed radio. ``HOSTILE_INPUT_COUNT`` adds the tables up for the issue's report.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, patch

from homeassistant.config_entries import SOURCE_RECONFIGURE, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee.const import (
    DEFAULT_BATTERY_TIMEOUT,
    DEFAULT_MAINS_TIMEOUT,
    DEFAULT_PERMIT_JOIN_DURATION,
    DEFAULT_SIMULATION_SPEED,
    DOMAIN,
    MAX_QUOTED_INPUT,
)
from custom_components.aqara_zigbee.radio import ProbeResult, valid_device_path
from custom_components.aqara_zigbee.validation import quote_input

from .conftest import ieee_of, set_up_formed_network
from .test_config_flow import (
    COORDINATOR_IEEE,
    STRINGS,
    radio_entry,
    register_device,
    start_options,
    start_serial_flow,
)

NETWORK_VALID = {
    "permit_join_duration": 60,
    "mains_availability_timeout": 600,
    "battery_availability_timeout": 86400,
    "simulation_speed": 10,
}
#: not a finite number in range, whichever field it is typed into
NOT_A_NUMBER: list[Any] = [
    "nan", "NaN", "inf", "-inf", "1e309", math.nan, math.inf, -math.inf,
    True, False, "abc", "", None, [60], {"x": 1}, 1e12, -1,
]  # fmt: skip
#: fractions in the fields that take whole seconds
FRACTIONS: list[Any] = [60.5, "600.5", 3600.25]

BAD_BAUDRATES: list[Any] = [
    "abc", "1e12", "", "   ", "-1", "0", "115200.5", "nan", "inf", "99999999", "1199",
    "4000001", "١١٥٢٠٠", "0x1C200", "115 200", "1" * 10_000,
]  # fmt: skip

BAD_PATHS: list[str] = [
    "socket://127.0.0.1", "socket://127.0.0.1:", "socket://127.0.0.1:0",
    "socket://127.0.0.1:65536", "socket://127.0.0.1:99999999999", "socket://:6638",
    "socket://bad host:6638", "socket://host_name!:6638", "socket://127.0.0.1:abc",
    "socket://127.0.0.1:6638/path", "socket://user@host:6638", "socket://h:1?q=1",
    "tcp://[::1:6638", "socket://-bad-:6638", "/dev/tty\x00USB0", "/dev/tty USB0", "",
    "   ", "\u202e/dev/ttyUSB0", "/dev/tty\nUSB0", "x" * 100_000, "SOCKET://", "tcp://",
]  # fmt: skip
GOOD_PATHS = [
    "/dev/ttyUSB0", "/dev/serial/by-id/usb-Texas_Instruments-if00", "COM3",
    "socket://192.168.1.20:6638", "socket://[::1]:6638", "tcp://zigbee.local:6638",
    "SOCKET://Coordinator:1",
]  # fmt: skip

#: the entry's port written another way: never probed, the entry stays as it is
SAME_PORT = [
    "socket://127.0.0.1:6638", "SOCKET://127.0.0.1:6638", "tcp://127.0.0.1:6638",
    "  socket://127.0.0.1:6638  ",
]  # fmt: skip

BAD_NUMBERS: list[Any] = [math.nan, "nan", math.inf, -math.inf, "-inf", 1000.5, 1500.25]

BAD_DURATIONS: list[Any] = [True, False, 1.5, "1.5", "abc", "", None, [60], 0, 255, -1, "1e3"]
GOOD_DURATIONS: list[Any] = [60, "60", " 60 ", 60.0, 254, 1]

BAD_SINGLE_BUTTONS = ["top", "left", "1", "right", "bottom", "both", "main\x00", "x" * 1000]

BAD_DEVICE_OPTIONS: list[dict[str, Any]] = [
    {"power_calibration": math.nan}, {"power_calibration": "nan"},
    {"power_calibration": math.inf}, {"power_calibration": 1000.0},
    {"power_precision": 1.5}, {"power_precision": math.nan}, {"power_precision": True},
    {"power_precision": 4}, {"state_action": 5}, {"state_action": "yes"},
    {"state_action": None}, {"device_temperature_calibration": -math.inf},
]  # fmt: skip

SAVED_BAD_OPTIONS: list[Any] = [None, math.nan, "nan", "abc", -5, 0, True, 1e12, [1]]

HOSTILE_INPUT_COUNT = (
    3 * len(NOT_A_NUMBER) + len(NOT_A_NUMBER)  # three timeouts, and the simulation speed
    + 3 * len(FRACTIONS)
    + len(BAD_BAUDRATES)
    + len(BAD_PATHS)
    + len(SAME_PORT)
    + len(BAD_NUMBERS)
    + len(BAD_DURATIONS)
    + len(BAD_SINGLE_BUTTONS)
    + len(BAD_DEVICE_OPTIONS)
    + len(SAVED_BAD_OPTIONS)
    + 4  # quote_input
)  # fmt: skip


def simulated_entry_data(hass: HomeAssistant, **kwargs: Any) -> MockConfigEntry:
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id="00:12:4b:00:00:00:00:aa",
        data={"radio_type": "simulated", "device": {}, "network": {}},
        **kwargs,
    )
    entry.add_to_hass(hass)
    return entry


# 1. network options ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        *((field, value) for field in NETWORK_VALID for value in NOT_A_NUMBER),
        *(
            (field, value)
            for field in ("permit_join_duration", "mains_availability_timeout")
            for value in FRACTIONS
        ),
        *(("battery_availability_timeout", value) for value in FRACTIONS),
    ],
)
async def test_network_options_refuse_non_numbers(
    hass: HomeAssistant, field: str, value: Any
) -> None:
    """NaN, infinities, booleans, text and fractions of seconds are refused; nothing saved."""
    entry = simulated_entry_data(hass)
    result = await start_options(hass, entry, "network")
    with pytest.raises(InvalidData) as raised:
        await hass.config_entries.options.async_configure(
            result["flow_id"], NETWORK_VALID | {field: value}
        )
    assert set(raised.value.schema_errors) == {field}
    assert entry.options == {}


@pytest.mark.parametrize(
    ("state", "reloaded"),
    [
        (ConfigEntryState.SETUP_ERROR, True),
        (ConfigEntryState.SETUP_RETRY, True),
        (ConfigEntryState.NOT_LOADED, False),
    ],
)
async def test_network_options_store_numbers(
    hass: HomeAssistant, state: ConfigEntryState, reloaded: bool
) -> None:
    """A failed entry is reloaded with corrected options (it has no update listener)."""
    entry = simulated_entry_data(hass, state=state)
    result = await start_options(hass, entry, "network")
    with patch.object(hass.config_entries, "async_schedule_reload") as reload:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"],
            NETWORK_VALID | {"permit_join_duration": "120", "simulation_speed": "3"},
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options["permit_join_duration"] == 120
    assert entry.options["simulation_speed"] == 3
    assert reload.call_count == reloaded


@pytest.mark.parametrize("value", SAVED_BAD_OPTIONS)
async def test_saved_bad_options_fall_back_to_defaults(
    hass: HomeAssistant, value: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Options saved before they were validated never keep the entry from starting."""
    entry = await set_up_formed_network(
        hass, dict.fromkeys(NETWORK_VALID, value) | {"ota_z2m_index": True}
    )
    assert entry.state is ConfigEntryState.LOADED
    assert entry.options == {
        "permit_join_duration": DEFAULT_PERMIT_JOIN_DURATION,
        "mains_availability_timeout": DEFAULT_MAINS_TIMEOUT,
        "battery_availability_timeout": DEFAULT_BATTERY_TIMEOUT,
        "simulation_speed": DEFAULT_SIMULATION_SPEED,
        "ota_z2m_index": True,
    }
    assert "is not a usable number" in caplog.text
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_saved_bad_device_options_are_dropped(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """Device options the form would refuse, saved by hand or by an older version, are
    dropped at start (logged); the valid ones stay and apply."""
    plug = "54:ef:44:10:00:00:00:01"
    saved = {
        plug: {
            "state_action": True,
            "power_calibration": 5.5,
            "energy_precision": None,
            "power_precision": 9,  # out of range
            "voltage_calibration": float("nan"),
            "current_precision": 1.5,  # not a whole number of digits
            "device_temperature_calibration": "2",  # text, not a number
            "no_such_option": 1,
        },
        "54:ef:44:10:00:00:00:02": "not a mapping",
    }
    entry = await set_up_formed_network(hass, {"device_options": saved})
    assert entry.state is ConfigEntryState.LOADED
    assert entry.options["device_options"] == {
        plug: {"state_action": True, "power_calibration": 5.5, "energy_precision": None}
    }
    for dropped in ("power_precision", "voltage_calibration", "no_such_option", ":02"):
        assert dropped in caplog.text
    assert await hass.config_entries.async_unload(entry.entry_id)


async def test_loaded_entry_applies_options_live(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """A loaded entry is not reloaded for new options; its clock follows the speed."""
    entry = await set_up_formed_network(hass, {})
    assert entry.state is ConfigEntryState.LOADED
    result = await start_options(hass, entry, "network")
    with patch.object(hass.config_entries, "async_schedule_reload") as reload:
        result = await hass.config_entries.options.async_configure(
            result["flow_id"], NETWORK_VALID | {"simulation_speed": 20}
        )
        await hass.async_block_till_done()
    reload.assert_not_called()
    assert entry.runtime_data.simulator.clock.speed == 20
    assert "update listener" not in caplog.text
    assert await hass.config_entries.async_unload(entry.entry_id)


# 2. and 5. the serial step: baud rate and path, checked before any probe ---------------


@pytest.mark.parametrize("baudrate", BAD_BAUDRATES)
async def test_baudrate_must_be_a_rate(hass: HomeAssistant, baudrate: str) -> None:
    flow_id = await start_serial_flow(hass)
    with patch("custom_components.aqara_zigbee.config_flow.probe") as probe:
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": "/dev/ttyUSB0", "baudrate": baudrate, "flow_control": "none"}
        )
    probe.assert_not_called()
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"baudrate": "invalid_baudrate"}
    assert "invalid_baudrate" in STRINGS["config"]["error"]


@pytest.mark.parametrize("baudrate", [115200, "115200", " 57600 ", "921600"])
async def test_baudrate_number_or_text(hass: HomeAssistant, baudrate: Any) -> None:
    """The form's own default (a number) is accepted, and so are typed rates."""
    flow_id = await start_serial_flow(hass)
    with patch(
        "custom_components.aqara_zigbee.config_flow.probe",
        AsyncMock(side_effect=config_flow_error("cannot_connect")),
    ) as probe:
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": "/dev/ttyUSB0", "baudrate": baudrate, "flow_control": "none"}
        )
    assert probe.call_args.args[1]["baudrate"] == int(str(baudrate))
    assert result["errors"] == {"base": "cannot_connect"}
    baud_key = next(key for key in result["data_schema"].schema if str(key) == "baudrate")
    assert result["data_schema"]({"path": "/dev/ttyUSB0", "flow_control": "none"})[
        "baudrate"
    ] == str(baud_key.default())


def config_flow_error(reason: str) -> Exception:
    from custom_components.aqara_zigbee.radio import RadioError

    return RadioError(reason)


@pytest.mark.parametrize("path", BAD_PATHS)
async def test_malformed_path_is_invalid(hass: HomeAssistant, path: str) -> None:
    flow_id = await start_serial_flow(hass)
    with patch("custom_components.aqara_zigbee.config_flow.probe") as probe:
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": path, "baudrate": "115200", "flow_control": "none"}
        )
    probe.assert_not_called()
    assert result["errors"] == {"path": "invalid_path"}
    assert not valid_device_path(path)


@pytest.mark.parametrize("path", GOOD_PATHS)
def test_well_formed_paths(path: str) -> None:
    assert valid_device_path(path)


# 3. a port a configured entry uses is never probed -------------------------------------


@pytest.mark.parametrize("path", SAME_PORT)
async def test_configured_port_is_not_probed(hass: HomeAssistant, path: str) -> None:
    entry = radio_entry(hass, path="socket://127.0.0.1:6638")
    before = dict(entry.data)
    flow_id = await start_serial_flow(hass)
    with patch("custom_components.aqara_zigbee.config_flow.probe") as probe:
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": path, "baudrate": "57600", "flow_control": "hardware"}
        )
    probe.assert_not_called()
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert dict(entry.data) == before


async def test_configured_serial_port_by_another_name(hass: HomeAssistant, tmp_path: Path) -> None:
    port = tmp_path / "ttyUSB0"
    port.touch()
    (tmp_path / "by-id").symlink_to(port)
    radio_entry(hass, path=str(port))
    flow_id = await start_serial_flow(hass)
    with patch("custom_components.aqara_zigbee.config_flow.probe") as probe:
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": str(tmp_path / "by-id"), "baudrate": "115200", "flow_control": "none"}
        )
    probe.assert_not_called()
    assert result["reason"] == "already_configured"


async def test_loaded_coordinator_found_elsewhere_is_not_moved(hass: HomeAssistant) -> None:
    """The probe finds a loaded entry's coordinator on another path: nothing changes."""
    entry = radio_entry(hass, state=ConfigEntryState.LOADED)
    before = dict(entry.data)
    flow_id = await start_serial_flow(hass)
    with (
        patch(
            "custom_components.aqara_zigbee.config_flow.probe",
            AsyncMock(return_value=ProbeResult(ieee=COORDINATOR_IEEE, network_formed=True)),
        ),
        patch.object(hass.config_entries, "async_schedule_reload") as reload,
    ):
        result = await hass.config_entries.flow.async_configure(
            flow_id, {"path": "/dev/ttyACM3", "baudrate": "115200", "flow_control": "none"}
        )
    assert result["reason"] == "already_configured"
    assert dict(entry.data) == before
    reload.assert_not_called()


@pytest.mark.parametrize(
    "user_input",
    [
        {"path": "socket://127.0.0.1", "baudrate": "115200", "flow_control": "none"},
        {"path": "/dev/ttyUSB1", "baudrate": "fast", "flow_control": "none"},
    ],
)
async def test_reconfigure_checks_input(hass: HomeAssistant, user_input: dict[str, Any]) -> None:
    entry = radio_entry(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    with patch("custom_components.aqara_zigbee.config_flow.probe") as probe:
        result = await hass.config_entries.flow.async_configure(result["flow_id"], user_input)
    probe.assert_not_called()
    assert result["errors"] in ({"path": "invalid_path"}, {"baudrate": "invalid_baudrate"})


async def test_reconfigure_loaded_entry_reloads_through_its_listener(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """The flow only updates; the entry's update listener schedules the reload."""
    entry = radio_entry(hass, state=ConfigEntryState.LOADED)
    listener = AsyncMock()
    entry.add_update_listener(listener)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    with (
        patch(
            "custom_components.aqara_zigbee.config_flow.probe",
            AsyncMock(return_value=ProbeResult(ieee=COORDINATOR_IEEE, network_formed=True)),
        ),
        patch.object(hass.config_entries, "async_schedule_reload") as reload,
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"],
            {"path": "/dev/ttyACM3", "baudrate": "115200", "flow_control": "none"},
        )
        await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["device"]["path"] == "/dev/ttyACM3"
    listener.assert_awaited_once()
    reload.assert_not_called()
    assert "update listener" not in caplog.text


# 4. number.set_value ------------------------------------------------------------------


async def test_number_refuses_nan_and_off_step(hass: HomeAssistant, simulated_entry: Any) -> None:
    ieee = ieee_of(simulated_entry.runtime_data, "ZNCZ04LM")
    entity_id = er.async_get(hass).async_get_entity_id(
        "number", DOMAIN, f"{ieee}-overload_protection"
    )
    assert entity_id is not None
    before = hass.states.get(entity_id).state
    for value in BAD_NUMBERS:
        with pytest.raises(ServiceValidationError) as raised:
            await hass.services.async_call(
                "number", "set_value", {"entity_id": entity_id, "value": value}, blocking=True
            )
        # Infinities fail Home Assistant's own range check first (also a clean 400)
        if raised.value.translation_domain == "number":
            assert math.isinf(float(value)), value
            continue
        assert raised.value.translation_domain == DOMAIN, value
        assert raised.value.translation_key in ("invalid_number", "number_off_step"), value
        assert raised.value.translation_key in STRINGS["exceptions"]
    assert hass.states.get(entity_id).state == before


# 5. actions -----------------------------------------------------------------------------


@pytest.mark.parametrize("duration", BAD_DURATIONS)
async def test_permit_join_takes_whole_seconds(hass: HomeAssistant, duration: Any) -> None:
    assert await async_setup_component(hass, DOMAIN, {})
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(DOMAIN, "permit_join", {"duration": duration}, blocking=True)
    assert raised.value.translation_key == "invalid_duration"


@pytest.mark.parametrize("duration", GOOD_DURATIONS)
async def test_permit_join_accepts_seconds(hass: HomeAssistant, duration: Any) -> None:
    """Valid durations get past the check (no entry is loaded to open the network)."""
    assert await async_setup_component(hass, DOMAIN, {})
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(DOMAIN, "permit_join", {"duration": duration}, blocking=True)
    assert raised.value.translation_key == "entry_not_loaded"


async def test_simulate_single_button_has_only_main(
    hass: HomeAssistant, simulated_entry: Any
) -> None:
    from homeassistant.helpers import device_registry as dr

    ieee = ieee_of(simulated_entry.runtime_data, "QBKG40LM")
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, ieee), simulated_entry.entry_id
    )
    assert device is not None
    for button in BAD_SINGLE_BUTTONS:
        with pytest.raises(ServiceValidationError) as raised:
            await hass.services.async_call(
                DOMAIN,
                "simulate",
                {"device_id": device.id, "action": "press", "button": button},
                blocking=True,
            )
        assert raised.value.translation_key == "simulate_invalid_button"
        assert raised.value.translation_placeholders["buttons"] == "main"
        assert len(raised.value.translation_placeholders["button"]) <= MAX_QUOTED_INPUT + 1


@pytest.mark.parametrize("bad", BAD_DEVICE_OPTIONS)
async def test_device_options_validated(hass: HomeAssistant, bad: dict[str, Any]) -> None:
    entry = radio_entry(hass)
    ieee = "54:ef:44:10:00:00:00:01"
    register_device(hass, entry, ieee, "lumi.plug", "Kitchen")
    result = await start_options(hass, entry, "device")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"device_ieee": ieee}
    )
    valid = {"state_action": False, "power_calibration": 0.0, "power_precision": 1}
    with pytest.raises(InvalidData) as raised:
        await hass.config_entries.options.async_configure(result["flow_id"], valid | bad)
    assert set(raised.value.schema_errors) == set(bad)
    assert entry.options == {}


# quoting input back ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * 100_000, "x" * MAX_QUOTED_INPUT + "…"),
        ("\u202eevil\u202c", "\ufffdevil\ufffd"),
        ("a\x00b\nc\x1b[31m", "a\ufffdb\ufffdc\ufffd[31m"),
        ("zero\u200bwidth", "zero\ufffdwidth"),
    ],
)
def test_quote_input(text: str, expected: str) -> None:
    assert quote_input(text) == expected


def test_hostile_input_count() -> None:
    assert HOSTILE_INPUT_COUNT > 150
