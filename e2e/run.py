"""``make e2e``: the demo in a real browser (Debian's headless Chromium, driven by Playwright).

Run through ``script/e2e``, which installs Chromium and the demo's packages first. It sets
up a fresh demo in ``.demo-e2e/`` (``script/demo.py`` on a free port, exactly as ``make
demo`` does), logs in as ``demo`` through the login page, opens each seed device's page,
checks that its entities are shown, toggles a switch in the page and sees the device follow,
presses a simulated wall switch and sees the page follow, opens the house's battery sensors'
pages and sees the simulated door open and close in its page, and saves a screenshot of every
device page (``e2e/screenshots/``, or ``--screenshots DIR``).

The last line is ``N passed, N failed``; the exit code is 0 only when nothing failed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
import contextlib
import json
import os
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from typing import Any
import urllib.request

from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# What works in this sandbox and on CI: no sandboxing as root, no GPU, and no background
# traffic (the network is closed; Chromium would retry refused connections forever).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
DEMO_READY_TIMEOUT = 240.0
UI_TIMEOUT_MS = 20_000
STATE_TIMEOUT = 15.0
SECOND_START_LIMIT = 20.0
# The seed devices, as script/demo.py names them, and the switch each page toggles.
DEVICES = {
    "Kitchen plug": "switch.kitchen_plug",
    "Office plug": "switch.office_plug",
    "Garden light relay": "switch.garden_light_relay",
    "Living room switch": "switch.living_room_switch_top",
    "Hall switch": "switch.hall_switch",
}

# The house's battery devices (issue 15): their pages, and the door sensor followed live
SENSOR_DEVICES = (
    "Front door",
    "Hallway motion",
    "Living room climate",
    "Kitchen sink leak",
    "Bedside button",
    "Living room cube",
)


class CheckFailedError(AssertionError):
    """One check of the run failed."""


# ----------------------------------------------------------------------- the demo


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Demo:
    """``script/demo.py`` in a fresh directory, until it prints that it is ready."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[str] | None = None
        self.output: list[str] = []
        self.token = ""
        self.password = ""

    def start(self, *, fresh: bool) -> float:
        """Start ``script/demo.py``; return the seconds until it said it was ready."""
        if fresh:
            shutil.rmtree(self.directory, ignore_errors=True)
        self.output = []
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "script" / "demo.py"),
                "--dir",
                str(self.directory),
                "--port",
                str(self.port),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert self.process.stdout is not None
        deadline = started + DEMO_READY_TIMEOUT
        for line in self.process.stdout:
            self.output.append(line.rstrip())
            print(f"    demo | {line.rstrip()}", flush=True)
            if "Ready after" in line:
                break
            if time.monotonic() > deadline:
                raise CheckFailedError(f"the demo was not ready within {DEMO_READY_TIMEOUT:.0f} s")
        else:
            raise CheckFailedError(
                f"the demo exited (code {self.process.wait()}) before it was ready"
            )
        # Keep reading its output so it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()
        state = json.loads((self.directory / "demo.json").read_text())
        self.password = state["password"]
        self.token = (self.directory / "token").read_text().strip()
        return time.monotonic() - started

    def _drain(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line.rstrip())

    def stop(self) -> float:
        if self.process is None or self.process.poll() is not None:
            return 0.0
        started = time.monotonic()
        self.process.send_signal(signal.SIGINT)  # what Ctrl-C does
        try:
            self.process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise CheckFailedError("the demo did not stop within 90 s of Ctrl-C") from None
        return time.monotonic() - started

    # REST API with the demo's long-lived token
    def api(self, method: str, path: str, data: Any = None) -> Any:
        body = self.request(method, path, data)
        return json.loads(body) if body else None

    def request(self, method: str, path: str, data: Any = None) -> str:
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if data is None else json.dumps(data).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return str(response.read().decode())

    def template(self, template: str) -> Any:
        """Render a template that ends in ``| tojson``."""
        return json.loads(self.request("POST", "/api/template", {"template": template}))

    def state(self, entity_id: str) -> str:
        return str(self.api("GET", f"/api/states/{entity_id}")["state"])


