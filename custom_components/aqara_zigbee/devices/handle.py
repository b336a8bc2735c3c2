"""Runtime binding between one zigpy device and its :class:`Definition`.

The HA side creates one :class:`DeviceHandle` per device, calls :meth:`start`, listens with
:meth:`add_listener`, and drives the device with :meth:`async_write` / :meth:`async_read` /
:meth:`async_configure`. ``values`` only ever holds what the device confirmed: a report, a
heartbeat, a read response, or a successful write/command response. Nothing is optimistic.

Where values come from (all decoded here, per the definition's sources):

* ZCL attribute reports, through each cluster's ``general_command`` listener (the header is
  needed for the TSN: Aqara repeats frames, a repeated TSN on an endpoint within
  :data:`DUPLICATE_WINDOW` fires one action only);
* zigpy ``attribute_updated`` / ``attribute_read`` events (values set through zigpy's own
  API, e.g. ``cluster.update_attribute`` or ``cluster.read_attributes``);
* heartbeats (genBasic 0xFF01, 0xFCC0 0x00F7), decoded by :mod:`..lumi.heartbeat`;
* MultistateInput presentValue on the button endpoints → the ``action`` event expose;
  OnOff reports of older buttons, timed into click or hold where they tell only press and
  release (WXKG01LM); gestures decoded with every attribute of their report (cubes' sides
  and angles, knobs' rotations), their values confirmed before the action fires; the
  cluster commands remotes send in command mode (Opple: On/Off, Step, Move, Stop...).

The genBasic 0xFFF0 "prevent reset" request of WS-USC02/QBKG40LM is answered here too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, field
import logging
import math
import time
from typing import Any, Final

import zigpy.device
import zigpy.endpoint
import zigpy.exceptions
from zigpy.zcl import AttributeReadEvent, AttributeUpdatedEvent, Cluster, foundation
import zigpy.zdo.types as zdo_t

from ..features.diagnostics import UNKNOWN_MODEL_HEARTBEAT
from ..lumi import heartbeat
from ..lumi.clusters import LumiTlv
from ..lumi.const import (
    BASIC,
    BASIC_HEARTBEAT,
    BASIC_LUMI_WRITE,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    LUMI_MANUFACTURER_CODE,
    ON_OFF,
    PREVENT_RESET_ANSWER,
    PREVENT_RESET_QUERY_PREFIX,
    ZCL_OCTET_STRING,
)
from ..lumi.device import ensure_cluster
from .model import (
    DEFAULT_IDENTIFY_TIMEOUT,
    MEASUREMENTS,
    OPTION_IDENTIFY_TIMEOUT,
    OPTION_OCCUPANCY_TIMEOUT,
    OPTION_SPECS,
    OPTION_STATE_ACTION,
    OPTION_VIBRATION_TIMEOUT,
    ActionSource,
    AttributeSource,
    AttributeWrite,
    BindStep,
    CalibratedCodec,
    ClusterCommandSource,
    CommandSource,
    CommandWrite,
    ConfigureStep,
    Definition,
    DerivedSource,
    Expose,
    ExposeWriteStep,
    FrameAnswer,
    FrameContext,
    FrameWrite,
    GestureSource,
    IasEnrollStep,
    IdentifyWrite,
    OnOffWrite,
    Platform,
    ReleaseActions,
    RemoveFromGroupStep,
    ReportAnswer,
    ReportStep,
    SequenceWrite,
    TimedPressSource,
    WriteStep,
)

_LOGGER = logging.getLogger(__name__)

#: a repeated ZCL TSN on the same endpoint within this many seconds is the same frame
DUPLICATE_WINDOW: Final = 1.0

ACTION_KEY: Final = "action"

_REPORT: Final = foundation.GeneralCommand.Report_Attributes
_READ_RSP: Final = foundation.GeneralCommand.Read_Attributes_rsp
# Attributes asked in one Read Attributes request. The answer must fit the coordinator's
# largest incoming frame (128 bytes on EZSP, 160 on Z-Stack) or it never arrives: the
# FP300's 25 settings (up to 8 bytes a record) and heartbeat in one answer did not.
MAX_READ_ATTRIBUTES: Final = 10
_IDENTIFY_COMMAND: Final = 0x00  # Identify(identify_time)
_OFF: Final = 0x00  # OnOff server command ids
_ON: Final = 0x01
_HEARTBEATS: Final = frozenset({(BASIC, BASIC_HEARTBEAT), (LUMI_CLUSTER, LUMI_HEARTBEAT)})
#: IAS Zone: Zone Status Change Notification (client command 0x00) and zoneStatus
_ZONE_STATUS_CHANGE: Final = (0x0500, 0x00)
_ZONE_STATUS: Final = 0x0002
#: ZCL: a multiplier/divisor the device does not implement is 1
_DEFAULT_FACTOR: Final = 1.0
#: IAS Zone (ZCL 8.2): its CIE address attribute, the zone's enroll request (server to
#: client) and our enroll response (client to server)
IAS_ZONE: Final = 0x0500
_IAS_CIE_ADDRESS: Final = 0x0010
_IAS_ENROLL_REQUEST: Final = 0x01
_IAS_ENROLL_RESPONSE: Final = 0x00
_ZCL_IEEE_ADDRESS: Final = 0xF0

Route = tuple[int, int, int]  # (endpoint, cluster, attribute)

Listener = Callable[[str, object], None]

#: options holding the timeout of a set-only binary sensor (:class:`ClearAfter`)
CLEARING_OPTIONS: Final = frozenset({OPTION_OCCUPANCY_TIMEOUT, OPTION_VIBRATION_TIMEOUT})


class DeviceCommandError(Exception):
    """A request to the device failed."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class WriteFailed(DeviceCommandError):  # noqa: N818 - the API's names
    """Writing an expose failed (delivery error, timeout, or non-success status)."""

    #: the frame never reached the device (no answer, not acknowledged): not a refusal
    undelivered: bool = False


class WritePending(WriteFailed):
    """A sleeping device did not take the write: it is sent again when the device wakes."""


class ReadFailed(DeviceCommandError):  # noqa: N818 - the API's names
    """Reading one or more exposes failed; ``key`` lists them comma separated."""


class ConfigureFailed(DeviceCommandError):  # noqa: N818 - the API's names
    """One or more configure steps failed; the others were still attempted."""


#: The table of an option kind no option of the device sets: one empty dict shared by every
#: device. Never written: the tables are read-only ``Mapping``s of a frozen object (a plain
#: dict rather than a ``MappingProxyType``: ``adjust`` looks them up on every report).
_NO_ENTRIES: Final[Mapping[str, Any]] = {}


class _NoEntries(dict[Any, Any]):
    """The empty table every handle shares until its first entry: most of a handle's
    tables stay empty for good (a plug has no button timers, no pending writes...).

    Adding to it raises rather than fill every handle's table at once: a write site takes
    its own table first (:func:`_own`). Reading, ``pop`` and ``clear`` work as on any
    empty dict.
    """

    __slots__ = ()

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError("the shared empty table is read-only: take an own one (_own)")

    def setdefault(self, key: Any, default: Any = None) -> Any:
        raise TypeError("the shared empty table is read-only: take an own one (_own)")

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("the shared empty table is read-only: take an own one (_own)")


_EMPTY_TABLE: Final[dict[Any, Any]] = _NoEntries()


def _own[K, V](table: dict[K, V]) -> dict[K, V]:
    """``table`` itself, or a new dict in place of the shared empty one (to add to)."""
    return {} if table is _EMPTY_TABLE else table


