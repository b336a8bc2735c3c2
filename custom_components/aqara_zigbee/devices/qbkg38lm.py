"""Aqara QBKG38LM: smart wall switch E1 (no neutral, single rocker).

Facts: Zigbee2MQTT's definition (``lumi.switch.b1lc04``); endpoint 1's clusters from public
device signatures of its double-rocker sibling QBKG39LM (zha-device-handlers#991); the
button endpoint 41 is inferred from the E1 family; OTA image type 0x1988 from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

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
from .model import ANY_ENDPOINT, Definition, EndpointDecl

DEFINITION = Definition(
    model="QBKG38LM",
    model_ids=("lumi.switch.b1lc04",),
    vendor="Aqara",
    description="Smart wall switch E1 (no neutral, single rocker)",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(description="On/off state of the switch."),
        # One button: which endpoint its clicks come from is undocumented, any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.power_outage_memory(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.operation_mode(description="Decoupled mode for button."),
        f.mode_switch(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1988),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                0x0009,
                MULTISTATE_INPUT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        # The E1 family's button endpoint, ready before the first click
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
