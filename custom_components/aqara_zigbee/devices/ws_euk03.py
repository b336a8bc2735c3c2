"""Aqara WS-EUK03: smart wall switch H1 EU (with neutral, single rocker).

Facts: Zigbee2MQTT's definition (the exposes; power from ElectricalMeasurement, read with
``electrical_measurement_power``); endpoints and clusters from the ZHA quirk's two signatures
of ``lumi.switch.n1aeu1`` (zha-device-handlers ``switch_h1_single.py``: AnalogInput on 21 and
31 in the first, Metering and ElectricalMeasurement on 1 in the second); OTA image type
0x151C from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import (
    EM_AC_POWER_DIVISOR,
    EM_AC_POWER_MULTIPLIER,
    EM_ACTIVE_POWER,
)
from ._aqara_h1 import h1_switch_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WS-EUK03",
    model_ids=("lumi.switch.n1aeu1",),
    vendor="Aqara",
    description="Smart wall switch H1 EU (with neutral, single rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(description="On/off state of the switch."),
        # ElectricalMeasurement (Zigbee2MQTT's electrical_measurement, read with /get);
        # the firmware of the ZHA quirk's first signature has AnalogInput instead
        f.power(
            f.electrical_measurement(
                EM_ACTIVE_POWER, EM_AC_POWER_MULTIPLIER, EM_AC_POWER_DIVISOR, ndigits=2
            ),
            metering.analog_power(),
        ),
        f.energy(),
        f.operation_mode(description="Decoupled mode."),
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
        f.ota(0x151C),
    ),
    endpoints=h1_switch_endpoints(1, (41,), power=True, metering=True),
)
