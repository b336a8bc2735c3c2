"""Radio plumbing shared by the config flow and the gateway: zigpy configs and probing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
import errno
from functools import cache
import ipaddress
import os
from pathlib import Path
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import bellows.zigbee.application
import probatio as vol
import zigpy.application
import zigpy.config as zigpy_conf
import zigpy.exceptions
import zigpy.state
import zigpy.types as zigpy_t

# Both radio stacks are imported with the module, which Home Assistant imports in its
# executor: importing one later, in the event loop, reads files (package metadata) there.
import zigpy_znp.zigbee.application

from .announce import PlausibleAnnounces
from .const import (
    CONF_BAUDRATE,
    CONF_DEVICE_PATH,
    CONF_FLOW_CONTROL,
    CONF_RADIO_TYPE,
    CONF_SIMULATED_RADIO,
    LOGGER,
    SIMULATED_RADIOS,
    FlowControl,
    RadioType,
    SimulatedDevices,
)
from .library_tasks import owned_tasks

if TYPE_CHECKING:
    from .simulator import SimulatedNetwork

_PLACEHOLDER_IEEES = frozenset(
    zigpy_t.EUI64.convert(placeholder)
    for placeholder in ("ff:ff:ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00:00:00")
)

# Coordinators reached over the network rather than a serial port
NETWORK_PATH_PREFIXES = ("socket://", "tcp://")

# How long a probe may take before the radio is declared not to be of the chosen kind.
PROBE_TIMEOUT = 20.0
#: Forming writes a few thousand NV items and may scan for a quiet channel: generous, but a
#: radio that stops answering must not leave the flow waiting forever
FORM_TIMEOUT = 180.0


class RadioError(Exception):
    """A radio could not be used; ``reason`` is a translation key of the config flow."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What a successful probe learnt about the coordinator and its network."""

    ieee: str | None
    network_formed: bool
    pan_id: int | None = None
    extended_pan_id: str | None = None
    channel: int | None = None


