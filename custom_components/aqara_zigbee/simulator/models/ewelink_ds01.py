"""eWeLink/Sonoff SNZB-04, ``DS01``: an IAS Zone door/window contact sensor.

Signature (device type 0x0402 IAS zone, clusters, Basic strings, manufacturer code 0) and its
battery readings from a Zigbee2MQTT database entry:
https://github.com/Koenkk/zigbee-herdsman-converters/issues/1833. Zone type 0x0015 (contact
switch), the zone type of door/window contacts.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.sensing import Battery, IasZone
from ..clusters import BASIC, IAS_ZONE, IDENTIFY, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin

CONTACT_SWITCH = 0x0015

TWIN = Twin(
    zigbee_models=("DS01",),
    z2m_model="SNZB-04",
    ieee_oui=bytes.fromhex("00124b"),
    router=False,
    node_manufacturer_code=0x0000,
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(1, 0x0402, (BASIC, IDENTIFY, IAS_ZONE, POWER_CONFIGURATION), (IDENTIFY,)),
    ),
    manufacturer="eWeLink",
    zcl_version=1,
    app_version=3,
    stack_version=0,
    hw_version=1,
    date_code="20191107",
    power_source=0x03,
    join_report=False,
    source="https://github.com/Koenkk/zigbee-herdsman-converters/issues/1833",
    behaviours=lambda: [
        IasZone(1, zone_type=CONTACT_SWITCH),
        Battery(1, volts=3.2, percent=100, size=0x0A, quantity=1),
        Identify(),
    ],
)
