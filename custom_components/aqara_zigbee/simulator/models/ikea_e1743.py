"""IKEA TRADFRI on/off switch E1743: a remote sending OnOff and Level Control commands.

Signature (device type 0x0820 non-colour controller, server and client clusters) and Basic
strings from https://github.com/sprut/Hub/issues/1221. I (on) sends On, O (off) Off; held,
they send Move with On/Off up and Move down; released, Stop with On/Off.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.remote import ON_OFF_ACTIONS, Remote, RemoteCommand, level_move
from ..behaviours.sensing import Battery
from ..clusters import (
    ALARMS,
    BASIC,
    GROUPS,
    IDENTIFY,
    LEVEL_CONTROL,
    ON_OFF,
    OTA,
    POLL_CONTROL,
    POWER_CONFIGURATION,
    TOUCHLINK,
    WINDOW_COVERING,
)
from ..profile import EndpointSpec, Twin

MOVE_RATE = 83  # level units per second while held

TWIN = Twin(
    zigbee_models=("TRADFRI on/off switch",),
    z2m_model="E1743",
    ieee_oui=bytes.fromhex("84fd27"),
    router=False,
    node_manufacturer_code=0x117C,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0820,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, ALARMS, POLL_CONTROL, TOUCHLINK, 0xFC7C),
            (IDENTIFY, GROUPS, ON_OFF, LEVEL_CONTROL, OTA, WINDOW_COVERING, TOUCHLINK),
        ),
    ),
    manufacturer="IKEA of Sweden",
    zcl_version=3,
    app_version=33,
    stack_version=98,
    hw_version=1,
    date_code="20190723",
    sw_build_id="2.2.010",
    power_source=0x03,
    join_report=False,
    source="https://github.com/sprut/Hub/issues/1221",
    behaviours=lambda: [
        Remote(
            1,
            {
                "on": ON_OFF_ACTIONS["on"],
                "off": ON_OFF_ACTIONS["off"],
                "brightness_move_up": level_move(True, MOVE_RATE, with_on_off=True),
                "brightness_move_down": level_move(False, MOVE_RATE, with_on_off=False),
                "brightness_stop": RemoteCommand(LEVEL_CONTROL, 0x07),
            },
        ),
        Battery(1, volts=2.8, percent=60, size=0x0A, quantity=1),  # CR2032
        Identify(),
    ],
)
