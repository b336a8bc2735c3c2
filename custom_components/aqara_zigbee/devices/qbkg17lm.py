"""Aqara QBKG17LM: smart wall switch T1 (no neutral, single rocker), ``lumi.switch.b1lacn01``.

Facts: Zigbee2MQTT's definition (lumiOnOff with binary power-outage memory and operation
mode, LED off at night, flipped indicator, clicks single/double); OTA image type 0x0208 from
the Koenkk/zigbee-OTA index. Zigbee2MQTT took the model id from its siblings (PR #7059).
Inferred from the double-rocker QBKG18LM: an end device (no neutral), endpoint 1's clusters,
clicks from hidden endpoint 41.
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

# Zigbee2MQTT's lumiOnOff / lumiLedDisabledNight descriptions
_POWER_OUTAGE_MEMORY = "Controls the behavior when the device is powered on after power loss."
_LED_DISABLED_NIGHT = "Enables/disables LED indicator at night."

DEFINITION = Definition(
    model="QBKG17LM",
    model_ids=("lumi.switch.b1lacn01",),
    vendor="Aqara",
    description="Smart wall switch T1 (no neutral, single rocker)",
    is_router=False,  # no neutral: end device
    features=(
        f.relay(),
        f.device_temperature(),
        f.power_outage_count(),
        f.power_outage_memory(description=_POWER_OUTAGE_MEMORY),
        f.operation_mode(description="Decoupled mode for a button.", decoupled_first=True),
        f.led_disabled_night(description=_LED_DISABLED_NIGHT),
        f.flip_indicator_light(),
        # One button: which endpoint its clicks come from is undocumented, any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0208),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        # The button endpoint of the double-rocker sibling's left rocker (inferred)
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
