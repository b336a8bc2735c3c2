"""Building blocks of the wireless remotes' twins: what each generation sends for a click.

* 2016 generation (``lumi.sensor_switch``, ``sensor_86sw*``): the OnOff attribute of the
  button's endpoint (a bool), multi-clicks as a count in OnOff 0x8000;
* 2018 and later (``lumi.remote.*``, ``sensor_switch.aq3``): MultistateInput presentValue
  from the button's endpoint: 0 hold, 1-6 clicks, 255 release (uint16).

Every remote is a sleepy end device on a CR2032 (or CR2450) coin cell with the Lumi
heartbeat; the newer ones also report genPowerCfg batteryVoltage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..behaviours import (
    Behaviour,
    ChipTemperature,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    constant,
    parent_nwk,
    power_on_count,
)
from ..behaviours.heartbeat import HeartbeatEntry, chip_temperature, setting
from ..behaviours.remote_clicks import Command, RemoteClicks, Report
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import (
    BASIC,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    PRESENT_VALUE,
)
from ..profile import EndpointSpec, Twin
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType

LEVEL_CONTROL = 0x0008
COLOR_CONTROL = 0x0300
#: OnOff 0x8000, the click count of the 2016 multi-click switches
CLICK_COUNT = 0x8000
#: how long the simulated finger stays on a held button (simulated seconds)
HOLD_S = 1.5


def multistate(endpoint: int, value: int, *, delay: float = 0.0) -> Report:
    """A MultistateInput presentValue report (uint16) from a button's endpoint."""
    return Report(
        endpoint,
        MULTISTATE_INPUT,
        (AttributeValue(PRESENT_VALUE, DataType.UINT16, value),),
        delay=delay,
    )


def onoff(endpoint: int, on: bool, *, delay: float = 0.0) -> Report:
    """The OnOff attribute of a button's endpoint (a bool: contact closed or open)."""
    return Report(endpoint, ON_OFF, (AttributeValue(0x0000, DataType.BOOL, on),), delay=delay)


def click_count(endpoint: int, count: int) -> Report:
    """A multi-click: the count in OnOff 0x8000 (uint8)."""
    return Report(endpoint, ON_OFF, (AttributeValue(CLICK_COUNT, DataType.UINT8, count),))


def lumi_report(values: tuple[AttributeValue, ...], *, endpoint: int = 1) -> Report:
    """A manufacturer-specific 0xFCC0 report."""
    return Report(endpoint, LUMI_CLUSTER, values, manufacturer=LUMI_MANUFACTURER_CODE)


#: Zigbee2MQTT's ``voltageToPercentage`` of every remote here: 2850-3000 mV
COIN_CELL_PERCENT = linear_percent(2850, 3000)
#: battery power source (genBasic 0x0007)
BATTERY_POWERED = 0x03
#: the older Xiaomi OUI of the 2016-2018 units
XIAOMI_OUI = bytes.fromhex("00158d")


def click_mode_setting(*, default: int = 1) -> LumiSetting:
    """0xFCC0 0x0125: 1 fast (single clicks at once), 2 multi."""
    return LumiSetting(
        "click_mode", 0x0125, DataType.UINT8, {"fast": 1, "multi": 2}, default=default
    )


def operation_mode_setting(*, exposed: bool = True) -> LumiSetting:
    """0xFCC0 0x0009: 0 command (to bound devices), 1 event (to the hub); inferred: event
    out of the box, the events being what every hub shows after pairing. ``exposed``: the
    model's page has ``operation_mode`` (others only get event mode written at pairing)."""
    return LumiSetting(
        "operation_mode" if exposed else "event_mode",
        0x0009,
        DataType.UINT8,
        {"command": 0, "event": 1},
        default=1,
        exposed=exposed,
    )