@dataclass(frozen=True, slots=True)
class HandleOptions:
    """Per-device options (Zigbee2MQTT library options), applied from the next report on."""

    #: expose key → calibration (absolute offset, or percent for percentual measurements)
    calibrations: Mapping[str, float] = field(default_factory=dict)
    #: expose key → digits after the decimal point
    precisions: Mapping[str, int] = field(default_factory=dict)
    state_action: bool = False
    #: option key → seconds (``occupancy_timeout``...: when a set-only binary sensor clears)
    timeouts: Mapping[str, float] = field(default_factory=dict)
    #: other numeric options (a button's hold timeouts), by option key
    numbers: Mapping[str, float] = field(default_factory=dict)
    #: seconds an identify command makes the device flash
    identify_timeout: int = DEFAULT_IDENTIFY_TIMEOUT

    @classmethod
    def from_mapping(
        cls, options: Mapping[str, object], supported: Iterable[str] | None = None
    ) -> HandleOptions:
        """Parse stored options; anything invalid, or not ``supported``, counts as unset."""
        calibrations: dict[str, float] = {}
        precisions: dict[str, int] = {}
        timeouts: dict[str, float] = {}
        numbers: dict[str, float] = {}
        for key in OPTION_SPECS.keys() if supported is None else supported:
            spec = OPTION_SPECS.get(key)
            value = options.get(key)
            # What the options form refuses counts as unset, as for saved network options
            if spec is None or not spec.accepts(value):
                continue
            if key in CLEARING_OPTIONS:
                timeouts[key] = float(value)  # type: ignore[arg-type]
                continue
            if spec.expose_key is None:
                if spec.kind is not bool:
                    numbers[key] = float(value)  # type: ignore[arg-type]
                continue
            if spec.kind is int:
                precisions[spec.expose_key] = int(value)  # type: ignore[call-overload]
            elif value:
                calibrations[spec.expose_key] = float(value)  # type: ignore[arg-type]
        state_action = options.get(OPTION_STATE_ACTION) is True and (
            supported is None or OPTION_STATE_ACTION in supported
        )
        identify = options.get(OPTION_IDENTIFY_TIMEOUT)
        identify_timeout = (
            int(identify)  # type: ignore[call-overload]
            if OPTION_SPECS[OPTION_IDENTIFY_TIMEOUT].accepts(identify)
            and (supported is None or OPTION_IDENTIFY_TIMEOUT in supported)
            else DEFAULT_IDENTIFY_TIMEOUT
        )
        parsed = cls(
            calibrations=calibrations or _NO_ENTRIES,
            precisions=precisions or _NO_ENTRIES,
            state_action=state_action,
            timeouts=timeouts or _NO_ENTRIES,
            numbers=numbers or _NO_ENTRIES,
            identify_timeout=identify_timeout,
        )
        # Most devices have no options set: they all share one object
        return NO_OPTIONS if parsed == NO_OPTIONS else parsed

    def adjust(self, key: str, value: object) -> object:
        """Calibrate and round a numeric expose value the way Zigbee2MQTT does."""
        measurement = MEASUREMENTS.get(key)
        if (
            measurement is None
            or measurement.in_codec
            or isinstance(value, bool)
            or not isinstance(value, int | float)
        ):
            return value
        calibration = self.calibrations.get(key, 0.0)
        precision = self.precisions.get(key)
        result: float = value
        if calibration:
            offset = value * calibration / 100 if measurement.percentual else calibration
            result = value + offset
            if precision is None:
                precision = measurement.calibrated_digits
        if precision is None:
            return value
        rounded = round(result, precision)
        return int(rounded) if precision == 0 else rounded


#: The options of a device that sets none (most)
NO_OPTIONS: Final = HandleOptions(
    calibrations=_NO_ENTRIES, precisions=_NO_ENTRIES, timeouts=_NO_ENTRIES, numbers=_NO_ENTRIES
)


class _ClusterListener:
    """zigpy's listener on one watched cluster: its legacy listener events and, called, its
    attribute events, forwarded to the handle with the cluster attached.

    One small object per cluster (no closures): it is kept for every watched cluster of
    every device.
    """

    # The two unsubscribes in slots of their own: no tuple of them per cluster
    __slots__ = ("_handle", "_unsubscribe_read", "_unsubscribe_updated", "cluster")

    def __init__(self, handle: DeviceHandle, cluster: Cluster) -> None:
        self._handle = handle
        self.cluster = cluster
        self._unsubscribe_updated: Callable[[], None] | None = None
        self._unsubscribe_read: Callable[[], None] | None = None

    def attach(self) -> None:
        self.cluster.add_listener(self)
        # The listener itself is the callback. Two named subscriptions rather than one for
        # all events: zigpy calls (and checks) every all-events listener on each report.
        self._unsubscribe_updated = self.cluster.on_event(AttributeUpdatedEvent.event_type, self)
        self._unsubscribe_read = self.cluster.on_event(AttributeReadEvent.event_type, self)

    def general_command(self, hdr: foundation.ZCLHeader, args: Any) -> None:
        self._handle._on_general_command(self.cluster, hdr, args)

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """A remote's commands (generic client clusters, or a Lumi remote in command mode
        telling its clicks), an IAS zone's notifications and enroll requests."""
        self._handle._on_cluster_command(self.cluster, tsn, command_id, args)

    def __call__(self, event: AttributeUpdatedEvent | AttributeReadEvent) -> None:
        """An attribute updated or read through zigpy's own API."""
        self._handle._on_attribute_event(self.cluster, event)

    def detach(self) -> None:
        self.cluster.remove_listener(self)
        if self._unsubscribe_updated is not None:
            self._unsubscribe_updated()
            self._unsubscribe_updated = None
        if self._unsubscribe_read is not None:
            self._unsubscribe_read()
            self._unsubscribe_read = None


class _RemoveListener:
    """Removes one value listener from a handle (idempotent); slotted, not a closure."""

    __slots__ = ("_callback", "_listeners")

    def __init__(self, listeners: list[Listener], callback: Listener) -> None:
        self._listeners = listeners
        self._callback = callback

    def __call__(self) -> None:
        if self._callback in self._listeners:
            self._listeners.remove(self._callback)


class _DeviceListener:
    """zigpy device listener: clusters that a :class:`LumiDevice` declares on the fly."""

    __slots__ = ("_handle",)

    def __init__(self, handle: DeviceHandle) -> None:
        self._handle = handle

    def lumi_cluster_added(self, cluster: Cluster) -> None:
        self._handle._attach(cluster)


def _status_ok(status: object) -> bool:
    return bool(status == foundation.Status.SUCCESS)


def _write_problems(result: object) -> list[str]:
    """Failures in a Write Attributes response (or a default response)."""
    records = getattr(result, "status_records", None)
    if records is None:
        status = getattr(result, "status", None)
        return [] if _status_ok(status) else [f"status {status!r}"]
    return [
        f"attribute 0x{record.attrid or 0:04x}: {record.status!r}"
        for record in records
        if not _status_ok(record.status)
    ]


def _check_range(expose: Expose, value: object) -> None:
    """Numbers must lie within the expose's native range."""
    if expose.platform is not Platform.NUMBER:
        return
    number = float(value) if isinstance(value, int | float) else math.nan
    low = expose.native_min if expose.native_min is not None else -math.inf
    high = expose.native_max if expose.native_max is not None else math.inf
    if not low <= number <= high:
        raise WriteFailed(expose.key, f"{value!r} is out of range [{low}, {high}]")


