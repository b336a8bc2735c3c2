"""WP-P09D, Aqara wall outlet H2 UK, ``lumi.plug.aeu002``.

Router. Facts: Zigbee2MQTT lumi.js (sockets 1 and 2 and the USB ports switched on
endpoints 1-3; ElectricalMeasurement activePower in whole watts on endpoint 1 for the
whole outlet, 2 for socket 1 + USB, 3 for socket 2; energy and current in the heartbeat,
no voltage, no device temperature; power_on_behavior on 0xFCC0 0x0517; multi-click 0x0286
and child lock 0x0285 per socket button, clicks hold 0, single 1, double 2, release 255
from endpoints 1 and 2; overload protection 100-3250 W; LED indicator 0x0203, flipped
indicator 0x00F0; Identify). Koenkk/zigbee-OTA has no image of it: no OTA client.

Inferred, not seen: the endpoints' other clusters, the heartbeat layout (the H2 EU
outlet's without temperature), the Basic versions.
"""

from __future__ import annotations

from ..behaviours import (
    Buttons,
    ButtonSpec,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    Relays,
    constant,
    power_on_count,
)
from ..behaviours.power_on_behavior import PowerOnBehavior
from ..behaviours.socket_meters import SocketMeters, socket_energy_kwh, socket_milliamperes
from ..clusters import (
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GP_PROFILE,
    GREEN_POWER,
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
from ._aqara_h2_us import GESTURES, click_mode_settings, lock_settings

FIRMWARE = 25
SOCKETS = {"1": 1, "2": 2}

TWIN = Twin(
    zigbee_models=("lumi.plug.aeu002",),
    z2m_model="WP-P09D",
    endpoints=(
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                MULTISTATE_INPUT,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            (TIME, OTA),
        ),
        EndpointSpec(
            2,
            0x0051,
            (GROUPS, SCENES, ON_OFF, MULTISTATE_INPUT, ELECTRICAL_MEASUREMENT, LUMI_CLUSTER),
        ),
        EndpointSpec(3, 0x0051, (GROUPS, SCENES, ON_OFF, ELECTRICAL_MEASUREMENT, LUMI_CLUSTER)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=FIRMWARE,
    date_code="20240611",
    sw_build_id=f"0.0.0_{FIRMWARE:04d}",
    file_version=FIRMWARE,
    behaviours=lambda: [
        Relays({1: "state_1", 2: "state_2", 3: "state_usb"}),
        Buttons(
            {name: ButtonSpec(ep, (ep,)) for name, ep in SOCKETS.items()},
            aliases={},
            gestures=GESTURES,
            actions=tuple(
                f"{kind}_{name}"
                for kind in ("hold", "single", "double", "release")
                for name in SOCKETS
            ),
        ),
        Groups(),
        Identify(exposed=True),
        PowerOutageCounter(exposed=True),
        PowerOnBehavior(),
        SocketMeters(
            {"power_1": (1, (1, 2, 3)), "power_2": (2, (1, 3)), "power_usb": (3, (2,))},
            overload_max_w=3250.0,
        ),
        *click_mode_settings({ep: name for name, ep in SOCKETS.items()}),
        *lock_settings(
            {ep: name for name, ep in SOCKETS.items()},
            prefix="child_lock",
            values={"LOCK": 1, "UNLOCK": 0},
        ),
        LumiSetting(
            "led_indicator", 0x0203, DataType.BOOL, {"ON": True, "OFF": False}, default=True
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (149, DataType.FLOAT, socket_energy_kwh),
                (151, DataType.FLOAT, socket_milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
    ],
)