def basic_heartbeat_layout() -> tuple[HeartbeatEntry, ...]:
    """genBasic 0xFF01 of the 2016-2018 remotes, as a WXKG11LM sends it
    (``0121f90b 03281b 0421a813 05211700 062401000000 000a210000``, doudz/zigate#63)."""
    return (
        (1, DataType.UINT16, battery_voltage),
        (3, DataType.INT8, chip_temperature),
        (4, DataType.UINT16, constant(0x13A8)),
        (5, DataType.UINT16, power_on_count),
        (6, DataType.UINT40, constant(1)),
        (10, DataType.UINT16, parent_nwk),
    )


def lumi_heartbeat_layout(*, click_mode_index: bool = False) -> tuple[HeartbeatEntry, ...]:
    """0xFCC0 0x00F7 of the newer remotes (inferred from the basic layout: voltage, chip
    temperature, power-on count, parent; index 100 the click mode where Zigbee2MQTT reads
    it)."""
    return (
        (1, DataType.UINT16, battery_voltage),
        (3, DataType.INT8, chip_temperature),
        (5, DataType.UINT16, power_on_count),
        (10, DataType.UINT16, parent_nwk),
        *(((100, DataType.UINT8, setting("click_mode")),) if click_mode_index else ()),
    )


def remote_twin(  # a remote has that many facts
    *,
    zigbee_models: tuple[str, ...],
    z2m_model: str,
    endpoints: tuple[EndpointSpec, ...],
    gestures: Mapping[str, Sequence[Report]],
    basic_heartbeat: bool,
    power_cfg: bool = False,
    chip_temperature_exposed: bool = False,
    outages_exposed: bool = False,
    settings: Callable[[], Sequence[Behaviour]] = tuple,
    click_mode_in_heartbeat: bool = False,
    xiaomi_oui: bool = False,
    app_version: int = 1,
    commands: Mapping[str, Command] | None = None,
    identify_exposed: bool = False,
) -> Twin:
    """A sleepy remote on a CR2032: its clicks, cell, heartbeat and settings.

    ``settings`` makes the unit's settings behaviours (fresh ones for every unit).
    """

    def behaviours() -> Sequence[Behaviour]:
        heartbeat = (
            Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, basic_heartbeat_layout())
            if basic_heartbeat
            else Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                lumi_heartbeat_layout(click_mode_index=click_mode_in_heartbeat),
            )
        )
        return [
            Sleepy(),
            BatteryCell(COIN_CELL_PERCENT, power_cfg=power_cfg),
            RemoteClicks(gestures, commands=commands),
            ChipTemperature(exposed=chip_temperature_exposed),
            PowerOutageCounter(exposed=outages_exposed),
            Identify(exposed=identify_exposed),
            *settings(),
            heartbeat,
        ]

    return Twin(
        zigbee_models=zigbee_models,
        z2m_model=z2m_model,
        router=False,
        ieee_oui=XIAOMI_OUI if xiaomi_oui else bytes.fromhex("54ef44"),
        endpoints=endpoints,
        power_source=BATTERY_POWERED,
        app_version=app_version,
        behaviours=behaviours,
    )


