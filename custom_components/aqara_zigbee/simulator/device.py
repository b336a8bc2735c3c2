"""A simulated Aqara unit: a twin's identity, its ZCL and ZDO servers and its behaviours.

The device answers ZDO and ZCL requests the way real Lumi firmware does, sends its own
frames (reports, clicks, heartbeats) and reacts to physical actions (presses, power cuts,
loads). What it can do comes from its twin's behaviours (``behaviours/``); it talks to
the coordinator only through :mod:`.air`.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
import struct
from typing import Any, TypeVar

from .air import (
    COORDINATOR_NWK,
    HA_PROFILE,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
    NodeInfo,
    Transmit,
)
from .behaviours.base import NOT_MINE, Behaviour
from .behaviours.buttons import Buttons, PressKind
from .behaviours.energy import ElectricalMeasurement
from .behaviours.groups import Groups, Identify
from .behaviours.heartbeat import HEARTBEAT_INTERVAL_S, Heartbeat
from .behaviours.metering import Metering
from .behaviours.ota_updates import OtaUpdates
from .behaviours.power import PowerOutageCounter, PowerOutageMemory
from .behaviours.prevent_reset import PreventReset
from .behaviours.relays import Relays
from .behaviours.settings import LumiSetting
from .behaviours.sleepy import BatteryCell, Sleepy
from .behaviours.temperature import ChipTemperature
from .clock import SimClock
from .clusters import (
    ALARMS,
    BASIC,
    COORDINATOR_ENDPOINT,
    MULTISTATE_INPUT,
    OTA,
    PRESENT_VALUE,
)
from .ota_client import OtaClient
from .profile import EndpointSpec, Twin
from .properties import Property, PropertyError
from .zcl import (
    AttributeValue,
    DataType,
    GeneralCommand,
    Neighbor,
    NodeDescriptor,
    ReportingConfig,
    Status,
    ZclHeader,
    ZdoCluster,
    encode_attribute_values,
    zdo_frame,
)
from .zcl_server import Attribute, AttrTable, Reply, ZclServer
from .zdo_responder import Binding, ZdoResponder, ieee_to_str

_LOGGER = logging.getLogger(__name__)

B = TypeVar("B", bound=Behaviour)

#: LQI stamped on the frames of a device nobody spoilt
DEFAULT_LQI = 200


class TwinDevice:
    """One simulated unit of a twin (implements ``air.SimulatedDevice``)."""

    def __init__(
        self,
        twin: Twin,
        zigbee_model: str,
        ieee: bytes,
        nwk: int,
        *,
        transmit: Transmit,
        clock: SimClock,
        heartbeat_interval: float | None = None,
        lqi: int = DEFAULT_LQI,
    ) -> None:
        if len(ieee) != 8:
            raise ValueError("ieee must be 8 bytes (air order)")
        if zigbee_model not in twin.zigbee_models:
            raise ValueError(f"{twin.name} is not {zigbee_model!r}")
        self.twin = twin
        self.zigbee_model = zigbee_model
        self.ieee = bytes(ieee)
        self.nwk = nwk
        self.clock = clock
        self._transmit = transmit
        #: the heartbeat's period (simulated seconds)
        self.heartbeat_interval = heartbeat_interval or HEARTBEAT_INTERVAL_S
        self.lqi = lqi
        self.parent_nwk = COORDINATOR_NWK

        # Network membership and power; the network wires the callbacks.
        self.joined = False
        self.powered = True
        self.on_leave: Callable[[], None] | None = None
        self.on_state_change: Callable[[], None] | None = None
        #: the network's address book (IEEE, air order -> NWK, None: unknown), for frames
        #: sent along a binding to another device; None: the device knows only the hub
        self.resolve_nwk: Callable[[bytes], int | None] | None = None
        #: the running firmware's OTA file version (persistent)
        self.file_version = twin.file_version
        #: clusters whose reports the firmware sends with the direction bit wrong
        self.wrong_direction_clusters: set[int] = set()
        self._tsn = 0
        self._properties: dict[str, Property] | None = None

        self.zcl = ZclServer(self)
        self.zdo = ZdoResponder(self)
        self.behaviours: tuple[Behaviour, ...] = tuple(twin.behaviours())
        self._sleepy = next((b for b in self.behaviours if isinstance(b, Sleepy)), None)
        for behaviour in self.behaviours:
            behaviour.attach(self)
        self._build_attributes()
        for behaviour in self.behaviours:
            behaviour.created()

    @classmethod
    def off_air(cls, twin: Twin) -> TwinDevice:
        """A unit that is on no network (to ask what a twin has)."""
        return cls(
            twin,
            twin.zigbee_model,
            bytes(8),
            0xFFFE,
            transmit=lambda _frame: None,
            clock=SimClock(manual=True),
        )

    # -- composition --------------------------------------------------------------------

    def find(self, kind: type[B]) -> B | None:
        """The device's behaviour of a kind, or None."""
        return next((b for b in self.behaviours if isinstance(b, kind)), None)

    def behaviour(self, kind: type[B]) -> B:
        """The device's behaviour of a kind (raises TypeError when the model has none)."""
        found = self.find(kind)
        if found is None:
            raise TypeError(f"{self.zigbee_model} has no {kind.__name__}")
        return found

    # -- air.SimulatedDevice ------------------------------------------------------------

    @property
    def node(self) -> NodeInfo:
        """Addresses and capability, for the coordinator."""
        return NodeInfo(
            ieee=self.ieee,
            nwk=self.nwk,
            rx_on_when_idle=self.twin.rx_on_when_idle,
            is_router=self.twin.router,
            parent_nwk=self.parent_nwk,
            extra={"model": self.zigbee_model, "mac_capability": self.twin.mac_capability},
        )

    @property
    def indirect(self) -> Sleepy | None:
        """Where frames for a sleepy device wait for its polls (None: always listening)."""
        return self._sleepy

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
                self.zdo.handle(frame)
            else:
                self.zcl.handle(frame)
        except Exception:
            _LOGGER.exception("%s failed to handle %s", self.zigbee_model, frame)

    # -- descriptors --------------------------------------------------------------------

    def node_descriptor(self) -> NodeDescriptor:
        """The node descriptor as the real unit reports it."""
        return NodeDescriptor(
            logical_type=1 if self.twin.router else 2,
            mac_capability=self.twin.mac_capability,
            manufacturer_code=self.twin.node_manufacturer_code,
            server_mask=self.twin.server_mask,
        )

    def endpoint(self, endpoint: int) -> EndpointSpec | None:
        """Spec of ``endpoint`` (declared or hidden)."""
        return next((spec for spec in self.twin.endpoints if spec.endpoint == endpoint), None)

    @property
    def active_endpoints(self) -> list[int]:
        """Endpoints listed in Active_EP_rsp (hidden ones are left out, as on real units)."""
        return [spec.endpoint for spec in self.twin.endpoints if spec.declared]

    @property
    def neighbors(self) -> list[Neighbor]:
        """The router's neighbor table (the network fills it)."""
        return self.zdo.neighbors

    @neighbors.setter
    def neighbors(self, value: list[Neighbor]) -> None:
        self.zdo.neighbors = value

    @property
    def bindings(self) -> list[Binding]:
        return self.zdo.bindings

    # -- attribute tables ---------------------------------------------------------------

    def _build_attributes(self) -> None:
        for spec in self.twin.endpoints:
            for cluster in spec.served:
                table = self._standard_attributes(cluster)
                for behaviour in self.behaviours:
                    table.update(behaviour.server_attributes(spec.endpoint, cluster))
                self.zcl.add_table(spec.endpoint, cluster, server=True, table=table)
            for cluster in spec.out_clusters:
                table = self._client_attributes(cluster)
                for behaviour in self.behaviours:
                    table.update(behaviour.client_attributes(spec.endpoint, cluster))
                self.zcl.add_table(spec.endpoint, cluster, server=False, table=table)

    def _standard_attributes(self, cluster: int) -> AttrTable:
        """What every Lumi firmware serves, whatever its behaviours."""
        twin = self.twin
        if cluster == BASIC:
            return {
                0x0000: Attribute(DataType.UINT8, lambda: twin.zcl_version),
                0x0001: Attribute(DataType.UINT8, lambda: twin.app_version),
                0x0002: Attribute(DataType.UINT8, lambda: twin.stack_version),
                0x0003: Attribute(DataType.UINT8, lambda: twin.hw_version),
                0x0004: Attribute(DataType.CHAR_STRING, lambda: twin.manufacturer),
                0x0005: Attribute(DataType.CHAR_STRING, lambda: self.zigbee_model),
                0x0006: Attribute(DataType.CHAR_STRING, lambda: twin.date_code),
                0x0007: Attribute(DataType.ENUM8, lambda: twin.power_source),
                0x4000: Attribute(DataType.CHAR_STRING, lambda: self.sw_build_id),
            }
        if cluster == ALARMS:
            return {0x0000: Attribute(DataType.UINT16, lambda: 0)}
        if cluster == MULTISTATE_INPUT:
            return {
                0x004A: Attribute(DataType.UINT16, lambda: 6),
                0x0051: Attribute(DataType.BOOL, lambda: False),
                PRESENT_VALUE: Attribute(DataType.UINT16, lambda: 0),
                0x006F: Attribute(DataType.MAP8, lambda: 0),
            }
        return {}

    def _client_attributes(self, cluster: int) -> AttrTable:
        if cluster == OTA:
            return {
                0x0000: Attribute(DataType.EUI64, lambda: b"\xff" * 8),
                0x0002: Attribute(DataType.UINT32, lambda: self.file_version),
                0x0006: Attribute(DataType.ENUM8, lambda: 0),  # normal: no upgrade running
            }
        return {}

    def attribute(self, ep: int, cluster: int, attr: int, *, server: bool = True) -> Attribute:
        """Look up an attribute (raises KeyError)."""
        return self.zcl.attribute(ep, cluster, attr, server=server)

    def read_value(self, ep: int, cluster: int, attr: int) -> object:
        """Current value of a server attribute (for tests and diagnostics)."""
        return self.attribute(ep, cluster, attr).getter()

    def reporting_config(self, ep: int, cluster: int, attr: int) -> ReportingConfig | None:
        """The Configure Reporting record stored for an attribute, if any."""
        return self.zcl.reporting.get((ep, cluster, attr))

    @property
    def sw_build_id(self) -> str:
        """Basic swBuildId: Lumi builds end in the OTA file version (``0.0.0_0092``)."""
        build = self.twin.sw_build_id
        prefix, sep, suffix = build.rpartition("_")
        if self.file_version == self.twin.file_version or not sep or not suffix.isdigit():
            return build
        return f"{prefix}_{self.file_version:04d}"

    # -- cluster commands ---------------------------------------------------------------

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> Status | None:
        """A cluster-specific command, to the behaviour that takes it."""
        if header.server_to_client:
            # Commands to client clusters: only the OTA client takes any.
            if cluster != OTA:
                return Status.UNSUP_CLUSTER_COMMAND
        elif header.manufacturer is not None:
            return Status.UNSUP_MANUF_CLUSTER_COMMAND
        for behaviour in self.behaviours:
            result = behaviour.cluster_command(ep, cluster, header, payload, reply)
            if result is not NOT_MINE:
                return result  # type: ignore[return-value]  # Status or None
        return None if header.server_to_client else Status.UNSUP_CLUSTER_COMMAND

    def group_endpoints(self, group: int) -> list[int]:
        """The endpoints that are members of ``group``."""
        groups = self.find(Groups)
        return [] if groups is None else groups.endpoints_of(group)

    # -- the device's life --------------------------------------------------------------

    def on_joined(self) -> None:
        """Called by the network once the coordinator accepted the device."""
        self.joined = True
        self.state_changed()
        # Like real Lumi units: a Basic report shortly after joining, a heartbeat soon after.
        if self.twin.join_report:
            self.clock.call_later(2.0, self._send_join_report)
        for behaviour in self.behaviours:
            behaviour.joined()

    def _send_join_report(self) -> None:
        self.send_report(
            1,
            BASIC,
            [
                AttributeValue(0x0005, DataType.CHAR_STRING, self.zigbee_model),
                AttributeValue(0x0001, DataType.UINT8, self.twin.app_version),
            ],
        )

    def factory_reset(self) -> None:
        """Forget settings and the network, and leave (what a real reset does)."""
        for behaviour in self.behaviours:
            behaviour.factory_reset()
        self.zdo.bindings.clear()
        self.zcl.clear_reporting()
        self.leave()

    def leave(self) -> None:
        """Leave the network (after Mgmt_Leave_req or a reset)."""
        was_joined = self.joined
        self.joined = False
        for behaviour in self.behaviours:
            behaviour.left()
        self.state_changed()
        if was_joined and self.on_leave is not None:
            self.on_leave()

    def power_off(self) -> None:
        """Cut mains power: relays drop, timers stop mattering until power returns."""
        if not self.powered:
            return
        for behaviour in self.behaviours:
            behaviour.before_power_off()
        self.powered = False
        self.zcl.stop_reporting_timers()
        for behaviour in self.behaviours:
            behaviour.stop_timers()

    def power_on(self) -> None:
        """Restore power: the behaviours boot, a joined device announces itself."""
        if self.powered:
            return
        self.powered = True
        for behaviour in self.behaviours:
            behaviour.power_restored()
        self.zcl.rearm_reporting()
        self.state_changed()
        if self.joined:
            # A mains device announces itself again after boot, then reports its state.
            self.announce()
            for behaviour in self.behaviours:
                behaviour.announced()
        for behaviour in self.behaviours:
            behaviour.booted()

    def rejoin(self) -> None:
        """A sleepy device that lost its parent rejoins (same address) and announces."""
        if not self.joined:
            return
        self.announce()
        if self._sleepy is not None:
            self._sleepy.wake()

    def wake(self) -> None:
        """A press of a sleepy device's button: it polls now and stays awake a while."""
        self.behaviour(Sleepy).wake()

    @property
    def battery_mv(self) -> int:
        """The battery voltage (mV), falling as simulated time passes."""
        return self.behaviour(BatteryCell).millivolts

    @battery_mv.setter
    def battery_mv(self, value: float) -> None:
        self.behaviour(BatteryCell).millivolts = value

    def power_cycle(self) -> None:
        """A power outage and restoration."""
        self.power_off()
        self.power_on()

    def set_link_quality(self, lqi: int) -> None:
        """LQI stamped on every frame this device sends."""
        if not 0 <= lqi <= 255:
            raise ValueError("lqi must be 0..255")
        self.lqi = lqi

    def announce(self) -> None:
        """Broadcast ZDO Device_annce."""
        payload = struct.pack("<H", self.nwk) + self.ieee + bytes([self.twin.mac_capability])
        self.send(
            ApsFrame(
                src_nwk=self.nwk,
                src_ep=0,
                dst=0xFFFD,
                dst_ep=0,
                cluster=ZdoCluster.DEVICE_ANNCE,
                profile=ZDO_PROFILE,
                payload=zdo_frame(self.next_tsn(), payload),
                dst_mode=AddressMode.BROADCAST,
            )
        )

    # -- physical actions and common state (each the job of one behaviour) -------------

    @property
    def relays(self) -> dict[int, bool]:
        """Relay state by endpoint (empty without relays)."""
        relays = self.find(Relays)
        return {} if relays is None else relays.relays

    def set_relay(self, ep: int, on: bool, *, report: bool = True) -> None:
        """Switch a relay (by hand or command): the firmware reports OnOff."""
        self.behaviour(Relays).set(ep, on, report=report)

    @property
    def button_names(self) -> tuple[str, ...]:
        """The device's own button names (``main``; ``top``, ``bottom``, ``both``)."""
        buttons = self.find(Buttons)
        return () if buttons is None else tuple(buttons.specs)

    def press(self, button: str = "left", kind: str | PressKind = PressKind.SINGLE) -> None:
        """A physical press of a button (a name or an alias such as ``left``)."""
        self.behaviour(Buttons).press(button, kind)

    def set_load(self, watts: float) -> None:
        """Attach an appliance drawing ``watts`` (plugs only: TypeError otherwise)."""
        metering = self.find(Metering)
        if metering is not None:
            metering.set_load(watts)
            return
        electrical = self.find(ElectricalMeasurement)
        if electrical is None:
            raise TypeError(f"{self.zigbee_model} is not a plug")
        electrical.set_load(watts)

    @property
    def temperature(self) -> float:
        """The chip temperature, °C."""
        return self.behaviour(ChipTemperature).celsius

    @temperature.setter
    def temperature(self, celsius: float) -> None:
        self.behaviour(ChipTemperature).celsius = celsius

    def set_temperature(self, celsius: float) -> None:
        """Set the chip temperature (reported in the heartbeat and 0x0002)."""
        self.behaviour(ChipTemperature).celsius = celsius

    def heartbeat_payload(self) -> bytes:
        """The heartbeat TLV bytes as the real firmware encodes them."""
        return self.behaviour(Heartbeat).payload()

    def send_heartbeat(self) -> None:
        """Send the heartbeat report now."""
        self.behaviour(Heartbeat).send()

    @property
    def ota(self) -> OtaClient | None:
        """The OTA Upgrade client (None for models without OTA images)."""
        updates = self.find(OtaUpdates)
        return None if updates is None else updates.client

    def ota_query(self) -> None:
        """Make the OTA client send Query Next Image Request now (if it has one)."""
        updates = self.find(OtaUpdates)
        if updates is not None:
            updates.query()

    # Shortcuts to the state of the behaviours every Lumi firmware has

    @property
    def event_mode(self) -> int:
        """FCC0 0x0009: 1 when the firmware detects multi-clicks itself."""
        return self.behaviour(Buttons).event_mode

    @event_mode.setter
    def event_mode(self, value: int) -> None:
        self.behaviour(Buttons).event_mode = value

    @property
    def operation_mode(self) -> dict[int, int]:
        """Per relay endpoint: 1 control_relay, 0 decoupled."""
        return self.behaviour(Buttons).operation_mode

    def move_button_events(self, button: str, endpoint: int) -> None:
        """Send ``button``'s events from ``endpoint`` (as another firmware version would)."""
        self.behaviour(Buttons).move_events(button, endpoint)

    @property
    def power_outage_memory(self) -> bool:
        return self.behaviour(PowerOutageMemory).enabled

    @power_outage_memory.setter
    def power_outage_memory(self, value: bool) -> None:
        self.behaviour(PowerOutageMemory).enabled = value

    @property
    def power_on_count(self) -> int:
        """Heartbeat index 5: boots since pairing."""
        return self.behaviour(PowerOutageCounter).power_on_count

    @power_on_count.setter
    def power_on_count(self, value: int) -> None:
        self.behaviour(PowerOutageCounter).power_on_count = value

    @property
    def power_outage_count(self) -> int:
        """Outages since pairing (what Zigbee2MQTT shows: heartbeat index 5 minus one)."""
        return self.behaviour(PowerOutageCounter).outages

    @property
    def groups(self) -> dict[int, set[int]]:
        return self.behaviour(Groups).groups

    @property
    def identify_time(self) -> int:
        return self.behaviour(Identify).identify_time

    def lumi_setting(self, name: str) -> LumiSetting:
        """The 0xFCC0 setting called ``name`` (``mode_switch``...); raises TypeError."""
        for behaviour in self.behaviours:
            if isinstance(behaviour, LumiSetting) and behaviour.name == name:
                return behaviour
        raise TypeError(f"{self.zigbee_model} has no setting {name!r}")

    @property
    def prevent_reset_answered(self) -> bool | None:
        """None: never asked; False: asked, no answer yet; True: the hub answered."""
        return self.behaviour(PreventReset).answered

    @property
    def prevent_reset_reports(self) -> int:
        return self.behaviour(PreventReset).reports

    # -- Zigbee2MQTT view (uniform exercise of any twin) --------------------------------

    @property
    def properties(self) -> frozenset[str]:
        """The Zigbee2MQTT properties of the device (its page's exposes but linkquality)."""
        return frozenset(self._property_table())

    @property
    def action_values(self) -> tuple[str, ...]:
        """Every action string the device sends (Zigbee2MQTT's values)."""
        buttons = self.find(Buttons)
        return () if buttons is None else buttons.actions

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

    def pick(self, prop: str) -> object:
        """A value of ``prop`` unlike the one held now, changing nothing (a value to write)."""
        handler = self._property(prop)
        return handler.pick(handler.read())

    def property_value(self, prop: str) -> object:
        """The Zigbee2MQTT value of any property as the device holds it now."""
        return self._property(prop).read()

    def setting(self, prop: str) -> object:
        """The Zigbee2MQTT value of a writable setting as the device holds it now."""
        handler = self._property(prop)
        if not handler.writable:
            raise PropertyError(f"{self.zigbee_model}: {prop} is not a setting")
        return handler.read()

    @property
    def settings(self) -> frozenset[str]:
        """The properties the hub writes (settings and commands)."""
        return frozenset(name for name, prop in self._property_table().items() if prop.writable)

    def is_command(self, prop: str) -> bool:
        """Whether ``prop`` is a command (identify) rather than a value."""
        return self._property(prop).command

    def sends(self, prop: str) -> bool:
        """Whether the real unit sends anything when ``prop`` changes."""
        return self._property(prop).reported

    def is_momentary(self, prop: str) -> bool:
        """Whether ``prop`` is the value of a moment (a gesture's side, a rotation's angle)."""
        return self._property(prop).momentary

    def _property(self, prop: str) -> Property:
        try:
            return self._property_table()[prop]
        except KeyError:
            raise PropertyError(f"{self.zigbee_model} has no property {prop!r}") from None

    def _property_table(self) -> dict[str, Property]:
        if self._properties is None:
            self._properties = {
                prop.name: prop for behaviour in self.behaviours for prop in behaviour.properties()
            }
        return self._properties

    # -- persistence --------------------------------------------------------------------

    def export_state(self) -> dict[str, Any]:
        """JSON-serializable persistent state."""
        state: dict[str, Any] = {
            "model": self.zigbee_model,
            "joined": self.joined,
            "file_version": self.file_version,
            "lqi": self.lqi,
            "bindings": self.zdo.export_bindings(),
            # Reporting configuration lives in the firmware's NV memory.
            "reporting": self.zcl.export_reporting(),
        }
        for behaviour in self.behaviours:
            behaviour.export_state(state)
        return state

    def import_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`export_state` produced (unknown keys are ignored)."""
        self.joined = bool(state.get("joined", self.joined))
        self.file_version = int(state.get("file_version", self.file_version))
        for behaviour in self.behaviours:
            behaviour.import_state(state)
        self.lqi = int(state.get("lqi", self.lqi))
        self.zdo.import_bindings(list(state.get("bindings", [])))
        self.zcl.import_reporting(list(state.get("reporting", [])))

    def state_changed(self) -> None:
        """Persistent state changed (the network saves it)."""
        if self.on_state_change is not None:
            self.on_state_change()

    # -- sending ------------------------------------------------------------------------

    def next_tsn(self) -> int:
        self._tsn = (self._tsn + 1) & 0xFF
        return self._tsn

    @property
    def rssi(self) -> int:
        # A rough monotonic LQI -> RSSI mapping (-90 dBm .. -30 dBm).
        return -90 + round(self.lqi * 60 / 255)

    def send(self, frame: ApsFrame) -> None:
        """Put a frame on the air (only a powered device on a network talks)."""
        if not self.powered or not self.joined:
            return
        self._transmit(frame)
        if self._sleepy is not None:
            self._sleepy.transmitted()

    def send_zcl(
        self,
        src_ep: int,
        cluster: int,
        data: bytes,
        *,
        dst: int = COORDINATOR_NWK,
        dst_ep: int = COORDINATOR_ENDPOINT,
        profile: int = HA_PROFILE,
    ) -> None:
        self.send(
            ApsFrame(
                src_nwk=self.nwk,
                src_ep=src_ep,
                dst=dst,
                dst_ep=dst_ep,
                cluster=cluster,
                profile=profile,
                payload=data,
                lqi=self.lqi,
                rssi=self.rssi,
            )
        )

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
            tsn=self.next_tsn(),
            manufacturer=manufacturer,
            # Aqara firmware sometimes gets the direction wrong; tests can ask for that.
            server_to_client=cluster not in self.wrong_direction_clusters,
            disable_default_response=True,
        )
        self.send_zcl(ep, cluster, header.encode() + encode_attribute_values(values))

    def report_attribute(self, ep: int, cluster: int, attr: int) -> None:
        """Report the current value of one attribute."""
        self.zcl.report_attribute(ep, cluster, attr)
