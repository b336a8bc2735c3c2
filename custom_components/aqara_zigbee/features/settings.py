"""Device settings on the 0xFCC0 cluster: modes, indicator lights, protections."""

from __future__ import annotations

from ..devices.model import (
    BOOL,
    RW,
    Access,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
    Source,
    Write,
)
from ..lumi.const import (
    ATTR_AUTO_OFF,
    ATTR_CONSUMER_CONNECTED,
    ATTR_FLIP_INDICATOR_LIGHT,
    ATTR_LED_DISABLED_NIGHT,
    ATTR_MODE_SWITCH,
    ATTR_OPERATION_MODE,
    ATTR_OVERLOAD_PROTECTION,
    ATTR_SWITCH_TYPE,
    ZCL_BOOL,
    ZCL_FLOAT,
    ZCL_UINT8,
    ZCL_UINT16,
)
from ._lumi import endpoint_placeholders, endpoint_suffix, lumi_attribute, lumi_write


def config_switch(
    key: str,
    *,
    description: str,
    sources: tuple[Source, ...],
    write: Write,
    access: Access = RW,
    assumed: bool = False,
) -> Expose:
    """A configuration switch (entity category config); ``assumed``: see Expose.assumed."""
    return Expose(
        key=key,
        platform=Platform.SWITCH,
        access=access,
        description=description,
        entity_category="config",
        sources=sources,
        write=write,
        assumed=assumed,
    )


def _lumi_switch(key: str, attribute: int, zcl_type: int, description: str) -> Feature:
    return Feature(
        exposes=(
            config_switch(
                key,
                description=description,
                sources=(lumi_attribute(attribute, BOOL),),
                write=lumi_write(attribute, zcl_type, BOOL),
            ),
        )
    )


def _lumi_select(
    key: str,
    attribute: int,
    zcl_type: int,
    codec: EnumCodec,
    *,
    description: str,
    endpoint: int = 1,
    heartbeat_index: int | None = None,
    translation_key: str | None = None,
    translation_placeholders: dict[str, str] | None = None,
) -> Feature:
    sources: tuple[Source, ...] = (lumi_attribute(attribute, codec, endpoint=endpoint),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=codec),)
    expose = Expose(
        key=key,
        platform=Platform.SELECT,
        access=RW,
        description=description,
        options=codec.options,
        entity_category="config",
        sources=sources,
        write=lumi_write(attribute, zcl_type, codec, endpoint=endpoint),
        translation_key=translation_key,
        translation_placeholders=translation_placeholders or {},
    )
    return Feature(exposes=(expose,))


OPERATION_MODE_CODEC = EnumCodec(pairs=((1, "control_relay"), (0, "decoupled")))
#: the same values in the order of Zigbee2MQTT's newer definitions (lumiOperationMode)
DECOUPLED_FIRST_CODEC = EnumCodec(pairs=((0, "decoupled"), (1, "control_relay")))


def operation_mode(
    *,
    endpoint: int = 1,
    name: str | None = None,
    description: str,
    decoupled_first: bool = False,
) -> Feature:
    """Decoupled mode: the rocker only sends clicks, the relay stays as it is.

    ``decoupled_first``: the model's Zigbee2MQTT expose lists ``decoupled`` first.
    """
    return _lumi_select(
        f"operation_mode{endpoint_suffix(name)}",
        ATTR_OPERATION_MODE,
        ZCL_UINT8,
        DECOUPLED_FIRST_CODEC if decoupled_first else OPERATION_MODE_CODEC,
        endpoint=endpoint,
        description=description,
        translation_key="operation_mode_endpoint" if name else None,
        translation_placeholders=endpoint_placeholders(name),
    )


