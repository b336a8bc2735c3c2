"""Aqara QBKG18LM: smart wall switch T1 (no neutral, double rocker), ``lumi.switch.b2lacn01``.

Facts: Zigbee2MQTT's definition (relays left 1 / right 2, lumiOnOff with binary power-outage
memory and per-rocker operation mode, LED off at night, flipped indicator, clicks from
endpoints 41 left, 42 right, 51 both); OTA image type 0x0288 from the Koenkk/zigbee-OTA
index. Inferred from its H1/WS-USC siblings: an end device (no neutral), endpoint clusters.
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
from .model import Definition, EndpointDecl

# Zigbee2MQTT's lumiOnOff / lumiLedDisabledNight descriptions
_POWER_OUTAGE_MEMORY = "Controls the behavior when the device is powered on after power loss."
_LED_DISABLED_NIGHT = "Enables/disables LED indicator at night."

DEFINITION = Definition(
    model="QBKG18LM",
    model_ids=("lumi.switch.b2lacn01",),
    vendor="Aqara",
    description="Smart wall switch T1 (no neutral, double rocker)",
    is_router=False,  # no neutral: end device
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="right", description="Right relay."),
        f.device_temperature(),
        f.power_outage_count(),
        f.power_outage_memory(description=_POWER_OUTAGE_MEMORY),
        f.operation_mode(
            endpoint=1,
            name="left",
            description="Decoupled mode for left button.",
            decoupled_first=True,
        ),
        f.operation_mode(
            endpoint=2,
            name="right",
            description="Decoupled mode for right button.",
            decoupled_first=True,
        ),
        f.led_disabled_night(description=_LED_DISABLED_NIGHT),
        f.flip_indicator_light(),
        # Zigbee2MQTT lists single/double only, yet publishes them with the button
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0288),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
