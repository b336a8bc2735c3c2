"""Aqara QBKG27LM: smart wall switch H1 (no neutral, single rocker).

Facts: Zigbee2MQTT's definition (the exposes). No public device signature found: the
endpoints are those of its EU twin WS-EUK01 (``lumi.switch.l1aeu1``). Zigbee2MQTT marks it
OTA-capable, but the Koenkk/zigbee-OTA index has no image of it: no image type is known.
"""

from __future__ import annotations

from .. import features as f
from ._aqara_h1 import h1_switch_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="QBKG27LM",
    model_ids=("lumi.switch.l1acn1",),
    vendor="Aqara",
    description="Smart wall switch H1 (no neutral, single rocker)",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(description="On/off state of the switch."),
        f.operation_mode(description="Decoupled mode."),
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
