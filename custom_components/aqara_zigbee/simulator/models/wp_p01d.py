"""WP-P01D, Aqara smart wall outlet H2 EU, ``lumi.plug.aeu001``.

Router. Facts: Zigbee2MQTT lumi.js (power_on_behavior on FCC0 0x0517; power as AnalogInput
presentValue; energy, voltage and current in the heartbeat; overload protection
100-3840 W; the LED indicator 0x0203; button lock 0x0200 with 0 = locked; charging
protection 0x0202 with its limit 0x0206); the Koenkk/zigbee-OTA index (image type 0x9B0E,
build 33).

Inferred from the H2 (USB) and H1 outlets, not seen for this model: the endpoints (power
on AnalogInput of endpoint 21), the heartbeat layout, the Basic versions. The button lock
is held as a setting.
"""

from __future__ import annotations

from ..behaviours.charging_protection import ChargingProtection
from ._aqara_h2_outlet import h2_outlet_twin

TWIN = h2_outlet_twin(
    zigbee_model="lumi.plug.aeu001",
    z2m_model="WP-P01D",
    relays={1: "state"},
    led_indicator=True,
    own_setting=ChargingProtection,
    firmware=33,
    date_code="01-09-2026",
)
