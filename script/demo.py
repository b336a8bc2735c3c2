"""``make demo``: Home Assistant with the simulated Aqara network, ready in a browser.

Run through ``script/demo`` (which bootstraps .venv and the demo's extra packages). The first
run makes ``.demo/`` a Home Assistant configuration and sets it up through Home Assistant's
own API, as a person would in the UI: onboarding with an owner user ``demo``, a long-lived
access token, the integration on the simulated network with a house of devices (the five
seed devices, Aqara battery sensors, a wireless switch, a cube, an IKEA bulb and a Sonoff
sensor) joined and named, the Energy dashboard and a few automations that keep the house
living. Every run then keeps Home Assistant
running on http://127.0.0.1:8123 until Ctrl-C. Nothing is set up twice: a second run only
starts Home Assistant.

Options: ``--dir`` (``DEMO_DIR``, default ``.demo``), ``--port`` (``DEMO_PORT``, default
8123), ``--radio`` (``DEMO_RADIO``): the coordinator the simulated network emulates, ``znp``
(TI Z-Stack, driven by zigpy-znp; the default) or ``ezsp`` (Silicon Labs EmberZNet, driven by
bellows; its demo lives in ``.demo-ezsp`` unless ``DEMO_DIR`` says otherwise).
``--setup-only`` stops Home Assistant once the demo is ready (for scripts).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
import contextlib
from datetime import UTC, datetime
import fcntl
import json
import os
from pathlib import Path
import secrets
import shutil
import signal
import socket
import sys
import time
from typing import Any

import aiohttp
from homeassistant.util import slugify

ROOT = Path(__file__).resolve().parent.parent
INTEGRATION = ROOT / "custom_components" / "aqara_zigbee"
DOMAIN = "aqara_zigbee"
USERNAME = "demo"
CLIENT_NAME = "make demo"
# One real second is one simulated minute: heartbeats every ~55 s instead of ~55 min, plugs
# re-report every 5 s, and energy adds up 60 times faster (a time-lapse of a day in 24 min).
SIMULATION_SPEED = 60
# The simulated network's device set (the config flow's "simulated_devices"): the house.
DEVICE_SET = "house"
# Friendly names of the house's devices, by Zigbee model id (one of each).
DEVICE_NAMES = {
    "lumi.plug": "Kitchen plug",
    "lumi.plug.mmeu01": "Office plug",
    "lumi.switch.l0agl1": "Garden light relay",
    "lumi.switch.b2laus01": "Living room switch",
    "lumi.switch.b1nc01": "Hall switch",
    "lumi.sensor_magnet.aq2": "Front door",
    "lumi.sensor_motion.aq2": "Hallway motion",
    "lumi.weather": "Living room climate",
    "lumi.sensor_wleak.aq1": "Kitchen sink leak",
    "lumi.sensor_switch.aq2": "Bedside button",
    "lumi.sensor_cube": "Living room cube",
    "TRADFRI bulb E27 WS opal 980lm": "Bedroom lamp",
    "TH01": "Bathroom climate",
}
PLUGS = ("lumi.plug", "lumi.plug.mmeu01")
# The coordinators the simulated network can emulate, as the config flow names them.
RADIOS = {"znp": "TI Z-Stack (zigpy-znp)", "ezsp": "Silicon Labs EmberZNet (bellows)"}
START_TIMEOUT = 180.0
JOIN_TIMEOUT = 120.0
STOP_TIMEOUT = 60.0

CONFIGURATION_YAML = """\
# Written by the first `make demo`; yours to edit. The HTTP settings (127.0.0.1 and
# DEMO_PORT) live in .storage/http, which `make demo` keeps in line with DEMO_PORT.
# A minimal configuration: default_config would pull in integrations whose Python
# packages the demo does not install. This still gives the frontend, the config panel,
# history, logbook, the Energy dashboard and automations.
frontend:
config:
api:
energy:
history:
logbook:
automation: !include automations.yaml
script: !include scripts.yaml
scene: !include scenes.yaml

logger:
  default: warning
  logs:
    # Optional media helpers the demo does not need: no ffmpeg binary, no libturbojpeg.
    haffmpeg: critical
    homeassistant.components.camera.img_util: critical
    # Home Assistant warns once about every custom integration: this one is the point.
    homeassistant.loader: error
