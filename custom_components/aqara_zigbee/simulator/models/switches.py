"""Simulated Aqara wall switches and modules: SSM-U02, WS-USC02, QBKG40LM."""

from __future__ import annotations

from typing import Any, ClassVar

from ..devices import (
    ALARMS,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    SINGLE_BUTTON_ALIASES,
    TIME,
    AttrTable,
    ButtonSpec,
    EndpointSpec,
    LumiDevice,
    PressKind,
    as_int,
    lumi_attr,
)
from ..properties import Property
from ..tlv import TlvEntry
from ..zcl import DataType, Status

SWITCH_TYPE_TOGGLE = 1
SWITCH_TYPE_MOMENTARY = 2
MODE_SWITCH_QUICK = 1
MODE_SWITCH_ANTI_FLICKER = 4

_ALL_EVENTS = frozenset(
    {PressKind.SINGLE, PressKind.DOUBLE, PressKind.TRIPLE, PressKind.HOLD, PressKind.RELEASE}
)


class SSMU02(LumiDevice):
    """Aqara single switch module T1 without neutral, ``lumi.switch.l0agl1``.

    End device. The wired wall switch toggles the relay; there are no button events.
    """

    MODEL_ID = "lumi.switch.l0agl1"
    Z2M_MODEL = "SSM-U02"
    IS_ROUTER = False
    RX_ON_WHEN_IDLE = False
    MAC_CAPABILITY = 0x80
    APP_VERSION = 25
    DATE_CODE = "12-23-2020"
    SW_BUILD_ID = "0.0.0_0025"
    ENDPOINTS = (
        EndpointSpec(
            1,
            0x0100,
            (
                BASIC,
                LUMI_CLUSTER,
                DEVICE_TEMPERATURE,
                MULTISTATE_INPUT,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
            ),
            (OTA,),
        ),
    )
    BUTTONS: ClassVar[dict[str, ButtonSpec]] = {"main": ButtonSpec(None, (1,))}
    BUTTON_ALIASES: ClassVar[dict[str, str]] = SINGLE_BUTTON_ALIASES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.switch_type = SWITCH_TYPE_TOGGLE
        self.pressed = False  # FCC0 0x00FC
        super().__init__(*args, **kwargs)

    def heartbeat_entries(self) -> list[TlvEntry]:
        return [
            (3, DataType.INT8, round(self.temperature)),
            (100, DataType.BOOL, self.relays[1]),
            (5, DataType.UINT16, self.power_on_count),
            (8, DataType.UINT16, self.HEARTBEAT_UNKNOWN_8),
            (154, DataType.UINT8, 0),
            (10, DataType.UINT16, self.parent_nwk),
            (11, DataType.UINT8, 0),
        ]

    def _z2m_properties(self) -> list[Property]:
        return [
            *super()._z2m_properties(),
            self._pom_property(),
            self._power_outage_count_property(),
            self._setting_property(
                "switch_type",
                {"toggle": SWITCH_TYPE_TOGGLE, "momentary": SWITCH_TYPE_MOMENTARY},
                read=lambda: self.switch_type,
                write=self._write_switch_type,
                report=(1, LUMI_CLUSTER, 0x000A),
            ),
        ]

    def _lumi_attributes(self, ep: int) -> AttrTable:
        table = super()._lumi_attributes(ep)
        table[0x000A] = lumi_attr(DataType.UINT8, lambda: self.switch_type, self._write_switch_type)
        table[0x00FC] = lumi_attr(DataType.BOOL, lambda: self.pressed)
        return table

    def _write_switch_type(self, value: object) -> Status:
        number = as_int(value)
        if number not in (SWITCH_TYPE_TOGGLE, SWITCH_TYPE_MOMENTARY):
            return Status.INVALID_VALUE
        self.switch_type = number
        self._state_changed()
        return Status.SUCCESS

    def _reset_model_settings(self) -> None:
        self.switch_type = SWITCH_TYPE_TOGGLE

    def export_state(self) -> dict[str, Any]:
        state = super().export_state()
        state["switch_type"] = self.switch_type
        return state

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self.switch_type = int(state.get("switch_type", self.switch_type))


