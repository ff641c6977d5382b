// A client of the pack's Analyzer gRPC service, driving it as the Pulumi engine does (and as the Java driver
// jp.twozeroseven.infra.policycheck.PolicyCheck does): start `node node_modules/@pulumi/pulumi/cmd/run-policy-pack
// <engine> .`, read the port from its first stdout line, GetAnalyzerInfo, Configure, ConfigureStack, then Analyze per
// custom resource and AnalyzeStack. One process serves every mutant.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";

const PACK_DIR = path.resolve(__dirname, "..", "..", "..");
const fromPulumi = (m: string) => require(require.resolve(m, { paths: [path.join(PACK_DIR, "node_modules/@pulumi/pulumi")] }));
const grpc = fromPulumi("@grpc/grpc-js");
const analyzerPb = require(path.join(PACK_DIR, "node_modules/@pulumi/pulumi/proto/analyzer_pb"));
const analyzerGrpc = require(path.join(PACK_DIR, "node_modules/@pulumi/pulumi/proto/analyzer_grpc_pb"));
const structPb = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const emptyPb = fromPulumi("google-protobuf/google/protobuf/empty_pb");

/** How a synth document marks an unknown value, and the engine's unknown string sentinel (see ProtoStructs.java). */
export const UNKNOWN_MARKER = "[unknown]";
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface SynthResource {
    urn: string; type: string; name: string; custom: boolean; parent: string | null; provider: string | null;
    inputs: Record<string, any>; dependencies?: string[]; propertyDependencies?: Record<string, string[]>; options?: Record<string, any>;
}
export interface SynthDocument { project: string; stack: string; organization?: string; resources: SynthResource[] }
export interface Diagnostic { policy: string; level: "advisory" | "mandatory" | "disabled" | "remediate"; urn: string; message: string }

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

function sentinels(value: any): any {
    if (value === UNKNOWN_MARKER) {
        return UNKNOWN_SENTINEL;
    }
    if (Array.isArray(value)) {
        return value.map(sentinels);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sentinels(v)]));
    }
    return value;
}

const struct = (o: any) => structPb.Struct.fromJavaScript(sentinels(JSON.parse(JSON.stringify(o ?? {}))));
const call = <T>(fn: (cb: (e: any, r: T) => void) => void): Promise<T> =>
    new Promise((resolve, reject) => fn((e, r) => (e ? reject(e) : resolve(r))));

export class AnalyzerSession {
    /** Protos of resources already sent, by their JSON: a mutant changes a few resources, the rest are reused. */
    private readonly built = new Map<string, any>();

    private cached(kind: string, r: SynthResource, byUrn: Map<string, SynthResource>, build: () => any): any {
        const k = kind + JSON.stringify(r) + (r.provider ? JSON.stringify(byUrn.get(r.provider.substring(0, r.provider.lastIndexOf("::")))?.inputs) : "");
        let proto = this.built.get(k);
        if (!proto) {
            proto = build();
            this.built.set(k, proto);
        }
        return proto;
    }

    private constructor(private readonly process: ChildProcess, private readonly client: any, readonly policyNames: string[]) {}