def _raw_value(value: object) -> object:
    """Plain Python value of a zigpy attribute value (enums/ints/floats/bytes)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


@dataclass(frozen=True, slots=True)
class _Routing:
    """Where a definition's sources route each frame: built once per definition and shared
    by the handles of all its devices (nothing here is per device; never mutated)."""

    #: (endpoint, cluster, attribute) → the exposes an attribute carries
    attribute_routes: Mapping[Route, list[tuple[Expose, AttributeSource]]]
    # Keyed by (endpoint, cluster, attribute); endpoint None for any-endpoint sources
    action_routes: Mapping[tuple[int | None, int, int], tuple[Expose, ActionSource]]
    # Keyed by (endpoint, cluster, output)
    cluster_command_routes: Mapping[
        tuple[int, int, bool], list[tuple[Expose, ClusterCommandSource]]
    ]
    # Press/release buttons (TimedPressSource), keyed like actions
    press_routes: Mapping[tuple[int | None, int, int], tuple[Expose, TimedPressSource]]
    # Commands of remotes (command mode), keyed by (endpoint, cluster, command)
    command_routes: Mapping[tuple[int | None, int, int], tuple[Expose, CommandSource]]
    # Gestures (cubes, knobs), keyed like actions by their trigger attribute
    gesture_routes: Mapping[tuple[int | None, int, int], tuple[Expose, GestureSource]]
    #: expose key → the exposes computed from its value (battery % from voltage)
    derived: Mapping[str, list[tuple[Expose, DerivedSource]]]
    #: the attributes holding a measurement's multiplier/divisor, each mapped to itself:
    #: the one tuple every device of the model keys its learned factors by
    scaling_routes: Mapping[Route, Route]
    state_actions: frozenset[str]
    heartbeat_profile: heartbeat.Profile
    # Only clusters that carry something we decode get listeners: each attached cluster
    # costs memory per device, and most clusters of a device never matter to us.
    watched_clusters: frozenset[tuple[int, int]]
    any_endpoint_clusters: frozenset[int]


#: id of a model's definition → (the definition, its routing): models are few and live for
#: the process; a generated definition (an unknown model) is per device and not kept here
_ROUTINGS: dict[int, tuple[Definition, _Routing]] = {}


def _routing(definition: Definition | None) -> _Routing:
    """The routing tables of ``definition``, built on first use."""
    if definition is None or definition.generated:
        return _build_routing(definition)
    cached = _ROUTINGS.get(id(definition))
    if cached is not None and cached[0] is definition:
        return cached[1]
    routing = _build_routing(definition)
    _ROUTINGS[id(definition)] = (definition, routing)
    return routing


def _build_routing(definition: Definition | None) -> _Routing:
    exposes = definition.exposes if definition is not None else ()
    attribute_routes: dict[Route, list[tuple[Expose, AttributeSource]]] = {}
    action_routes: dict[tuple[int | None, int, int], tuple[Expose, ActionSource]] = {}
    cluster_command_routes: dict[
        tuple[int, int, bool], list[tuple[Expose, ClusterCommandSource]]
    ] = {}
    press_routes: dict[tuple[int | None, int, int], tuple[Expose, TimedPressSource]] = {}
    command_routes: dict[tuple[int | None, int, int], tuple[Expose, CommandSource]] = {}
    gesture_routes: dict[tuple[int | None, int, int], tuple[Expose, GestureSource]] = {}
    derived: dict[str, list[tuple[Expose, DerivedSource]]] = {}
    scaling_routes: set[Route] = set()
    for expose in exposes:
        for source in expose.sources:
            if isinstance(source, AttributeSource):
                route = (source.endpoint, source.cluster, source.attribute)
                attribute_routes.setdefault(route, []).append((expose, source))
                scaling_routes.update(
                    (source.endpoint, source.cluster, attr_id)
                    for attr_id in source.scaling_attributes
                )
            elif isinstance(source, ActionSource):
                action_routes[(source.endpoint, source.cluster, source.attribute)] = (
                    expose,
                    source,
                )
            elif isinstance(source, CommandSource):
                command_routes[(source.endpoint, source.cluster, source.command)] = (
                    expose,
                    source,
                )
            elif isinstance(source, TimedPressSource):
                press_routes[(source.endpoint, source.cluster, source.attribute)] = (
                    expose,
                    source,
                )
            elif isinstance(source, GestureSource):
                gesture_routes[(source.endpoint, source.cluster, source.trigger)] = (
                    expose,
                    source,
                )
            elif isinstance(source, DerivedSource):
                derived.setdefault(source.key, []).append((expose, source))
            elif isinstance(source, ClusterCommandSource):
                cluster_command_routes.setdefault(
                    (source.endpoint, source.cluster, source.output), []
                ).append((expose, source))
    events = [expose for expose in exposes if expose.platform is Platform.EVENT]
    if definition is not None and definition.state_action_event is not None:
        events.append(definition.state_action_event)
    any_endpoint_routes = (*action_routes, *press_routes, *gesture_routes, *command_routes)
    return _Routing(
        attribute_routes=attribute_routes,
        action_routes=action_routes,
        cluster_command_routes=cluster_command_routes,
        press_routes=press_routes,
        command_routes=command_routes,
        gesture_routes=gesture_routes,
        derived=derived,
        scaling_routes={route: route for route in scaling_routes},
        state_actions=frozenset(
            option for event in events for option in event.state_action_options
        ),
        heartbeat_profile=(
            definition.heartbeat_profile
            if definition is not None and not definition.generated
            else UNKNOWN_MODEL_HEARTBEAT
        ),
        watched_clusters=frozenset(
            {(endpoint, cluster) for endpoint, cluster, _ in attribute_routes}
            | {
                (endpoint, cluster)
                for endpoint, cluster, _ in any_endpoint_routes
                if endpoint is not None
            }
            | {(endpoint, cluster) for endpoint, cluster, _ in cluster_command_routes}
        ),
        any_endpoint_clusters=frozenset(
            cluster for endpoint, cluster, _ in any_endpoint_routes if endpoint is None
        ),
    )


class _ReadInFlight:
    """A read waiting for its answer (compared by identity: two reads are never equal)."""

    __slots__ = ("overtaken",)

    def __init__(self) -> None:
        #: expose keys a newer frame (report, heartbeat, confirmed write) set meanwhile
        self.overtaken: set[str] = set()


class DeviceHandle:
    """Decodes one zigpy device's traffic into expose values and drives its writes."""

    # One per device: slots instead of a per-instance dict of ~40 attributes
    __slots__ = (
        "_action_routes",
        "_any_endpoint_clusters",
        "_applying",
        "_attached",
        "_attribute_routes",
        "_clear_timers",
        "_cluster_command_routes",
        "_command_routes",
        "_derived",
        "_device_listener",
        "_factor_reads",
        "_factors",
        "_flushing",
        "_gesture_routes",
        "_heartbeat_profile",
        "_held",
        "_held_buttons",
        "_holding",
        "_listeners",
        "_model_id",
        "_on_wake",
        "_pending_releases",
        "_press_routes",
        "_press_timers",
        "_reads_in_flight",
        "_recent_tsns",
        "_scaling_routes",
        "_started",
        "_state_actions",
        "_tasks",
        "_watched_clusters",
        "definition",
        "device",
        "exposes",
        "ieee",
        "last_heartbeat",
        "options",
        "pending_writes",
        "sleepy",
        "values",
    )

    def __init__(self, device: zigpy.device.Device, definition: Definition | None) -> None:
        self.device = device
        self.definition = definition
        self.ieee = str(device.ieee)
        self.exposes: tuple[Expose, ...] = definition.exposes if definition is not None else ()
        #: last value the device confirmed, per expose key
        self.values: dict[str, object] = {}
        #: the last decoded heartbeat, whole (diagnostics; includes e.g. ``parent_nwk``)
        self.last_heartbeat: dict[str, object] = _EMPTY_TABLE
        self.options = NO_OPTIONS

        self._model_id = (
            device.model
            if isinstance(device.model, str)
            else (definition.model_ids[0] if definition is not None else "")
        )
        self._listeners: list[Listener] = []
        # A tuple (a handful, rebuilt on the rare attach) rather than a dict by cluster
        self._attached: tuple[_ClusterListener, ...] = ()
        self._device_listener = _DeviceListener(self)
        self._started = False
        # Sets kept as dicts (key → None): an empty dict is a third of an empty set, and
        # each handle keeps several, mostly empty
        self._tasks: dict[asyncio.Task[None], None] = _EMPTY_TABLE
        self._recent_tsns: dict[tuple[int, int], float] = {}
        #: reads waiting for their answer, each with the keys set meanwhile by newer frames
        self._reads_in_flight: list[_ReadInFlight] = []
        #: while a read's answer is applied: the read (its overtaken keys are not set)
        self._applying: _ReadInFlight | None = None
        # Button endpoints whose last frame was a hold (ReleaseActions)
        self._holding: dict[int, None] = _EMPTY_TABLE
        # Standard ZCL scaling: the factors learned from the device, the raw values waiting
        # for them (never published unscaled), and the clusters whose factors are being read
        self._factors: dict[Route, float] = _EMPTY_TABLE
        self._held: dict[Route, object] = _EMPTY_TABLE
        self._factor_reads: dict[tuple[int, int], None] = _EMPTY_TABLE
        # Set-only binary sensors (motion): the pending clear of each, by expose key
        self._clear_timers: dict[str, asyncio.TimerHandle] = _EMPTY_TABLE
        #: a battery end device hears frames only while awake (after it sent something)
        self.sleepy = definition is not None and definition.sleepy
        #: writes a sleeping device missed, by expose key: delivered once it is heard again
        self.pending_writes: dict[str, object] = _EMPTY_TABLE
        self._flushing = False
        self._on_wake: Callable[[], None] | None = None
        # The routing tables: the same for every device of a model, so shared
        routing = _routing(definition)
        #: exposes computed from another expose's value (battery % from voltage)
        self._derived = routing.derived
        self._attribute_routes = routing.attribute_routes
        # A generated definition knows no heartbeat: an undefined Lumi model's common
        # entries are still decoded (diagnostics)
        self._heartbeat_profile = routing.heartbeat_profile
        self._action_routes = routing.action_routes
        self._cluster_command_routes = routing.cluster_command_routes
        self._press_routes = routing.press_routes
        # (endpoint, cluster) → the timer deciding hold, or forgetting a hold
        self._press_timers: dict[tuple[int, int], asyncio.TimerHandle] = _EMPTY_TABLE
        self._held_buttons: dict[tuple[int, int], None] = _EMPTY_TABLE
        # Commands of remotes (command mode), and the release each held button will need
        self._command_routes = routing.command_routes
        self._pending_releases: dict[int, str] = _EMPTY_TABLE
        self._gesture_routes = routing.gesture_routes
        self._state_actions = routing.state_actions
        self._scaling_routes = routing.scaling_routes
        self._watched_clusters = routing.watched_clusters
        self._any_endpoint_clusters = routing.any_endpoint_clusters

    # ------------------------------------------------------------------ listeners

    def add_listener(self, callback: Listener) -> Callable[[], None]:
        """Call ``callback(key, value)`` for every confirmed value; returns unsubscribe.

        For the event expose (``action``) the value is the action string.
        """
        self._listeners.append(callback)
        return _RemoveListener(self._listeners, callback)

    def _notify(self, key: str, value: object) -> None:
        for callback in list(self._listeners):
            try:
                callback(key, value)
            except Exception:
                _LOGGER.exception("Listener of %s failed for %s", self.ieee, key)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        """Attach to every cluster of the device (idempotent)."""
        if self._started:
            return
        self._started = True
        self.device.add_listener(self._device_listener)
        for endpoint in self._endpoints():
            for cluster in (*endpoint.in_clusters.values(), *endpoint.out_clusters.values()):
                self._attach(cluster)

    def stop(self) -> None:
        """Detach from the device and cancel pending background writes (idempotent)."""
        if not self._started:
            return
        self._started = False
        self.device.remove_listener(self._device_listener)
        for listener in self._attached:
            listener.detach()
        self._attached = ()
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        for timer in self._clear_timers.values():
            timer.cancel()
        self._clear_timers.clear()
        for timer in self._press_timers.values():
            timer.cancel()
        self._press_timers.clear()
        self._held_buttons.clear()

    def _endpoints(self) -> list[zigpy.endpoint.Endpoint]:
        return [
            ep for ep in self.device.endpoints.values() if isinstance(ep, zigpy.endpoint.Endpoint)
        ]

    def _watches(self, cluster: Cluster) -> bool:
        # Basic and 0xFCC0 carry heartbeats and the prevent-reset query on any endpoint.
        return (
            cluster.cluster_id in (BASIC, LUMI_CLUSTER)
            or cluster.cluster_id in self._any_endpoint_clusters
            or (cluster.endpoint.endpoint_id, cluster.cluster_id) in self._watched_clusters
        )

    def _attach(self, cluster: Cluster) -> None:
        if (
            not self._started
            or any(listener.cluster is cluster for listener in self._attached)
            or not self._watches(cluster)
        ):
            return
        listener = _ClusterListener(self, cluster)
        listener.attach()
        self._attached = (*self._attached, listener)

    def set_options(self, options: Mapping[str, object]) -> None:
        """Apply device options (from the next report on); only the model's own count."""
        supported = self.definition.options if self.definition is not None else ()
        self.options = HandleOptions.from_mapping(options, supported)

    # ------------------------------------------------------------------ decoding

    def _on_general_command(self, cluster: Cluster, hdr: foundation.ZCLHeader, args: Any) -> None:
        try:
            if hdr.command_id == _REPORT:
                records = list(getattr(args, "attribute_reports", ()))
                if self._gesture_routes:
                    self._on_gesture_report(cluster, records, hdr.tsn)
                for record in records:
                    self._on_attribute(
                        cluster, record.attrid, record.value.value, report=True, tsn=hdr.tsn
                    )
            elif hdr.command_id == _READ_RSP:
                for record in getattr(args, "status_records", ()):
                    if _status_ok(record.status) and record.value is not None:
                        self._on_attribute(
                            cluster, record.attrid, record.value.value, report=False, tsn=None
                        )
        except Exception:
            # A decoding bug must never break zigpy's frame processing
            _LOGGER.exception("Failed to decode a frame from %s: %r %r", self.ieee, hdr, args)

    def _on_cluster_command(self, cluster: Cluster, tsn: int, command_id: int, args: Any) -> None:
        try:
            endpoint = cluster.endpoint
            output = endpoint.out_clusters.get(cluster.cluster_id) is cluster
            if cluster.cluster_id == IAS_ZONE and not output and command_id == _IAS_ENROLL_REQUEST:
                self._spawn(self._async_enroll(endpoint.endpoint_id))
                return
            routes = self._cluster_command_routes.get(
                (endpoint.endpoint_id, cluster.cluster_id, output)
            )
            if not routes:
                # No generic route: a Lumi zone's status, or a Lumi remote's command mode
                if (cluster.cluster_id, command_id) == _ZONE_STATUS_CHANGE and args:
                    self._on_zone_status(cluster, args[0], tsn)
                else:
                    self._on_command(cluster, tsn, command_id, args)
                return
            arguments = tuple(args) if isinstance(args, tuple | list) else ()
            for expose, source in routes or ():
                value = source.decoder.decode(command_id, arguments)
                if value is None:
                    continue
                if expose.platform is Platform.EVENT:
                    # A remote repeats a command it got no answer for: one event per TSN
                    if not self._is_duplicate(endpoint.endpoint_id, tsn):
                        self._fire(expose.key, str(value))
                else:
                    self._confirm(expose, value, from_report=True)
        except Exception:
            _LOGGER.exception(
                "Failed to decode a command from %s: %r %r", self.ieee, command_id, args
            )

    def _on_zone_status(self, cluster: Cluster, zone_status: object, tsn: int) -> None:
        try:
            self._on_attribute(cluster, _ZONE_STATUS, int(zone_status), report=True, tsn=tsn)  # type: ignore[call-overload]
        except Exception:
            _LOGGER.exception("Failed to decode a zone status of %s: %r", self.ieee, zone_status)

    def _on_attribute_event(
        self, cluster: Cluster, event: AttributeUpdatedEvent | AttributeReadEvent
    ) -> None:
        try:
            self._on_attribute(cluster, event.attribute_id, event.value, report=False, tsn=None)
        except Exception:
            _LOGGER.exception("Failed to decode an attribute of %s: %r", self.ieee, event)

    def _on_attribute(
        self, cluster: Cluster, attr_id: int, raw: object, *, report: bool, tsn: int | None
    ) -> None:
        endpoint_id = cluster.endpoint.endpoint_id
        cluster_id = cluster.cluster_id
        if (cluster_id, attr_id) in _HEARTBEATS:
            self._on_heartbeat(raw)
            return
        if report and cluster_id == BASIC and attr_id == BASIC_LUMI_WRITE:
            self._maybe_prevent_reset(raw)
        if report and self.definition is not None:
            for answer in self.definition.answers:
                if (answer.cluster, answer.attribute) != (cluster_id, attr_id):
                    continue
                if isinstance(answer, FrameAnswer):
                    if answer.asks.decode(_raw_value(raw)):
                        self._spawn(self._async_frame_answer(answer))
                elif raw == answer.value:
                    self._spawn(self._async_answer(answer))
        route = (endpoint_id, cluster_id, attr_id)
        if self._gesture_route(route) is not None:
            return  # decoded with the whole report (_on_gesture_report)
        press_route = self._press_routes.get(route) or self._press_routes.get(
            (None, cluster_id, attr_id)
        )
        if press_route is not None:
            if report:
                self._on_press(press_route, endpoint_id, raw, tsn)
            return
        action_route = self._action_routes.get(route) or self._action_routes.get(
            (None, cluster_id, attr_id)
        )
        if action_route is not None:
            if report:
                self._on_action(action_route, endpoint_id, raw, tsn)
            if route not in self._attribute_routes:
                return
            # The same frame also sets a value (a vibration sensor's action and its state)
        if route in self._scaling_routes:
            self._learn_factor(cluster, attr_id, raw)
            return
        for expose, source in self._attribute_routes.get(route, ()):
            scaled = self._scaled(cluster, source, _raw_value(raw))
            if scaled is None:
                self._hold(cluster, route, raw)
                continue
            value = (
                source.codec.decode_calibrated(scaled, self.options.calibrations)
                if isinstance(source.codec, CalibratedCodec)
                else source.codec.decode(scaled)
            )
            if value is not None:
                self._confirm(expose, value, from_report=report)

    # ------------------------------------------------------------------ scaling

    def _scaled(self, cluster: Cluster, source: AttributeSource, raw: object) -> object | None:
        """The value with the standard ZCL multiplier/divisor applied; None while unknown."""
        if not source.scaling_attributes or isinstance(raw, bool):
            return raw
        if not isinstance(raw, int | float):
            return raw
        value = float(raw)
        for attr_id in source.scaling_attributes:
            factor = self._factor(cluster, attr_id)
            if factor is None:
                return None
            value = value / factor if attr_id == source.divisor_attribute else value * factor
        return value

    def _factor(self, cluster: Cluster, attr_id: int) -> float | None:
        """A scaling factor learned from the device, else one zigpy has cached."""
        learned = self._factors.get((cluster.endpoint.endpoint_id, cluster.cluster_id, attr_id))
        if learned is not None:
            return learned
        try:
            cached = cluster.get(attr_id)
        except KeyError:
            return None
        if isinstance(cached, int | float) and not isinstance(cached, bool) and cached > 0:
            return float(cached)
        return None

    def _learn_factor(self, cluster: Cluster, attr_id: int, raw: object | None) -> None:
        """Record a multiplier/divisor (None: unsupported) and publish what waited for it."""
        endpoint_id, cluster_id = cluster.endpoint.endpoint_id, cluster.cluster_id
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw <= 0:
            # Unsupported (or a meaningless 0) means the ZCL default, not "unknown forever"
            _LOGGER.debug(
                "%s: scaling attribute 0x%04x/0x%04x is %r, using %s",
                self.ieee,
                cluster_id,
                attr_id,
                raw,
                _DEFAULT_FACTOR,
            )
            factor = _DEFAULT_FACTOR
        else:
            factor = float(raw)
        key: Route = (endpoint_id, cluster_id, attr_id)
        self._factors = _own(self._factors)
        self._factors[self._scaling_routes.get(key, key)] = factor
        for route in [r for r in self._held if r[:2] == (endpoint_id, cluster_id)]:
            held = self._held.pop(route)
            self._on_attribute(cluster, route[2], held, report=False, tsn=None)

    def _hold(self, cluster: Cluster, route: Route, raw: object) -> None:
        """Keep a value whose scaling is unknown, and ask the device for the factors."""
        self._held = _own(self._held)
        self._held[route] = raw
        key = (cluster.endpoint.endpoint_id, cluster.cluster_id)
        if key not in self._factor_reads:
            _LOGGER.debug(
                "%s: holding 0x%04x/0x%04x until its scaling is known", self.ieee, *route[1:]
            )
            self._spawn(self._async_read_factors(*key))

    async def _async_read_factors(self, endpoint_id: int, cluster_id: int) -> None:
        missing: dict[int, list[str]] = {
            attr_id: []
            for endpoint, cluster, attr_id in self._scaling_routes
            if (endpoint, cluster) == (endpoint_id, cluster_id)
            and (endpoint, cluster, attr_id) not in self._factors
        }
        failures: dict[str, str] = {}
        await self._read_group(endpoint_id, cluster_id, None, missing, failures, full=True)

    def _on_heartbeat(self, raw: object) -> None:
        try:
            payload = LumiTlv(raw)
        except TypeError:
            return
        decoded = heartbeat.parse(payload, self._heartbeat_profile, model=self._model_id)
        self.last_heartbeat = decoded
        if self.definition is None:
            return
        for key, value in decoded.items():
            if self.definition.has(key):
                self._confirm(self.definition.expose(key), value, from_report=False)

    def _on_action(
        self, route: tuple[Expose, ActionSource], endpoint_id: int, raw: object, tsn: int | None
    ) -> None:
        expose, source = route
        if source.codec is not None:
            raw = source.codec.decode(_raw_value(raw))
        if isinstance(raw, bool) or not isinstance(raw, int):
            return
        action = dict(source.actions).get(int(raw), source.otherwise)
        if action is None and source.release is None:
            return  # hold / release / triple: not an event type of this model
        if tsn is not None and self._is_duplicate(endpoint_id, tsn):
            _LOGGER.debug("Dropping repeated click (TSN %s) from %s", tsn, self.ieee)
            return
        if source.release is not None:
            self._on_release(source.release, expose.key, endpoint_id, int(raw))
        if source.auto_release is not None:
            self._schedule_auto_release(expose.key, source.auto_release, endpoint_id, int(raw))
        if action is not None:
            self._fire(expose.key, action)

    def _schedule_auto_release(
        self, key: str, auto_release: tuple[int, str, float], endpoint_id: int, raw: int
    ) -> None:
        """Any frame of the button cancels the release it was owed; a hold owes one."""
        hold_value, release, seconds = auto_release
        button = (endpoint_id, -1)  # apart from the press/release buttons' timers
        self._cancel_press_timer(button)
        if raw == hold_value:
            self._press_timers = _own(self._press_timers)
            self._press_timers[button] = asyncio.get_running_loop().call_later(
                seconds, self._auto_release, key, release, button
            )

    def _auto_release(self, key: str, release: str, button: tuple[int, int]) -> None:
        self._press_timers.pop(button, None)
        self._fire(key, release)

    def _on_command(self, cluster: Cluster, tsn: int, command_id: int, args: Any) -> None:
        """A command a remote sent (to us, or to a group we hear): its click."""
        try:
            endpoint_id = cluster.endpoint.endpoint_id
            found = self._command_routes.get(
                (endpoint_id, cluster.cluster_id, command_id)
            ) or self._command_routes.get((None, cluster.cluster_id, command_id))
            if found is None or self._is_duplicate(endpoint_id, tsn):
                return
            expose, source = found
            mode = args[0] if isinstance(args, list | tuple) and len(args) else None
            mode = int(mode) if isinstance(mode, int) else None
            if source.stops or (mode is not None and mode in source.stop_modes):
                release = self._pending_releases.pop(endpoint_id, None)
                if release is not None:
                    self._fire(expose.key, release)
                return
            actions = dict(source.actions)
            action = actions.get(mode, actions.get(None)) if mode is not None else actions.get(None)
            if action is None:
                return
            release = dict(source.releases).get(action)
            if release is not None:
                self._pending_releases = _own(self._pending_releases)
                self._pending_releases[endpoint_id] = release
            self._fire(expose.key, action)
        except Exception:
            # A decoding bug must never break zigpy's frame processing
            _LOGGER.exception("Failed to decode a command from %s: %r", self.ieee, args)

    def _on_press(
        self, route: tuple[Expose, TimedPressSource], endpoint_id: int, raw: object, tsn: int | None
    ) -> None:
        """A press starts the hold timer; a release ends a hold, or was a click."""
        expose, source = route
        if isinstance(raw, bool) or not isinstance(raw, int):
            return
        if tsn is not None and self._is_duplicate(endpoint_id, tsn):
            return
        button = (endpoint_id, source.cluster)
        if int(raw) == source.pressed:
            self._cancel_press_timer(button)
            self._held_buttons.pop(button, None)
            hold_ms = self.options.numbers.get(source.hold_option, source.hold_after_ms)
            self._press_timers = _own(self._press_timers)
            self._press_timers[button] = asyncio.get_running_loop().call_later(
                hold_ms / 1000, self._on_held, expose.key, source, button
            )
        elif int(raw) == source.released:
            if button in self._held_buttons:
                self._held_buttons.pop(button, None)
                self._cancel_press_timer(button)
                self._fire(expose.key, source.release)
            elif self._cancel_press_timer(button):
                self._fire(expose.key, source.click)

    def _on_held(self, key: str, source: TimedPressSource, button: tuple[int, int]) -> None:
        """Still pressed after the hold timeout: a hold (forgotten if no release comes)."""
        self._press_timers.pop(button, None)
        self._held_buttons = _own(self._held_buttons)
        self._held_buttons[button] = None
        self._fire(key, source.hold)
        expire_ms = self.options.numbers.get(source.expire_option, source.expire_after_ms)
        self._press_timers = _own(self._press_timers)
        self._press_timers[button] = asyncio.get_running_loop().call_later(
            expire_ms / 1000, self._forget_hold, button
        )

    def _forget_hold(self, button: tuple[int, int]) -> None:
        """No release came: the next release is not this hold's."""
        self._press_timers.pop(button, None)
        self._held_buttons.pop(button, None)

    def _cancel_press_timer(self, button: tuple[int, int]) -> bool:
        timer = self._press_timers.pop(button, None)
        if timer is None:
            return False
        timer.cancel()
        return True

    def _gesture_route(self, route: Route) -> tuple[Expose, GestureSource] | None:
        return self._gesture_routes.get(route) or self._gesture_routes.get((None, *route[1:]))

    def _on_gesture_report(self, cluster: Cluster, records: list[Any], tsn: int) -> None:
        """Decode a gesture from every attribute of the report that carries its trigger."""
        endpoint_id = cluster.endpoint.endpoint_id
        attributes = {record.attrid: _raw_value(record.value.value) for record in records}
        for attr_id in attributes:
            found = self._gesture_route((endpoint_id, cluster.cluster_id, attr_id))
            if found is None:
                continue
            expose, source = found
            gesture = source.decoder.decode(attributes)
            if gesture is None:
                continue
            if self._is_duplicate(endpoint_id, tsn):
                _LOGGER.debug("Dropping repeated gesture (TSN %s) from %s", tsn, self.ieee)
                return
            # The side or angle first: an automation woken by the action reads them
            for key, value in gesture.values.items():
                if self.definition is not None and self.definition.has(key):
                    self._confirm(self.definition.expose(key), value, from_report=True)
            if gesture.action is not None and gesture.action in expose.options:
                self._fire(expose.key, gesture.action)

    def _on_release(self, release: ReleaseActions, key: str, endpoint_id: int, raw: int) -> None:
        """Fire what a release ended (a click or a hold); remember holds."""
        if raw != release.value:
            if raw == release.hold_value:
                self._holding = _own(self._holding)
                self._holding[endpoint_id] = None
            else:
                self._holding.pop(endpoint_id, None)
            return
        held = endpoint_id in self._holding
        self._holding.pop(endpoint_id, None)
        ended = release.after_hold if held else release.after_click
        if ended is not None:
            self._fire(key, ended)

    def _is_duplicate(self, endpoint_id: int, tsn: int) -> bool:
        now = time.monotonic()
        if len(self._recent_tsns) > 64:
            self._recent_tsns = {
                key: seen
                for key, seen in self._recent_tsns.items()
                if now - seen < DUPLICATE_WINDOW
            }
        key = (endpoint_id, tsn)
        seen = self._recent_tsns.get(key)
        self._recent_tsns[key] = now
        return seen is not None and now - seen < DUPLICATE_WINDOW

    def _fire(self, key: str, action: str) -> None:
        self.values[key] = action
        self._notify(key, action)

    def _confirm(self, expose: Expose, value: object, *, from_report: bool) -> None:
        if self._applying is not None:
            if expose.key in self._applying.overtaken:
                # zigpy resumes a read only after handing on the frames that arrived with
                # its answer: a report among them is newer than the answer
                _LOGGER.debug(
                    "%s: %s read answer older than a report, dropped", self.ieee, expose.key
                )
                return
        elif self._reads_in_flight:
            for read in self._reads_in_flight:
                read.overtaken.add(expose.key)
        for derived, source in self._derived.get(expose.key, ()):
            derived_value = source.codec.decode(value)
            if derived_value is not None:
                self._confirm(derived, derived_value, from_report=from_report)
        value = self.options.adjust(expose.measurement_key, value)
        self.values[expose.key] = value
        if expose.clears_after is not None:
            # Each detection restarts the clock; a device-sent "clear" ends it
            self._schedule_clear(expose, self.clear_timeout(expose) if value is True else None)
        self._notify(expose.key, value)
        if (
            from_report
            and self.options.state_action
            and expose.state_actions is not None
            and isinstance(value, bool)
        ):
            # state_action: a relay report is also published as an action (on/off + suffix)
            action = expose.state_actions[0 if value else 1]
            if action in self._state_actions:
                self._fire(ACTION_KEY, action)

    # ------------------------------------------------------------------ clearing

    def clear_timeout(self, expose: Expose) -> float:
        """Seconds a detection of this set-only binary sensor lasts (0: until the next)."""
        clears = expose.clears_after
        if clears is None:
            return 0.0
        interval = self.values.get(clears.interval_key) if clears.interval_key else None
        return clears.timeout(self.options.timeouts.get(clears.option), interval)

    def restore_assumed(self, key: str, value: object) -> None:
        """Take back an assumed setting's value shown before a restart: the device never
        tells it, and writes built from the others (the FP1's regions) need it."""
        if self.definition is None or not self.definition.has(key):
            return
        if self.definition.expose(key).assumed and key not in self.values:
            self.values[key] = value

    def resume_clearing(self, key: str, elapsed: float) -> bool:
        """A detection restored after a restart, ``elapsed`` seconds old: still on?

        Schedules the clear for what remains of its timeout; a detection older than its
        timeout is over (a restored "on" never sticks).
        """
        if self.definition is None or not self.definition.has(key):
            return False
        expose = self.definition.expose(key)
        if expose.clears_after is None or key in self.values:
            return False  # the device spoke since the start: its value stands
        timeout = self.clear_timeout(expose)
        if timeout == 0:
            return True  # never cleared by time, as before the restart
        if elapsed >= timeout:
            return False
        self._schedule_clear(expose, timeout - max(elapsed, 0.0))
        return True

    def _schedule_clear(self, expose: Expose, delay: float | None) -> None:
        pending = self._clear_timers.pop(expose.key, None)
        if pending is not None:
            pending.cancel()
        if delay is None or delay <= 0 or not self._started:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop (synchronous caller): nothing can clear it later
        self._clear_timers = _own(self._clear_timers)
        self._clear_timers[expose.key] = loop.call_later(delay, self._clear, expose.key)

    def _clear(self, key: str) -> None:
        self._clear_timers.pop(key, None)
        self.values[key] = False
        self._notify(key, False)

    # ------------------------------------------------------------------ prevent reset

    def _maybe_prevent_reset(self, raw: object) -> None:
        if not isinstance(raw, bytes | bytearray) or not bytes(raw).startswith(
            PREVENT_RESET_QUERY_PREFIX
        ):
            return
        _LOGGER.debug("%s asks whether to reset; answering no", self.ieee)
        self._spawn(self._async_prevent_reset())

    async def _async_prevent_reset(self) -> None:
        try:
            await self._write_raw(
                1,
                BASIC,
                attr_id=BASIC_LUMI_WRITE,
                zcl_type=ZCL_OCTET_STRING,
                raw=PREVENT_RESET_ANSWER,
                manufacturer=LUMI_MANUFACTURER_CODE,
            )
        except (DeviceCommandError, TimeoutError, zigpy.exceptions.ZigbeeException) as exc:
            _LOGGER.warning("Could not answer the reset request of %s: %s", self.ieee, exc)

    async def _async_frame_answer(self, answer: FrameAnswer) -> None:
        """Answer a question with the state confirmed now, as the expose's write sends it."""
        write = self.definition.expose(answer.key).write if self.definition else None
        if not isinstance(write, FrameWrite):
            return
        _LOGGER.debug("%s asks for its state; answering", self.ieee)
        try:
            for frame in write.codec.frames(None, self._frame_context()):
                await self._write_frame(write, frame)
        except (
            DeviceCommandError,
            TimeoutError,
            ValueError,
            zigpy.exceptions.ZigbeeException,
        ) as exc:
            _LOGGER.warning("Could not answer %s's request: %s", self.ieee, exc)

    def _frame_context(self) -> FrameContext:
        return FrameContext(
            ieee=self.ieee,
            values=dict(self.values),
            numbers=dict(self.options.numbers),
            now=time.time(),
        )

    async def _write_frame(self, write: FrameWrite, frame: object) -> None:
        await self._write_raw(
            write.endpoint,
            write.cluster,
            attr_id=write.attribute,
            zcl_type=write.zcl_type,
            raw=frame,
            manufacturer=write.manufacturer,
        )

    async def _async_answer(self, answer: ReportAnswer) -> None:
        _LOGGER.debug(
            "%s asks 0x%04x/0x%04x; answering", self.ieee, answer.cluster, answer.attribute
        )
        try:
            await self._configure_step(answer.answer)
        except (DeviceCommandError, TimeoutError, zigpy.exceptions.ZigbeeException) as exc:
            _LOGGER.warning(
                "Could not answer %s's 0x%04x/0x%04x: %s",
                self.ieee,
                answer.cluster,
                answer.attribute,
                exc,
            )

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            task = asyncio.get_running_loop().create_task(coro)
        except RuntimeError:
            coro.close()  # no loop (synchronous caller): nothing to answer with
            return
        self._tasks = _own(self._tasks)
        self._tasks[task] = None
        task.add_done_callback(self._forget_task)

    def _forget_task(self, task: asyncio.Task[None]) -> None:
        self._tasks.pop(task, None)

    # ------------------------------------------------------------------ wire helpers

    def _cluster(
        self, endpoint_id: int, cluster_id: int, *, create: bool = True, output: bool = False
    ) -> Cluster:
        endpoint = self.device.endpoints.get(endpoint_id)
        if not isinstance(endpoint, zigpy.endpoint.Endpoint):
            raise KeyError(f"endpoint {endpoint_id} not on device")
        if output:
            client: Cluster | None = endpoint.out_clusters.get(cluster_id)
            if client is None:
                raise KeyError(f"output cluster 0x{cluster_id:04x} not on endpoint {endpoint_id}")
            return client
        cluster = endpoint.in_clusters.get(cluster_id)
        if cluster is None:
            if not create:
                raise KeyError(f"cluster 0x{cluster_id:04x} not on endpoint {endpoint_id}")
            # Hidden cluster the resolver did not declare (e.g. an unresolved device)
            cluster = ensure_cluster(endpoint, cluster_id, server=True)
            self._attach(cluster)
        return cluster

    async def _write_raw(
        self,
        endpoint_id: int,
        cluster_id: int,
        *,
        attr_id: int,
        zcl_type: int,
        raw: object,
        manufacturer: int | None,
    ) -> None:
        """Write one attribute with an explicit ZCL type; raises on failure."""
        cluster = self._cluster(endpoint_id, cluster_id)
        type_id = foundation.DataTypeId(zcl_type)  # type: ignore[no-untyped-call]
        data_type = foundation.DataType.from_type_id(type_id)
        value = data_type.python_type(raw)
        attribute = foundation.Attribute(
            attrid=attr_id, value=foundation.TypeValue(type=data_type.type_id, value=value)
        )
        result = await cluster.write_attributes_raw(
            [attribute], manufacturer_code=manufacturer, disable_default_response=True
        )
        problems = _write_problems(result)
        if problems:
            raise DeviceCommandError(f"0x{cluster_id:04x}/0x{attr_id:04x}", ", ".join(problems))

    # ------------------------------------------------------------------ writes

    def _expose(self, key: str, error: type[DeviceCommandError]) -> Expose:
        if self.definition is None or not self.definition.has(key):
            raise error(key, "unknown expose for this device")
        return self.definition.expose(key)

    async def async_write(self, key: str, value: object) -> None:
        """Write an expose: switch ``bool``, select option ``str``, number ``float``.

        The value becomes :attr:`values`' state only once the device confirmed it. Raises
        :class:`WriteFailed` on an invalid value, delivery error, timeout or non-success.
        A sleeping battery device that does not take the frame raises :class:`WritePending`:
        the write is kept and sent again when the device is next heard (awake).
        """
        try:
            await self._async_write(key, value)
        except WritePending:
            raise
        except WriteFailed as exc:
            if not (self.sleepy and exc.undelivered):
                raise
            self.pending_writes = _own(self.pending_writes)
            self.pending_writes[key] = value
            raise WritePending(key, f"{exc.reason}; sent when the device wakes up") from exc
        self.pending_writes.pop(key, None)

    def when_awake(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, at the next frame from the device (it is awake then)."""
        self._on_wake = callback

    def device_heard(self) -> None:
        """A frame came from the device: a sleeping one is awake now, send what it missed."""
        if self._on_wake is not None:
            on_wake, self._on_wake = self._on_wake, None
            on_wake()
        if self.pending_writes and not self._flushing:
            self._flushing = True
            self._spawn(self._async_flush_pending())

    async def _async_flush_pending(self) -> None:
        try:
            for key, value in list(self.pending_writes.items()):
                if self.pending_writes.get(key) is not value:
                    continue  # replaced by a newer value meanwhile: that one is sent next
                try:
                    await self._async_write(key, value)
                except WriteFailed as exc:
                    if exc.undelivered:
                        return  # asleep again: kept for its next wake-up
                    _LOGGER.warning("%s: the pending %s was refused: %s", self.ieee, key, exc)
                if self.pending_writes.get(key) is value:
                    del self.pending_writes[key]
        finally:
            self._flushing = False

    async def _async_write(self, key: str, value: object) -> None:
        expose = self._expose(key, WriteFailed)
        write = expose.write
        if write is None or not expose.writable:
            raise WriteFailed(key, "not writable")
        try:
            if isinstance(write, CommandWrite):
                for other_key, other_value in (await self._command(key, write, value)).items():
                    if self.definition is not None and self.definition.has(other_key):
                        self._confirm(
                            self.definition.expose(other_key), other_value, from_report=False
                        )
                return
            if isinstance(write, FrameWrite):
                for other_key, other_value in (await self._frames(key, write, value)).items():
                    if self.definition is not None and self.definition.has(other_key):
                        self._confirm(
                            self.definition.expose(other_key), other_value, from_report=False
                        )
                return
            if isinstance(write, OnOffWrite):
                confirmed: object = await self._write_on_off(key, write, value)
            elif isinstance(write, IdentifyWrite):
                confirmed = await self._identify(write)
            elif isinstance(write, AttributeWrite):
                try:
                    raw = write.codec.encode(value)
                    extra = [(step, step.codec.encode(value)) for step in write.also]
                except (TypeError, ValueError) as exc:
                    raise WriteFailed(key, f"invalid value {value!r}: {exc}") from exc
                _check_range(expose, value)
                for step, step_raw in ((write, raw), *extra):
                    await self._write_raw(
                        step.endpoint,
                        step.cluster,
                        attr_id=step.attribute,
                        zcl_type=step.zcl_type,
                        raw=step_raw,
                        manufacturer=step.manufacturer,
                    )
                decoded = write.codec.decode(raw)
                confirmed = decoded if decoded is not None else value
            else:
                confirmed = await self._write_sequence(key, write, value)
        except WriteFailed:
            raise
        except DeviceCommandError as exc:
            raise WriteFailed(key, exc.reason) from exc
        except (TimeoutError, zigpy.exceptions.DeliveryError) as exc:
            failed = WriteFailed(key, f"{type(exc).__name__}: {exc}")
            failed.undelivered = True
            raise failed from exc
        except (zigpy.exceptions.ZigbeeException, KeyError, ValueError) as exc:
            raise WriteFailed(key, f"{type(exc).__name__}: {exc}") from exc
        self._confirm(expose, confirmed, from_report=False)

    async def _write_on_off(self, key: str, write: OnOffWrite, value: object) -> bool:
        if not isinstance(value, bool):
            raise WriteFailed(key, f"expected a boolean, got {value!r}")
        cluster = self._cluster(write.endpoint, ON_OFF, create=False)
        result = await cluster.command(_ON if value else _OFF, expect_reply=True)
        status = getattr(result, "status", None)
        if not _status_ok(status):
            raise WriteFailed(key, f"status {status!r}")
        return value

    async def _identify(self, write: IdentifyWrite) -> str:
        """Make the device flash for ``identify_timeout`` seconds."""
        cluster = self._cluster(write.endpoint, IDENTIFY)
        result = await cluster.command(
            _IDENTIFY_COMMAND, self.options.identify_timeout, expect_reply=True
        )
        status = getattr(result, "status", None)
        if not _status_ok(status):
            raise DeviceCommandError("identify", f"status {status!r}")
        return "identify"

    async def _command(self, key: str, write: CommandWrite, value: object) -> Mapping[str, object]:
        """Send a cluster command; what its success confirms (the default response)."""
        try:
            command_id, args = write.codec.command(value)
        except (TypeError, ValueError) as exc:
            raise WriteFailed(key, f"invalid value {value!r}: {exc}") from exc
        cluster = self._cluster(write.endpoint, write.cluster, create=False)
        result = await cluster.command(command_id, *args, expect_reply=True)
        status = getattr(result, "status", None)
        if not _status_ok(status):
            raise WriteFailed(key, f"status {status!r}")
        return write.codec.confirmed(value)

    async def _frames(self, key: str, write: FrameWrite, value: object) -> Mapping[str, object]:
        """Write the frames of a value; what they confirm."""
        context = self._frame_context()
        try:
            frames = write.codec.frames(value, context)
        except (TypeError, ValueError) as exc:
            raise WriteFailed(key, f"invalid value {value!r}: {exc}") from exc
        for frame in frames:
            await self._write_frame(write, frame)
        return write.codec.confirmed(value, context)

    async def _async_enroll(self, endpoint_id: int) -> None:
        """Answer an IAS zone's enroll request (zone id 0: this coordinator has one CIE)."""
        try:
            cluster = self._cluster(endpoint_id, IAS_ZONE, create=False)
            await cluster.command(_IAS_ENROLL_RESPONSE, 0, 0, expect_reply=False)
        except (TimeoutError, zigpy.exceptions.ZigbeeException, KeyError, ValueError) as exc:
            _LOGGER.debug("Could not enroll the IAS zone of %s: %s", self.ieee, exc)

    async def _write_sequence(self, key: str, write: SequenceWrite, value: object) -> bool:
        if not isinstance(value, bool):
            raise WriteFailed(key, f"expected a boolean, got {value!r}")
        for frame in write.on if value else write.off:
            await self._write_raw(
                write.endpoint,
                write.cluster,
                attr_id=write.attribute,
                zcl_type=write.zcl_type,
                raw=frame,
                manufacturer=write.manufacturer,
            )
        return value

    # ------------------------------------------------------------------ reads

    async def async_read(self, keys: Iterable[str] | None = None) -> None:
        """Read exposes; values update and notify.

        With ``keys`` only those exposes, which must be readable (``/get``). Without, everything
        the device answers (pairing, startup): every readable source on a cluster the device
        has, the scaling factors, and the heartbeat where the firmware answers its read; an
        attribute the device does not support then simply stays unknown.

        Every group is attempted; raises :class:`ReadFailed` naming the keys that failed.
        """
        full = keys is None
        if keys is None:
            exposes = list(self.exposes)
        else:
            exposes = []
            for key in keys:
                expose = self._expose(key, ReadFailed)
                if not expose.readable:
                    raise ReadFailed(key, "not readable")
                exposes.append(expose)

        # (endpoint, cluster, manufacturer) → attribute ids → expose keys
        groups: dict[tuple[int, int, int | None], dict[int, list[str]]] = {}
        failures: dict[str, str] = {}
        for expose in exposes:
            source = self._read_source(expose, present_only=full)
            if source is None:
                if not full:
                    failures[expose.key] = "no readable source on this device"
                continue
            group = groups.setdefault((source.endpoint, source.cluster, source.manufacturer), {})
            group.setdefault(source.attribute, []).append(expose.key)
            for attr_id in source.scaling_attributes:
                group.setdefault(attr_id, [])
        heartbeat_source = self.definition.heartbeat_read if self.definition else None
        if full and heartbeat_source is not None and self._has_cluster(heartbeat_source):
            group_key = (
                heartbeat_source.endpoint,
                heartbeat_source.cluster,
                heartbeat_source.manufacturer,
            )
            groups.setdefault(group_key, {}).setdefault(heartbeat_source.attribute, [])

        for (endpoint_id, cluster_id, manufacturer), attributes in groups.items():
            for chunk in _read_chunks(attributes):
                await self._read_group(
                    endpoint_id, cluster_id, manufacturer, chunk, failures, full=full
                )

        if failures:
            reasons = "; ".join(f"{key}: {reason}" for key, reason in failures.items())
            raise ReadFailed(", ".join(failures), reasons)

    def _read_source(self, expose: Expose, *, present_only: bool) -> AttributeSource | None:
        """The first readable attribute source whose endpoint (and cluster) is on the device.

        ``present_only``: the cluster must be known too, so that a full read never asks a
        firmware for a cluster of another firmware's layout (e.g. 0x0B04 on newer ZNCZ04LM).
        """
        for source in expose.sources:
            if not isinstance(source, AttributeSource) or not source.readable:
                continue
            endpoint = self.device.endpoints.get(source.endpoint)
            if not isinstance(endpoint, zigpy.endpoint.Endpoint):
                continue
            if not present_only or self._has_cluster(source):
                return source
        return None

    def _has_cluster(self, source: AttributeSource) -> bool:
        endpoint = self.device.endpoints.get(source.endpoint)
        return isinstance(endpoint, zigpy.endpoint.Endpoint) and (
            source.cluster in endpoint.in_clusters
        )

    async def _read_group(
        self,
        endpoint_id: int,
        cluster_id: int,
        manufacturer: int | None,
        attributes: dict[int, list[str]],
        failures: dict[str, str],
        *,
        full: bool = False,
    ) -> None:
        """Read one cluster's attributes in one request (``full``: unsupported is no failure)."""
        if not attributes:
            return
        reads_factors = any(
            (endpoint_id, cluster_id, attr_id) in self._scaling_routes for attr_id in attributes
        )
        if reads_factors:
            self._factor_reads = _own(self._factor_reads)
            self._factor_reads[(endpoint_id, cluster_id)] = None
        read = _ReadInFlight()
        self._reads_in_flight.append(read)
        try:
            cluster = self._cluster(endpoint_id, cluster_id)
            result = await cluster.read_attributes_raw(list(attributes), manufacturer=manufacturer)
        except (TimeoutError, zigpy.exceptions.ZigbeeException, KeyError, ValueError) as exc:
            _LOGGER.debug(
                "Reading 0x%04x on %s/%s failed: %r", cluster_id, self.ieee, endpoint_id, exc
            )
            for keys in attributes.values():
                for key in keys:
                    failures[key] = f"{type(exc).__name__}: {exc}"
            return
        finally:
            self._reads_in_flight.remove(read)
            if reads_factors:
                self._factor_reads.pop((endpoint_id, cluster_id), None)
        records = getattr(result, "status_records", None)
        if not isinstance(records, list):
            status = getattr(result, "status", result)
            for keys in attributes.values():
                for key in keys:
                    failures[key] = f"status {status!r}"
            return
        seen: set[int] = set()
        # Scaling factors first, so the values of the same response are published scaled
        for record in sorted(
            records,
            key=lambda rec: (endpoint_id, cluster_id, rec.attrid) not in self._scaling_routes,
        ):
            seen.add(record.attrid)
            keys = attributes.get(record.attrid, [])
            if _status_ok(record.status) and record.value is not None:
                self._applying = read
                try:
                    self._on_attribute(
                        cluster, record.attrid, record.value.value, report=False, tsn=None
                    )
                finally:
                    self._applying = None
            elif (endpoint_id, cluster_id, record.attrid) in self._scaling_routes:
                if record.status == foundation.Status.UNSUPPORTED_ATTRIBUTE:
                    self._learn_factor(cluster, record.attrid, None)
            elif not (full and record.status == foundation.Status.UNSUPPORTED_ATTRIBUTE):
                for key in keys:
                    failures[key] = f"status {record.status!r}"
        for attr_id, keys in attributes.items():
            if attr_id not in seen:
                for key in keys:
                    failures[key] = "missing from the response"

    # ------------------------------------------------------------------ configure

    async def async_configure(self) -> None:
        """Run the definition's pairing steps; every step is tried, failures are raised."""
        if self.definition is None:
            return
        failures: list[str] = []
        for step in self.definition.configure:
            try:
                await self._configure_step(step)
            except (
                DeviceCommandError,
                TimeoutError,
                zigpy.exceptions.ZigbeeException,
                KeyError,
                ValueError,
            ) as exc:
                _LOGGER.debug("Configure step %r of %s failed: %s", step, self.ieee, exc)
                failures.append(f"{type(step).__name__}: {exc}")
        if failures:
            raise ConfigureFailed("configure", "; ".join(failures))

    async def _configure_step(self, step: ConfigureStep) -> None:
        if isinstance(step, WriteStep):
            await self._write_raw(
                step.endpoint,
                step.cluster,
                attr_id=step.attribute,
                zcl_type=step.zcl_type,
                raw=step.value,
                manufacturer=step.manufacturer,
            )
        elif isinstance(step, BindStep):
            cluster = self._cluster(step.endpoint, step.cluster, create=False, output=step.output)
            result = await cluster.bind()  # type: ignore[no-untyped-call]
            status = result[0] if isinstance(result, list | tuple) and result else result
            if status != zdo_t.Status.SUCCESS:
                raise DeviceCommandError("bind", f"status {status!r}")
        elif isinstance(step, ReportStep):
            cluster = self._cluster(step.endpoint, step.cluster, create=False)
            results = await cluster.configure_reporting(
                step.attribute, step.min_interval, step.max_interval, step.reportable_change
            )
            bad = [
                f"{attr.name}: {status!r}"
                for attr, status in results.items()
                if not _status_ok(status)
            ]
            if bad:
                raise DeviceCommandError("report", ", ".join(bad))
        elif isinstance(step, IasEnrollStep):
            coordinator = self.device.application.state.node_info.ieee
            await self._write_raw(
                step.endpoint,
                IAS_ZONE,
                attr_id=_IAS_CIE_ADDRESS,
                zcl_type=_ZCL_IEEE_ADDRESS,
                raw=coordinator,
                manufacturer=None,
            )
            # Zones that asked before the CIE address was written wait for an answer
            await self._async_enroll(step.endpoint)
        elif isinstance(step, ExposeWriteStep):
            await self._async_write(step.key, step.value)
        elif isinstance(step, RemoveFromGroupStep):
            for endpoint in self._endpoints():
                if GROUPS not in endpoint.in_clusters:
                    continue
                status = await endpoint.remove_from_group(step.group)
                if status not in (foundation.Status.SUCCESS, foundation.Status.NOT_FOUND):
                    raise DeviceCommandError("groups", f"status {status!r}")


__all__ = [
    "ConfigureFailed",
    "DeviceCommandError",
    "DeviceHandle",
    "HandleOptions",
    "ReadFailed",
    "WriteFailed",
]


def _read_chunks(attributes: dict[int, list[str]]) -> list[dict[int, list[str]]]:
    """One cluster's reads split into requests whose answers fit a frame (in order)."""
    items = list(attributes.items())
    return [
        dict(items[start : start + MAX_READ_ATTRIBUTES])
        for start in range(0, len(items), MAX_READ_ATTRIBUTES)
    ]