def remote_endpoints(buttons: int, *, device_type: int = 0x0103) -> tuple[EndpointSpec, ...]:
    """The newer remotes (ZHA's signatures of acn003/acn004, b18ac1/b28ac1, b286opcn01):
    endpoint 1 with Basic, PowerConfiguration, Identify and MultistateInput (0xFCC0
    hidden), one endpoint per further button with MultistateInput."""
    return (
        EndpointSpec(
            1,
            device_type,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, MULTISTATE_INPUT),
            (IDENTIFY, ON_OFF, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        *(
            EndpointSpec(endpoint, device_type, (MULTISTATE_INPUT,), (ON_OFF,))
            for endpoint in range(2, buttons + 1)
        ),
    )


def remote_86_endpoints() -> tuple[EndpointSpec, ...]:
    """The 86-box remotes (ZHA's signatures of remote_b186acn01/b286acn01): endpoint 1
    (0x5F01) Basic, Identify, OTA, MultistateInput; 2 (0x5F02) MultistateInput; 3 (0x5F03)
    AnalogInput; OnOff served on each though undeclared (the 2016 clicks)."""
    return (
        EndpointSpec(
            1,
            0x5F01,
            (BASIC, IDENTIFY, OTA, MULTISTATE_INPUT),
            (BASIC, IDENTIFY, 0x0004, 0x0005, OTA, MULTISTATE_INPUT),
            hidden_clusters=(ON_OFF,),
        ),
        EndpointSpec(2, 0x5F02, (IDENTIFY, MULTISTATE_INPUT), hidden_clusters=(ON_OFF,)),
        EndpointSpec(3, 0x5F03, (IDENTIFY, 0x000C), hidden_clusters=(ON_OFF, MULTISTATE_INPUT)),
    )


def multistate_gestures(
    buttons: Mapping[int, str | None], clicks: Mapping[str, int]
) -> dict[str, tuple[Report, ...]]:
    """``single_left`` (or ``single`` for an unnamed button) → presentValue from its endpoint."""
    return {
        (f"{kind}_{name}" if name else kind): (multistate(endpoint, value),)
        for kind, value in clicks.items()
        for endpoint, name in buttons.items()
    }


def onoff_click(endpoint: int) -> tuple[Report, ...]:
    """A 2016 click: one OnOff report from the button's endpoint (inferred: true, the
    value the aq2 tells a single click with)."""
    return (onoff(endpoint, True),)


def opple_commands(buttons: int) -> dict[str, Command]:
    """Command mode of the Opple remotes (Zigbee2MQTT's lumi_action_on/off/step/move/stop
    and *_color_temp converters): 1/2 Off/On; 3/4 Step down/up, held Move down/up then
    Stop; 5/6 (six buttons) Step Color Temperature up/down, held Move Color Temperature
    then a Move with mode 0; 3/4 double-clicked on the four-button one: Step Color
    Temperature."""
    step = b"\x33" + (10).to_bytes(2, "little")  # step size 51, 1 s
    colour_step = (69).to_bytes(2, "little") + (7).to_bytes(2, "little") + bytes(4)
    commands = {
        "button_1_single": Command(ON_OFF, 0x00),
        "button_2_single": Command(ON_OFF, 0x01),
    }
    if buttons >= 4:
        commands |= {
            "button_3_single": Command(LEVEL_CONTROL, 0x02, b"\x01" + step),
            "button_4_single": Command(LEVEL_CONTROL, 0x02, b"\x00" + step),
        }
        commands[f"button_{3 if buttons == 4 else 5}_{'double' if buttons == 4 else 'single'}"] = (
            Command(COLOR_CONTROL, 0x4C, b"\x01" + colour_step)
        )
        commands[f"button_{4 if buttons == 4 else 6}_{'double' if buttons == 4 else 'single'}"] = (
            Command(COLOR_CONTROL, 0x4C, b"\x03" + colour_step)
        )
    if buttons >= 6:
        stop = Command(LEVEL_CONTROL, 0x03)
        commands |= {
            "button_3_hold": Command(LEVEL_CONTROL, 0x01, b"\x01\x28"),
            "button_4_hold": Command(LEVEL_CONTROL, 0x01, b"\x00\x28"),
            "button_3_release": stop,
            "button_4_release": stop,
            "button_5_hold": Command(COLOR_CONTROL, 0x4B, b"\x01" + bytes(6)),
            "button_6_hold": Command(COLOR_CONTROL, 0x4B, b"\x03" + bytes(6)),
            "button_5_release": Command(COLOR_CONTROL, 0x4B, b"\x00" + bytes(6)),
            "button_6_release": Command(COLOR_CONTROL, 0x4B, b"\x00" + bytes(6)),
        }
    return commands


def opple_gestures(buttons: int) -> dict[str, tuple[Report, ...]]:
    """``button_<n>_<kind>`` → presentValue from endpoint n, as Zigbee2MQTT names them."""
    kinds = {"hold": 0, "release": 255, "single": 1, "double": 2, "triple": 3}
    return {
        f"button_{endpoint}_{kind}": (multistate(endpoint, value),)
        for endpoint in range(1, buttons + 1)
        for kind, value in kinds.items()
    }
