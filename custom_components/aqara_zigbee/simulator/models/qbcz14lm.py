"""QBCZ14LM, Aqara smart wall outlet T1, ``lumi.plug.sacn02``.

Router. Facts: Zigbee2MQTT lumi.js (power as AnalogInput presentValue; energy, voltage
and current in the heartbeat; led_disabled_night, button lock on FCC0 0x0200 with
0 = locked, overload protection 100-2500 W; no consumer_connected); the Koenkk/zigbee-OTA
index (image type 0x008C, build 52).

Inferred from the plugs ZNCZ15LM and ZNCZ04LM, not seen for this model: the endpoints (power on
AnalogInput of endpoint 21), the heartbeat layout, the Basic versions. The button lock is
held as a setting; the twin's button still switches the relay while locked.
"""

from __future__ import annotations

from ._aqara_t1_plug import t1_plug_twin

TWIN = t1_plug_twin(
    zigbee_model="lumi.plug.sacn02",
    z2m_model="QBCZ14LM",
    hidden=frozenset({"consumer_connected"}),
    ota_image_type=0x008C,
    firmware=52,
)
