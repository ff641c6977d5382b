// The pack's mutation suite: applies every mutant to each synthesized stack and checks, through the Analyzer gRPC
// protocol (one pack process for all), that the policy it names reports it. Also checks the stacks themselves
// (no mandatory violation) and a pessimistic first preview of each (every input that depends on another resource
// unknown: no mandatory violation, only "cannot decide in preview"). Prints the kill rate; fails below 95%.
//   node bin/test/mutation/run.js ../target/synth-prod.json ../target/synth-stg.json
import * as fs from "fs";
import * as path from "path";
import { AnalyzerSession, Diagnostic, SynthDocument, UNKNOWN_MARKER } from "./analyzer";
import { mutants } from "./mutants";
import { allPolicies } from "../../policies";

const THRESHOLD = 0.95;
const CONFIG_DIR = path.resolve(__dirname, "..", "..", "..", "config");
const stackPolicies = new Set(allPolicies.filter(p => (p as any).validateStack).map(p => p.name));
/** Mutants of these policies have nothing to hit in a stack without a raw zone or outside productionStacks. */
const prodOnly = (config: Record<string, any>, policy: string, stack: string) =>
    (Array.isArray(config[policy]?.productionStacks) ? !config[policy].productionStacks.includes(stack)
        : ["alb-deletion-protection", "rds-deletion-protection", "stateful-resources-protected", "observability-slo-coverage"].includes(policy) && stack !== "prod")
    || (policy === "data-raw-zone-readers" && stack !== "prod");

const key = (d: Diagnostic) => `${d.policy}|${d.urn}|${d.message}`;
const preview = (d: Diagnostic) => d.message.includes("during preview");

/** A first preview, pessimistic: every input computed from another resource is unknown. */
function previewOf(doc: SynthDocument): SynthDocument {
    const copy: SynthDocument = JSON.parse(JSON.stringify(doc));
    for (const r of copy.resources) {
        for (const [input, deps] of Object.entries(r.propertyDependencies ?? {})) {
            if (deps.length > 0 && r.inputs && input in r.inputs && input !== "tags") {
                r.inputs[input] = UNKNOWN_MARKER;
            }
        }
    }
    return copy;
}

async function main(): Promise<void> {
    const files = process.argv.slice(2);
    if (files.length === 0) {
        throw new Error("usage: run.js <synth.json>... (from `java -jar target/infra.jar synth --stack prod --json FILE`)");
    }
    const started = Date.now();
    const session = await AnalyzerSession.start();
    const failures: string[] = [];
    // The pack itself rejects a config typo at Configure (the path `pulumi preview --policy-pack-config` takes).
    try {
        await session.configure({ all: "mandatory", "rds-backup-retention": { minimumDay: 14 } });
        failures.push("Configure accepted the unknown property 'minimumDay'");
    } catch (e) {
        if (!String((e as Error).message).includes("unknown config property 'minimumDay'")) {
            failures.push(`Configure failed without naming the property: ${(e as Error).message}`);
        }
    }
    let applied = 0;
    let killed = 0;
    try {
        for (const file of files) {
            const doc: SynthDocument = JSON.parse(fs.readFileSync(file, "utf8"));
            const config = JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, `${doc.stack}.json`), "utf8"));
            await session.configure(config);
            await session.configureStack(doc);
            const baseline = await session.analyze(doc);
            const mandatory = baseline.filter(d => d.level === "mandatory");
            // What each policy reports on the unmutated stack, also the policies this stack disables: a mutant is
            // killed only by a diagnostic its stack did not already have.
            const everyPolicy = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v === "disabled" ? "mandatory"
                : typeof v === "object" && (v as any)?.enforcementLevel === "disabled" ? { ...(v as any), enforcementLevel: "mandatory" } : v]));
            await session.configure(everyPolicy);
            const known = new Set((await session.analyze(doc)).map(key));
            await session.configure(config);
            if (mandatory.length > 0) {
                failures.push(`${doc.stack}: the stack itself has ${mandatory.length} mandatory violation(s): ${mandatory.map(d => d.policy).join(", ")}`);
            }
            const inPreview = (await session.analyze(previewOf(doc))).filter(d => d.level === "mandatory");
            if (inPreview.length > 0) {
                failures.push(`${doc.stack}: ${inPreview.length} mandatory violation(s) in a first preview: ` +
                    inPreview.map(d => `${d.policy}: ${d.message.slice(0, 160)}`).join(" | "));
            }
            for (const m of mutants) {
                if (prodOnly(config, m.policy, doc.stack)) {
                    continue;
                }
                const mutated: SynthDocument = JSON.parse(JSON.stringify(doc));
                const urns = m.apply(mutated);
                if (urns === undefined) {
                    continue;
                }
                applied++;
                // Only the mutant's policy runs; resource policies see only the changed resources.
                await session.configure(everyPolicy, m.policy);
                const isStack = stackPolicies.has(m.policy);
                const diagnostics = await session.analyze(mutated, isStack ? new Set() : new Set(urns), isStack);
                const caught = diagnostics.some(d => d.policy === m.policy && !preview(d) && !known.has(key(d)));
                if (caught) {
                    killed++;
                } else {
                    failures.push(`${doc.stack}: mutant survived: ${m.policy}: ${m.name}`);
                }
            }
        }
    } finally {
        session.close();
    }
    const policiesWithMutants = new Set(mutants.map(m => m.policy));
    const missing = allPolicies.map(p => p.name).filter(n => mutants.filter(m => m.policy === n).length < 3);
    if (missing.length > 0) {
        failures.push(`policies with fewer than 3 mutants: ${missing.join(", ")}`);
    }
    const rate = applied === 0 ? 0 : killed / applied;
    console.log(`mutation: ${killed}/${applied} mutants killed (${(rate * 100).toFixed(1)}%) over ${files.length} stack(s), ` +
        `${mutants.length} mutants for ${policiesWithMutants.size} policies, ${((Date.now() - started) / 1000).toFixed(1)}s`);
    failures.forEach(f => console.log(`  ${f}`));
    const survivorsOnly = failures.every(f => f.includes("mutant survived"));
    if (rate < THRESHOLD || !survivorsOnly) {
        console.log(rate < THRESHOLD ? `kill rate below ${THRESHOLD * 100}%` : "mutation suite failed");
        process.exit(1);
    }
}

main().catch(e => { console.error(e); process.exit(1); });