"""


class DemoError(Exception):
    """A setup step failed; the message says what to do."""


COLOUR = sys.stdout.isatty() and "NO_COLOR" not in os.environ


def say(message: str) -> None:
    print(f"\033[1m==> {message}\033[0m" if COLOUR else f"==> {message}", flush=True)


def info(message: str) -> None:
    print(f"    {message}", flush=True)


# --------------------------------------------------------------------------- files


class DemoDir:
    """The Home Assistant configuration directory of the demo and its own small files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state_file = path / "demo.json"
        self.token_file = path / "token"

    def load_state(self) -> dict[str, Any]:
        if self.state_file.exists():
            loaded: dict[str, Any] = json.loads(self.state_file.read_text())
            return loaded
        return {}

    def save_state(self, state: dict[str, Any]) -> None:
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, indent=2) + "\n")
        tmp.chmod(0o600)
        tmp.replace(self.state_file)

    def in_use(self) -> bool:
        """True while a Home Assistant runs on this directory (it holds .ha_run.lock)."""
        lock = self.path / ".ha_run.lock"
        if not lock.exists():
            return False
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False

    def prepare(self, port: int) -> bool:
        """Write what Home Assistant needs to start; True for a brand-new directory."""
        storage = self.path / ".storage"
        fresh = not storage.exists()
        storage.mkdir(parents=True, exist_ok=True)
        # Written once: afterwards the configuration is the user's to edit.
        for name, text in (
            ("configuration.yaml", CONFIGURATION_YAML),
            ("automations.yaml", "[]\n"),
            ("scripts.yaml", ""),
            ("scenes.yaml", "[]\n"),
        ):
            if not (self.path / name).exists():
                (self.path / name).write_text(text)
        self._link_integration()
        self._write_http_config(port)
        if fresh:
            self._skip_core_config_onboarding()
        return fresh

    def _link_integration(self) -> None:
        """custom_components/aqara_zigbee -> the work tree (edits show after a restart)."""
        link = self.path / "custom_components" / DOMAIN
        link.parent.mkdir(exist_ok=True)
        if link.is_symlink() and link.resolve() == INTEGRATION:
            return
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.exists():
            shutil.rmtree(link)
        link.symlink_to(INTEGRATION, target_is_directory=True)

    def _write_http_config(self, port: int) -> None:
        """Listen on 127.0.0.1:PORT only.

        Home Assistant keeps its HTTP settings in .storage/http. Settings changed through
        its API (or migrated from YAML) are only a trial that listens on every interface
        again unless confirmed within five minutes, and the very first start would listen
        on 0.0.0.0:8123. So the demo writes the confirmed ("stable") settings itself,
        with Home Assistant's own schema, before Home Assistant starts.
        """
        from homeassistant.components.http import config as http_config  # noqa: PLC0415

        path = self.path / ".storage" / http_config.STORAGE_KEY
        stored: dict[str, Any] = {}
        if path.exists():
            stored = json.loads(path.read_text()).get("data", {})
        stable = dict(stored.get("stable") or {})
        wanted = {"server_host": ["127.0.0.1"], "server_port": port}
        if stored.get("pending") is None and all(stable.get(k) == v for k, v in wanted.items()):
            return
        settings = {
            k: v for k, v in stable.items() if k not in ("created_at", "error", "error_message")
        }
        settings = http_config.HTTP_STORAGE_SCHEMA({**settings, **wanted})
        record = {
            "version": http_config.STORAGE_VERSION,
            "minor_version": http_config.STORAGE_MINOR_VERSION,
            "key": http_config.STORAGE_KEY,
            "data": {
                "stable": {
                    **settings,
                    "created_at": datetime.now(UTC).isoformat(),
                    "error": None,
                    "error_message": None,
                },
                "pending": None,
                "yaml_migration_done": True,
            },
        }
        path.write_text(json.dumps(record, indent=2) + "\n")

    def _skip_core_config_onboarding(self) -> None:
        """Mark onboarding's "core config" step done before the first start.

        That step would also start the weather, radio, text-to-speech and shopping-list
        integrations, which need the internet and packages the demo does not install. The
        other steps go through the onboarding API, the core settings through
        ``config/core/update``.
        """
        from homeassistant.components import onboarding  # noqa: PLC0415

        record = {
            "version": onboarding.STORAGE_VERSION,
            "minor_version": 1,
            "key": onboarding.STORAGE_KEY,
            "data": {"done": ["core_config"]},
        }
        (self.path / ".storage" / onboarding.STORAGE_KEY).write_text(json.dumps(record, indent=2))


