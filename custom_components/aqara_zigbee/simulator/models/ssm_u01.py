"""SSM-U01, Aqara single switch module T1 with neutral, ``lumi.switch.n0agl1``.

Router. Facts and where they come from:

* A public interview (Koenkk/zigbee2mqtt#22491): endpoints 1, 21, 31, 41, 242; endpoint 1
  in 0000, 0002, 0003, 0004, 0005, 0009, 000A, FCC0 (OnOff served, undeclared), out 0019;
  Basic application version 21, date code ``Aug  8 2020``, power source 0; the heartbeat
  ``100, 3, 152, 149, 150, 151, 5, 154, 11, 8, 9`` with its types; FCC0 0x000A (switch
  type) 1 and 0x0201 (power outage memory) 1.
* zha-device-handlers' switch_t1 quirk: AnalogInput on 21 (power, W) and 31,
  MultistateInput on 41, Green Power on 242.
* Zigbee2MQTT lumi.js: power from AnalogInput presentValue; energy, voltage and current
  from the heartbeat; Metering/ElectricalMeasurement ignored (unreliable).
* The Koenkk/zigbee-OTA index: image type 0x1819.

Inferred, not seen: endpoint 31's AnalogInput carries nothing the hub uses; the wired
switch toggles the relay and sends no click the hub sees.
"""

from __future__ import annotations

from ._aqara_t1_module import t1_neutral_twin

TWIN = t1_neutral_twin(
    zigbee_model="lumi.switch.n0agl1",
    z2m_model="SSM-U01",
    exposes_outage_count=True,
    led_disabled_night=False,
    ota_image_type=0x1819,
)
