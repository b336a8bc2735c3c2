"""A twin: what one Aqara model is, as data (identity, endpoints, behaviours).

A twin is written from device facts (Zigbee2MQTT pages and library, public debug logs),
never from the integration's definitions. The simulated unit itself is a
:class:`~.device.TwinDevice` built from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
import functools
from typing import TYPE_CHECKING

from .air import HA_PROFILE
from .zcl import LUMI_MANUFACTURER_CODE, SimpleDescriptor

if TYPE_CHECKING:
    from .behaviours.base import Behaviour
    from .device import TwinDevice

#: Lumi's newer OUI (older Xiaomi units use 00:15:8d)
LUMI_OUI = bytes.fromhex("54ef44")


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


@dataclass(frozen=True, kw_only=True)
class Twin:
    """One simulated model: its identity and the behaviours its firmware has."""

    #: Basic 0x0005 strings the model answers with (the device is created for one of them)
    zigbee_models: tuple[str, ...]
    #: the model's name on its Zigbee2MQTT page (``ZNCZ02LM``)
    z2m_model: str
    #: a firmware variant's name (``ZNCZ04LM-legacy``), None for the model itself
    variant: str | None = None
    #: place of a seed model in the default simulated network (None: not in it)
    seed: int | None = None
    ieee_oui: bytes = LUMI_OUI
    router: bool = True
    node_manufacturer_code: int = LUMI_MANUFACTURER_CODE
    server_mask: int = 0x2C00  # stack compliance revision 22
    endpoints: tuple[EndpointSpec, ...]
    # genBasic
    manufacturer: str = "LUMI"
    zcl_version: int = 3
    app_version: int = 1
    stack_version: int = 2
    hw_version: int = 1
    date_code: str = ""
    sw_build_id: str = ""
    power_source: int = 0x01  # mains, single phase
    #: the OTA file version of the firmware the unit ships with
    file_version: int = 0
    #: Lumi firmware reports Basic (model, app version) right after joining; others do not
    join_report: bool = True
    #: where the twin's facts come from (a public device signature), for non-Lumi twins
    source: str = ""
    #: a fresh set of the firmware's behaviours, in the order they react to events
    behaviours: Callable[[], Sequence[Behaviour]] = field(repr=False)

    @property
    def zigbee_model(self) -> str:
        """The model's (first) Basic 0x0005 string."""
        return self.zigbee_models[0]

    @property
    def from_signature(self) -> bool:
        """A twin of another brand's device, written from its public device signature."""
        return bool(self.source)

    @property
    def name(self) -> str:
        """How the twin is asked for: its variant's name, else its Zigbee2MQTT model."""
        return self.variant or self.z2m_model

    @property
    def rx_on_when_idle(self) -> bool:
        # Lumi routers keep their receiver on; its end devices (no-neutral switches) sleep.
        return self.router

    @property
    def mac_capability(self) -> int:
        # Router: FFD, mains, rx-on-when-idle, allocate address. End device: allocate only.
        return 0x8E if self.router else 0x80

    @functools.cached_property
    def _sample(self) -> TwinDevice:
        """A unit off the air, to ask what the model has."""
        from .device import TwinDevice  # noqa: PLC0415  # devices are built from twins

        return TwinDevice.off_air(self)

    @property
    def properties(self) -> frozenset[str]:
        """The Zigbee2MQTT properties of the model (its page's exposes but linkquality)."""
        return self._sample.properties

    @property
    def action_values(self) -> tuple[str, ...]:
        """Every action string the model sends."""
        return self._sample.action_values