def local_time_zone() -> str:
    """The machine's IANA time zone, or UTC."""
    with contextlib.suppress(OSError):
        name = Path("/etc/timezone").read_text().strip()
        if name:
            return name
    with contextlib.suppress(OSError):
        target = str(Path("/etc/localtime").readlink())
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    return "UTC"


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# ------------------------------------------------------------------ Home Assistant


class HomeAssistantProcess:
    """``hass -c DIR --skip-pip`` in its own session, its console output in a file."""

    def __init__(self, demo: DemoDir) -> None:
        self.demo = demo
        self.console = demo.path / "hass-console.log"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        log = self.console.open("wb")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "homeassistant",
            "--config",
            str(self.demo.path),
            # Our requirements are installed; never pip-install anything at runtime.
            "--skip-pip",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=log,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us; we stop it in order
        )
        log.close()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    def tail(self, lines: int = 25) -> str:
        text = ""
        for path in (self.demo.path / "home-assistant.log", self.console):
            with contextlib.suppress(OSError):
                text = path.read_text(errors="replace")
                if text.strip():
                    break
        return "\n".join(text.splitlines()[-lines:])

    async def stop(self) -> int | None:
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        self.process.terminate()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                return await self.process.wait()
        except TimeoutError:
            info(f"Home Assistant did not stop within {STOP_TIMEOUT:.0f} s: killing it")
            self.process.kill()
            return await self.process.wait()


class HomeAssistantApi:
    """REST and websocket calls with the owner's access token."""

    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self.session = session
        self.base = base
        self.client_id = f"{base}/"
        self.token: str | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ws_id = 0

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def get(self, path: str) -> Any:
        async with self.session.get(self.base + path, headers=self._headers()) as response:
            if response.status >= 400:
                raise DemoError(f"GET {path}: HTTP {response.status} {await response.text()}")
            return await response.json()

    async def post(self, path: str, data: Any = None, *, form: bool = False) -> Any:
        kwargs: dict[str, Any] = {"data": data} if form else {"json": data or {}}
        async with self.session.post(
            self.base + path, headers=self._headers(), **kwargs
        ) as response:
            if response.status >= 400:
                raise DemoError(f"POST {path}: HTTP {response.status} {await response.text()}")
            if response.content_type == "application/json":
                return await response.json()
            return await response.text()

    async def exchange_code(self, code: str) -> None:
        tokens = await self.post(
            "/auth/token",
            {"grant_type": "authorization_code", "code": code, "client_id": self.client_id},
            form=True,
        )
        self.token = tokens["access_token"]

    async def login(self, username: str, password: str) -> None:
        """Log in like the login page does, for an access token."""
        flow = await self.post(
            "/auth/login_flow",
            {
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": self.client_id,
            },
        )
        result = await self.post(
            f"/auth/login_flow/{flow['flow_id']}",
            {"username": username, "password": password, "client_id": self.client_id},
        )
        if result.get("type") != "create_entry":
            raise DemoError(
                f"logging in as {username!r} failed ({result.get('errors')}): the password in "
                f"demo.json no longer matches; remove the demo directory to start over"
            )
        await self.exchange_code(result["result"])

    async def ws(self, message_type: str, **data: Any) -> Any:
        if self._ws is None:
            self._ws = await self.session.ws_connect(self.base + "/api/websocket")
            await self._ws.receive_json()  # auth_required
            await self._ws.send_json({"type": "auth", "access_token": self.token})
            answer = await self._ws.receive_json()
            if answer.get("type") != "auth_ok":
                raise DemoError(f"websocket authentication failed: {answer}")
        self._ws_id += 1
        await self._ws.send_json({"id": self._ws_id, "type": message_type, **data})
        while True:
            answer = await self._ws.receive_json()
            if answer.get("id") == self._ws_id and answer.get("type") == "result":
                break
        if not answer.get("success"):
            raise DemoError(f"{message_type}: {answer.get('error')}")
        return answer.get("result")

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None


