"""ZNQBCZ11LM, Aqara smart wall outlet H2 (USB), ``lumi.plug.acn005``.

Router. Facts: Zigbee2MQTT lumi.js (relay on endpoint 1, USB ports on 2; power_on_behavior
on FCC0 0x0517; power as AnalogInput presentValue; energy, voltage and current in the
heartbeat; overload protection 100-3840 W; led_disabled_night 0x0203; button lock 0x0200
with 0 = locked; button_switch_mode 0x0226); the Koenkk/zigbee-OTA index (image type
0x9B0E, build 32).

Inferred from the H1 outlet QBCZ15LM, not seen for this model: the endpoints (power on
AnalogInput of endpoint 21), the heartbeat layout, the Basic versions; the load is
measured behind the relay only. The button lock is held as a setting.
"""

from __future__ import annotations

from ..behaviours.button_switch_mode import ButtonSwitchMode
from ._aqara_h2_outlet import h2_outlet_twin

TWIN = h2_outlet_twin(
    zigbee_model="lumi.plug.acn005",
    z2m_model="ZNQBCZ11LM",
    relays={1: "state_relay", 2: "state_usb"},
    led_indicator=False,
    own_setting=ButtonSwitchMode,
    firmware=32,
    date_code="06-11-2025",
)
