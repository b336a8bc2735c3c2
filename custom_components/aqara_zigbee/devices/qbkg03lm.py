"""Aqara QBKG03LM: smart wall switch, no neutral, double rocker (lumi.ctrl_neutral2).

Facts: Zigbee2MQTT's definition (an end device; relays on endpoints 2 (left) and 3
(right), at heartbeat indexes 100 and 101; clicks as OnOff reports of button endpoints 4
(left), 5 (right) and 6 (both); operation modes in genBasic 0xFF22/0xFF23, no /get; the
genBasic 0xFF01 heartbeat; prevent-reset); OTA image type 0x0101 (zigbee-OTA index).
"""

from __future__ import annotations

from dataclasses import replace

from .. import features as f
from ..features.basic_operation_mode import (
    CONTROL_LEFT_RELAY,
    CONTROL_RIGHT_RELAY,
    DECOUPLED,
    LEFT,
    RIGHT,
    basic_operation_mode,
)
from ..features.onoff_clicks import onoff_clicks
from ..lumi.const import BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF, OTA
from .model import BOOL, Access, Definition, EndpointDecl, Feature, HeartbeatSource

#: what either rocker may do, in Zigbee2MQTT's order
DOUBLE_ROCKER = (
    ("control_left_relay", CONTROL_LEFT_RELAY),
    ("control_right_relay", CONTROL_RIGHT_RELAY),
    ("decoupled", DECOUPLED),
)


def _not_readable(feature: Feature) -> Feature:
    """Zigbee2MQTT offers no /get for the old no-neutral switches' operation modes."""
    return replace(
        feature,
        exposes=tuple(
            replace(expose, access=Access.WRITE | Access.REPORT) for expose in feature.exposes
        ),
    )


def _relay(endpoint: int, name: str, heartbeat_index: int) -> Feature:
    """A relay whose heartbeat entry is not at 100 + endpoint - 1 (relays start at 2)."""
    feature = f.relay(
        endpoint=endpoint,
        name=name,
        description=f"{name.capitalize()} relay.",
        heartbeat=False,
        state_action=False,
    )
    (expose,) = feature.exposes
    source = HeartbeatSource(index=heartbeat_index, codec=BOOL)
    return replace(feature, exposes=(replace(expose, sources=(*expose.sources, source)),))


DEFINITION = Definition(
    model="QBKG03LM",
    model_ids=("lumi.ctrl_neutral2",),
    vendor="Aqara",
    description="Smart wall switch (no neutral, double rocker)",
    is_router=False,  # no neutral: Zigbee2MQTT forces it to an end device
    features=(
        _relay(2, "left", 100),
        _relay(3, "right", 101),
        f.device_temperature(),
        # Every action the converter publishes; Zigbee2MQTT's list misses some (DIFFERENCES)
        onoff_clicks({4: "left", 5: "right", 6: "both"}),
        _not_readable(
            basic_operation_mode(
                attribute=LEFT,
                name="left",
                values=DOUBLE_ROCKER,
                description="Operation mode for left button",
            )
        ),
        _not_readable(
            basic_operation_mode(
                attribute=RIGHT,
                name="right",
                values=DOUBLE_ROCKER,
                description="Operation mode for right button",
            )
        ),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE),
            out_clusters=(OTA,),
        ),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=3, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        *(EndpointDecl(endpoint=ep, device_type=0x0100, in_clusters=(ON_OFF,)) for ep in (4, 5, 6)),
    ),
)
