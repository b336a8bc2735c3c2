"""Aqara DJT12LM: vibration sensor T1 (``lumi.vibration.agl01``).

Facts: Zigbee2MQTT's definition (lumiVibration: IAS zone attribute 0x002D 1 shake, 2 triple
strike, MultistateInput 1 triple strike, 0xFCC0 0x0118 movement; write-only
sensitivity_adjustment 0x010E and report_interval 0x0110; battery from the 0xFCC0
heartbeat); OTA image type 8968 (0x2308) from the Koenkk/zigbee-OTA index. Inferred: the
clusters of endpoint 1 (an IAS zone device with the Lumi cluster, like the family).
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, vibration
from ..lumi.const import BASIC, LUMI_CLUSTER, MULTISTATE_INPUT
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="DJT12LM",
    model_ids=("lumi.vibration.agl01",),
    vendor="Aqara",
    description="Vibration sensor T1",
    is_router=False,  # battery: a sleepy end device
    features=(
        vibration.t1_report_interval(),
        vibration.t1_sensitivity_adjustment(),
        battery.lumi_battery(),
        vibration.t1_actions(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2308),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, vibration.IAS_ZONE, MULTISTATE_INPUT, LUMI_CLUSTER),
        ),
    ),
)
