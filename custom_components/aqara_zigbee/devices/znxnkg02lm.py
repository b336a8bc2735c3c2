"""Aqara ZNXNKG02LM: smart rotary knob H1, wireless (lumi.remote.rkba01).

Facts: Zigbee2MQTT's definition (lumiCommandMode: operation mode event/command in 0xFCC0
0x0009, event written at pairing; lumiAction: MultistateInput 0 hold, 1 single, 2 double,
255 release; lumiKnobRotation: 0xFCC0 0x023A start/rotating/stop (+128 pressed) with angle,
speeds, percentages and time alongside; sensitivity in 0xFCC0 0x0234, uint16 720/360/180;
lumiBattery from the 0xFCC0 heartbeat, 2850-3000 mV; prevent-reset, answered by every
handle); the rotation endpoints 71 (free) and 72 (pressed) from ZHA's quirk.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.gestures import knob_rotation_sensors, knob_rotation_source, knob_sensitivity
from ..features.remote_clicks import (
    COMMAND_MODE_DESCRIPTION,
    DOUBLE,
    HOLD,
    RELEASE,
    SINGLE,
    multistate_buttons,
    remote_action,
    remote_operation_mode,
)
from ..lumi.const import BASIC, LUMI_CLUSTER, MULTISTATE_INPUT
from .model import ANY_ENDPOINT, Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNXNKG02LM",
    model_ids=("lumi.remote.rkba01",),
    vendor="Aqara",
    description="Smart rotary knob H1 (wireless)",
    is_router=False,
    features=(
        remote_operation_mode(description=COMMAND_MODE_DESCRIPTION, event_first=True),
        f.event_mode(),
        lumi_battery(COIN_CELL),
        knob_rotation_sensors(),
        knob_sensitivity(),
        remote_action(
            ("hold", "single", "double", "release", "start_rotating", "rotation", "stop_rotating"),
            *multistate_buttons(
                {ANY_ENDPOINT: None},
                {HOLD: "hold", SINGLE: "single", DOUBLE: "double", RELEASE: "release"},
            ),
            knob_rotation_source(),
        ),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0104,
            in_clusters=(BASIC, 0x0001, 0x0003, MULTISTATE_INPUT, LUMI_CLUSTER),
        ),
        EndpointDecl(endpoint=71, device_type=0x0104, in_clusters=(LUMI_CLUSTER,)),
        EndpointDecl(endpoint=72, device_type=0x0203, in_clusters=(LUMI_CLUSTER,)),
    ),
)
