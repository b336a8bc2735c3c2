"""Aqara DWZTCGQ11LM: multi-state sensor P100 (``lumi.vibration.agl002``).

Facts: Zigbee2MQTT's definition (lumiBattery at heartbeat indexes 0x17/0x18, prevent reset,
the 0xFCC0 settings and states, DoorLock 0x0055 gestures, genOnOff contact in door/window
mode, identify of a sleeping device); OTA image type 9794 (0x2642) from the Koenkk/zigbee-OTA
index. Inferred: endpoint 1 serves OnOff, DoorLock and 0xFCC0 (from the converters).
"""

from __future__ import annotations

from .. import features as f
from ..features import contact, identify, multi_state
from ..lumi.const import BASIC, LUMI_CLUSTER, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="DWZTCGQ11LM",
    model_ids=("lumi.vibration.agl002",),
    vendor="Aqara",
    description="Multi-state sensor P100",
    is_router=False,  # battery: a sleepy end device
    features=(
        multi_state.battery(),
        multi_state.settings(),
        multi_state.state(),
        contact.contact(),
        identify.identify(sleepy=True),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2642),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, ON_OFF, multi_state.DOOR_LOCK, LUMI_CLUSTER),
        ),
    ),
)
