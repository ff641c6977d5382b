#!/usr/bin/env node
// Derives the set of taggable AWS resource types from the installed @pulumi/aws package, so the
// tagging policy follows the provider version instead of a hand-kept list that silently goes stale.
// A type is taggable when its `<Resource>Args` interface declares a `tags` input.
// Run after changing the @pulumi/aws version: `npm run generate:taggable` and commit lib/taggable-types.json.
"use strict";
const fs = require("fs");
const path = require("path");

const awsRoot = path.dirname(require.resolve("@pulumi/aws/package.json"));
const awsVersion = require("@pulumi/aws/package.json").version;

function resourceFiles(dir) {
    const found = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== "node_modules" && entry.name !== "types") {
                found.push(...resourceFiles(full));
            }
        } else if (entry.name.endsWith(".d.ts")) {
            found.push(full);
        }
    }
    return found;
}

function argsDeclareTags(dts) {
    const argsStart = dts.search(/export interface \w+Args \{/);
    if (argsStart < 0) {
        return false;
    }
    const argsEnd = dts.indexOf("\n}", argsStart);
    return /\n {4}tags\?: /.test(dts.slice(argsStart, argsEnd));
}

const taggable = [];
for (const dtsFile of resourceFiles(awsRoot)) {
    const jsFile = dtsFile.replace(/\.d\.ts$/, ".js");
    if (!fs.existsSync(jsFile)) {
        continue;
    }
    const typeMatch = /__pulumiType = '([^']+)'/.exec(fs.readFileSync(jsFile, "utf8"));
    if (typeMatch && argsDeclareTags(fs.readFileSync(dtsFile, "utf8"))) {
        taggable.push(typeMatch[1]);
    }
}
taggable.sort();

const target = path.join(__dirname, "..", "lib", "taggable-types.json");
fs.writeFileSync(target, JSON.stringify({ awsVersion, types: taggable }, null, 2) + "\n");
console.log(`${taggable.length} taggable resource types from @pulumi/aws ${awsVersion} -> ${target}`);
