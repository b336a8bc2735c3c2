"""Prevent leave: the H2 EU switches' question the hub must answer (0xFCC0 0x00FC).

The switch reports 0x00FC false and leaves the network unless the hub writes it back true
(Zigbee2MQTT's ``lumiPreventLeave``, written to endpoint 1 with Lumi's manufacturer code).
"""

from __future__ import annotations

from ..devices.model import Feature, ReportAnswer, WriteStep
from ..lumi.const import LUMI_CLUSTER, LUMI_MANUFACTURER_CODE, ZCL_BOOL

#: 0xFCC0 attribute the switch asks with (false) and the hub answers (true)
ATTR_PREVENT_LEAVE = 0x00FC


def prevent_leave() -> Feature:
    """Answer a reported 0x00FC false with a write of true."""
    return Feature(
        answers=(
            ReportAnswer(
                cluster=LUMI_CLUSTER,
                attribute=ATTR_PREVENT_LEAVE,
                value=False,
                answer=WriteStep(
                    endpoint=1,
                    cluster=LUMI_CLUSTER,
                    attribute=ATTR_PREVENT_LEAVE,
                    zcl_type=ZCL_BOOL,
                    value=True,
                    manufacturer=LUMI_MANUFACTURER_CODE,
                ),
            ),
        )
    )
