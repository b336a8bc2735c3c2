"""Aqara WXKG12LM: wireless mini switch with gyroscope (lumi.sensor_switch.aq3, lumi.sensor_swit).

Facts: Zigbee2MQTT's definition (MultistateInput clicks: 1 single, 2 double, 16 hold,
17 release, 18 shake, and the generic 0 hold / 255 release; the genBasic 0xFF01 heartbeat
with the battery voltage, 2850-3000 mV); endpoint 1's clusters from ZHA's signature.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import (
    DOUBLE,
    GYRO_HOLD,
    GYRO_RELEASE,
    HOLD,
    RELEASE,
    SHAKE,
    SINGLE,
    multistate_buttons,
    remote_action,
)
from ..lumi.const import BASIC, MULTISTATE_INPUT, ON_OFF
from .model import ANY_ENDPOINT, Definition, EndpointDecl

DEFINITION = Definition(
    model="WXKG12LM",
    model_ids=("lumi.sensor_switch.aq3", "lumi.sensor_swit"),
    vendor="Aqara",
    description="Wireless mini switch (with gyroscope)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(
            ("single", "double", "hold", "release", "shake"),
            *multistate_buttons(
                {ANY_ENDPOINT: None},
                {
                    SINGLE: "single",
                    DOUBLE: "double",
                    HOLD: "hold",
                    GYRO_HOLD: "hold",
                    RELEASE: "release",
                    GYRO_RELEASE: "release",
                    SHAKE: "shake",
                },
            ),
        ),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x5F01,
            in_clusters=(BASIC, 0x0001, ON_OFF, MULTISTATE_INPUT),
            out_clusters=(BASIC,),
        ),
    ),
)
