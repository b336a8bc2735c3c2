"""WS-USC01, Aqara smart wall switch (no neutral, single rocker), ``lumi.switch.b1laus01``.

The single-rocker sibling of WS-USC02. Facts and where they come from:

* Zigbee2MQTT lumi.js: the exposes (state, action single/double, flip_indicator_light,
  power_outage_memory, operation_mode, mode_switch, power_outage_count,
  device_temperature), the event-mode write at configure, prevent reset, OTA support.
* Public Hubitat fingerprints: endpoint 1, device type 0x0100, in 0000, 0002, 0003, 0004,
  0005, 0006, 0009 and out 000A, 0019 (0xFCC0 undeclared, as on WS-USC02).
* reference/devices.md, a real heartbeat: ``64 10 00 03 28 18 05 21 0500 9A 20 00 08 21
  2001 0A 21 AD84 0B 20 00`` (index 8 = 288 as on WS-USC02; no index 4).

Inferred from WS-USC02, not seen for this model: an end device (no neutral); clicks from
hidden endpoint 41 (its top rocker's); every gesture sent; event mode off until written;
the firmware's Basic versions. Its OTA image type was not found in public sources: the
twin has no OTA client behaviour.
"""

from __future__ import annotations

from ..behaviours import (
    ALL_GESTURES,
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    PowerOutageMemory,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..clusters import (
    ALARMS,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.switch.b1laus01",),
    z2m_model="WS-USC01",
    router=False,  # inferred: no neutral, like WS-USC02
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        # inferred: WS-USC02 sends its top rocker's clicks from hidden endpoint 41
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    ),
    # inferred: WS-USC02's firmware of the same generation
    app_version=32,
    date_code="11-10-2021",
    sw_build_id="0.0.0_0032",
    file_version=32,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons(
            {"main": ButtonSpec(41, (1,))},
            gestures=ALL_GESTURES,  # inferred from WS-USC02
            actions=("single", "double"),
            decoupling=True,
            default_event_mode=0,  # inferred: Zigbee2MQTT writes mode 1 at configure
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOutageMemory(default=True),
        LumiSetting(
            "mode_switch",
            0x0004,
            DataType.UINT16,
            {"anti_flicker_mode": 4, "quick_mode": 1},
            default=4,
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        PreventReset(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(288)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
    ],
)
