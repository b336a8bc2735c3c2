"""The 86-box wireless remotes (2016 ``sensor_86sw*``, 2018 ``remote.b*86acn0*``, D1).

One endpoint per button (1 left, 2 right, 3 both pressed together), as ZHA's signatures
of ``remote_b186acn01``/``remote_b286acn01`` declare them: endpoint 1 with Basic, Identify,
OTA and MultistateInput, endpoint 2 with MultistateInput, endpoint 3 with AnalogInput
(MultistateInput hidden: Zigbee2MQTT maps clicks of endpoint 3 to "both"). The 2016 units
tell a click as the OnOff attribute of the button's endpoint; later ones add
MultistateInput clicks. All sleep on a CR2032 and send the genBasic 0xFF01 heartbeat.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..lumi.const import BASIC, MULTISTATE_INPUT, ON_OFF, OTA
from .model import EndpointDecl

#: endpoint → button name in the action strings
BUTTON_ENDPOINTS: Final[Mapping[int | None, str | None]] = {1: "left", 2: "right", 3: "both"}

REMOTE_86_ENDPOINTS = (
    EndpointDecl(
        endpoint=1,
        device_type=0x5F01,
        in_clusters=(BASIC, 0x0003, OTA, ON_OFF, MULTISTATE_INPUT),
        out_clusters=(BASIC, 0x0003, 0x0004, 0x0005, OTA, MULTISTATE_INPUT),
    ),
    EndpointDecl(endpoint=2, device_type=0x5F02, in_clusters=(0x0003, ON_OFF, MULTISTATE_INPUT)),
    EndpointDecl(endpoint=3, device_type=0x5F03, in_clusters=(0x0003, ON_OFF, MULTISTATE_INPUT)),
)
