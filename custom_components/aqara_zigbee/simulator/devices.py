"""Simulated Lumi/Aqara devices: the behaviour every model shares.

A device answers ZDO and ZCL requests the way real Lumi firmware does (as far as it is
documented), sends its own reports (attribute changes, button events, TLV heartbeats) and
reacts to physical actions (button presses, power cycles, loads). Models live in
``models/``; this module holds the common machinery. It talks to the coordinator only
through :mod:`.air`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
import functools
import logging
import struct
from typing import Any, ClassVar

from .air import (
    BROADCAST_NWKS,
    COORDINATOR_NWK,
    HA_PROFILE,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
    NodeInfo,
    Transmit,
)
from .clock import SimClock, SimTimer
from .ota import OtaClient, OtaIdentity
from .properties import (
    Property,
    PropertyError,
    as_bool,
    as_z2m_switch,
    enum_option,
    enum_value,
    flip,
    on_off,
    other_option,
)
from .tlv import TlvEntry, encode as tlv_encode
from .zcl import (
    LUMI_MANUFACTURER_CODE,
    ZDO_RESPONSE,
    AttributeStatus,
    AttributeValue,
    DataType,
    FrameType,
    GeneralCommand,
    Neighbor,
    NodeDescriptor,
    ReadRecord,
    ReportingConfig,
    SimpleDescriptor,
    Status,
    ZclDecodeError,
    ZclHeader,
    ZdoCluster,
    ZdoStatus,
    decode_attribute_ids,
    decode_attribute_values,
    decode_configure_reporting,
    decode_read_reporting_configuration,
    encode_attribute_values,
    encode_configure_reporting_response,
    encode_default_response,
    encode_read_reporting_configuration_response,
    encode_read_response,
    encode_value,
    encode_write_response,
    zdo_frame,
)

_LOGGER = logging.getLogger(__name__)

# Cluster ids
BASIC = 0x0000
POWER_CONFIGURATION = 0x0001
DEVICE_TEMPERATURE = 0x0002
IDENTIFY = 0x0003
GROUPS = 0x0004
SCENES = 0x0005
ON_OFF = 0x0006
ALARMS = 0x0009
TIME = 0x000A
ANALOG_INPUT = 0x000C
BINARY_OUTPUT = 0x0010
MULTISTATE_INPUT = 0x0012
OTA = 0x0019
GREEN_POWER = 0x0021
LUMI_CLUSTER = 0xFCC0

PRESENT_VALUE = 0x0055
GP_PROFILE = 0xA1E0
COORDINATOR_ENDPOINT = 1

# genBasic 0xFFF0 frames of the "prevent reset" handshake (see reference/devices.md).
PREVENT_RESET_REPORT = bytes.fromhex("aa 10 05 41 87 01 01 10 00")
PREVENT_RESET_ANSWER = bytes.fromhex("aa 10 05 41 47 01 01 10 01")
PREVENT_RESET_WINDOW_S = 10.0
# How long a "hold" lasts before the release event is sent.
HOLD_DURATION_S = 1.0
# Delay between the two presses of a double/triple click without event mode.
CLICK_GAP_S = 0.3


class PressKind(StrEnum):
    """Physical button gestures understood by :meth:`LumiDevice.press`."""

    SINGLE = "single"
    DOUBLE = "double"
    TRIPLE = "triple"
    HOLD = "hold"
    RELEASE = "release"
    LONG = "long"  # the ~10 s reset gesture


# MultistateInput presentValue sent from the hidden button endpoints.
MULTISTATE_VALUES = {
    PressKind.SINGLE: 1,
    PressKind.DOUBLE: 2,
    PressKind.TRIPLE: 3,
    PressKind.HOLD: 0,
    PressKind.RELEASE: 255,
}
# Names accepted for the only button of single-button devices.
SINGLE_BUTTON_ALIASES: dict[str, str] = dict.fromkeys(
    ("main", "left", "top", "button", "switch", "1", ""), "main"
)
CLICK_COUNTS = {PressKind.SINGLE: 1, PressKind.DOUBLE: 2, PressKind.TRIPLE: 3}


def ieee_to_str(ieee: bytes) -> str:
    """Air-order (little-endian) IEEE bytes to the usual ``54:ef:44:...`` notation."""
    return ":".join(f"{byte:02x}" for byte in reversed(ieee))


def ieee_from_str(text: str) -> bytes:
    """``54:ef:44:...`` (or ``0x54ef44...``) to air-order IEEE bytes."""
    cleaned = text.lower().removeprefix("0x").replace(":", "").replace("-", "")
    raw = bytes.fromhex(cleaned)
    if len(raw) != 8:
        raise ValueError(f"not an EUI-64: {text!r}")
    return raw[::-1]


@dataclass(frozen=True, slots=True)
class EndpointSpec:
    """One endpoint as the firmware has it.

    ``declared`` is False for endpoints missing from Active_EP_rsp; ``hidden_clusters`` are
    served but absent from the simple descriptor (both are Aqara habits).
    """

    endpoint: int
    device_type: int
    in_clusters: tuple[int, ...] = ()
    out_clusters: tuple[int, ...] = ()
    profile: int = HA_PROFILE
    declared: bool = True
    hidden_clusters: tuple[int, ...] = ()

    @property
    def served(self) -> frozenset[int]:
        """Server clusters the endpoint answers for."""
        return frozenset(self.in_clusters) | frozenset(self.hidden_clusters)

    def descriptor(self) -> SimpleDescriptor:
        """The simple descriptor the device reports."""
        return SimpleDescriptor(
            self.endpoint, self.profile, self.device_type, self.in_clusters, self.out_clusters
        )


@dataclass(slots=True)
class Attribute:
    """One attribute: its ZCL type, how to read it and, if writable, how to write it."""

    type_id: int
    getter: Callable[[], object]
    setter: Callable[[object], Status] | None = None
    manufacturer_specific: bool = False


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    """A physical button: where its events come from and which relays it drives."""

    event_endpoint: int | None
    relay_endpoints: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Binding:
    """A ZDO binding entry made by Bind_req."""

    src_ep: int
    cluster: int
    dst_mode: int
    dst: str  # group id as decimal, or "ieee/ep"


AttrTable = dict[int, Attribute]


@dataclass(frozen=True, slots=True)
class _ZclRequest:
    """A decoded ZCL request on one endpoint, with its ways to answer."""

    ep: int
    cluster: int
    header: ZclHeader
    payload: bytes
    reply: Callable[[ZclHeader, bytes], None]
    default_response: Callable[[Status], None]


class LumiDevice:
    """Behaviour shared by all simulated Lumi devices (implements ``air.SimulatedDevice``)."""

    MODEL_ID: ClassVar[str] = ""
    Z2M_MODEL: ClassVar[str] = ""
    MANUFACTURER: ClassVar[str] = "LUMI"
    IEEE_OUI: ClassVar[bytes] = bytes.fromhex("54ef44")
    IS_ROUTER: ClassVar[bool] = True
    RX_ON_WHEN_IDLE: ClassVar[bool] = True
    MAC_CAPABILITY: ClassVar[int] = 0x8E  # FFD, mains, rx-on-when-idle, allocate address
    NODE_MANUFACTURER_CODE: ClassVar[int] = LUMI_MANUFACTURER_CODE
    SERVER_MASK: ClassVar[int] = 0x2C00  # stack compliance revision 22
    ENDPOINTS: ClassVar[tuple[EndpointSpec, ...]] = ()
    RELAY_ENDPOINTS: ClassVar[tuple[int, ...]] = (1,)
    BUTTONS: ClassVar[dict[str, ButtonSpec]] = {}
    BUTTON_ALIASES: ClassVar[dict[str, str]] = {}
    EVENT_KINDS: ClassVar[frozenset[PressKind]] = frozenset()
    ZCL_VERSION: ClassVar[int] = 3
    APP_VERSION: ClassVar[int] = 1
    STACK_VERSION: ClassVar[int] = 2
    HW_VERSION: ClassVar[int] = 1
    DATE_CODE: ClassVar[str] = ""
    SW_BUILD_ID: ClassVar[str] = ""
    POWER_SOURCE: ClassVar[int] = 0x01  # mains, single phase
    OTA_FILE_VERSION: ClassVar[int] = 0
    # OTA client: models with an image type query for and install upgrade images.
    OTA_IMAGE_TYPE: ClassVar[int | None] = None
    OTA_MANUFACTURER_CODE: ClassVar[int] = LUMI_MANUFACTURER_CODE
    OTA_QUERY_INTERVAL_S: ClassVar[float] = 86400.0
    OTA_REBOOT_S: ClassVar[float] = 3.0
    # Right after joining or booting the firmware is busy and ignores Image Notify (it
    # queries on its own schedule later). This also keeps the interview's Image Notify
    # from making the device talk while a freshly started test tears the network down.
    OTA_NOTIFY_QUIET_S: ClassVar[float] = 10.0
    HEARTBEAT_CLUSTER: ClassVar[int] = LUMI_CLUSTER
    HEARTBEAT_ATTR: ClassVar[int] = 0x00F7
    HEARTBEAT_TYPE: ClassVar[int] = DataType.OCTET_STRING
    HEARTBEAT_INTERVAL_S: ClassVar[float] = 3300.0
    HAS_PREVENT_RESET: ClassVar[bool] = False
    HAS_OPERATION_MODE: ClassVar[bool] = False
    DEFAULT_GROUPS: ClassVar[dict[int, frozenset[int]]] = {}
    DEFAULT_POWER_OUTAGE_MEMORY: ClassVar[bool] = True
    DEFAULT_EVENT_MODE: ClassVar[int] = 1
    # Zigbee2MQTT property of each relay (``state``, ``state_top``...)
    RELAY_PROPERTIES: ClassVar[dict[int, str]] = {1: "state"}
    # Zigbee2MQTT action strings the device sends (its page's values)
    ACTIONS: ClassVar[tuple[str, ...]] = ()
    HAS_FLIP_INDICATOR: ClassVar[bool] = False
    # Heartbeat TLV index 8 (meaning unknown; differs per firmware).
    HEARTBEAT_UNKNOWN_8: ClassVar[int] = 278
    # The first heartbeat comes this long after joining (simulated seconds).
    JOIN_HEARTBEAT_DELAY_S: ClassVar[float] = 10.0

    def __init__(
        self,
        ieee: bytes,
        nwk: int,
        transmit: Transmit,
        clock: SimClock,
        *,
        heartbeat_interval: float | None = None,
        lqi: int = 200,
    ) -> None:
        if len(ieee) != 8:
            raise ValueError("ieee must be 8 bytes (air order)")
        self.ieee = bytes(ieee)
        self.nwk = nwk
        self.clock = clock
        self._transmit = transmit
        self.heartbeat_interval = heartbeat_interval or self.HEARTBEAT_INTERVAL_S
        self.lqi = lqi
        self.parent_nwk = COORDINATOR_NWK
        self.neighbors: list[Neighbor] = []

        # Network membership and power; the network wires the callbacks.
        self.joined = False
        self.powered = True
        self.on_leave: Callable[[], None] | None = None
        self.on_state_change: Callable[[], None] | None = None

        # Persistent device state (see export_state / import_state).
        self.relays: dict[int, bool] = dict.fromkeys(self.RELAY_ENDPOINTS, False)
        self.power_outage_memory = self.DEFAULT_POWER_OUTAGE_MEMORY
        self.power_on_count = 1  # heartbeat index 5: power_outage_count + 1
        self.temperature = 26.0
        self.event_mode = self.DEFAULT_EVENT_MODE
        self.operation_mode: dict[int, int] = dict.fromkeys(self.RELAY_ENDPOINTS, 1)
        self.flip_indicator_light = 0
        self.groups: dict[int, set[int]] = {ep: set(ids) for ep, ids in self.DEFAULT_GROUPS.items()}
        self.bindings: list[Binding] = []

        # Volatile state.
        # Where each button's events come from (firmware versions may move them)
        self.buttons: dict[str, ButtonSpec] = dict(self.BUTTONS)
        self.identify_time = 0
        self.last_action: str | None = None
        self._properties: dict[str, Property] | None = None
        self.wrong_direction_clusters: set[int] = set()
        self.prevent_reset_reports = 0
        self.prevent_reset_answered: bool | None = None
        self._prevent_reset_deadline: SimTimer | None = None
        self._tsn = 0
        self._reporting: dict[tuple[int, int, int], ReportingConfig] = {}
        self._reporting_timers: dict[tuple[int, int, int], SimTimer] = {}
        self._heartbeat_timer: SimTimer | None = None
        self._identify_timer: SimTimer | None = None
        self._attributes: dict[tuple[int, int, bool], AttrTable] = {}
        self.file_version = self.OTA_FILE_VERSION  # persistent: the running firmware
        self.ota_reboot_s = self.OTA_REBOOT_S
        self._ota_query_timer: SimTimer | None = None
        self.ota: OtaClient | None = None
        if self.OTA_IMAGE_TYPE is not None:
            self.ota = OtaClient(
                OtaIdentity(
                    self.MODEL_ID, self.OTA_MANUFACTURER_CODE, self.OTA_IMAGE_TYPE, self.HW_VERSION
                ),
                clock,
                send=self._ota_send,
                current_version=lambda: self.file_version,
                apply=self._ota_apply,
                jitter_seed=int.from_bytes(self.ieee[2:4], "little"),
            )
        self._build_attributes()
        self._schedule_heartbeat(self._first_heartbeat_delay())

    # -- air.SimulatedDevice ----------------------------------------------------------

    @property
    def node(self) -> NodeInfo:
        """Addresses and capability, for the coordinator."""
        return NodeInfo(
            ieee=self.ieee,
            nwk=self.nwk,
            rx_on_when_idle=self.RX_ON_WHEN_IDLE,
            is_router=self.IS_ROUTER,
            parent_nwk=self.parent_nwk,
            extra={"model": self.MODEL_ID, "mac_capability": self.MAC_CAPABILITY},
        )

    @property
    def ieee_str(self) -> str:
        """``54:ef:44:...`` notation of the IEEE address."""
        return ieee_to_str(self.ieee)

    def receive(self, frame: ApsFrame) -> None:
        """Handle a frame from the air (never blocks; answers go through ``transmit``)."""
        if not self.powered:
            return
        try:
            if frame.profile == ZDO_PROFILE and frame.dst_ep == 0:
                self._handle_zdo(frame)
            else:
                self._handle_zcl(frame)
        except Exception:
            _LOGGER.exception("%s failed to handle %s", self.MODEL_ID, frame)

    # -- descriptors ------------------------------------------------------------------

    def node_descriptor(self) -> NodeDescriptor:
        """The node descriptor as the real unit reports it."""
        return NodeDescriptor(
            logical_type=1 if self.IS_ROUTER else 2,
            mac_capability=self.MAC_CAPABILITY,
            manufacturer_code=self.NODE_MANUFACTURER_CODE,
            server_mask=self.SERVER_MASK,
        )

    def endpoint(self, endpoint: int) -> EndpointSpec | None:
        """Spec of ``endpoint`` (declared or hidden)."""
        return next((spec for spec in self.ENDPOINTS if spec.endpoint == endpoint), None)

    @property
    def active_endpoints(self) -> list[int]:
        """Endpoints listed in Active_EP_rsp (hidden ones are left out, as on real units)."""
        return [spec.endpoint for spec in self.ENDPOINTS if spec.declared]

    # -- physical actions -------------------------------------------------------------

    def resolve_button(self, button: str) -> str:
        """Map a button name or alias to one of ``BUTTONS``."""
        name = self.BUTTON_ALIASES.get(button.lower(), button.lower())
        if name not in self.BUTTONS:
            raise ValueError(
                f"{self.MODEL_ID} has no button {button!r} (has {', '.join(self.BUTTONS)})"
            )
        return name

    def move_button_events(self, button: str, endpoint: int) -> None:
        """Send ``button``'s events from ``endpoint`` (as another firmware version would)."""
        name = self.resolve_button(button)
        self.buttons[name] = replace(self.buttons[name], event_endpoint=endpoint)

    def press(self, button: str = "left", kind: str | PressKind = PressKind.SINGLE) -> None:
        """A physical press: toggles relays in control_relay mode and sends button events."""
        press_kind = PressKind(kind)
        spec = self.buttons[self.resolve_button(button)]
        if not self.powered:
            return
        if press_kind is PressKind.LONG:
            self._long_press(spec)
            return
        if press_kind is PressKind.HOLD:
            self._send_button_event(spec, PressKind.HOLD)
            self.clock.call_later(
                HOLD_DURATION_S, lambda: self._send_button_event(spec, PressKind.RELEASE)
            )
            return
        if press_kind is PressKind.RELEASE:
            self._send_button_event(spec, PressKind.RELEASE)
            return
        clicks = CLICK_COUNTS[press_kind]
        if spec.event_endpoint is not None and self.event_mode == 1:
            # Event mode: the firmware detects the multi-click and sends one event; only a
            # single click drives the relay.
            self._click(spec, press_kind, toggles=1 if clicks == 1 else 0)
            return
        # No multi-click detection (no event endpoint, or event mode off): every click is a
        # separate single press.
        self._click(spec, PressKind.SINGLE, toggles=1)
        for index in range(1, clicks):
            self.clock.call_later(
                index * CLICK_GAP_S, lambda: self._click(spec, PressKind.SINGLE, toggles=1)
            )

    def _click(self, spec: ButtonSpec, kind: PressKind, *, toggles: int) -> None:
        if not self.powered:
            return
        for _ in range(toggles):
            self._toggle_for_press(spec)
        self._send_button_event(spec, kind)

    def _toggle_for_press(self, spec: ButtonSpec) -> None:
        for ep in spec.relay_endpoints:
            if self.operation_mode.get(ep, 1) == 1:  # control_relay
                self.set_relay(ep, not self.relays[ep])

    def _send_button_event(self, spec: ButtonSpec, kind: PressKind) -> None:
        if spec.event_endpoint is None or kind not in self.EVENT_KINDS:
            return
        name = next(name for name, known in self.buttons.items() if known == spec)
        # Zigbee2MQTT's action string: the gesture, then the button of multi-button models
        self.last_action = kind.value if len(self.buttons) == 1 else f"{kind.value}_{name}"
        self.send_report(
            spec.event_endpoint,
            MULTISTATE_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.UINT16, MULTISTATE_VALUES[kind])],
        )

    def _long_press(self, spec: ButtonSpec) -> None:
        """The reset gesture: ask the hub first (prevent-reset), or just reset and leave."""
        self._send_button_event(spec, PressKind.HOLD)
        if not self.HAS_PREVENT_RESET:
            self.factory_reset()
            return
        self.prevent_reset_reports += 1
        self.prevent_reset_answered = False
        self.send_report(
            1,
            BASIC,
            [AttributeValue(0xFFF0, DataType.OCTET_STRING, PREVENT_RESET_REPORT)],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )
        if self._prevent_reset_deadline is not None:
            self._prevent_reset_deadline.cancel()
        self._prevent_reset_deadline = self.clock.call_later(
            PREVENT_RESET_WINDOW_S, lambda: self._prevent_reset_expired(spec)
        )

    def _prevent_reset_expired(self, spec: ButtonSpec) -> None:
        self._prevent_reset_deadline = None
        self._send_button_event(spec, PressKind.RELEASE)
        if not self.prevent_reset_answered:
            _LOGGER.info("%s: prevent-reset not answered, resetting", self.ieee_str)
            self.factory_reset()

    def factory_reset(self) -> None:
        """Forget settings and the network, and leave (what a real reset does)."""
        for ep in self.relays:
            self.relays[ep] = False
        self.power_outage_memory = self.DEFAULT_POWER_OUTAGE_MEMORY
        self.power_on_count = 1
        self.event_mode = self.DEFAULT_EVENT_MODE
        self.operation_mode = dict.fromkeys(self.RELAY_ENDPOINTS, 1)
        self.flip_indicator_light = 0
        self.groups = {ep: set(ids) for ep, ids in self.DEFAULT_GROUPS.items()}
        self.bindings.clear()
        self._clear_reporting()
        self._reset_model_settings()
        self.leave()

    def _reset_model_settings(self) -> None:
        """Model-specific part of a factory reset."""

    def leave(self) -> None:
        """Leave the network (after Mgmt_Leave_req or a reset)."""
        was_joined = self.joined
        self.joined = False
        if self.ota is not None:
            self.ota.reset()
        self._state_changed()
        if was_joined and self.on_leave is not None:
            self.on_leave()

    def power_off(self) -> None:
        """Cut mains power: relays drop, timers stop mattering until power returns."""
        if not self.powered:
            return
        self._before_power_change()
        self.powered = False
        self._cancel_timers()

    def power_on(self) -> None:
        """Restore power: count the outage, restore relays if memory is on, announce."""
        if self.powered:
            return
        self.powered = True
        self.power_on_count += 1
        if not self.power_outage_memory:
            for ep in self.relays:
                self.relays[ep] = False
        self._after_power_on()
        self._rearm_reporting()
        self._state_changed()
        if self.joined:
            # A mains device announces itself again after boot, then reports its state.
            self.announce()
            for ep in self.relays:
                self.report_attribute(ep, ON_OFF, 0x0000)
        self._schedule_heartbeat(self._first_heartbeat_delay())
        self._ota_started()

    def power_cycle(self) -> None:
        """A power outage and restoration."""
        self.power_off()
        self.power_on()

    @property
    def power_outage_count(self) -> int:
        """Outages since pairing (what Z2M exposes: heartbeat index 5 minus one)."""
        return max(0, self.power_on_count - 1)

    def _before_power_change(self) -> None:
        """Hook for models that integrate over time (energy)."""

    def _after_power_on(self) -> None:
        """Hook for models that react to power returning."""

    def set_temperature(self, celsius: float) -> None:
        """Set the chip temperature (reported in the heartbeat and 0x0002)."""
        self.temperature = celsius

    def set_link_quality(self, lqi: int) -> None:
        """LQI stamped on every frame this device sends."""
        if not 0 <= lqi <= 255:
            raise ValueError("lqi must be 0..255")
        self.lqi = lqi

    # -- Zigbee2MQTT view (uniform exercise of any twin) -----------------------------

    @property
    def properties(self) -> frozenset[str]:
        """The Zigbee2MQTT properties of the device (its page's exposes but linkquality)."""
        return frozenset(self._property_table())

    @property
    def action_values(self) -> tuple[str, ...]:
        """Every action string the device sends (Zigbee2MQTT's values)."""
        return self.ACTIONS

    def exercise(self, prop: str, value: object = None, *, report: bool = True) -> object:
        """Change the real-world quantity or setting behind ``prop`` as the unit would.

        With ``report`` the device sends what the real unit sends about it (attribute
        report, heartbeat or click); without, only its internal value changes, so that a
        read finds it. ``value`` None picks a new value. Returns the property's new value.
        """
        handler = self._property(prop)
        target = handler.pick(handler.read()) if value is None else value
        handler.change(target, report)
        return handler.read()

    def setting(self, prop: str) -> object:
        """The Zigbee2MQTT value of a writable setting as the device holds it now."""
        handler = self._property(prop)
        if not handler.writable:
            raise PropertyError(f"{self.MODEL_ID}: {prop} is not a setting")
        return handler.read()

    def _property(self, prop: str) -> Property:
        try:
            return self._property_table()[prop]
        except KeyError:
            raise PropertyError(f"{self.MODEL_ID} has no property {prop!r}") from None

    def _property_table(self) -> dict[str, Property]:
        if self._properties is None:
            self._properties = {prop.name: prop for prop in self._z2m_properties()}
        return self._properties

    def _z2m_properties(self) -> list[Property]:
        """The device's properties; models add theirs."""
        props = [self._relay_property(ep, name) for ep, name in self.RELAY_PROPERTIES.items()]
        props.append(
            Property(
                "device_temperature",
                read=lambda: round(self.temperature),
                change=self._change_temperature,
                pick=lambda current: int(str(current)) + 3,
            )
        )
        if self.HAS_OPERATION_MODE:
            lookup = {"control_relay": 1, "decoupled": 0}
            props.extend(
                self._setting_property(
                    "operation_mode" + relay_name.removeprefix("state"),
                    lookup,
                    read=functools.partial(self._operation_mode_of, ep),
                    write=functools.partial(self._write_operation_mode, ep),
                    report=(ep, LUMI_CLUSTER, 0x0200),
                )
                for ep, relay_name in self.RELAY_PROPERTIES.items()
            )
        if self.HAS_FLIP_INDICATOR:
            props.append(
                self._setting_property(
                    "flip_indicator_light",
                    {"ON": 1, "OFF": 0},
                    read=lambda: self.flip_indicator_light,
                    write=self._write_flip_indicator,
                    report=(1, LUMI_CLUSTER, 0x00F0),
                )
            )
        if self.ACTIONS:
            props.append(
                Property(
                    "action",
                    read=lambda: self.last_action,
                    change=lambda value, _report: self._perform_action(str(value)),
                    pick=lambda _current: self.ACTIONS[0],
                )
            )
        return props

    def _operation_mode_of(self, ep: int) -> int:
        return self.operation_mode[ep]

    def _relay_property(self, ep: int, name: str) -> Property:
        def change(value: object, report: bool) -> None:
            on = on_off(value)
            if report:
                self.set_relay(ep, on)
            else:
                self._before_relay_change(ep)
                self.relays[ep] = on
                self._state_changed()

        return Property(
            name,
            read=lambda: as_z2m_switch(self.relays[ep]),
            change=change,
            pick=flip,
            writable=True,
        )

    def _setting_property(
        self,
        name: str,
        lookup: dict[str, int],
        *,
        read: Callable[[], int],
        write: Callable[[object], Status],
        report: tuple[int, int, int],
    ) -> Property:
        """An enum setting the hub writes (the device reports the attribute it lives in)."""
        return self._raw_setting_property(
            name,
            read=lambda: enum_option(lookup, read()),
            write=lambda value: write(enum_value(lookup, value)),
            report=report,
            pick=other_option(tuple(lookup)),
        )

    def _raw_setting_property(
        self,
        name: str,
        *,
        read: Callable[[], object],
        write: Callable[[object], Status],
        report: tuple[int, int, int] | None,
        pick: Callable[[object], object] = flip,
    ) -> Property:
        """A setting written through its ZCL writer (same checks as a hub's write)."""

        def change(value: object, send: bool) -> None:
            status = write(value)
            if status != Status.SUCCESS:
                raise PropertyError(f"{self.MODEL_ID} refused {name}={value!r}: {status!r}")
            if send and report is not None:
                self.report_attribute(*report)

        return Property(name, read=read, change=change, pick=pick, writable=True)

    def _change_temperature(self, value: object, report: bool) -> None:
        if not isinstance(value, int | float):
            raise PropertyError(f"expected °C, got {value!r}")
        self.set_temperature(float(value))
        if report:
            self.send_heartbeat()  # the chip temperature travels in the heartbeat

    def _power_outage_count_property(self) -> Property:
        """Outages since pairing: the heartbeat's power-on counter (index 5) minus one."""

        def change(value: object, report: bool) -> None:
            target = int(str(value))
            if not report:
                self.power_on_count = target + 1
                self._state_changed()
                return
            if target <= self.power_outage_count:
                raise PropertyError("outages only add up (a reset clears them)")
            while self.power_outage_count < target:
                self.power_cycle()
            self.send_heartbeat()

        return Property(
            "power_outage_count",
            read=lambda: self.power_outage_count,
            change=change,
            pick=lambda current: int(str(current)) + 1,
        )

    def _pom_property(self) -> Property:
        """power_outage_memory in FCC0 0x0201 (Zigbee2MQTT's values: true/false)."""
        return self._raw_setting_property(
            "power_outage_memory",
            read=lambda: self.power_outage_memory,
            write=lambda value: self._write_pom(as_bool(value)),
            report=(1, LUMI_CLUSTER, 0x0201),
        )

    def _perform_action(self, action: str) -> None:
        """Press the button an action string names (``double_top``: top, twice)."""
        if action not in self.ACTIONS:
            raise PropertyError(f"{self.MODEL_ID} sends no action {action!r}")
        kind, _, button = action.partition("_")
        self.press(button or next(iter(self.BUTTONS)), kind)

    # -- relays -----------------------------------------------------------------------

    def set_relay(self, ep: int, on: bool, *, report: bool = True) -> None:
        """Switch a relay and report OnOff (what the firmware does after any change)."""
        if ep not in self.relays:
            raise ValueError(f"{self.MODEL_ID} has no relay on endpoint {ep}")
        self._before_relay_change(ep)
        self.relays[ep] = on
        self._state_changed()
        if report:
            self.report_attribute(ep, ON_OFF, 0x0000)
        # After the report, so that a protection tripping here reports ON then OFF.
        self._after_relay_change(ep)

    def _before_relay_change(self, ep: int) -> None:
        """Hook (energy integration)."""

    def _after_relay_change(self, ep: int) -> None:
        """Hook (power reports, overload/auto-off checks)."""

    # -- heartbeat --------------------------------------------------------------------

    def heartbeat_entries(self) -> list[TlvEntry]:
        """The heartbeat TLV entries, in the firmware's order."""
        raise NotImplementedError

    def heartbeat_payload(self) -> bytes:
        """The heartbeat TLV bytes as the real firmware encodes them."""
        return tlv_encode(self.heartbeat_entries())

    def send_heartbeat(self) -> None:
        """Send the heartbeat report now (genBasic 0xFF01 or FCC0 0x00F7, mfr 0x115F)."""
        self.send_report(
            1,
            self.HEARTBEAT_CLUSTER,
            [AttributeValue(self.HEARTBEAT_ATTR, self.HEARTBEAT_TYPE, self.heartbeat_payload())],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )

    def _first_heartbeat_delay(self) -> float:
        # Spread devices over the interval deterministically (no thundering herd).
        return 30.0 + (int.from_bytes(self.ieee[:2], "little") % 600)

    def _schedule_heartbeat(self, delay: float) -> None:
        if self._heartbeat_timer is not None:
            self._heartbeat_timer.cancel()
        self._heartbeat_timer = self.clock.call_later(delay, self._heartbeat_due)

    def _heartbeat_due(self) -> None:
        self._heartbeat_timer = None
        if self.powered:
            self.send_heartbeat()
        self._schedule_heartbeat(self.heartbeat_interval)

    def on_joined(self) -> None:
        """Called by the network once the coordinator accepted the device."""
        self.joined = True
        self._state_changed()
        # Like real Lumi units: a Basic report shortly after joining, a heartbeat soon after.
        self.clock.call_later(2.0, self._send_join_report)
        self._schedule_heartbeat(self.JOIN_HEARTBEAT_DELAY_S)
        self._ota_started()

    def _send_join_report(self) -> None:
        self.send_report(
            1,
            BASIC,
            [
                AttributeValue(0x0005, DataType.CHAR_STRING, self.MODEL_ID),
                AttributeValue(0x0001, DataType.UINT8, self.APP_VERSION),
            ],
        )

    def announce(self) -> None:
        """Broadcast ZDO Device_annce."""
        payload = struct.pack("<H", self.nwk) + self.ieee + bytes([self.MAC_CAPABILITY])
        self._send(
            ApsFrame(
                src_nwk=self.nwk,
                src_ep=0,
                dst=0xFFFD,
                dst_ep=0,
                cluster=ZdoCluster.DEVICE_ANNCE,
                profile=ZDO_PROFILE,
                payload=zdo_frame(self._next_tsn(), payload),
                dst_mode=AddressMode.BROADCAST,
            )
        )

    # -- OTA client -------------------------------------------------------------------

    @property
    def sw_build_id(self) -> str:
        """Basic swBuildId: Lumi builds end in the OTA file version (``0.0.0_0092``)."""
        prefix, sep, suffix = self.SW_BUILD_ID.rpartition("_")
        if self.file_version == self.OTA_FILE_VERSION or not sep or not suffix.isdigit():
            return self.SW_BUILD_ID
        return f"{prefix}_{self.file_version:04d}"

    def ota_query(self) -> None:
        """Make the OTA client send Query Next Image Request now (if it has one)."""
        if self.ota is not None and self.powered and self.joined:
            self.ota.query()

    def _ota_started(self) -> None:
        """After joining or booting: quiet for a while, then query on schedule."""
        if self.ota is None:
            return
        self.ota.quiet_until = self.clock.now + self.OTA_NOTIFY_QUIET_S
        self._schedule_ota_query(self._first_ota_query_delay())

    def _first_ota_query_delay(self) -> float:
        # Some minutes after boot or joining, spread over devices like heartbeats.
        return 120.0 + (int.from_bytes(self.ieee[2:4], "little") % 600)

    def _schedule_ota_query(self, delay: float) -> None:
        if self.ota is None:
            return
        if self._ota_query_timer is not None:
            self._ota_query_timer.cancel()
        self._ota_query_timer = self.clock.call_later(delay, self._ota_query_due)

    def _ota_query_due(self) -> None:
        self._ota_query_timer = None
        self.ota_query()
        self._schedule_ota_query(self.OTA_QUERY_INTERVAL_S)

    def _ota_send(self, command: int, payload: bytes) -> None:
        header = ZclHeader(
            command=command,
            tsn=self._next_tsn(),
            frame_type=FrameType.CLUSTER,
            server_to_client=False,
            disable_default_response=True,
        )
        self._send_zcl(1, OTA, header.encode() + payload)

    def _ota_apply(self, version: int) -> None:
        """Flash the downloaded image: the device is silent, then boots the new version."""
        _LOGGER.info("%s: upgrading firmware %s -> %s", self.ieee_str, self.file_version, version)
        self.power_off()
        self.file_version = version
        self._state_changed()
        self.clock.call_later(self.ota_reboot_s, self.power_on)

    def _ota_upgrade_status(self) -> int:
        return int(self.ota.status) if self.ota is not None else 0

    def _ota_client_attributes(self) -> AttrTable:
        ota = self.ota
        if ota is None:
            return {}
        return {
            0x0001: Attribute(DataType.UINT32, lambda: ota.file_offset),
            0x0004: Attribute(DataType.UINT32, lambda: ota.downloaded_version),
            0x0007: Attribute(DataType.UINT16, lambda: self.OTA_MANUFACTURER_CODE),
            0x0008: Attribute(DataType.UINT16, lambda: ota.identity.image_type),
        }

    # -- persistence ------------------------------------------------------------------

    def export_state(self) -> dict[str, Any]:
        """JSON-serializable persistent state."""
        return {
            "model": self.MODEL_ID,
            "joined": self.joined,
            "file_version": self.file_version,
            "relays": {str(ep): on for ep, on in self.relays.items()},
            "power_outage_memory": self.power_outage_memory,
            "power_on_count": self.power_on_count,
            "temperature": self.temperature,
            "event_mode": self.event_mode,
            "operation_mode": {str(ep): mode for ep, mode in self.operation_mode.items()},
            "flip_indicator_light": self.flip_indicator_light,
            "groups": {str(ep): sorted(ids) for ep, ids in self.groups.items()},
            "lqi": self.lqi,
            "bindings": [
                [binding.src_ep, binding.cluster, binding.dst_mode, binding.dst]
                for binding in self.bindings
            ],
            # Reporting configuration lives in the firmware's NV memory.
            "reporting": [
                [
                    ep,
                    cluster,
                    config.attr,
                    config.type_id,
                    config.min_interval,
                    config.max_interval,
                    config.reportable_change,
                ]
                for (ep, cluster, _attr), config in self._reporting.items()
            ],
        }

    def import_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`export_state` produced (unknown keys are ignored)."""
        self.joined = bool(state.get("joined", self.joined))
        self.file_version = int(state.get("file_version", self.file_version))
        for ep, on in dict(state.get("relays", {})).items():
            if int(ep) in self.relays:
                self.relays[int(ep)] = bool(on)
        self.power_outage_memory = bool(state.get("power_outage_memory", self.power_outage_memory))
        self.power_on_count = int(state.get("power_on_count", self.power_on_count))
        self.temperature = float(state.get("temperature", self.temperature))
        self.event_mode = int(state.get("event_mode", self.event_mode))
        for ep, mode in dict(state.get("operation_mode", {})).items():
            if int(ep) in self.operation_mode:
                self.operation_mode[int(ep)] = int(mode)
        self.flip_indicator_light = int(
            state.get("flip_indicator_light", self.flip_indicator_light)
        )
        if "groups" in state:
            self.groups = {int(ep): set(ids) for ep, ids in dict(state["groups"]).items()}
        self.lqi = int(state.get("lqi", self.lqi))
        self.bindings = [
            Binding(int(src_ep), int(cluster), int(mode), str(dst))
            for src_ep, cluster, mode, dst in state.get("bindings", [])
        ]
        self._clear_reporting()
        for ep, cluster, attr, type_id, minimum, maximum, change in state.get("reporting", []):
            config = ReportingConfig(int(attr), 0, int(type_id), int(minimum), int(maximum), change)
            self._reporting[(int(ep), int(cluster), int(attr))] = config
        self._rearm_reporting()

    def _state_changed(self) -> None:
        if self.on_state_change is not None:
            self.on_state_change()

    # -- sending ----------------------------------------------------------------------

    def _next_tsn(self) -> int:
        self._tsn = (self._tsn + 1) & 0xFF
        return self._tsn

    def _send(self, frame: ApsFrame) -> None:
        if not self.powered or not self.joined:
            return
        self._transmit(frame)

    def _send_zcl(
        self,
        src_ep: int,
        cluster: int,
        data: bytes,
        *,
        dst: int = COORDINATOR_NWK,
        dst_ep: int = COORDINATOR_ENDPOINT,
        profile: int = HA_PROFILE,
    ) -> None:
        self._send(
            ApsFrame(
                src_nwk=self.nwk,
                src_ep=src_ep,
                dst=dst,
                dst_ep=dst_ep,
                cluster=cluster,
                profile=profile,
                payload=data,
                lqi=self.lqi,
                rssi=self._rssi(),
            )
        )

    def _rssi(self) -> int:
        # A rough monotonic LQI -> RSSI mapping (-90 dBm .. -30 dBm).
        return -90 + round(self.lqi * 60 / 255)

    def send_report(
        self,
        ep: int,
        cluster: int,
        values: list[AttributeValue],
        *,
        manufacturer: int | None = None,
    ) -> None:
        """Send Report Attributes from ``ep`` to the coordinator."""
        header = ZclHeader(
            command=GeneralCommand.REPORT_ATTRIBUTES,
            tsn=self._next_tsn(),
            manufacturer=manufacturer,
            # Aqara firmware sometimes gets the direction wrong; tests can ask for that.
            server_to_client=cluster not in self.wrong_direction_clusters,
            disable_default_response=True,
        )
        self._send_zcl(ep, cluster, header.encode() + encode_attribute_values(values))

    def report_attribute(self, ep: int, cluster: int, attr: int) -> None:
        """Report the current value of one attribute."""
        attribute = self._attributes.get((ep, cluster, True), {}).get(attr)
        if attribute is None:
            return
        self.send_report(
            ep,
            cluster,
            [AttributeValue(attr, attribute.type_id, attribute.getter())],
            manufacturer=LUMI_MANUFACTURER_CODE if attribute.manufacturer_specific else None,
        )

    # -- attribute tables -------------------------------------------------------------

    def attribute(self, ep: int, cluster: int, attr: int, *, server: bool = True) -> Attribute:
        """Look up an attribute (raises KeyError)."""
        return self._attributes[(ep, cluster, server)][attr]

    def read_value(self, ep: int, cluster: int, attr: int) -> object:
        """Current value of a server attribute (for tests and diagnostics)."""
        return self.attribute(ep, cluster, attr).getter()

    def _build_attributes(self) -> None:
        for spec in self.ENDPOINTS:
            for cluster in spec.served:
                self._attributes[(spec.endpoint, cluster, True)] = self._server_attributes(
                    spec.endpoint, cluster
                )
            for cluster in spec.out_clusters:
                self._attributes[(spec.endpoint, cluster, False)] = self._client_attributes(
                    spec.endpoint, cluster
                )

    def _server_attributes(self, ep: int, cluster: int) -> AttrTable:
        """Attributes of server cluster ``cluster`` on ``ep``; models extend this."""
        if cluster == BASIC:
            return self._basic_attributes()
        if cluster == DEVICE_TEMPERATURE:
            return {0x0000: Attribute(DataType.INT16, lambda: round(self.temperature))}
        if cluster == IDENTIFY:
            return {
                0x0000: Attribute(DataType.UINT16, lambda: self.identify_time, self._write_identify)
            }
        if cluster == GROUPS:
            return {0x0000: Attribute(DataType.MAP8, lambda: 0x80)}
        if cluster == SCENES:
            return {
                0x0000: Attribute(DataType.UINT8, lambda: 0),
                0x0001: Attribute(DataType.UINT8, lambda: 0),
                0x0002: Attribute(DataType.UINT16, lambda: 0),
                0x0003: Attribute(DataType.BOOL, lambda: False),
                0x0004: Attribute(DataType.MAP8, lambda: 0x80),
            }
        if cluster == ON_OFF and ep in self.relays:
            return {0x0000: Attribute(DataType.BOOL, lambda: self.relays[ep])}
        if cluster == ALARMS:
            return {0x0000: Attribute(DataType.UINT16, lambda: 0)}
        if cluster == MULTISTATE_INPUT:
            return {
                0x004A: Attribute(DataType.UINT16, lambda: 6),
                0x0051: Attribute(DataType.BOOL, lambda: False),
                PRESENT_VALUE: Attribute(DataType.UINT16, lambda: 0),
                0x006F: Attribute(DataType.MAP8, lambda: 0),
            }
        if cluster == LUMI_CLUSTER:
            return self._lumi_attributes(ep)
        return {}

    def _client_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == OTA:
            return {
                0x0000: Attribute(DataType.EUI64, lambda: b"\xff" * 8),
                0x0002: Attribute(DataType.UINT32, lambda: self.file_version),
                0x0006: Attribute(DataType.ENUM8, self._ota_upgrade_status),
                **self._ota_client_attributes(),
            }
        return {}

    def _basic_attributes(self) -> AttrTable:
        table: AttrTable = {
            0x0000: Attribute(DataType.UINT8, lambda: self.ZCL_VERSION),
            0x0001: Attribute(DataType.UINT8, lambda: self.APP_VERSION),
            0x0002: Attribute(DataType.UINT8, lambda: self.STACK_VERSION),
            0x0003: Attribute(DataType.UINT8, lambda: self.HW_VERSION),
            0x0004: Attribute(DataType.CHAR_STRING, lambda: self.MANUFACTURER),
            0x0005: Attribute(DataType.CHAR_STRING, lambda: self.MODEL_ID),
            0x0006: Attribute(DataType.CHAR_STRING, lambda: self.DATE_CODE),
            0x0007: Attribute(DataType.ENUM8, lambda: self.POWER_SOURCE),
            0x4000: Attribute(DataType.CHAR_STRING, lambda: self.sw_build_id),
        }
        if self.HAS_PREVENT_RESET:
            table[0xFFF0] = Attribute(
                DataType.OCTET_STRING,
                lambda: PREVENT_RESET_ANSWER if self.prevent_reset_answered else b"",
                self._write_basic_fff0,
                manufacturer_specific=True,
            )
        return table

    def _lumi_attributes(self, ep: int) -> AttrTable:
        """FCC0 attributes on ``ep``; models add theirs."""
        table: AttrTable = {}
        if ep == 1:
            table[0x0002] = lumi_attr(DataType.UINT8, lambda: self.power_outage_count)
            table[0x0009] = lumi_attr(
                DataType.UINT8, lambda: self.event_mode, self._write_event_mode
            )
            table[self.HEARTBEAT_ATTR] = lumi_attr(DataType.OCTET_STRING, self.heartbeat_payload)
            table[0x0201] = lumi_attr(
                DataType.BOOL, lambda: self.power_outage_memory, self._write_pom
            )
        if self.HAS_OPERATION_MODE and ep in self.relays:
            table[0x0200] = lumi_attr(
                DataType.UINT8,
                lambda: self.operation_mode[ep],
                lambda value: self._write_operation_mode(ep, value),
            )
        return table

    # -- attribute writers ------------------------------------------------------------

    def _write_identify(self, value: object) -> Status:
        self._identify(as_int(value))
        return Status.SUCCESS

    def _write_event_mode(self, value: object) -> Status:
        number = as_int(value)
        if number not in (0, 1):
            return Status.INVALID_VALUE
        self.event_mode = number
        self._state_changed()
        return Status.SUCCESS

    def _write_pom(self, value: object) -> Status:
        self.power_outage_memory = bool(value)
        self._state_changed()
        return Status.SUCCESS

    def _write_operation_mode(self, ep: int, value: object) -> Status:
        number = as_int(value)
        if number not in (0, 1):
            return Status.INVALID_VALUE
        self.operation_mode[ep] = number
        self._state_changed()
        return Status.SUCCESS

    def _write_flip_indicator(self, value: object) -> Status:
        number = as_int(value)
        if number not in (0, 1):
            return Status.INVALID_VALUE
        self.flip_indicator_light = number
        self._state_changed()
        return Status.SUCCESS

    def _write_basic_fff0(self, value: object) -> Status:
        data = bytes(value) if isinstance(value, bytes | bytearray) else b""
        if self.HAS_PREVENT_RESET and data == PREVENT_RESET_ANSWER:
            if self.prevent_reset_answered is False:
                self.prevent_reset_answered = True
            return Status.SUCCESS
        return Status.INVALID_VALUE

    # -- ZCL dispatch -----------------------------------------------------------------

    def _handle_zcl(self, frame: ApsFrame) -> None:
        unicast = frame.dst_mode == AddressMode.NWK and frame.dst not in BROADCAST_NWKS
        if frame.dst_mode == AddressMode.GROUP:
            endpoints = [ep for ep, ids in self.groups.items() if frame.dst in ids]
        elif frame.dst_ep == 0xFF:
            endpoints = [spec.endpoint for spec in self.ENDPOINTS]
        else:
            endpoints = [frame.dst_ep]
        for ep in endpoints:
            spec = self.endpoint(ep)
            if spec is None:
                continue  # real firmware silently drops frames for unknown endpoints
            if frame.dst_mode != AddressMode.NWK and frame.cluster not in spec.served:
                continue
            self._handle_zcl_on_endpoint(spec, frame, unicast=unicast)

    def _handle_zcl_on_endpoint(
        self, spec: EndpointSpec, frame: ApsFrame, *, unicast: bool
    ) -> None:
        try:
            header, payload = ZclHeader.decode(frame.payload)
        except ZclDecodeError:
            return

        def reply(answer: ZclHeader, data: bytes = b"") -> None:
            # Commands received by groupcast or broadcast are not answered.
            if unicast:
                self._send_zcl(
                    spec.endpoint,
                    frame.cluster,
                    answer.encode() + data,
                    dst=frame.src_nwk,
                    dst_ep=frame.src_ep,
                    profile=frame.profile,
                )

        def default_response(status: Status) -> None:
            # Errors are always answered; successes only if the sender wants them.
            if status == Status.SUCCESS and header.disable_default_response:
                return
            reply(
                header.reply(GeneralCommand.DEFAULT_RESPONSE),
                encode_default_response(header.command, status),
            )

        server_side = not header.server_to_client
        served = spec.served if server_side else frozenset(spec.out_clusters)
        if frame.cluster not in served:
            default_response(Status.UNSUPPORTED_CLUSTER)
            return
        if header.frame_type == FrameType.CLUSTER:
            status = self._cluster_command(spec.endpoint, frame.cluster, header, payload, reply)
            if status is not None:
                default_response(status)
            return
        table = self._attributes.get((spec.endpoint, frame.cluster, server_side), {})
        try:
            self._global_command(
                _ZclRequest(spec.endpoint, frame.cluster, header, payload, reply, default_response),
                table,
            )
        except ZclDecodeError, struct.error, IndexError:
            default_response(Status.MALFORMED_COMMAND)

    def _mfr_visible(self, attribute: Attribute, header: ZclHeader) -> bool:
        """Whether ``attribute`` may be addressed with the request's manufacturer code."""
        if header.manufacturer is None:
            return not attribute.manufacturer_specific
        # Lumi firmware answers standard attributes with its own code too (mirrors them).
        return header.manufacturer == LUMI_MANUFACTURER_CODE

    def _global_command(self, request: _ZclRequest, table: AttrTable) -> None:
        ep, cluster, header, payload = request.ep, request.cluster, request.header, request.payload
        reply, default_response = request.reply, request.default_response
        command = header.command
        if command == GeneralCommand.READ_ATTRIBUTES:
            records: list[ReadRecord] = []
            for attr in decode_attribute_ids(payload):
                attribute = table.get(attr)
                if attribute is None or not self._mfr_visible(attribute, header):
                    records.append(ReadRecord(attr, Status.UNSUPPORTED_ATTRIBUTE))
                else:
                    records.append(
                        ReadRecord(attr, Status.SUCCESS, attribute.type_id, attribute.getter())
                    )
            reply(
                header.reply(GeneralCommand.READ_ATTRIBUTES_RESPONSE),
                encode_read_response(records),
            )
        elif command in (
            GeneralCommand.WRITE_ATTRIBUTES,
            GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
            GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE,
        ):
            statuses = self._write_attributes(
                table,
                header,
                payload,
                undivided=command == GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
            )
            if command != GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE:
                reply(
                    header.reply(GeneralCommand.WRITE_ATTRIBUTES_RESPONSE),
                    encode_write_response(statuses),
                )
        elif command == GeneralCommand.CONFIGURE_REPORTING:
            results: list[AttributeStatus] = []
            for config in decode_configure_reporting(payload):
                results.append(self._configure_reporting(ep, cluster, table, header, config))
            reply(
                header.reply(GeneralCommand.CONFIGURE_REPORTING_RESPONSE),
                encode_configure_reporting_response(results),
            )
        elif command == GeneralCommand.READ_REPORTING_CONFIGURATION:
            answers: list[tuple[int, ReportingConfig | None]] = []
            for direction, attr in decode_read_reporting_configuration(payload):
                configured = self._reporting.get((ep, cluster, attr))
                if attr not in table:
                    answers.append((Status.UNSUPPORTED_ATTRIBUTE, ReportingConfig(attr, direction)))
                elif configured is None:
                    answers.append(
                        (Status.UNREPORTABLE_ATTRIBUTE, ReportingConfig(attr, direction))
                    )
                else:
                    answers.append((Status.SUCCESS, configured))
            reply(
                header.reply(GeneralCommand.READ_REPORTING_CONFIGURATION_RESPONSE),
                encode_read_reporting_configuration_response(answers),
            )
        elif command == GeneralCommand.DISCOVER_ATTRIBUTES:
            start, max_count = struct.unpack_from("<HB", payload)
            visible = sorted(
                attr
                for attr, attribute in table.items()
                if attr >= start and self._mfr_visible(attribute, header)
            )
            chosen = visible[:max_count]
            body = bytes([1 if len(chosen) == len(visible) else 0]) + b"".join(
                struct.pack("<HB", attr, table[attr].type_id) for attr in chosen
            )
            reply(header.reply(GeneralCommand.DISCOVER_ATTRIBUTES_RESPONSE), body)
        elif command in (
            GeneralCommand.DEFAULT_RESPONSE,
            GeneralCommand.REPORT_ATTRIBUTES,
            GeneralCommand.READ_ATTRIBUTES_RESPONSE,
            GeneralCommand.WRITE_ATTRIBUTES_RESPONSE,
            GeneralCommand.CONFIGURE_REPORTING_RESPONSE,
        ):
            return
        else:
            default_response(
                Status.UNSUP_MANUF_GENERAL_COMMAND
                if header.manufacturer is not None
                else Status.UNSUP_GENERAL_COMMAND
            )

    def _write_attributes(
        self, table: AttrTable, header: ZclHeader, payload: bytes, *, undivided: bool
    ) -> list[AttributeStatus]:
        values = decode_attribute_values(payload)
        checks: list[tuple[AttributeValue, Status]] = []
        for item in values:
            attribute = table.get(item.attr)
            if attribute is None or not self._mfr_visible(attribute, header):
                checks.append((item, Status.UNSUPPORTED_ATTRIBUTE))
            elif attribute.setter is None:
                checks.append((item, Status.READ_ONLY))
            elif item.type_id != attribute.type_id:
                checks.append((item, Status.INVALID_DATA_TYPE))
            else:
                checks.append((item, Status.SUCCESS))
        if undivided and any(status != Status.SUCCESS for _, status in checks):
            return [AttributeStatus(status, item.attr) for item, status in checks]
        results: list[AttributeStatus] = []
        for item, check in checks:
            status = check
            setter = table[item.attr].setter if check == Status.SUCCESS else None
            if setter is not None:
                status = setter(item.value)
            results.append(AttributeStatus(status, item.attr))
        return results

    def _configure_reporting(
        self,
        ep: int,
        cluster: int,
        table: AttrTable,
        header: ZclHeader,
        config: ReportingConfig,
    ) -> AttributeStatus:
        attribute = table.get(config.attr)
        if attribute is None or not self._mfr_visible(attribute, header):
            return AttributeStatus(Status.UNSUPPORTED_ATTRIBUTE, config.attr, config.direction)
        if config.direction != 0:
            return AttributeStatus(Status.SUCCESS, config.attr, config.direction)
        if config.type_id != attribute.type_id:
            return AttributeStatus(Status.INVALID_DATA_TYPE, config.attr, config.direction)
        key = (ep, cluster, config.attr)
        timer = self._reporting_timers.pop(key, None)
        if timer is not None:
            timer.cancel()
        if config.max_interval == 0xFFFF:
            self._reporting.pop(key, None)  # "stop reporting"
            return AttributeStatus(Status.SUCCESS, config.attr, 0)
        self._reporting[key] = config
        if config.max_interval > 0:
            self._schedule_periodic_report(key, config.max_interval)
        return AttributeStatus(Status.SUCCESS, config.attr, 0)

    def _schedule_periodic_report(self, key: tuple[int, int, int], interval: float) -> None:
        def fire() -> None:
            if key not in self._reporting:
                return
            ep, cluster, attr = key
            if self.powered:
                self.report_attribute(ep, cluster, attr)
            self._reporting_timers[key] = self.clock.call_later(interval, fire)

        self._reporting_timers[key] = self.clock.call_later(interval, fire)

    def _clear_reporting(self) -> None:
        for timer in self._reporting_timers.values():
            timer.cancel()
        self._reporting_timers.clear()
        self._reporting.clear()

    def reporting_config(self, ep: int, cluster: int, attr: int) -> ReportingConfig | None:
        """The Configure Reporting record stored for an attribute, if any."""
        return self._reporting.get((ep, cluster, attr))

    def _cancel_timers(self) -> None:
        if self._heartbeat_timer is not None:
            self._heartbeat_timer.cancel()
            self._heartbeat_timer = None
        for timer in self._reporting_timers.values():
            timer.cancel()
        self._reporting_timers.clear()
        if self._prevent_reset_deadline is not None:
            self._prevent_reset_deadline.cancel()
            self._prevent_reset_deadline = None
        if self._ota_query_timer is not None:
            self._ota_query_timer.cancel()
            self._ota_query_timer = None
        if self.ota is not None:
            self.ota.reset()  # a download in RAM does not survive a power loss

    def _rearm_reporting(self) -> None:
        # Reporting configuration lives in NV on real units: it survives a power cycle.
        for key, config in self._reporting.items():
            if config.max_interval > 0 and key not in self._reporting_timers:
                self._schedule_periodic_report(key, config.max_interval)

    # -- cluster-specific commands ----------------------------------------------------

    def _cluster_command(
        self,
        ep: int,
        cluster: int,
        header: ZclHeader,
        payload: bytes,
        reply: Callable[[ZclHeader, bytes], None],
    ) -> Status | None:
        """Handle a cluster-specific command; return a status for the Default Response."""
        if header.server_to_client:
            # Commands to client clusters: only the OTA client takes any.
            if cluster != OTA:
                return Status.UNSUP_CLUSTER_COMMAND
            if self.ota is None or ep != 1:
                return None
            status = self.ota.handle(header.command, payload)
            return None if status is None else Status(status)
        if header.manufacturer is not None:
            return Status.UNSUP_MANUF_CLUSTER_COMMAND
        if cluster == ON_OFF and ep in self.relays:
            return self._on_off_command(ep, header.command)
        if cluster == IDENTIFY:
            return self._identify_command(header, payload, reply)
        if cluster == GROUPS:
            return self._groups_command(ep, header, payload, reply)
        return Status.UNSUP_CLUSTER_COMMAND

    def _on_off_command(self, ep: int, command: int) -> Status:
        if command == 0x00:
            self.set_relay(ep, False)
        elif command == 0x01:
            self.set_relay(ep, True)
        elif command == 0x02:
            self.set_relay(ep, not self.relays[ep])
        else:
            return Status.UNSUP_CLUSTER_COMMAND
        return Status.SUCCESS

    def _identify(self, seconds: int) -> None:
        if self._identify_timer is not None:
            self._identify_timer.cancel()
            self._identify_timer = None
        self.identify_time = seconds
        if seconds > 0:

            def done() -> None:
                self.identify_time = 0
                self._identify_timer = None

            self._identify_timer = self.clock.call_later(seconds, done)

    def _identify_command(
        self, header: ZclHeader, payload: bytes, reply: Callable[[ZclHeader, bytes], None]
    ) -> Status | None:
        if header.command == 0x00:  # Identify(time)
            (seconds,) = struct.unpack_from("<H", payload)
            self._identify(seconds)
            return Status.SUCCESS
        if header.command == 0x01:  # Identify Query
            if self.identify_time > 0:
                reply(header.reply(0x00, FrameType.CLUSTER), struct.pack("<H", self.identify_time))
                return None
            return Status.SUCCESS
        if header.command == 0x40:  # Trigger Effect
            return Status.SUCCESS
        return Status.UNSUP_CLUSTER_COMMAND

    def _groups_command(
        self,
        ep: int,
        header: ZclHeader,
        payload: bytes,
        reply: Callable[[ZclHeader, bytes], None],
    ) -> Status | None:
        members = self.groups.setdefault(ep, set())
        command = header.command
        if command in (0x00, 0x05):  # Add Group / Add Group If Identifying
            (group,) = struct.unpack_from("<H", payload)
            if command == 0x05:
                if self.identify_time > 0:
                    members.add(group)
                    self._state_changed()
                return Status.SUCCESS
            status = Status.DUPLICATE_EXISTS if group in members else Status.SUCCESS
            members.add(group)
            self._state_changed()
            reply(header.reply(0x00, FrameType.CLUSTER), struct.pack("<BH", status, group))
            return None
        if command == 0x01:  # View Group
            (group,) = struct.unpack_from("<H", payload)
            status = Status.SUCCESS if group in members else Status.NOT_FOUND
            reply(
                header.reply(0x01, FrameType.CLUSTER),
                struct.pack("<BH", status, group) + encode_value(DataType.CHAR_STRING, ""),
            )
            return None
        if command == 0x02:  # Get Group Membership
            count = payload[0]
            asked = [group for (group,) in struct.iter_unpack("<H", payload[1 : 1 + 2 * count])]
            found = sorted(members) if not asked else [g for g in asked if g in members]
            reply(
                header.reply(0x02, FrameType.CLUSTER),
                bytes([0xFE, len(found)]) + b"".join(struct.pack("<H", g) for g in found),
            )
            return None
        if command == 0x03:  # Remove Group
            (group,) = struct.unpack_from("<H", payload)
            status = Status.SUCCESS if group in members else Status.NOT_FOUND
            members.discard(group)
            self._state_changed()
            reply(header.reply(0x03, FrameType.CLUSTER), struct.pack("<BH", status, group))
            return None
        if command == 0x04:  # Remove All Groups
            members.clear()
            self._state_changed()
            return Status.SUCCESS
        return Status.UNSUP_CLUSTER_COMMAND

    # -- ZDO ----------------------------------------------------------------------------

    def _handle_zdo(self, frame: ApsFrame) -> None:
        if not frame.payload:
            return
        tsn, body = frame.payload[0], frame.payload[1:]
        unicast = frame.dst_mode == AddressMode.NWK and frame.dst not in BROADCAST_NWKS
        cluster = frame.cluster

        def respond(payload: bytes) -> None:
            self._send(
                ApsFrame(
                    src_nwk=self.nwk,
                    src_ep=0,
                    dst=frame.src_nwk,
                    dst_ep=0,
                    cluster=cluster | ZDO_RESPONSE,
                    profile=ZDO_PROFILE,
                    payload=zdo_frame(tsn, payload),
                    lqi=self.lqi,
                    rssi=self._rssi(),
                )
            )

        nwk_bytes = struct.pack("<H", self.nwk)
        if cluster == ZdoCluster.NWK_ADDR_REQ:
            if body[:8] == self.ieee:
                respond(bytes([ZdoStatus.SUCCESS]) + self.ieee + nwk_bytes + self._assoc(body[8:]))
        elif cluster == ZdoCluster.IEEE_ADDR_REQ:
            (target,) = struct.unpack_from("<H", body)
            if target == self.nwk:
                respond(bytes([ZdoStatus.SUCCESS]) + self.ieee + nwk_bytes + self._assoc(body[2:]))
        elif cluster >= ZDO_RESPONSE or cluster == ZdoCluster.DEVICE_ANNCE:
            return  # responses and announcements of others are not for us
        elif not unicast:
            return  # other broadcasts (permit join, NWK update) need no answer
        elif cluster == ZdoCluster.NODE_DESC_REQ:
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + self.node_descriptor().encode())
        elif cluster == ZdoCluster.POWER_DESC_REQ:
            # mains, current source mains, full
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([0x10, 0xC1]))
        elif cluster == ZdoCluster.ACTIVE_EP_REQ:
            eps = self.active_endpoints
            respond(bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([len(eps), *eps]))
        elif cluster == ZdoCluster.SIMPLE_DESC_REQ:
            requested = body[2]
            spec = self.endpoint(requested)
            if spec is None or not spec.declared:
                status = ZdoStatus.INVALID_EP if requested in (0, 0xFF) else ZdoStatus.NOT_ACTIVE
                respond(bytes([status]) + nwk_bytes + b"\x00")
            else:
                descriptor = spec.descriptor().encode()
                respond(
                    bytes([ZdoStatus.SUCCESS]) + nwk_bytes + bytes([len(descriptor)]) + descriptor
                )
        elif cluster in (ZdoCluster.BIND_REQ, ZdoCluster.UNBIND_REQ):
            respond(bytes([self._bind(body, bind=cluster == ZdoCluster.BIND_REQ)]))
        elif cluster == ZdoCluster.MGMT_LQI_REQ:
            start = body[0] if body else 0
            entries = self.neighbors[start : start + 3]
            respond(
                bytes([ZdoStatus.SUCCESS, len(self.neighbors), start, len(entries)])
                + b"".join(entry.encode() for entry in entries)
            )
        elif cluster == ZdoCluster.MGMT_LEAVE_REQ:
            target = body[:8]
            rejoin = len(body) > 8 and bool(body[8] & 0x80)
            if target in (self.ieee, bytes(8)):
                respond(bytes([ZdoStatus.SUCCESS]))
                if not rejoin:  # a leave-and-rejoin puts it straight back: nothing changes
                    self.leave()
            else:
                respond(bytes([ZdoStatus.NOT_SUPPORTED]))
        elif cluster == ZdoCluster.MGMT_PERMIT_JOINING_REQ:
            respond(bytes([ZdoStatus.SUCCESS]))
        else:
            respond(bytes([ZdoStatus.NOT_SUPPORTED]))

    def _assoc(self, rest: bytes) -> bytes:
        """Extended part of NWK/IEEE_addr_rsp: we report no associated devices."""
        if rest and rest[0] == 1:
            return bytes([0, 0])
        return b""

    def _bind(self, body: bytes, *, bind: bool) -> int:
        src_ieee = body[:8]
        if src_ieee != self.ieee:
            return ZdoStatus.NOT_SUPPORTED
        src_ep = body[8]
        (cluster,) = struct.unpack_from("<H", body, 9)
        mode = body[11]
        if mode == 0x01:
            (group,) = struct.unpack_from("<H", body, 12)
            dst = str(group)
        elif mode == 0x03:
            dst = f"{ieee_to_str(body[12:20])}/{body[20]}"
        else:
            return ZdoStatus.NOT_SUPPORTED
        entry = Binding(src_ep, cluster, mode, dst)
        if bind:
            if entry not in self.bindings:
                self.bindings.append(entry)
            return ZdoStatus.SUCCESS
        if entry in self.bindings:
            self.bindings.remove(entry)
            return ZdoStatus.SUCCESS
        return ZdoStatus.NO_ENTRY


def lumi_attr(
    type_id: int,
    getter: Callable[[], object],
    setter: Callable[[object], Status] | None = None,
) -> Attribute:
    """A manufacturer-specific (code 0x115F) attribute."""
    return Attribute(type_id, getter, setter, manufacturer_specific=True)


def as_int(value: object) -> int:
    """A decoded ZCL number as ``int`` (writers receive ``object``)."""
    if isinstance(value, bool | int | float):
        return int(value)
    raise TypeError(f"expected a number, got {value!r}")
