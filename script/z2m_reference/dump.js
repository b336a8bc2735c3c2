// Writes the Lumi part of Zigbee2MQTT's device library (zigbee-herdsman-converters) as plain
// JSON, each definition resolved the way Zigbee2MQTT resolves it (prepareDefinition).
// Run through script/z2m-reference, which installs the pinned library first.
//
//   node dump.js <node_modules dir> <output.json>
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const [modulesDir, outputPath] = process.argv.slice(2);
if (!modulesDir || !outputPath) {
    console.error("usage: node dump.js <node_modules dir> <output.json>");
    process.exit(2);
}
const libraryDir = path.join(path.resolve(modulesDir), "zigbee-herdsman-converters");
const load = (relative) => require(path.join(libraryDir, relative));

const library = load("dist/index.js");
const version = load("package.json").version;
const fz = load("dist/converters/fromZigbee.js");
const tz = load("dist/converters/toZigbee.js");
const lumi = load("dist/lib/lumi.js");

// The library logs (instead of throwing) when an exposes function fails; keep those per model
let logged = [];
const keep = (level) => (message) => logged.push(`${level}: ${typeof message === "function" ? message() : message}`);
library.setLogger({debug: () => {}, info: () => {}, warning: keep("warning"), error: keep("error")});

const VENDORS = new Set(["Aqara", "Xiaomi", "Lumi"]);
const isLumiId = (id) => typeof id === "string" && id.startsWith("lumi.");
const fingerprintIds = (definition) => (definition.fingerprint ?? []).map((fp) => fp.modelID).filter(Boolean);

// What Zigbee2MQTT itself passes when it needs a definition's exposes without a device
// (prepareDefinition, the documentation generator): a dummy device and no options
const DUMMY_DEVICE = {isDummyDevice: true};

// Converter objects → their exported names, so the JSON names them where it can
const converterNames = new Map();
for (const [prefix, module] of [["", fz], ["", tz], ["lumi.", lumi.fromZigbee], ["lumi.", lumi.toZigbee]]) {
    for (const [name, converter] of Object.entries(module)) {
        if (converter && typeof converter === "object" && !converterNames.has(converter)) {
            converterNames.set(converter, prefix + name);
        }
    }
}
// prepareDefinition puts these generic converters in front of every definition's own
const GENERIC_TZ = new Set([
    tz.scene_store,
    tz.scene_recall,
    tz.scene_add,
    tz.scene_remove,
    tz.scene_remove_all,
    tz.scene_rename,
    tz.read,
    tz.write,
    tz.command,
    tz.factory_reset,
    tz.zcl_command,
]);

const EXPOSE_FIELDS = [
    "type",
    "name",
    "property",
    "access",
    "unit",
    "value_min",
    "value_max",
    "value_step",
    "values",
    "value_on",
    "value_off",
    "endpoint",
    "category",
    "description",
    "length_min",
    "length_max",
];

// One expose reduced to its facts; composite/specific ones keep their features, lists their item
function flatten(expose) {
    const out = {};
    for (const field of EXPOSE_FIELDS) {
        if (expose[field] !== undefined && expose[field] !== null) {
            out[field] = Array.isArray(expose[field]) ? [...expose[field]] : expose[field];
        }
    }
    if (Array.isArray(expose.presets) && expose.presets.length) {
        out.presets = expose.presets.map((preset) => ({name: preset.name, value: preset.value}));
    }
    if (Array.isArray(expose.features)) {
        out.features = expose.features.map(flatten);
    }
    if (expose.item_type) {
        out.item_type = flatten(expose.item_type);
    }
    return out;
}

function endpointNames(definition) {
    if (typeof definition.endpoint !== "function") {
        return undefined;
    }
    try {
        return definition.endpoint(DUMMY_DEVICE);
    } catch {
        return undefined; // depends on a real device
    }
}

function describe(source, raw) {
    logged = [];
    const definition = library.prepareDefinition(raw);
    const exposesFunction = typeof definition.exposes === "function";
    const exposes = exposesFunction ? definition.exposes(DUMMY_DEVICE, {}) : definition.exposes;
    const own = definition.toZigbee.filter((converter) => !GENERIC_TZ.has(converter));
    const entry = {
        model: definition.model,
        vendor: definition.vendor,
        description: definition.description,
        zigbee_models: [...(definition.zigbeeModel ?? [])],
        fingerprint_models: [...new Set(fingerprintIds(definition))],
        white_labels: (definition.whiteLabel ?? []).map((label) => ({
            model: label.model,
            vendor: label.vendor ?? definition.vendor,
            description: label.description ?? definition.description,
            fingerprint_models: [...new Set((label.fingerprint ?? []).map((fp) => fp.modelID).filter(Boolean))],
        })),
        ota: Boolean(definition.ota),
        // true: the exposes are a function of (device, options), resolved with a dummy device
        exposes_function: exposesFunction,
        exposes: exposes.map(flatten),
        options: definition.options.map(flatten),
        endpoints: endpointNames(definition),
        to_zigbee_keys: [...new Set(own.flatMap((converter) => converter.key ?? []))].sort(),
        from_zigbee: definition.fromZigbee.map((converter) => ({
            name: converterNames.get(converter), // none: made by a modernExtend
            cluster: converter.cluster,
            type: [converter.type].flat(),
        })),
        source: source,
    };
    if (logged.length) {
        entry.library_log = logged;
    }
    return entry;
}

const devicesDir = path.join(libraryDir, "dist", "devices");
const definitions = [];
for (const file of fs.readdirSync(devicesDir).filter((name) => name.endsWith(".js")).sort()) {
    const module = require(path.join(devicesDir, file));
    for (const raw of module.definitions ?? []) {
        const ids = [...(raw.zigbeeModel ?? []), ...fingerprintIds(raw)];
        if (VENDORS.has(raw.vendor) || ids.some(isLumiId)) {
            definitions.push(describe(`devices/${file}`, raw));
        }
    }
}
definitions.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));

// Indented down to each expose, option and converter, which stay on one line (as do lists and
// maps of plain values): reviewable diffs when the pinned version moves, near compact JSON's size
const isPlain = (value) => value === null || typeof value !== "object";
function render(value, indent = "", depth = 0) {
    const inner = `${indent} `;
    if (depth >= 4 || isPlain(value) || Object.values(value).every(isPlain)) {
        return JSON.stringify(value);
    }
    const items = Array.isArray(value)
        ? value.map((item) => render(item, inner, depth + 1))
        : Object.entries(value)
              .filter(([, item]) => item !== undefined)
              .map(([key, item]) => `${JSON.stringify(key)}: ${render(item, inner, depth + 1)}`);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${indent}${close}`;
}

const zigbeeIds = new Set(definitions.flatMap((d) => [...d.zigbee_models, ...d.fingerprint_models]));
const document = {
    library: "zigbee-herdsman-converters",
    version: version,
    generated_by: "script/z2m-reference",
    selection: "definitions whose vendor is Aqara, Xiaomi or Lumi, or with a lumi.* zigbee model",
    access_bits: {state: 1, set: 2, get: 4},
    definition_count: definitions.length,
    zigbee_model_count: zigbeeIds.size,
    definitions: definitions,
};
fs.writeFileSync(outputPath, `${render(document)}\n`);
console.log(`${definitions.length} definitions, ${zigbeeIds.size} zigbee model ids → ${outputPath}`);