    /** Starts the built pack (bin/index.js) exactly as the engine does. */
    static async start(): Promise<AnalyzerSession> {
        const child = spawn(process.execPath, ["node_modules/@pulumi/pulumi/cmd/run-policy-pack", "127.0.0.1:0", "."],
            { cwd: PACK_DIR, env: { ...process.env, PULUMI_CONFIG: "{}" }, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", d => { stderr += d; });
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", d => {
                out += d;
                const line = out.split("\n")[0];
                if (out.includes("\n")) {
                    /^\d+$/.test(line.trim()) ? resolve(Number(line.trim())) : reject(new Error(`pack printed '${line}': ${stderr}`));
                }
            });
            child.on("exit", code => reject(new Error(`pack exited ${code}: ${stderr}`)));
        });
        const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(),
            { "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
        const info: any = await call(cb => client.getAnalyzerInfo(new emptyPb.Empty(), cb));
        return new AnalyzerSession(child, client, info.getPoliciesList().map((p: any) => p.getName()));
    }

    /** Configure as the Java driver does: every policy explicitly, its level from the config (`all` as fallback). */
    async configure(config: Record<string, any>, only?: string): Promise<void> {
        const request = new analyzerPb.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        const names = [...new Set([...this.policyNames, ...Object.keys(config).filter(k => k !== "all")])];
        for (const name of names) {
            const own = config[name];
            const configured = typeof own === "string" ? own : own?.enforcementLevel ?? config.all ?? "mandatory";
            // `only`: every other policy disabled, so the server runs one policy per mutant.
            const level = only !== undefined && name !== only ? "disabled" : configured;
            const { enforcementLevel, ...properties } = typeof own === "object" && own ? own : ({} as any);
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(LEVELS.indexOf(level));
            pc.setProperties(struct(properties));
            map.set(name, pc);
        }
        await call(cb => this.client.configure(request, cb));
    }

    async configureStack(doc: SynthDocument): Promise<void> {
        const request = new analyzerPb.AnalyzerStackConfigureRequest();
        request.setStack(doc.stack);
        request.setProject(doc.project);
        request.setOrganization(doc.organization ?? "organization");
        request.setDryRun(true);
        await call(cb => this.client.configureStack(request, cb));
    }

    private static options(r: SynthResource): any {
        const o = new analyzerPb.AnalyzerResourceOptions();
        o.setProtect(r.options?.protect === true);
        o.setIgnorechangesList(r.options?.ignoreChanges ?? []);
        o.setAliasesList((r.options?.aliases ?? []).map(String));
        if (r.parent) {
            o.setParent(r.parent);
        }
        return o;
    }

    private static provider(r: SynthResource, byUrn: Map<string, SynthResource>): any {
        if (!r.provider) {
            return undefined;
        }
        const urn = r.provider.substring(0, r.provider.lastIndexOf("::"));
        const p = byUrn.get(urn);
        const pr = new analyzerPb.AnalyzerProviderResource();
        pr.setUrn(urn);
        pr.setType(p?.type ?? urn.split("::")[2]);
        pr.setName(p?.name ?? urn.split("::")[3]);
        pr.setProperties(struct(p?.inputs));
        return pr;
    }

    private static diagnostics(response: any, defaultUrn: string): Diagnostic[] {
        return response.getDiagnosticsList().map((d: any) => ({ policy: d.getPolicyname(), level: LEVELS[d.getEnforcementlevel()],
            urn: d.getUrn() || defaultUrn, message: d.getMessage() }));
    }

    /** Analyze for the given resources (all custom ones when omitted) and AnalyzeStack for the whole document. */
    async analyze(doc: SynthDocument, only?: Set<string>, withStack = true): Promise<Diagnostic[]> {
        const byUrn = new Map(doc.resources.map(r => [r.urn, r]));
        const out: Diagnostic[] = [];
        for (const r of doc.resources) {
            if (!r.custom || r.type.startsWith("pulumi:providers:") || (only && !only.has(r.urn))) {
                continue;
            }
            const request = this.cached("a", r, byUrn, () => {
                const q = new analyzerPb.AnalyzeRequest();
                q.setType(r.type); q.setUrn(r.urn); q.setName(r.name);
                q.setProperties(struct(r.inputs)); q.setOptions(AnalyzerSession.options(r));
                const provider = AnalyzerSession.provider(r, byUrn);
                if (provider) {
                    q.setProvider(provider);
                }
                return q;
            });
            out.push(...AnalyzerSession.diagnostics(await call(cb => this.client.analyze(request, cb)), r.urn));
        }
        if (!withStack) {
            return out;
        }
        const stack = new analyzerPb.AnalyzeStackRequest();
        for (const r of doc.resources) {
            stack.addResources(this.cached("s", r, byUrn, () => AnalyzerSession.stackResource(r, byUrn)));
        }
        out.push(...AnalyzerSession.diagnostics(await call(cb => this.client.analyzeStack(stack, cb)), ""));
        return out;
    }

    private static stackResource(r: SynthResource, byUrn: Map<string, SynthResource>): any {
        {
            const ar = new analyzerPb.AnalyzerResource();
            ar.setType(r.type); ar.setUrn(r.urn); ar.setName(r.name);
            ar.setProperties(struct(r.inputs)); ar.setOptions(AnalyzerSession.options(r));
            ar.setDependenciesList(r.dependencies ?? []);
            if (r.parent) {
                ar.setParent(r.parent);
            }
            for (const [input, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const deps = new analyzerPb.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                ar.getPropertydependenciesMap().set(input, deps);
            }
            const provider = AnalyzerSession.provider(r, byUrn);
            if (provider) {
                ar.setProvider(provider);
            }
            return ar;
        }
    }

    close(): void {
        this.client.close();
        this.process.kill("SIGKILL");
    }
}