# ------------------------------------------------------------------------ helpers


class Results:
    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    @contextlib.contextmanager
    def check(self, name: str) -> Iterator[None]:
        started = time.monotonic()
        try:
            yield
        except Exception as err:
            self.failed.append(name)
            print(f"FAIL {name}: {err}", flush=True)
            if not isinstance(err, CheckFailedError):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"ok   {name} ({time.monotonic() - started:.1f} s)", flush=True)


def wait_for(what: str, predicate: Callable[[], bool], timeout: float = STATE_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise CheckFailedError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def save_screenshot(page: Page, path: Path) -> None:
    """A small PNG: the page reduced to a 64-colour palette (flat UI colours survive)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def entity_names(demo: Demo, device_id: str, device_name: str) -> dict[str, str]:
    """entity_id -> the name the device page shows (its friendly name less the device's).

    Entities disabled by default (link quality) have no state and are not listed.
    """
    friendly: dict[str, str | None] = demo.template(
        "{% set ns = namespace(out={}) %}"
        "{% for e in device_entities('" + device_id + "') %}"
        "{% set ns.out = dict(ns.out, **{e: state_attr(e, 'friendly_name')}) %}"
        "{% endfor %}{{ ns.out | tojson }}"
    )
    return {
        entity_id: name.removeprefix(device_name).strip() or device_name
        for entity_id, name in friendly.items()
        if name is not None
    }


# -------------------------------------------------------------------------- checks


def log_in(page: Page, demo: Demo) -> None:
    page.goto(demo.base + "/")
    page.wait_for_url("**/auth/authorize**", timeout=UI_TIMEOUT_MS)
    page.get_by_role("textbox", name="Username").fill("demo")
    page.get_by_role("textbox", name="Password").fill(demo.password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/auth/" not in url, timeout=UI_TIMEOUT_MS)
    # The sidebar is there once the frontend has connected its websocket.
    page.get_by_text("Settings", exact=True).first.wait_for(timeout=UI_TIMEOUT_MS)


def open_device_page(page: Page, demo: Demo, device_id: str, name: str) -> None:
    page.goto(f"{demo.base}/config/devices/device/{device_id}")
    page.get_by_text(name, exact=True).first.wait_for(timeout=UI_TIMEOUT_MS)
    page.get_by_text("Device info", exact=True).first.wait_for(timeout=UI_TIMEOUT_MS)


def check_entities_shown(page: Page, names: dict[str, str]) -> None:
    missing = []
    for entity_id, shown in sorted(names.items()):
        locator = page.get_by_text(shown, exact=True)
        try:
            locator.first.wait_for(state="visible", timeout=UI_TIMEOUT_MS / 4)
        except Exception:
            missing.append(f"{shown!r} ({entity_id})")
    if missing:
        raise CheckFailedError("not on the page: " + ", ".join(missing))


def page_toggle(page: Page, shown: str) -> Any:
    """The toggle of the row named ``shown`` (a Controls or Configuration card row)."""
    row = page.locator("hui-toggle-entity-row").filter(has=page.get_by_text(shown, exact=True))
    return row.first.locator("ha-switch")


def check_toggle(page: Page, demo: Demo, switch_entity: str, shown: str) -> None:
    """Click the switch in the page: the device confirms and the page shows it."""
    toggle = page_toggle(page, shown)
    toggle.wait_for(timeout=UI_TIMEOUT_MS)
    checkbox = toggle.get_by_role("switch")
    for _ in range(2):  # there and back
        expected = "off" if demo.state(switch_entity) == "on" else "on"
        toggle.click()
        wait_for(
            f"{switch_entity} to turn {expected}",
            lambda: demo.state(switch_entity) == expected,  # noqa: B023 - used at once
        )
        wait_for(
            f"the page's toggle to show {expected}",
            lambda: checkbox.is_checked() == (expected == "on"),  # noqa: B023 - used at once
        )


def check_physical_press(page: Page, demo: Demo, device_id: str, shown: str) -> None:
    """A press on the simulated wall switch reaches the open page, without a reload."""
    checkbox = page_toggle(page, shown).get_by_role("switch")
    before = checkbox.is_checked()
    demo.api(
        "POST",
        "/api/services/aqara_zigbee/simulate",
        {"device_id": device_id, "action": "press", "kind": "single"},
    )
    wait_for("the relay toggled by the press in the page", lambda: checkbox.is_checked() != before)


def check_door_follows(page: Page, demo: Demo, device_id: str, names: dict[str, str]) -> None:
    """The simulated door opens and closes: the open page says so, without a reload."""
    doors = [entity for entity in names if entity.startswith("binary_sensor.")]
    for action, state, shown in (("open", "on", "Open"), ("close", "off", "Closed")):
        demo.api(
            "POST",
            "/api/services/aqara_zigbee/simulate",
            {"device_id": device_id, "action": action},
        )
        wait_for(
            f"the door sensor to report {state}",
            lambda: any(demo.state(door) == state for door in doors),  # noqa: B023 - used at once
        )
        page.get_by_text(shown, exact=True).first.wait_for(timeout=UI_TIMEOUT_MS)


def device_ids(demo: Demo) -> dict[str, str]:
    """Device name -> device id, for the devices of the integration."""
    found: dict[str, str] = demo.template(
        "{% set ns = namespace(out={}) %}"
        "{% for e in integration_entities('aqara_zigbee') %}"
        "{% set d = device_id(e) %}{% if d %}"
        "{% set ns.out = dict(ns.out, **{device_attr(d, 'name_by_user') or d: d}) %}"
        "{% endif %}{% endfor %}{{ ns.out | tojson }}"
    )
    return found


def wait_for_sensor_values(demo: Demo, names: dict[str, str]) -> None:
    """For documentation screenshots: until every sensor has reported (a heartbeat)."""
    sensors = [entity for entity in names if entity.startswith("sensor.")]
    with contextlib.suppress(CheckFailedError):
        wait_for(
            "sensor values",
            lambda: all(demo.state(entity) != "unknown" for entity in sensors),
            timeout=120,
        )


def wait_for_energy_statistics(page: Page) -> None:
    """For documentation screenshots: until the recorder has compiled an hour of energy.

    The Energy dashboard shows hourly statistics, compiled just after each full hour.
    """
    count_script = """async () => {
        const hass = document.querySelector("home-assistant").hass;
        const result = await hass.callWS({
            type: "recorder/statistics_during_period",
            start_time: new Date(Date.now() - 86400000).toISOString(),
            statistic_ids: ["sensor.kitchen_plug_energy"],
            period: "hour",
            types: ["change"],
        });
        return (result["sensor.kitchen_plug_energy"] || []).length;
    }"""
    print("    waiting for the first hour of energy statistics (up to an hour)...", flush=True)
    wait_for("an hour of energy statistics", lambda: page.evaluate(count_script) >= 1, 4000)


def run_browser(browser: Browser, demo: Demo, results: Results, shots: Path, *, docs: bool) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="UTC")
    context.set_default_timeout(UI_TIMEOUT_MS)
    page = context.new_page()
    with results.check("log in as demo through the login page"):
        log_in(page, demo)
    ids = device_ids(demo)
    for name, switch_entity in DEVICES.items():
        device_id = ids.get(name)
        if device_id is None:
            with results.check(f"{name}: device exists"):
                raise CheckFailedError(f"no device named {name!r} (have {sorted(ids)})")
            continue
        names = entity_names(demo, device_id, name)
        shown = names.get(switch_entity, name)
        with results.check(f"{name}: page shows its {len(names)} entities"):
            open_device_page(page, demo, device_id, name)
            check_entities_shown(page, names)
        with results.check(f"{name}: toggling {switch_entity} in the page"):
            check_toggle(page, demo, switch_entity, shown)
        if name == "Hall switch":
            with results.check("Hall switch: a physical press shows up in the open page"):
                check_physical_press(page, demo, device_id, shown)
        with results.check(f"{name}: screenshot"):
            if docs:
                wait_for_sensor_values(demo, names)
            page.mouse.move(0, 0)
            save_screenshot(page, shots / f"device-{slug(name)}.png")
    for name in SENSOR_DEVICES:
        device_id = ids.get(name)
        if device_id is None:
            with results.check(f"{name}: device exists"):
                raise CheckFailedError(f"no device named {name!r} (have {sorted(ids)})")
            continue
        names = entity_names(demo, device_id, name)
        with results.check(f"{name}: page shows its {len(names)} entities"):
            open_device_page(page, demo, device_id, name)
            check_entities_shown(page, names)
        if name == "Front door":
            with results.check("Front door: opening and closing show up in the open page"):
                check_door_follows(page, demo, device_id, names)
        with results.check(f"{name}: screenshot"):
            page.mouse.move(0, 0)
            save_screenshot(page, shots / f"device-{slug(name)}.png")
    if docs:
        with results.check("Energy dashboard: screenshot"):
            wait_for_energy_statistics(page)
            page.goto(f"{demo.base}/energy")
            page.get_by_text("Individual devices", exact=True).first.wait_for()
            time.sleep(5)  # the charts load and animate in
            save_screenshot(page, shots / "energy-dashboard.png")
        with results.check("Click automation: screenshot"):
            page.goto(f"{demo.base}/config/automation/edit/hall_switch_double_click")
            page.get_by_text("Hall switch", exact=False).first.wait_for()
            time.sleep(2)
            save_screenshot(page, shots / "automation-double-click.png")
    context.close()


def check_second_start(demo: Demo) -> None:
    """Ctrl-C, then `make demo` again: quick, and everything is still there."""
    demo.stop()
    seconds = demo.start(fresh=False)
    print(f"    second start ready after {seconds:.1f} s", flush=True)
    if seconds > SECOND_START_LIMIT:
        raise CheckFailedError(f"the second start took {seconds:.1f} s (> {SECOND_START_LIMIT} s)")
    if "Naming devices" in "\n".join(demo.output) or "Onboarding" in "\n".join(demo.output):
        raise CheckFailedError("the second start set the demo up again")
    missing = set(DEVICES) - set(device_ids(demo))
    if missing:
        raise CheckFailedError(f"devices lost: {sorted(missing)}")


def main() -> int:
    # A timeout (SIGTERM) still runs the clean-up below: the demo stops Home Assistant.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dir", type=Path, default=ROOT / ".demo-e2e")
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument(
        "--docs",
        action="store_true",
        help="screenshots for the README (docs/screenshots): waits for sensor values and "
        "for the first hour of energy statistics (up to an hour)",
    )
    args = parser.parse_args()
    shots = args.screenshots or ROOT / ("docs" if args.docs else "e2e") / "screenshots"
    started = time.monotonic()
    results = Results()
    demo = Demo(args.dir.resolve(), free_port())
    print(f"==> Setting up a fresh demo in {demo.directory} on {demo.base}", flush=True)
    try:
        with results.check("make demo: first set-up until ready"):
            print(f"    set-up took {demo.start(fresh=True):.1f} s", flush=True)
        if demo.process is not None and demo.token:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
                )
                try:
                    run_browser(browser, demo, results, shots, docs=args.docs)
                finally:
                    browser.close()
            with results.check(f"second start: ready within {SECOND_START_LIMIT} s, state kept"):
                check_second_start(demo)
    finally:
        with results.check("Ctrl-C stops the demo"):
            print(f"    stopped in {demo.stop():.1f} s", flush=True)
    print(f"==> e2e took {time.monotonic() - started:.0f} s; screenshots in {shots}")
    for name in results.failed:
        print(f"FAILED: {name}")
    print(f"{results.passed} passed, {len(results.failed)} failed", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