async def wait_until(
    what: str,
    check: Callable[[], Awaitable[bool]],
    seconds: float,
    hass: HomeAssistantProcess,
    interval: float = 0.5,
) -> None:
    """Poll ``check`` until it is true; fail early if Home Assistant exits."""
    deadline = time.monotonic() + seconds
    while True:
        if not hass.running:
            raise DemoError(f"Home Assistant exited while {what}:\n{hass.tail()}")
        with contextlib.suppress(aiohttp.ClientError, OSError, DemoError):
            if await check():
                return
        if time.monotonic() > deadline:
            raise DemoError(f"timed out after {seconds:.0f} s {what}:\n{hass.tail()}")
        await asyncio.sleep(interval)


# ----------------------------------------------------------------------- set-up


class DemoSetup:
    """Each step checks whether it is already done, so an interrupted set-up resumes."""

    def __init__(
        self, api: HomeAssistantApi, demo: DemoDir, hass: HomeAssistantProcess, radio: str
    ) -> None:
        self.api = api
        self.demo = demo
        self.hass = hass
        self.radio = radio
        self.state = demo.load_state()

    def save(self) -> None:
        self.demo.save_state(self.state)

    async def onboarding_steps(self) -> dict[str, bool]:
        """Which onboarding steps are done (all of them once the view is gone)."""
        async with self.api.session.get(self.api.base + "/api/onboarding") as response:
            if response.status == 404:
                return dict.fromkeys(("user", "core_config", "analytics", "integration"), True)
            return {step["step"]: step["done"] for step in await response.json()}

    async def authenticate(self) -> None:
        steps = await self.onboarding_steps()
        if not steps.get("user"):
            say(f"Onboarding: creating the owner user {USERNAME!r}")
            password = secrets.token_urlsafe(12)
            self.state.update(username=USERNAME, password=password)
            self.save()
            answer = await self.api.post(
                "/api/onboarding/users",
                {
                    "client_id": self.api.client_id,
                    "name": "Demo",
                    "username": USERNAME,
                    "password": password,
                    "language": "en",
                },
            )
            await self.api.exchange_code(answer["auth_code"])
        elif self.demo.token_file.exists() and await self._token_works():
            pass
        else:
            # No token, or one revoked in the UI: log in with the saved password for a new one.
            self.demo.token_file.unlink(missing_ok=True)
            if "password" not in self.state:
                raise DemoError(
                    f"the owner user exists but {self.demo.state_file} with its password is "
                    f"gone: remove {self.demo.path} to start over"
                )
            await self.api.login(self.state["username"], self.state["password"])
        if not steps.get("analytics"):
            await self.api.post("/api/onboarding/analytics")
        if not steps.get("integration"):
            await self.api.post(
                "/api/onboarding/integration",
                {"client_id": self.api.client_id, "redirect_uri": self.api.client_id},
            )
        if not self.state.get("core_config"):
            await self.api.ws(
                "config/core/update",
                location_name="Aqara Zigbee demo",
                time_zone=local_time_zone(),
                unit_system="metric",
                currency="EUR",
                country="DE",
                language="en",
            )
            self.state["core_config"] = True
            self.save()
        if not self.demo.token_file.exists():
            say(f"Creating a long-lived access token in {self.demo.token_file}")
            token = await self.api.ws(
                "auth/long_lived_access_token",
                # Names are unique per user; an older token may still exist.
                client_name=f"{CLIENT_NAME} {datetime.now(UTC):%Y-%m-%d %H:%M:%S}",
                lifespan=3650,
            )
            self.demo.token_file.write_text(token + "\n")
            self.demo.token_file.chmod(0o600)

    async def _token_works(self) -> bool:
        self.api.token = self.demo.token_file.read_text().strip()
        async with self.api.session.get(
            self.api.base + "/api/", headers={"Authorization": f"Bearer {self.api.token}"}
        ) as response:
            return response.status == 200

    async def wait_running(self) -> None:
        async def running() -> bool:
            config = await self.api.get("/api/config")
            return bool(config.get("state") == "RUNNING")

        await wait_until(
            "waiting for Home Assistant to finish starting", running, START_TIMEOUT, self.hass
        )

    async def entry_id(self) -> str | None:
        entries = await self.api.get(f"/api/config/config_entries/entry?domain={DOMAIN}")
        return str(entries[0]["entry_id"]) if entries else None

    async def add_integration(self) -> str:
        entry_id = await self.entry_id()
        if entry_id is not None:
            return entry_id
        say(
            "Adding Aqara Zigbee on the simulated network, behind a simulated "
            f"{RADIOS[self.radio]} coordinator (config flow)"
        )
        flow = await self.api.post("/api/config/config_entries/flow", {"handler": DOMAIN})
        result = await self.api.post(
            f"/api/config/config_entries/flow/{flow['flow_id']}",
            {
                "radio_type": "simulated",
                "simulated_radio": self.radio,
                "simulated_devices": DEVICE_SET,
            },
        )
        if result.get("type") != "create_entry":
            raise DemoError(f"the config flow did not create an entry: {result}")
        self.state["radio"] = self.radio
        self.state["devices"] = DEVICE_SET
        self.save()
        return str(result["result"]["entry_id"])

    async def set_speed(self, entry_id: str) -> None:
        if self.state.get("speed_set"):
            return
        say(f"Simulation speed {SIMULATION_SPEED}x: one real second is a simulated minute")
        flow = await self.api.post("/api/config/config_entries/options/flow", {"handler": entry_id})
        flow_id = flow["flow_id"]
        form = await self.api.post(
            f"/api/config/config_entries/options/flow/{flow_id}", {"next_step_id": "network"}
        )
        values = {
            field["name"]: field["default"] for field in form["data_schema"] if "default" in field
        }
        values["simulation_speed"] = SIMULATION_SPEED
        result = await self.api.post(f"/api/config/config_entries/options/flow/{flow_id}", values)
        if result.get("type") != "create_entry":
            raise DemoError(f"the options flow did not finish: {result}")
        self.state["speed_set"] = True
        self.save()

    async def wait_loaded(self, entry_id: str) -> None:
        async def loaded() -> bool:
            entries = await self.api.get(f"/api/config/config_entries/entry?domain={DOMAIN}")
            return any(e["entry_id"] == entry_id and e["state"] == "loaded" for e in entries)

        await wait_until("waiting for the integration to load", loaded, 60, self.hass)

    async def seed_devices(self, entry_id: str) -> dict[str, dict[str, Any]]:
        devices = await self.api.ws("config/device_registry/list")
        return {
            device["model_id"]: device
            for device in devices
            if entry_id in (device.get("config_entry_id"), *device.get("config_entries", ()))
            and device.get("model_id") in DEVICE_NAMES
        }

    async def join_devices(self, entry_id: str) -> dict[str, dict[str, Any]]:
        devices = await self.seed_devices(entry_id)
        if len(devices) == len(DEVICE_NAMES):
            return devices
        say("Opening the network: the simulated devices join and are interviewed")
        await self.api.post(f"/api/services/{DOMAIN}/permit_join", {"duration": 120})
        deadline = time.monotonic() + JOIN_TIMEOUT
        shown = -1
        while len(devices) < len(DEVICE_NAMES):
            if len(devices) != shown:
                shown = len(devices)
                info(f"{shown}/{len(DEVICE_NAMES)} devices joined")
            if time.monotonic() > deadline:
                raise DemoError(
                    f"only {len(devices)} of {len(DEVICE_NAMES)} devices joined within "
                    f"{JOIN_TIMEOUT:.0f} s:\n{self.hass.tail()}"
                )
            await asyncio.sleep(0.5)
            devices = await self.seed_devices(entry_id)
        info(f"{len(devices)}/{len(DEVICE_NAMES)} devices joined")
        # Entities are added right after the interview; give the last ones a moment.
        await self._wait_entities({device["id"] for device in devices.values()})
        return devices

    async def _wait_entities(self, device_ids: set[str]) -> None:
        async def all_have_entities() -> bool:
            entities = await self.api.ws("config/entity_registry/list")
            with_entities = {e["device_id"] for e in entities if e.get("platform") == DOMAIN}
            return device_ids <= with_entities

        await wait_until("waiting for the devices' entities", all_have_entities, 30, self.hass)

    async def name_devices(self, devices: dict[str, dict[str, Any]]) -> None:
        """Friendly names, and entity ids that follow them (as the UI offers on a rename)."""
        if self.state.get("named"):
            return
        say("Naming devices: " + ", ".join(DEVICE_NAMES.values()))
        entities = await self.api.ws("config/entity_registry/list")
        for model_id, device in devices.items():
            new_name = DEVICE_NAMES[model_id]
            if device.get("name_by_user") in (None, ""):
                await self.api.ws(
                    "config/device_registry/update", device_id=device["id"], name_by_user=new_name
                )
            old_slug, new_slug = slugify(device["name"]), slugify(new_name)
            for entity in entities:
                if entity["device_id"] != device["id"]:
                    continue
                domain, object_id = entity["entity_id"].split(".", 1)
                if object_id == old_slug or object_id.startswith(f"{old_slug}_"):
                    new_id = f"{domain}.{new_slug}{object_id[len(old_slug) :]}"
                    await self.api.ws(
                        "config/entity_registry/update",
                        entity_id=entity["entity_id"],
                        new_entity_id=new_id,
                    )
        self.state["named"] = True
        self.save()

    async def entity_id(self, device: dict[str, Any], unique_suffix: str) -> str:
        entities = await self.api.ws("config/entity_registry/list")
        for entity in entities:
            if entity["device_id"] == device["id"] and entity["unique_id"].endswith(
                f"-{unique_suffix}"
            ):
                return str(entity["entity_id"])
        raise DemoError(f"{device['name']} has no {unique_suffix} entity")

    async def set_up_energy(self, devices: dict[str, dict[str, Any]]) -> None:
        if self.state.get("energy"):
            return
        say("Energy dashboard: the plugs' energy sensors as individual devices")
        prefs = await self.api.ws("energy/get_prefs") if await self._has_energy_prefs() else {}
        consumption = list(prefs.get("device_consumption", []))
        known = {item["stat_consumption"] for item in consumption}
        for model_id in PLUGS:
            sensor = await self.entity_id(devices[model_id], "energy")
            if sensor not in known:
                consumption.append({"stat_consumption": sensor})
        await self.api.ws("energy/save_prefs", device_consumption=consumption)
        self.state["energy"] = True
        self.save()

    async def _has_energy_prefs(self) -> bool:
        try:
            await self.api.ws("energy/get_prefs")
        except DemoError:
            return False  # "not_found" until something was saved
        return True

    async def add_automations(self, devices: dict[str, dict[str, Any]]) -> None:
        if self.state.get("automations"):
            return
        say("Automations: changing plug loads, life in the house, and click examples")
        kitchen, office = devices["lumi.plug"], devices["lumi.plug.mmeu01"]
        kitchen_switch = await self.entity_id(kitchen, "state")
        office_switch = await self.entity_id(office, "state")
        hall_action = await self.entity_id(devices["lumi.switch.b1nc01"], "action")
        bedside_action = await self.entity_id(devices["lumi.sensor_switch.aq2"], "action")
        cube_action = await self.entity_id(devices["lumi.sensor_cube"], "action")
        bedroom_lamp = await self.entity_id(devices["TRADFRI bulb E27 WS opal 980lm"], "state")
        automations = {
            "demo_plug_loads": {
                "alias": "Demo: appliances draw a changing load",
                "description": (
                    "Every 20 s (20 simulated minutes) the fridge on the kitchen plug cycles, "
                    "now and then the kettle boils, and the office desk draws 60-160 W. "
                    "Uses the aqara_zigbee.simulate action of the simulated network."
                ),
                "triggers": [{"trigger": "time_pattern", "seconds": "/20"}],
                "actions": [
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": kitchen["id"],
                            "action": "set_load",
                            "watts": "{{ [0, 0, 85, 90, 95, 2000] | random }}",
                        },
                    },
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": office["id"],
                            "action": "set_load",
                            "watts": "{{ range(60, 161) | random }}",
                        },
                    },
                ],
                "mode": "single",
            },
            "demo_house_lives": {
                "alias": "Demo: life in the house",
                "description": (
                    "Every 30 s (half a simulated hour) the weather indoors drifts, someone "
                    "walks down the hallway and the front door opens or closes. Uses the "
                    "aqara_zigbee.simulate action of the simulated network."
                ),
                "triggers": [{"trigger": "time_pattern", "seconds": "/30"}],
                "actions": [
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": devices["lumi.weather"]["id"],
                            "action": "set_temperature",
                            "temperature": "{{ range(195, 235) | random / 10 }}",
                        },
                    },
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": devices["lumi.weather"]["id"],
                            "action": "set_humidity",
                            "humidity": "{{ range(40, 61) | random }}",
                        },
                    },
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": devices["TH01"]["id"],
                            "action": "set_humidity",
                            "humidity": "{{ range(50, 91) | random }}",
                        },
                    },
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": devices["lumi.sensor_motion.aq2"]["id"],
                            "action": "motion",
                        },
                    },
                    {
                        "action": f"{DOMAIN}.simulate",
                        "data": {
                            "device_id": devices["lumi.sensor_magnet.aq2"]["id"],
                            "action": "{{ ['open', 'close'] | random }}",
                        },
                    },
                ],
                "mode": "single",
            },
            "bedside_button_toggles_lamp": {
                "alias": "Bedside button: a click toggles the bedroom lamp",
                "description": "A battery remote driving another brand's bulb.",
                "triggers": [
                    {
                        "trigger": "event.received",
                        "target": {"entity_id": bedside_action},
                        "options": {"event_type": ["single"]},
                    }
                ],
                "actions": [{"action": "light.toggle", "target": {"entity_id": bedroom_lamp}}],
                "mode": "single",
            },
            "cube_shake_toggles_lamp": {
                "alias": "Cube: a shake toggles the bedroom lamp",
                "description": "An example of a cube gesture automation.",
                "triggers": [
                    {
                        "trigger": "event.received",
                        "target": {"entity_id": cube_action},
                        "options": {"event_type": ["shake"]},
                    }
                ],
                "actions": [{"action": "light.toggle", "target": {"entity_id": bedroom_lamp}}],
                "mode": "single",
            },
            "hall_switch_double_click": {
                "alias": "Hall switch: double click toggles the office plug",
                "description": "An example of a click automation on the event entity.",
                "triggers": [
                    {
                        "trigger": "event.received",
                        "target": {"entity_id": hall_action},
                        "options": {"event_type": ["double"]},
                    }
                ],
                "actions": [{"action": "switch.toggle", "target": {"entity_id": office_switch}}],
                "mode": "single",
            },
        }
        for automation_id, config in automations.items():
            await self.api.post(f"/api/config/automation/config/{automation_id}", config)
        # Plug both plugs in and switch them on so there is something to see right away.
        for device, switch, watts in ((kitchen, kitchen_switch, 90), (office, office_switch, 120)):
            await self.api.post("/api/services/switch/turn_on", {"entity_id": switch})
            await self.api.post(
                f"/api/services/{DOMAIN}/simulate",
                {"device_id": device["id"], "action": "set_load", "watts": watts},
            )
        # A leak sensor only reports a change: a dry floor to start with, not "unknown".
        await self.api.post(
            f"/api/services/{DOMAIN}/simulate",
            {"device_id": devices["lumi.sensor_wleak.aq1"]["id"], "action": "dry"},
        )
        self.state["automations"] = True
        self.save()

    async def run(self) -> None:
        if self.state.get("complete"):
            await self.check_ready()
            return
        await self.authenticate()
        await self.wait_running()
        entry_id = await self.add_integration()
        await self.wait_loaded(entry_id)
        await self.set_speed(entry_id)
        devices = await self.join_devices(entry_id)
        await self.name_devices(devices)
        await self.set_up_energy(devices)
        await self.add_automations(devices)
        self.state["complete"] = True
        self.save()

    async def check_ready(self) -> None:
        """A later start: wait until Home Assistant runs and the integration is loaded."""
        try:
            await self.authenticate()
            await self.wait_running()
            entry_id = await self.entry_id()
            if entry_id is None:
                info("Aqara Zigbee is no longer set up (removed in the UI?)")
            else:
                await self.wait_loaded(entry_id)
                if self.state.get("devices") != DEVICE_SET:
                    info(
                        "this demo was made with the five seed devices only: remove "
                        f"{shown(self.demo.path)} for the house (battery sensors, a remote, "
                        "a cube and other brands' devices)"
                    )
        except DemoError as err:
            # Keep Home Assistant running: its UI and log tell more than we can.
            info(f"warning: the readiness check failed: {err}")