class WSUSC02(LumiDevice):
    """Aqara smart wall switch (no neutral, double rocker), ``lumi.switch.b2laus01``.

    End device. The simple descriptors hide 0xFCC0, 0x0012 and the button endpoints 41
    (top), 42 (bottom) and 51 (both), yet the firmware serves and sends from all of them.
    """

    MODEL_ID = "lumi.switch.b2laus01"
    Z2M_MODEL = "WS-USC02"
    IS_ROUTER = False
    RX_ON_WHEN_IDLE = False
    MAC_CAPABILITY = 0x80
    APP_VERSION = 32
    DATE_CODE = "11-10-2021"
    SW_BUILD_ID = "0.0.0_0032"
    OTA_FILE_VERSION = 32
    OTA_IMAGE_TYPE = 0x0290
    HAS_PREVENT_RESET = True
    HAS_OPERATION_MODE = True
    # Event (multi-click) mode is off until the hub writes FCC0 0x0009 = 1.
    DEFAULT_EVENT_MODE = 0
    HEARTBEAT_UNKNOWN_8 = 288
    RELAY_ENDPOINTS = (1, 2)
    ENDPOINTS = (
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(2, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,)),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(42, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
        EndpointSpec(51, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    )
    BUTTONS: ClassVar[dict[str, ButtonSpec]] = {
        "top": ButtonSpec(41, (1,)),
        "bottom": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    }
    BUTTON_ALIASES: ClassVar[dict[str, str]] = {
        "left": "top",
        "up": "top",
        "1": "top",
        "right": "bottom",
        "down": "bottom",
        "2": "bottom",
    }
    EVENT_KINDS = _ALL_EVENTS
    RELAY_PROPERTIES: ClassVar[dict[int, str]] = {1: "state_top", 2: "state_bottom"}
    ACTIONS = tuple(
        f"{kind}_{button}" for kind in ("single", "double") for button in ("top", "bottom", "both")
    )
    HAS_FLIP_INDICATOR = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.mode_switch = MODE_SWITCH_ANTI_FLICKER
        super().__init__(*args, **kwargs)

    def _z2m_properties(self) -> list[Property]:
        return [
            *super()._z2m_properties(),
            self._pom_property(),
            self._power_outage_count_property(),
            self._setting_property(
                "mode_switch",
                {"anti_flicker_mode": MODE_SWITCH_ANTI_FLICKER, "quick_mode": MODE_SWITCH_QUICK},
                read=lambda: self.mode_switch,
                write=self._write_mode_switch,
                report=(1, LUMI_CLUSTER, 0x0004),
            ),
        ]

    def heartbeat_entries(self) -> list[TlvEntry]:
        return [
            (100, DataType.BOOL, self.relays[1]),
            (101, DataType.BOOL, self.relays[2]),
            (3, DataType.INT8, round(self.temperature)),
            (4, DataType.UINT16, self.mode_switch),
            (5, DataType.UINT16, self.power_on_count),
            (154, DataType.UINT8, 0),
            (8, DataType.UINT16, self.HEARTBEAT_UNKNOWN_8),
            (10, DataType.UINT16, self.parent_nwk),
            (11, DataType.UINT8, 0),
        ]

    def _lumi_attributes(self, ep: int) -> AttrTable:
        table = super()._lumi_attributes(ep)
        if ep == 1:
            table[0x0004] = lumi_attr(
                DataType.UINT16, lambda: self.mode_switch, self._write_mode_switch
            )
            table[0x00F0] = lumi_attr(
                DataType.UINT8, lambda: self.flip_indicator_light, self._write_flip_indicator
            )
        return table

    def _write_mode_switch(self, value: object) -> Status:
        number = as_int(value)
        if number not in (MODE_SWITCH_QUICK, MODE_SWITCH_ANTI_FLICKER):
            return Status.INVALID_VALUE
        self.mode_switch = number
        self._state_changed()
        return Status.SUCCESS

    def _reset_model_settings(self) -> None:
        self.mode_switch = MODE_SWITCH_ANTI_FLICKER

    def export_state(self) -> dict[str, Any]:
        state = super().export_state()
        state["mode_switch"] = self.mode_switch
        return state

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self.mode_switch = int(state.get("mode_switch", self.mode_switch))


class QBKG40LM(LumiDevice):
    """Aqara E1 1 gang switch with neutral, ``lumi.switch.b1nc01`` (router).

    Relay on endpoint 1; button events from hidden endpoint 41; 0xFCC0 undeclared.
    """

    MODEL_ID = "lumi.switch.b1nc01"
    Z2M_MODEL = "QBKG40LM"
    APP_VERSION = 29
    DATE_CODE = "06-09-2021"
    SW_BUILD_ID = "0.0.0_0029"
    OTA_FILE_VERSION = 29
    OTA_IMAGE_TYPE = 0x1888
    HAS_PREVENT_RESET = True
    HAS_OPERATION_MODE = True
    HEARTBEAT_UNKNOWN_8 = 276
    ENDPOINTS = (
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(41, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)),
    )
    BUTTONS: ClassVar[dict[str, ButtonSpec]] = {"main": ButtonSpec(41, (1,))}
    BUTTON_ALIASES: ClassVar[dict[str, str]] = SINGLE_BUTTON_ALIASES
    EVENT_KINDS = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})
    ACTIONS = ("single", "double")
    HAS_FLIP_INDICATOR = True

    def _z2m_properties(self) -> list[Property]:
        return [*super()._z2m_properties(), self._pom_property()]

    def heartbeat_entries(self) -> list[TlvEntry]:
        return [
            (3, DataType.INT8, round(self.temperature)),
            (100, DataType.BOOL, self.relays[1]),
            (5, DataType.UINT16, self.power_on_count),
            (8, DataType.UINT16, self.HEARTBEAT_UNKNOWN_8),
            (154, DataType.UINT8, 0),
            (10, DataType.UINT16, self.parent_nwk),
            (11, DataType.UINT8, 0),
        ]

    def _lumi_attributes(self, ep: int) -> AttrTable:
        table = super()._lumi_attributes(ep)
        if ep == 1:
            table[0x00F0] = lumi_attr(
                DataType.UINT8, lambda: self.flip_indicator_light, self._write_flip_indicator
            )
        return table
