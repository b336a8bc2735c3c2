"""Aqara FP310: presence sensor FP310 (``lumi.sensor_occupy.acn1``).

Facts: Zigbee2MQTT's definition (battery voltage at heartbeat index 0x17, % from it with
2850-3000 mV; presence 0x0142; IlluminanceMeasurement, RelativeHumidity and Temperature
clusters; presence sensitivity 0x010C, absence delay 0x0197, the sampling and reporting
settings 0x0162-0x0196, target distance tracking 0x0198, the detection zones 0x019A (a
mask of 25 cm zones), spatial learning, restart, the AI switches, the night LED 0x0203,
identify, the night LED's schedule 0x023E: two HH:MM in a uint32); OTA image type 9793
(0x2641) from the Koenkk/zigbee-OTA index. Inferred: the endpoint's clusters (from the
converters).
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, climate, identify, illuminance, led_schedule, presence
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="FP310",
    model_ids=("lumi.sensor_occupy.acn1",),
    vendor="Aqara",
    description="Presence sensor FP310",
    is_router=False,  # battery: a sleepy end device
    features=(
        battery.lumi_battery(index=0x17),
        presence.presence(),
        illuminance.illuminance(readable=True),
        climate.humidity(readable=True),
        climate.temperature(readable=True),
        presence.fp310_presence_settings(),
        presence.spatial_learning(),
        presence.restart_device(),
        presence.ai_interference_identification(),
        presence.ai_adaptive_sensitivity(),
        presence.fp310_sampling(),
        presence.fp310_distance(),
        presence.target_distance(),
        f.led_disabled_night(description="Enables/disables LED indicator at night"),
        led_schedule.led_disabled_night_time(),
        identify.identify(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2641),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0107,
            in_clusters=(BASIC, 0x0400, 0x0402, 0x0405, LUMI_CLUSTER),
        ),
    ),
)