# ------------------------------------------------------------------------- main


def shown(path: Path) -> str:
    """``path`` relative to the current directory when it is inside it."""
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)


def banner(base: str, demo: DemoDir, state: dict[str, Any]) -> str:
    return "\n".join(
        [
            "",
            f"  Home Assistant   {base}",
            f"  Coordinator      simulated {RADIOS[state.get('radio', 'znp')]}",
            f"  Username         {state.get('username', USERNAME)}",
            f"  Password         {state.get('password', '(see demo.json)')}",
            f"  API token        {shown(demo.token_file)}",
            f"  Logs             {shown(demo.path / 'home-assistant.log')}",
            "",
            f"  Ctrl-C stops it; everything is kept in {shown(demo.path)}/ for the next run.",
            "",
        ]
    )


def check_radio(demo: DemoDir, radio: str) -> None:
    """One demo directory, one simulated coordinator: the network lives in its state."""
    state = demo.load_state()
    # Demos made before the choice existed ran on Z-Stack.
    made_on = state.get("radio", "znp" if "speed_set" in state else radio)
    if made_on != radio:
        other = ".demo" if radio == "znp" else f".demo-{radio}"
        raise DemoError(
            f"the demo in {demo.path} runs on the simulated {RADIOS[made_on]} coordinator; "
            f"for {RADIOS[radio]} use another directory, e.g. DEMO_DIR={other}"
        )


