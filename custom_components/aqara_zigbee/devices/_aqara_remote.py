"""Endpoints of the newer wireless remotes (T1, E1, H1, H1M, Opple, mini switches).

ZHA's signatures of ``lumi.remote.acn003/acn004``, ``b18ac1/b28ac1`` and ``b286opcn01``:
endpoint 1 serves Basic, PowerConfiguration, Identify, MultistateInput and 0xFCC0 and
sends OnOff (and OTA) to bound devices; each further button has an endpoint of its own
with MultistateInput (hidden on some units: declared here so its clicks are routed).
"""

from __future__ import annotations

from ..lumi.const import BASIC, LUMI_CLUSTER, MULTISTATE_INPUT, ON_OFF, OTA
from .model import EndpointDecl

POWER_CFG = 0x0001
IDENTIFY = 0x0003
LEVEL_CONTROL = 0x0008
COLOR_CONTROL = 0x0300


def remote_endpoints(buttons: int, *, device_type: int = 0x0103) -> tuple[EndpointDecl, ...]:
    """Endpoint 1 and one endpoint per further button (2..``buttons``)."""
    return (
        EndpointDecl(
            endpoint=1,
            device_type=device_type,
            in_clusters=(BASIC, POWER_CFG, IDENTIFY, MULTISTATE_INPUT, LUMI_CLUSTER),
            out_clusters=(IDENTIFY, ON_OFF, LEVEL_CONTROL, COLOR_CONTROL, OTA),
        ),
        *(
            EndpointDecl(
                endpoint=endpoint,
                device_type=device_type,
                in_clusters=(MULTISTATE_INPUT,),
                out_clusters=(ON_OFF,),
            )
            for endpoint in range(2, buttons + 1)
        ),
    )
