"""Aqara QBKG25LM: smart wall switch D1 (no neutral, triple rocker), ``lumi.switch.l3acn3``.

Facts: Zigbee2MQTT's definition (relays left 1 / center 2 / right 3, per-rocker operation
mode, mode switch, power-outage memory, LED off at night, flipped indicator on 0xFCC0, the
event-mode write at configure, clicks from endpoints 41-43, 51-53 and 61); an end device
(Zigbee2MQTT debug log, domoticz-zigbee2mqtt-plugin#376); OTA image type 0x0508 from the
Koenkk/zigbee-OTA index. Inferred from its with-neutral sibling QBKG26LM: endpoint clusters.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import features as f
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Definition, EndpointDecl

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
_BUTTONS: Mapping[int | None, str | None] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}

DEFINITION = Definition(
    model="QBKG25LM",
    model_ids=("lumi.switch.l3acn3",),
    vendor="Aqara",
    description="Smart wall switch D1 (no neutral, triple rocker)",
    is_router=False,  # no neutral: end device
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="center", description="Center relay."),
        f.relay(endpoint=3, name="right", description="Right relay."),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(
            endpoint=2, name="center", description="Decoupled mode for center button."
        ),
        f.operation_mode(endpoint=3, name="right", description="Decoupled mode for right button."),
        f.mode_switch(),
        f.power_outage_count(),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.multistate_clicks(
            _BUTTONS,
            clicks=f.SINGLE_DOUBLE,
            by_button=True,
            state_actions=(
                "on_left",
                "off_left",
                "on_center",
                "off_center",
                "on_right",
                "off_right",
            ),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0508),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        EndpointDecl(
            endpoint=3, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        *(
            EndpointDecl(endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
            for endpoint in _BUTTONS
            if endpoint is not None
        ),
    ),
)