async def run(args: argparse.Namespace, demo: DemoDir) -> int:
    started = time.monotonic()
    base = f"http://127.0.0.1:{args.port}"
    if not port_free(args.port):
        raise DemoError(
            f"port {args.port} on 127.0.0.1 is in use (another Home Assistant?): "
            f"stop it or choose another port, e.g. DEMO_PORT=8124 make demo"
        )
    if demo.in_use():
        raise DemoError(
            f"a Home Assistant is already running on {demo.path} (another `make demo`?): "
            f"stop it first"
        )
    check_radio(demo, args.radio)
    fresh = demo.prepare(args.port)
    say(f"{'Creating' if fresh else 'Using'} the Home Assistant configuration in {demo.path}")
    hass = HomeAssistantProcess(demo)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    async def until_stopped(awaitable: Awaitable[Any]) -> bool:
        """Run ``awaitable`` unless Ctrl-C comes first; False when interrupted."""
        task = asyncio.ensure_future(awaitable)
        stopper = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if task in done:
            task.result()
            return True
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return False

    say(
        "Starting Home Assistant"
        + (" (the first start takes longer: it creates its database)" if fresh else "")
    )
    await hass.start()
    try:
        async with aiohttp.ClientSession() as session:
            api = HomeAssistantApi(session, base)

            async def http_up() -> bool:
                # 200 while onboarding, 404 once it is done (the view is gone).
                async with session.get(base + "/api/onboarding") as response:
                    return response.status in {200, 404}

            if not await until_stopped(
                wait_until("waiting for Home Assistant's web server", http_up, START_TIMEOUT, hass)
            ):
                return 130
            setup = DemoSetup(api, demo, hass, args.radio)
            if not await until_stopped(setup.run()):
                say("Interrupted: the set-up resumes where it stopped at the next `make demo`")
                return 130
            await api.close()
        say(f"Ready after {time.monotonic() - started:.1f} s")
        print(banner(base, demo, setup.state), flush=True)
        if args.setup_only:
            return 0
        waiter = asyncio.ensure_future(hass.process.wait())  # type: ignore[union-attr]
        stopper = asyncio.ensure_future(stop.wait())
        await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if waiter.done():
            raise DemoError(f"Home Assistant exited (code {waiter.result()}):\n{hass.tail()}")
        return 0
    finally:
        if hass.running:
            say("Stopping Home Assistant")
            t0 = time.monotonic()
            await hass.stop()
            info(f"stopped in {time.monotonic() - t0:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(prog="make demo", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=os.environ.get("DEMO_DIR"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("DEMO_PORT", "8123")))
    parser.add_argument(
        "--radio", choices=sorted(RADIOS), default=os.environ.get("DEMO_RADIO") or "znp"
    )
    parser.add_argument("--setup-only", action="store_true", help="stop once the demo is ready")
    args = parser.parse_args()
    if args.radio not in RADIOS:
        parser.error(f"DEMO_RADIO must be one of {', '.join(sorted(RADIOS))}")
    if args.dir is None:
        args.dir = str(ROOT / (".demo" if args.radio == "znp" else f".demo-{args.radio}"))
    try:
        return asyncio.run(run(args, DemoDir(Path(args.dir).resolve())))
    except DemoError as err:
        print(f"\033[31merror:\033[0m {err}" if COLOUR else f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