def _fresh_schema(schema: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Validate with a new copy of ``schema`` on every call.

    Home Assistant's voluptuous shim (probatio) compiles a schema on its 50th use, and the
    compiled form of zigpy's config schema fails on its ``math.inf`` bound (NameError
    'inf'). Reconnects and probes create many applications; a fresh copy never gets hot.
    """

    def validate(config: dict[str, Any]) -> dict[str, Any]:
        validated: dict[str, Any] = vol.Schema(
            schema.schema, required=schema.required, extra=schema.extra
        )(config)
        return validated

    return validate


def library_radio(data: Mapping[str, Any]) -> RadioType:
    """The radio family whose library drives an entry's coordinator.

    A simulated network emulates a Z-Stack or an EmberZNet coordinator (Z-Stack for
    entries made before the choice existed).
    """
    radio = RadioType(data[CONF_RADIO_TYPE])
    if radio is not RadioType.SIMULATED:
        return radio
    simulated = RadioType(data.get(CONF_SIMULATED_RADIO, RadioType.ZNP))
    return simulated if simulated in SIMULATED_RADIOS else RadioType.ZNP


class _GuardedPermit(bellows.zigbee.application.ControllerApplication):  # type: ignore[misc]
    """Mixin for bellows: its trust-centre policy task of ``permit`` may lose the link.

    bellows opens the trust-centre policy for the permit time in a task of its own, then
    closes it again; for ``permit(0)`` too, which zigpy sends at every start and we send
    at every stop. A link that drops meanwhile fails the task: an error in the log
    (zigpy 2.4) or an exception never retrieved (2.3). Closing joins needs no policy
    change (the NCP's own permit-join is what admits devices), and an open-policy task
    that loses the link loses nothing: the NCP resets with the link and forgets it.
    """

    async def permit(self, time_s: int = 60, node: zigpy_t.EUI64 | str | None = None) -> None:
        if time_s > 0:
            self.create_task(self._policy_for_permit(time_s), "pre_permit")
        await zigpy.application.ControllerApplication.permit(self, time_s, node)

    async def _policy_for_permit(self, time_s: int) -> None:
        try:
            await self._ezsp.pre_permit(time_s)
        except Exception as err:  # any failure: the link went away
            LOGGER.debug("Trust-centre policy for permit join abandoned: %r", err)


@cache
def application_class(radio_type: RadioType) -> type[zigpy.application.ControllerApplication]:
    """The zigpy ControllerApplication for a radio family (``simulated`` means Z-Stack)."""
    base: type[zigpy.application.ControllerApplication]
    mixins: tuple[type, ...] = (PlausibleAnnounces,)
    if RadioType(radio_type) is RadioType.EZSP:
        base = bellows.zigbee.application.ControllerApplication
        mixins = (_GuardedPermit, *mixins)
    else:
        base = zigpy_znp.zigbee.application.ControllerApplication
    return type(
        base.__name__,
        (*mixins, base),
        {"SCHEMA": staticmethod(_fresh_schema(base.SCHEMA))},
    )


def zigpy_config(
    device: Mapping[str, Any], database_path: Path | None, *, backups: bool = False
) -> dict[str, Any]:
    """A zigpy configuration for one radio; periodic zigpy work we do not use is off."""
    flow_control = device.get(CONF_FLOW_CONTROL, FlowControl.NONE)
    return {
        zigpy_conf.CONF_DEVICE: {
            zigpy_conf.CONF_DEVICE_PATH: device[CONF_DEVICE_PATH],
            zigpy_conf.CONF_DEVICE_BAUDRATE: device.get(CONF_BAUDRATE, 115200),
            zigpy_conf.CONF_DEVICE_FLOW_CONTROL: (
                None if flow_control == FlowControl.NONE else str(flow_control)
            ),
        },
        zigpy_conf.CONF_DATABASE: str(database_path) if database_path else None,
        zigpy_conf.CONF_TOPO_SCAN_ENABLED: False,
        zigpy_conf.CONF_STARTUP_ENERGY_SCAN: False,
        zigpy_conf.CONF_NWK_BACKUP_ENABLED: backups,
        # zigpy's own OTA manager stays off: it would broadcast Image Notify on its own
        # schedule and load zigpy's default providers (which carry no Lumi images). The
        # update entities look images up through ota.FirmwareImages instead, and a device
        # only gets an image when the user installs it (zigpy answers every other Query
        # Next Image with NO_IMAGE_AVAILABLE).
        zigpy_conf.CONF_OTA: {
            zigpy_conf.CONF_OTA_ENABLED: False,
            zigpy_conf.CONF_OTA_BROADCAST_ENABLED: False,
        },
        # The gateway compares the network with the entry's own record instead.
        zigpy_conf.CONF_NWK_VALIDATE_SETTINGS: False,
        **_network_link_config(str(device[CONF_DEVICE_PATH])),
    }


def _network_link_config(path: str) -> dict[str, Any]:
    """Settings that only make sense for a serial port, left out over TCP.

    zigpy-znp toggles DTR/RTS to skip a bootloader (3 x 150 ms at every connect), and
    bellows moves the serial link into a thread of its own. A socket has no modem pins,
    and asyncio reads it as well as any thread: bellows' thread only adds two hops per
    frame, and a link that drops while bellows starts can leave that thread's loop
    stopped with calls in flight that never end (a reconnect that hangs). Each library
    ignores the other's key.
    """
    if not path.startswith(NETWORK_PATH_PREFIXES):
        return {}
    return {
        "znp_config": {"connect_rts_pin_states": [], "connect_dtr_pin_states": []},
        "use_thread": False,
    }


def describe_network(app: zigpy.application.ControllerApplication) -> ProbeResult:
    """The identity of a started (or at least loaded) coordinator network."""
    info: zigpy.state.NetworkInfo = app.state.network_info
    node: zigpy.state.NodeInfo = app.state.node_info
    formed = info.extended_pan_id is not None and info.pan_id is not None and info.channel != 0
    return ProbeResult(
        ieee=_known_ieee(node),
        network_formed=bool(formed),
        pan_id=int(info.pan_id) if info.pan_id is not None else None,
        extended_pan_id=str(info.extended_pan_id) if info.extended_pan_id is not None else None,
        channel=int(info.channel) if info.channel is not None else None,
    )


def _known_ieee(node: zigpy.state.NodeInfo | None) -> str | None:
    """The coordinator IEEE, or None while the radio has not told it yet."""
    if node is None or node.ieee is None or node.ieee in _PLACEHOLDER_IEEES:
        return None
    return str(node.ieee)


def _classify(exc: BaseException) -> RadioError:
    if isinstance(exc, PermissionError) or (
        isinstance(exc, OSError) and exc.errno in {errno.EACCES, errno.EPERM}
    ):
        return RadioError("permission_denied")
    if isinstance(exc, TimeoutError):
        return RadioError("not_this_radio")
    if isinstance(exc, (OSError, ConnectionError, zigpy.exceptions.TransientConnectionError)):
        return RadioError("cannot_connect")
    return RadioError("not_this_radio")


@asynccontextmanager
async def connected_app(
    radio_type: RadioType, device: Mapping[str, Any]
) -> AsyncIterator[zigpy.application.ControllerApplication]:
    """A connected, database-less application for probing; always disconnected after.

    Whatever the other end does (close at once, stay silent, send garbage), the probe
    ends within :data:`PROBE_TIMEOUT` with a :class:`RadioError`, and leaves no task of
    the radio library behind, failed or running: the probe owns every task started
    while it runs (zigpy-znp's connect leaves its ping task running when it fails).
    """
    cls = application_class(radio_type)
    app = cls(zigpy_config(device, None))
    async with owned_tasks(DISCONNECT_TIMEOUT):
        try:
            async with asyncio.timeout(PROBE_TIMEOUT):
                await app.connect()
        except asyncio.CancelledError as exc:
            await _disconnect(app)
            if _really_cancelled():
                raise
            # bellows cancels its startup-reset wait when the other end closes at once:
            # that CancelledError is a lost connection, not a cancelled probe (escaping,
            # it dropped the config flow's HTTP request without an answer)
            LOGGER.debug(
                "Probing %s at %s: connection lost", radio_type, device.get(CONF_DEVICE_PATH)
            )
            raise RadioError("cannot_connect") from exc
        except Exception as exc:
            await _disconnect(app)
            LOGGER.debug("Probing %s at %s failed", radio_type, device.get(CONF_DEVICE_PATH))
            raise _classify(exc) from exc
        try:
            yield app
        finally:
            await _disconnect(app)


#: How long a probe's radio library may take to let go of the connection (and its tasks)
DISCONNECT_TIMEOUT = 5.0


def _really_cancelled() -> bool:
    """Whether the running task itself is being cancelled (not just a future it awaited)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def _disconnect(app: zigpy.application.ControllerApplication) -> None:
    """Disconnect, bounded in time; a failing disconnect is no reason to hang a probe."""
    try:
        async with asyncio.timeout(DISCONNECT_TIMEOUT):
            await app.disconnect()  # type: ignore[no-untyped-call]
    except asyncio.CancelledError:
        if _really_cancelled():
            raise
        # bellows' disconnect after a lost connection awaits a future it cancelled itself
    except Exception:
        LOGGER.debug("Disconnecting a probed radio failed", exc_info=True)


async def probe(radio_type: RadioType, device: Mapping[str, Any]) -> ProbeResult:
    """Connect to a radio and read its network, without changing anything on it."""
    async with connected_app(radio_type, device) as app:
        try:
            async with asyncio.timeout(PROBE_TIMEOUT):
                await app.load_network_info(load_devices=False)
        except zigpy.exceptions.NetworkNotFormed:
            return ProbeResult(ieee=_known_ieee(app.state.node_info), network_formed=False)
        except Exception as exc:
            raise _classify(exc) from exc
        return describe_network(app)


async def form_network(radio_type: RadioType, device: Mapping[str, Any]) -> ProbeResult:
    """Form a new network with random PAN id, extended PAN id and network key."""
    async with connected_app(radio_type, device) as app:
        try:
            # zigpy draws the PAN id, extended PAN id and key from os.urandom when the
            # config leaves them unset, which ours always does.
            async with asyncio.timeout(FORM_TIMEOUT):
                await app.form_network()
                await app.load_network_info(load_devices=False)
        except TimeoutError as exc:
            # It answered the probe: not the wrong radio, it stopped answering midway
            raise RadioError("form_timeout") from exc
        except Exception as exc:
            raise _classify(exc) from exc
        return describe_network(app)


def simulator_state_dir(config_dir: Path) -> Path:
    """Where the simulated network keeps its NVRAM and devices, under HA's config dir."""
    return config_dir / "aqara_zigbee" / "simulator"


async def start_simulator(
    state_dir: Path,
    *,
    speed: float = 1.0,
    radio: RadioType = RadioType.ZNP,
    devices: SimulatedDevices = SimulatedDevices.SEED,
) -> SimulatedNetwork:
    """Start the built-in simulated network on 127.0.0.1 inside the running event loop.

    ``radio`` is the coordinator it emulates: Z-Stack (``znp``) or EmberZNet (``ezsp``);
    ``devices`` the set of simulated devices on its air.
    """
    # The simulator is only loaded when the simulated radio is chosen: imported, and its
    # saved state read, in the executor (an import and file I/O would block the loop).
    network = await asyncio.get_running_loop().run_in_executor(
        None, _create_simulator, state_dir, speed, radio, devices
    )
    await network.start(host="127.0.0.1", port=0)
    return network


def _create_simulator(
    state_dir: Path, speed: float, radio: RadioType, devices: SimulatedDevices
) -> SimulatedNetwork:
    """Import and build the simulated network (in an executor thread)."""
    from .simulator.clock import SimClock  # noqa: PLC0415
    from .simulator.models import DEVICE_SETS  # noqa: PLC0415
    from .simulator.network import SimulatedNetwork  # noqa: PLC0415

    return SimulatedNetwork(
        state_dir,
        # The seed set is the network's own default: left to it, as before the house existed
        devices=None if devices is SimulatedDevices.SEED else DEVICE_SETS[devices.value],
        auto_join=True,
        clock=SimClock(speed=speed),
        radio=radio.value,
    )


def simulator_device(network: SimulatedNetwork) -> dict[str, Any]:
    """The serial-device settings that point the radio library at a running simulator."""
    return {CONF_DEVICE_PATH: network.url, CONF_BAUDRATE: 115200, CONF_FLOW_CONTROL: "none"}


_HOSTNAME = re.compile(
    r"(?=.{1,253}\Z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?"
)
#: longer than any device path or ``socket://host:port`` address
MAX_PATH_LENGTH = 512


def valid_device_path(path: str) -> bool:
    """True for a plausible serial port path or a well-formed ``socket://host:port``.

    Checked before probing, so a typo is reported as such rather than as a radio that
    did not answer.
    """
    if not path or len(path) > MAX_PATH_LENGTH or not path.isprintable() or " " in path:
        return False
    if not path.lower().startswith(NETWORK_PATH_PREFIXES):
        return True
    try:
        parts = urlsplit(path)
        port = parts.port
    except ValueError:  # a port that is not a number, or out of range
        return False
    host = parts.hostname
    if port is None or not 1 <= port <= 65535 or not host:
        return False
    if parts.username is not None or parts.path not in ("", "/") or parts.query or parts.fragment:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _HOSTNAME.fullmatch(host) is not None
    return True


def normalized_path(path: str) -> str:
    """The form of a device path two entries are compared by (scheme and host case)."""
    if not path.lower().startswith(NETWORK_PATH_PREFIXES):
        return os.path.realpath(path)
    try:
        parts = urlsplit(path)
        return f"socket://{parts.hostname}:{parts.port}"
    except ValueError:  # an entry saved before addresses were checked
        return path
