"""Settings of old Xiaomi plugs written as one genBasic 0xFFF0 frame each.

The frame is ``aa 80 05 d1 47 <seq> <setting> 10 <value>``; lumi.plug.aq1 and
lumi.plug.maus01 take it for power-outage memory (setting 01), auto-off (02) and the
night LED (03), as Zigbee2MQTT's converters write them. Units that hold a setting show it
back in 0xFFF0 with 0x87 in place of 0x47 (a QBCZ11LM database entry, zigbee2mqtt#17994),
so such a frame is decoded too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..devices.model import AttributeSource, Feature, SequenceWrite
from ..lumi.const import BASIC, BASIC_LUMI_WRITE, LUMI_MANUFACTURER_CODE, ZCL_OCTET_STRING
from .settings import config_switch

_FRAME_LENGTH = 9
_HEADER = b"\xaa\x80\x05\xd1"
#: byte 4: 0x47 in the hub's writes, 0x87 in what the unit holds
_DIRECTIONS = (0x47, 0x87)
_SETTING_INDEX = 6
_BOOL_TYPE = 0x10


@dataclass(frozen=True, slots=True)
class FrameSettingCodec:
    """Reads one setting back from a 0xFFF0 frame: ``on_value``/``off_value`` at byte 8."""

    setting: int
    on_value: int
    off_value: int

    def decode(self, raw: object) -> object | None:
        if (
            not isinstance(raw, bytes | bytearray)
            or len(raw) != _FRAME_LENGTH
            or raw[:4] != _HEADER
            or raw[4] not in _DIRECTIONS
            or raw[_SETTING_INDEX] != self.setting
            or raw[7] != _BOOL_TYPE
        ):
            return None
        if raw[8] == self.on_value:
            return True
        if raw[8] == self.off_value:
            return False
        return None

    def encode(self, value: object) -> object:
        raise ValueError("0xFFF0 settings are written as whole frames")


def basic_frame_switch(key: str, *, description: str, on: bytes, off: bytes) -> Feature:
    """A config switch written as the ``on`` or ``off`` frame (both of one setting)."""
    if (
        len(on) != _FRAME_LENGTH
        or len(off) != _FRAME_LENGTH
        or on[_SETTING_INDEX] != off[_SETTING_INDEX]
    ):
        raise ValueError(f"{key}: two 9-byte frames of one setting expected")
    codec = FrameSettingCodec(setting=on[_SETTING_INDEX], on_value=on[8], off_value=off[8])
    return Feature(
        exposes=(
            config_switch(
                key,
                description=description,
                # The old firmware never reports nor answers its 0xFFF0 settings
                assumed=True,
                sources=(
                    AttributeSource(
                        endpoint=1,
                        cluster=BASIC,
                        attribute=BASIC_LUMI_WRITE,
                        codec=codec,
                        manufacturer=LUMI_MANUFACTURER_CODE,
                    ),
                ),
                write=SequenceWrite(
                    endpoint=1,
                    cluster=BASIC,
                    attribute=BASIC_LUMI_WRITE,
                    zcl_type=ZCL_OCTET_STRING,
                    on=(on,),
                    off=(off,),
                ),
            ),
        )
    )
