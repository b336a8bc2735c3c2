"""Aqara PS-S04D: presence sensor FP300 (``lumi.sensor_occupy.agl8``).

Facts: Zigbee2MQTT's definition (battery voltage and the device's own % at heartbeat
indexes 0x17 and 0x18; presence 0x0142, PIR detection 0x014D, detection options 0x0199,
absence delay 0x0197, PIR interval 0x014F; presence sensitivity 0x010C shown as
motion_sensitivity; the standard illuminance, humidity and temperature clusters; the
FP310's sampling and reporting settings, commands, AI switches, night LED and its schedule
0x023E; the detection zones 0x019A as their raw 24-bit mask and a switch per zone); OTA
image type 9792 (0x2640) from the Koenkk/zigbee-OTA index. Inferred: the endpoint's
clusters (from the converters).
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, climate, identify, illuminance, led_schedule, occupancy, presence
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="PS-S04D",
    model_ids=("lumi.sensor_occupy.agl8",),
    vendor="Aqara",
    description="Presence sensor FP300",
    is_router=False,  # battery: a sleepy end device
    features=(
        f.power_outage_count(),
        occupancy.motion_sensitivity(description="Presence Detection Sensitivity.", config=True),
        battery.lumi_battery(index=0x17, percent_index=0x18),
        presence.presence(),
        presence.fp300_presence_settings(),
        presence.ai_interference_identification(),
        presence.ai_adaptive_sensitivity(),
        illuminance.illuminance(readable=True),
        climate.humidity(readable=True),
        climate.temperature(readable=True),
        presence.spatial_learning(),
        presence.restart_device(),
        identify.identify(),
        presence.fp310_sampling(),
        presence.fp300_distance(),
        presence.fp300_zone_switches(),
        presence.target_distance(),
        f.led_disabled_night(description="Enables/disables LED indicator at night"),
        led_schedule.led_disabled_night_time(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2640),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0107,
            in_clusters=(BASIC, 0x0400, 0x0402, 0x0405, LUMI_CLUSTER),
        ),
    ),
)
