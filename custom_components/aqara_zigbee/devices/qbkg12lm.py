"""Aqara QBKG12LM: smart wall switch, with neutral, double rocker (lumi.ctrl_ln2[.aq1]).

Facts: Zigbee2MQTT's definition (relays on endpoints 1 and 2, clicks as MultistateInput
from endpoints 5/6/7 or, on old firmware, OnOff reports from 4/5/6; operation modes in
genBasic 0xFF22/0xFF23; power in AnalogInput; the genBasic 0xFF01 heartbeat, relays at
indexes 100/101); endpoint 1's content and a real heartbeat from sprut/Hub#953; OTA image
type 0x0101 (zigbee-OTA index). Inferred: AnalogInput on endpoint 3.
"""

from __future__ import annotations

from dataclasses import replace

from .. import features as f
from ..features import metering
from ..features.basic_operation_mode import (
    CONTROL_LEFT_RELAY,
    CONTROL_RIGHT_RELAY,
    DECOUPLED,
    LEFT,
    RIGHT,
    basic_operation_mode,
)
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    MULTISTATE_DOUBLE,
    MULTISTATE_HOLD,
    MULTISTATE_INPUT,
    MULTISTATE_RELEASE,
    MULTISTATE_SINGLE,
    ON_OFF,
    ON_OFF_ATTR,
)
from .model import (
    ActionSource,
    Definition,
    EndpointDecl,
    Feature,
)

#: MultistateInput presentValue → click, in the order of Zigbee2MQTT's action values
CLICKS = {
    MULTISTATE_SINGLE: "single",
    MULTISTATE_DOUBLE: "double",
    MULTISTATE_HOLD: "hold",
    MULTISTATE_RELEASE: "release",
}
#: what either rocker may do, in Zigbee2MQTT's order
DOUBLE_ROCKER = (
    ("control_left_relay", CONTROL_LEFT_RELAY),
    ("control_right_relay", CONTROL_RIGHT_RELAY),
    ("decoupled", DECOUPLED),
)
#: Old firmware: a press is an OnOff report (either value) from the rocker's endpoint
ONOFF_CLICK_ENDPOINTS = {4: "left", 5: "right", 6: "both"}


def _with_onoff_clicks(clicks: Feature) -> Feature:
    """The multistate clicks, plus the old firmware's OnOff ones (single only)."""
    (action,) = clicks.exposes
    onoff = tuple(
        ActionSource(
            endpoint=endpoint,
            cluster=ON_OFF,
            attribute=ON_OFF_ATTR,
            actions=((0, f"single_{name}"), (1, f"single_{name}")),
        )
        for endpoint, name in ONOFF_CLICK_ENDPOINTS.items()
    )
    return Feature(exposes=(replace(action, sources=(*action.sources, *onoff)),))


DEFINITION = Definition(
    model="QBKG12LM",
    model_ids=("lumi.ctrl_ln2.aq1", "lumi.ctrl_ln2"),
    vendor="Aqara",
    description="Smart wall switch (with neutral, double rocker)",
    is_router=True,
    features=(
        f.relay(endpoint=1, name="left", description="Left relay.", state_action=False),
        f.relay(endpoint=2, name="right", description="Right relay.", state_action=False),
        f.device_temperature(),
        f.energy(),
        f.power(
            metering.analog_power(endpoint=3),
        ),
        _with_onoff_clicks(f.multistate_clicks({5: "left", 6: "right", 7: "both"}, clicks=CLICKS)),
        basic_operation_mode(
            attribute=LEFT,
            name="left",
            values=DOUBLE_ROCKER,
            description="Operation mode for left button",
        ),
        basic_operation_mode(
            attribute=RIGHT,
            name="right",
            values=DOUBLE_ROCKER,
            description="Operation mode for right button",
        ),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
        ),
        EndpointDecl(endpoint=2, device_type=0x0051, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=3, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
        *(
            EndpointDecl(endpoint=ep, device_type=0x0100, in_clusters=(ON_OFF, MULTISTATE_INPUT))
            for ep in (4, 5, 6)
        ),
        EndpointDecl(endpoint=7, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
