"""Aqara WS-EUK01: smart wall switch H1 EU (no neutral, single rocker).

Facts: Zigbee2MQTT's definition (the exposes, with this model's own descriptions of
operation_mode and mode_switch); endpoint 1's clusters from the ZHA quirk's signature of
``lumi.switch.l1aeu1`` (zha-device-handlers ``switch_h1_single.py``), whose replacement adds
the hidden button endpoint 41. No OTA image in the Koenkk/zigbee-OTA index (nor in
Zigbee2MQTT's definition).
"""

from __future__ import annotations

from .. import features as f
from ._aqara_h1 import h1_switch_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WS-EUK01",
    model_ids=("lumi.switch.l1aeu1",),
    vendor="Aqara",
    description="Smart wall switch H1 EU (no neutral, single rocker)",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(description="On/off state of the switch."),
        f.operation_mode(
            description="Switches between direct relay control and action sending only."
        ),
        # Zigbee2MQTT words this model's description differently (same setting)
        f.mode_switch(),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        # One button: Zigbee2MQTT maps its clicks from any endpoint (41 on the signatures)
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=h1_switch_endpoints(1, (41,), power=False),
)
