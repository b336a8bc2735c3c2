"""eWeLink/Sonoff SNZB-02, ``TH01``: a battery temperature and humidity sensor.

Signature (device type 0x0302, clusters, Basic strings, manufacturer code 0) and its battery
readings from a Zigbee2MQTT database entry: https://github.com/Koenkk/zigbee2mqtt/issues/21213.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.sensing import HUMIDITY_PCT, TEMPERATURE_C, Battery, Measurement
from ..clusters import BASIC, HUMIDITY, IDENTIFY, POWER_CONFIGURATION, TEMPERATURE
from ..profile import EndpointSpec, Twin

TWIN = Twin(
    zigbee_models=("TH01",),
    z2m_model="SNZB-02",
    ieee_oui=bytes.fromhex("00124b"),
    router=False,
    node_manufacturer_code=0x0000,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1, 0x0302, (BASIC, IDENTIFY, TEMPERATURE, HUMIDITY, POWER_CONFIGURATION), (IDENTIFY,)
        ),
    ),
    manufacturer="eWeLink",
    zcl_version=1,
    app_version=5,
    stack_version=0,
    hw_version=1,
    date_code="20230630",
    power_source=0x03,
    join_report=False,
    source="https://github.com/Koenkk/zigbee2mqtt/issues/21213",
    behaviours=lambda: [
        Measurement(1, TEMPERATURE_C, "temperature", 21.1),
        Measurement(1, HUMIDITY_PCT, "humidity", 39.55),
        Battery(1, volts=3.1, percent=100, size=0x0A, quantity=1),  # CR2450 coin cell
        Identify(),
    ],
)
