"""WXKG04LM, Aqara wireless remote switch T1 (double rocker), ``lumi.remote.b286acn03``.

Facts: Zigbee2MQTT's library (MultistateInput from endpoints 1, 2 and 3 (both), 0 hold,
255 release, 1-3 clicks, named like the Opple remotes'); OTA image type 0x2188 (zigbee-OTA
index). Inferred: the newer remotes' endpoints and heartbeat layout.
"""

from __future__ import annotations

from ..behaviours import OtaUpdates
from ._aqara_remote import opple_gestures, remote_endpoints, remote_twin

TWIN = remote_twin(
    zigbee_models=("lumi.remote.b286acn03",),
    z2m_model="WXKG04LM",
    endpoints=remote_endpoints(3),
    gestures=opple_gestures(3),
    basic_heartbeat=False,
    settings=lambda: (OtaUpdates(0x2188),),
)
