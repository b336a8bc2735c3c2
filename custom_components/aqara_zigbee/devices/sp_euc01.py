"""Aqara SP-EUC01: smart plug EU (lumi.plug.maeu01).

Facts: Zigbee2MQTT's definition (OnOff bound and reported, ElectricalMeasurement power
scaled by its multiplier/divisor, Metering summation, the 0xFCC0 settings and heartbeat,
event mode written at pairing: without it the heartbeat lacks voltage, current and
consumer_connected, zigbee-herdsman-converters#13018); rmsVoltage and rmsCurrent are
unsupported by the unit (same PR), so voltage and current come from the heartbeat only.
OTA image type 0x0018 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features.button_lock import button_lock
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    EM_AC_POWER_DIVISOR,
    EM_AC_POWER_MULTIPLIER,
    EM_ACTIVE_POWER,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="SP-EUC01",
    model_ids=("lumi.plug.maeu01",),
    vendor="Aqara",
    description="Smart plug EU",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.report_relay(),
        # Zigbee2MQTT offers no /get for power on this model
        f.power(
            f.electrical_measurement(
                EM_ACTIVE_POWER, EM_AC_POWER_MULTIPLIER, EM_AC_POWER_DIVISOR, ndigits=2
            ),
            access=Access.REPORT,
        ),
        f.energy(f.metering_summation()),
        f.power_outage_memory(),
        f.voltage(),
        f.current(),
        f.device_temperature(),
        f.consumer_connected(),
        f.led_disabled_night(),
        f.overload_protection(),
        f.auto_off(readable=True),
        button_lock(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0018),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
    ),
)