def mode_switch(*, quick_first: bool = False, heartbeat: bool = True) -> Feature:
    """Anti-flicker or quick mode of no-neutral switches (also in the heartbeat, index 4).

    ``quick_first``: the value order of Zigbee2MQTT's newer definitions (lumiSwitchMode);
    ``heartbeat=False``: a model whose heartbeat index 4 is not known to carry it.
    """
    pairs = ((4, "anti_flicker_mode"), (1, "quick_mode"))
    return _lumi_select(
        "mode_switch",
        ATTR_MODE_SWITCH,
        ZCL_UINT16,
        EnumCodec(pairs=pairs[::-1] if quick_first else pairs),
        heartbeat_index=4 if heartbeat else None,
        description=(
            "Anti flicker mode can be used to solve blinking issues of some lights. "
            "Quick mode makes the device respond faster."
        ),
    )


def switch_type(*, with_none: bool = False) -> Feature:
    """The kind of wall switch wired to a relay module.

    ``with_none``: newer modules (T2) also take 3, no switch wired (Zigbee2MQTT's
    ``lumiSwitchType``, "External switch type").
    """
    pairs: tuple[tuple[int, str], ...] = ((1, "toggle"), (2, "momentary"))
    if with_none:
        pairs += ((3, "none"),)
    return _lumi_select(
        "switch_type",
        ATTR_SWITCH_TYPE,
        ZCL_UINT8,
        EnumCodec(pairs=pairs),
        description="External switch type." if with_none else "Wall switch type.",
    )


def flip_indicator_light() -> Feature:
    return _lumi_switch(
        "flip_indicator_light",
        ATTR_FLIP_INDICATOR_LIGHT,
        ZCL_UINT8,
        "After turn on, the indicator light turns on while switch is off, and vice versa.",
    )


def led_disabled_night(*, description: str = "Enable/disable the LED at night.") -> Feature:
    return _lumi_switch("led_disabled_night", ATTR_LED_DISABLED_NIGHT, ZCL_BOOL, description)


def auto_off(*, readable: bool = False, minutes: int = 20) -> Feature:
    """Plugs: off after ``minutes`` below 2 W.

    ``readable``: offered to ``/get`` (the library's access; ZNCZ04LM's page had none).
    """
    return Feature(
        exposes=(
            config_switch(
                "auto_off",
                access=RW if readable else Access.WRITE | Access.REPORT,
                description=(
                    "Turn the device automatically off when attached device consumes less "
                    f"than 2W for {minutes} minutes."
                ),
                # No /get on the page, but Z2M's converter reads 0x0202 for this model
                sources=(lumi_attribute(ATTR_AUTO_OFF, BOOL),),
                write=lumi_write(ATTR_AUTO_OFF, ZCL_BOOL, BOOL),
            ),
        )
    )


def overload_protection(
    *, minimum: float = 100, maximum: float = 2300, readable: bool = True
) -> Feature:
    """Plugs: the relay opens above this load (W).

    ``readable``: False where reading it back fails (WP-P09D): the state is what was written.
    """
    codec = NumberCodec(ndigits=1)
    return Feature(
        exposes=(
            Expose(
                key="overload_protection",
                platform=Platform.NUMBER,
                access=RW if readable else Access.WRITE | Access.REPORT,
                description="Maximum allowed load, turns off if exceeded.",
                unit="W",
                device_class="power",
                entity_category="config",
                native_min=minimum,
                native_max=maximum,
                native_step=1,
                sources=(lumi_attribute(ATTR_OVERLOAD_PROTECTION, codec, readable=readable),),
                write=lumi_write(ATTR_OVERLOAD_PROTECTION, ZCL_FLOAT, codec),
            ),
        )
    )


def consumer_connected() -> Feature:
    """Plugs: whether something is plugged in."""
    return Feature(
        exposes=(
            Expose(
                key="consumer_connected",
                platform=Platform.BINARY_SENSOR,
                access=Access.REPORT,
                description="Indicates whether a plug is physically attached.",
                device_class="plug",
                # Not on the Z2M page's /get, yet the firmware answers reads (sprut/Hub#361)
                sources=(lumi_attribute(ATTR_CONSUMER_CONNECTED, BOOL),),
            ),
        )
    )
