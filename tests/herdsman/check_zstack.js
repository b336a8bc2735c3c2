"use strict";
// zigbee-herdsman (Zigbee2MQTT's Zigbee stack) drives the Z-Stack emulator through its
// zstack adapter: form, stop, resume, let the simulated devices join and be interviewed,
// switch a plug and read a manufacturer-specific attribute, stop, resume and answer again.
//
// Usage: node check_zstack.js tcp://127.0.0.1:PORT WORK_DIR EXPECTED_DEVICES
// Prints one JSON object per line on stdout (read by test_herdsman.py); herdsman's own
// log goes to WORK_DIR/herdsman.log.

const fs = require("node:fs");
const path = require("node:path");
const { Controller, setLogger } = require("zigbee-herdsman");

const [url, workDir, expectedArg] = process.argv.slice(2);
const expectedDevices = Number(expectedArg);

const logFile = fs.createWriteStream(path.join(workDir, "herdsman.log"));
const logAt = (level) => (message, namespace) => {
    const text = typeof message === "function" ? message() : message;
    logFile.write(`${new Date().toISOString()} ${level} ${namespace}: ${text}\n`);
};
setLogger({ debug: logAt("debug"), info: logAt("info"), warning: logAt("warning"), error: logAt("error") });

function emit(event, fields = {}) {
    process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

const NETWORK = {
    panID: 0x1a62,
    extendedPanID: [0xdd, 0xdd, 0xdd, 0xdd, 0x00, 0x11, 0x22, 0x33],
    channelList: [15],
    networkKey: [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x01],
};
const LUMI_CLUSTER = 0xfcc0;
const LUMI_MANUFACTURER_CODE = 0x115f;
const AUTO_OFF = 0x0202; // ZNCZ04LM: switch off when the load stays tiny (bool)

function newController() {
    return new Controller({
        network: NETWORK,
        serialPort: { path: url, adapter: "zstack" },
        databasePath: path.join(workDir, "database.db"),
        databaseBackupPath: path.join(workDir, "database.db.backup"),
        backupPath: path.join(workDir, "coordinator_backup.json"),
        adapter: { disableLED: false },
        acceptJoiningDeviceHandler: async () => true,
    });
}

async function start(controller, label) {
    const started = performance.now();
    const result = await controller.start();
    const ms = Math.round(performance.now() - started);
    const network = await controller.getNetworkParameters();
    emit("started", {
        label,
        result,
        ms,
        panID: network.panID,
        channel: network.channel,
        extendedPanID: network.extendedPanID,
    });
}

async function until(predicate, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

function devices(controller) {
    return [...controller.getDevicesIterator((device) => device.type !== "Coordinator")];
}

async function main() {
    let controller = newController();
    await start(controller, "form");
    await controller.stop();
    emit("stopped");

    controller = newController();
    const interviewed = new Map();
    controller.on("deviceInterview", ({ status, device }) => {
        if (status === "successful") {
            interviewed.set(device.ieeeAddr, device.modelID);
        } else if (status === "failed") {
            emit("interview_failed", { ieee: device.ieeeAddr });
        }
    });
    await start(controller, "resume");

    const joining = performance.now();
    await controller.permitJoin(60);
    await until(() => interviewed.size >= expectedDevices, 60000, "the interviews");
    emit("interviewed", {
        ms: Math.round(performance.now() - joining),
        models: Object.fromEntries(interviewed),
    });
    await controller.permitJoin(0);

    const plug = devices(controller).find((device) => device.modelID === "lumi.plug.mmeu01");
    const endpoint = plug.getEndpoint(1);
    await endpoint.command("genOnOff", "on", {});
    const onOff = await endpoint.read("genOnOff", ["onOff"]);
    const lumi = await endpoint.read(LUMI_CLUSTER, [AUTO_OFF], { manufacturerCode: LUMI_MANUFACTURER_CODE });
    emit("plug", { ieee: plug.ieeeAddr, onOff: onOff.onOff, lumi });
    await controller.stop();

    controller = newController();
    await start(controller, "resume again");
    const again = controller.getDeviceByIeeeAddr(plug.ieeeAddr).getEndpoint(1);
    await again.command("genOnOff", "off", {});
    const after = await again.read("genOnOff", ["onOff"]);
    emit("answered_again", { onOff: after.onOff, devices: devices(controller).length });
    await controller.stop();
    emit("done");
}

// Exit once the log is on disk: herdsman leaves timers behind after stop() (e.g. a 60 s
// route discovery debounce per announced end device) that would keep node alive.
logFile.on("error", () => {}); // a late log line after the end is of no interest
main()
    .catch((error) => {
        emit("error", { message: String(error?.stack ?? error) });
        process.exitCode = 1;
    })
    .finally(() => logFile.end(() => process.exit()));
