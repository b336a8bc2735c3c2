"""DLKZMK11LM, Aqara single switch module T1 with neutral (CN), ``lumi.switch.n0acn2``.

Router. The CN edition of SSM-U01: zha-device-handlers' switch_t1 quirk matches both
models with one signature, so the layout below is SSM-U01's. Its own facts: Zigbee2MQTT
lumi.js (power readable, led_disabled_night, no power_outage_count, the event-mode write
at configure) and the Koenkk/zigbee-OTA index (image type 0x0581). SSM-U01's facts:

* A public interview (Koenkk/zigbee2mqtt#22491): endpoints 1, 21, 31, 41, 242; endpoint 1
  in 0000, 0002, 0003, 0004, 0005, 0009, 000A, FCC0 (OnOff served, undeclared), out 0019;
  Basic application version 21, date code ``Aug  8 2020``, power source 0; the heartbeat
  ``100, 3, 152, 149, 150, 151, 5, 154, 11, 8, 9`` with its types; FCC0 0x000A (switch
  type) 1 and 0x0201 (power outage memory) 1.
* zha-device-handlers' switch_t1 quirk: AnalogInput on 21 (power, W) and 31,
  MultistateInput on 41, Green Power on 242.
* Zigbee2MQTT lumi.js: power from AnalogInput presentValue; energy, voltage and current
  from the heartbeat; Metering/ElectricalMeasurement ignored (unreliable).

Inferred, not seen: endpoint 31's AnalogInput carries nothing the hub uses; the wired
switch toggles the relay and sends no click the hub sees.
"""

from __future__ import annotations

from ._aqara_t1_module import t1_neutral_twin

TWIN = t1_neutral_twin(
    zigbee_model="lumi.switch.n0acn2",
    z2m_model="DLKZMK11LM",
    exposes_outage_count=False,
    led_disabled_night=True,
    ota_image_type=0x0581,
)
