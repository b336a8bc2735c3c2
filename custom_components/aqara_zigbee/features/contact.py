"""Door and window sensors: the reed contact.

Zigbee2MQTT's ``contact`` is true when closed; Home Assistant's door sensor is on when
open, so the entity holds "open" and the expose says it is inverted. Old Xiaomi firmware
reports genOnOff onOff (1: open); newer Aqara firmware the IAS zone alarm (set: open);
some put the state in their heartbeat too (index 100, 0: closed).
"""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    BOOL,
    Access,
    AttributeSource,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
    Source,
)
from ..lumi.const import ON_OFF, ON_OFF_ATTR
from .ias_zone import ALARM_1, zone_status

_CONTACT_DESCRIPTION: Final = "Indicates if the contact is closed (= true) or open (= false)"


def contact(
    *, on_off: bool = True, ias: bool = False, heartbeat_index: int | None = None
) -> Feature:
    """The contact: genOnOff onOff, IAS zone alarm, and/or a heartbeat entry (all: open)."""
    sources: tuple[Source, ...] = ()
    if on_off:
        sources += (AttributeSource(endpoint=1, cluster=ON_OFF, attribute=ON_OFF_ATTR, codec=BOOL),)
    if ias:
        sources += (zone_status(ALARM_1),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=BOOL),)
    expose = Expose(
        key="contact",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        description=_CONTACT_DESCRIPTION,
        device_class="door",
        sources=sources,
        z2m_inverted=True,
        named_after_device=True,
    )
    return Feature(exposes=(expose,), sleepy=True)
