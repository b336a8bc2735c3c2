"""How the firmware detects clicks of a button: fast single clicks or slower multi-clicks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RW,
    AttributeSource,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
)
from ..lumi.const import ZCL_UINT8
from ._lumi import endpoint_placeholders, lumi_attribute, lumi_write

#: Zigbee2MQTT's lumiClickMode attribute; models override it (Z1: 0x0286)
ATTR_CLICK_MODE: Final = 0x0125
CLICK_MODE_CODEC: Final = EnumCodec(pairs=((1, "fast"), (2, "multi")))
#: lumiMultiClick: the same setting per button, as a switch
ATTR_MULTI_CLICK: Final = 0x0286


#: the wireless remotes' wording of the same setting
REMOTE_CLICK_MODE_DESCRIPTION: Final = (
    "Click mode, fast: only supports single click which will be send immediately after "
    "clicking.multi: supports more events like double and hold"
)
#: how a heartbeat tells the click mode (index 100 on the E1 and H1 remotes)
CLICK_MODE_HEARTBEAT_INDEX: Final = 100


def click_mode(
    *,
    attribute: int = ATTR_CLICK_MODE,
    description: str = (
        "Click mode for wireless button. fast: only supports single click but "
        "allows faster response time.multi: supports multiple types of clicks but "
        "is slower, because it awaits multiple clicks."
    ),
    in_heartbeat: bool = False,
) -> Feature:
    """fast: single clicks only, sent at once; multi: double clicks too, after a pause.

    ``in_heartbeat``: the remote also tells it in its heartbeat (index 100).
    """
    sources: tuple[AttributeSource | HeartbeatSource, ...] = (
        lumi_attribute(attribute, CLICK_MODE_CODEC),
    )
    if in_heartbeat:
        sources += (HeartbeatSource(index=CLICK_MODE_HEARTBEAT_INDEX, codec=CLICK_MODE_CODEC),)
    return Feature(
        exposes=(
            Expose(
                key="click_mode",
                platform=Platform.SELECT,
                access=RW,
                description=description,
                options=CLICK_MODE_CODEC.options,
                entity_category="config",
                sources=sources,
                write=lumi_write(attribute, ZCL_UINT8, CLICK_MODE_CODEC),
            ),
        )
    )


@dataclass(frozen=True, slots=True)
class MultiClickCodec:
    """0x0286 as a switch: multi-click (2) on, fast single clicks (1) off."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, int) and not isinstance(raw, bool) and raw in (1, 2):
            return raw == 2
        return None

    def encode(self, value: object) -> object:
        if not isinstance(value, bool):
            raise TypeError(f"expected a boolean, got {value!r}")
        return 2 if value else 1


MULTI_CLICK_CODEC: Final = MultiClickCodec()


def multi_click(
    *,
    endpoint: int,
    name: str,
    description: str = "Enable multi-click mode for the switch, otherwise single click.",
) -> Feature:
    """The click mode of one button as a switch (H2 switches: ``multi_click_wireless``)."""
    return Feature(
        exposes=(
            Expose(
                key=f"multi_click_{name}",
                platform=Platform.SWITCH,
                access=RW,
                description=description,
                entity_category="config",
                sources=(lumi_attribute(ATTR_MULTI_CLICK, MULTI_CLICK_CODEC, endpoint=endpoint),),
                write=lumi_write(ATTR_MULTI_CLICK, ZCL_UINT8, MULTI_CLICK_CODEC, endpoint=endpoint),
                translation_key="multi_click_endpoint",
                translation_placeholders=endpoint_placeholders(name),
            ),
        )
    )
