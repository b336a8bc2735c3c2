"""The multi-state sensor P100 (DWZTCGQ11LM): door/window or object mode, gestures, posture.

Zigbee2MQTT's definition: settings on 0xFCC0 (0x0116 mode, 0x01EB door/window type, 0x010C
sensitivity 1-10, 0x01EC report interval, the five detection switches), reported when they
change and never read; 0x01F1 orientation, 0x01EE mounting posture; the gestures as the
DoorLock cluster's 0x0055 (0 triple tap .. 4 fall) and 0xFCC0 0x01F3 = 1 (static); battery
voltage and % at heartbeat indexes 0x17 and 0x18 (the device's own %).
"""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    RO,
    TLV_WHOLE,
    Access,
    ActionSource,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
)
from ..lumi.const import LUMI_CLUSTER, ZCL_BOOL, ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write
from .smoke_gas import IS_ONE, ZCL_UINT32

DOOR_LOCK: Final = 0x0101
ATTR_EVENT: Final = 0x0055
ATTR_STATIC: Final = 0x01F3
HEARTBEAT_VOLTAGE: Final = 0x17
HEARTBEAT_BATTERY: Final = 0x18

DEVICE_MODE: Final = EnumCodec(pairs=((3, "door_window"), (5, "object")))
DOOR_WINDOW_TYPE: Final = EnumCodec(
    pairs=(
        (1, "casement_window"),
        (2, "hopper_window"),
        (3, "composite_window"),
        (4, "hinged_door"),
    )
)
ORIENTATION: Final = EnumCodec(
    pairs=((1, "face_up"), (2, "face_down"), (3, "vertical"), (4, "tilt"))
)
POSTURE: Final = EnumCodec(pairs=((1, "normal"), (2, "abnormal")))
ACTIONS: Final = (
    (0, "triple_tap"),
    (1, "movement"),
    (2, "vibration"),
    (3, "orientation"),
    (4, "fall"),
)
#: Zigbee2MQTT's state-and-set settings: written, and reported when changed at the device
STATE_SET: Final = Access.WRITE | Access.REPORT


def battery() -> Feature:
    """Voltage (index 0x17) and the device's own battery % (index 0x18)."""
    return Feature(
        exposes=(
            Expose(
                key="battery",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                translation_key="battery",
                description="Remaining battery in %, can take up to 24 hours before reported",
                unit="%",
                device_class="battery",
                state_class="measurement",
                entity_category="diagnostic",
                native_min=0,
                native_max=100,
                sources=(HeartbeatSource(index=HEARTBEAT_BATTERY, codec=NumberCodec()),),
            ),
            Expose(
                key="voltage",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                translation_key="battery_voltage",
                description="Voltage of the battery in millivolts",
                unit="mV",
                device_class="voltage",
                state_class="measurement",
                entity_category="diagnostic",
                sources=(HeartbeatSource(index=HEARTBEAT_VOLTAGE, codec=TLV_WHOLE),),
            ),
        ),
        sleepy=True,
    )


def _setting(
    key: str, attribute: int, zcl_type: int, codec: object, description: str, **kwargs: object
) -> Expose:
    platform = kwargs.pop("platform", Platform.SELECT)
    return Expose(
        key=key,
        platform=platform,  # type: ignore[arg-type]
        access=STATE_SET,
        description=description,
        sources=(lumi_attribute(attribute, codec, readable=False),),  # type: ignore[arg-type]
        write=lumi_write(attribute, zcl_type, codec),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def settings() -> Feature:
    switches = (
        ("orientation_detection", 0x01F0, "orientation"),
        ("movement_detection", 0x01ED, "movement"),
        ("fall_detection", 0x01D8, "fall"),
        ("vibration_detection", 0x0107, "vibration"),
        ("triple_tap_detection", 0x01EF, "triple-tap"),
    )
    return Feature(
        exposes=(
            _setting(
                "device_mode",
                0x0116,
                ZCL_UINT8,
                DEVICE_MODE,
                "Device operating mode",
                options=DEVICE_MODE.options,
                entity_category="config",
            ),
            _setting(
                "door_window_type",
                0x01EB,
                ZCL_UINT8,
                DOOR_WINDOW_TYPE,
                "Door/window type (applies when device_mode = door_window)",
                options=DOOR_WINDOW_TYPE.options,
                entity_category="config",
            ),
            _setting(
                "sensitivity",
                0x010C,
                ZCL_UINT8,
                NumberCodec(integer=True),
                "Detection sensitivity (1 = low, 10 = high)",
                platform=Platform.NUMBER,
                entity_category="config",
                native_min=1,
                native_max=10,
                native_step=1,
            ),
            _setting(
                "report_interval",
                0x01EC,
                ZCL_UINT32,
                NumberCodec(integer=True),
                "Reporting interval in seconds",
                platform=Platform.NUMBER,
                unit="s",
                device_class="duration",
                entity_category="config",
                native_min=5,
                native_max=300,
                native_step=1,
            ),
            *(
                _setting(
                    key,
                    attribute,
                    ZCL_BOOL,
                    IS_ONE,
                    f"Enable {what} event detection (object mode, requires device button press)",
                    platform=Platform.SWITCH,
                    entity_category="config",
                )
                for key, attribute, what in switches
            ),
        )
    )


def state() -> Feature:
    """Orientation, mounting posture and the gestures."""
    return Feature(
        exposes=(
            Expose(
                key="orientation",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                description="Last reported orientation (relevant when action = orientation)",
                device_class="enum",
                options=ORIENTATION.options,
                sources=(lumi_attribute(0x01F1, ORIENTATION, readable=False),),
            ),
            Expose(
                key="device_posture",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                description="Door/window mounting orientation check",
                device_class="enum",
                options=POSTURE.options,
                entity_category="diagnostic",
                sources=(lumi_attribute(0x01EE, POSTURE, readable=False),),
            ),
            Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click)",
                options=(*(name for _, name in ACTIONS), "static"),
                sources=(
                    ActionSource(
                        endpoint=1, cluster=DOOR_LOCK, attribute=ATTR_EVENT, actions=ACTIONS
                    ),
                    # The firmware reports the static state's edges: only "true" is an action
                    ActionSource(
                        endpoint=1,
                        cluster=LUMI_CLUSTER,
                        attribute=ATTR_STATIC,
                        actions=((1, "static"),),
                    ),
                ),
            ),
        )
    )


__all__ = ["RO", "battery", "settings", "state"]
