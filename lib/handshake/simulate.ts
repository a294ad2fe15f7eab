// simulate(): our client and our server against each other over a simulated TCP connection,
// recorded step by step. With the same seed and PKI, the trace is byte-for-byte reproducible.
import { alertName } from "./alerts";
import { fromUtf8, hex, utf8 } from "./bytes";
import { suiteByName, suiteName } from "./cipher-suites";
import { dissectPlaintext, dissectRecord, type DissectContext } from "./dissect";
import type { Endpoint, LogEntry } from "./endpoint";
import { createClient, createServer } from "./create";
import { contentTypeName, ContentType } from "./record";
import { createDemoPki, type DemoPki } from "./pki";
import { deterministicRng } from "./rng";
import { SCENARIOS, type Scenario, type ScenarioName } from "./scenarios";
import { SessionCache } from "./session-cache";
import { TcpConnection, type TcpSegment } from "./tcp";
import type { Trace, TraceDerived, TraceEndpointSummary, TraceStep } from "./trace";

export interface SimulateOptions {
  /** Seed of the deterministic RNG (default "netcards"): same seed + same PKI = same bytes. */
  seed?: string;
  /** Certificates and keys; by default one PKI is generated per page load / process and reused. */
  pki?: DemoPki;
  /** The clock for certificate checks (default: now). */
  now?: Date;
  clientMessage?: string;
  serverMessage?: string;
}

let defaultPki: Promise<DemoPki> | undefined;

const SUMMARIES: Record<string, string> = {
  ClientHello: "The client proposes versions, cipher suites and extensions, with its random (and in TLS 1.3 its key share).",
  ServerHello: "The server picks the version and cipher suite and sends its random (and in TLS 1.3 its key share).",
  Certificate: "The server's certificate chain, for the client to validate against its trust anchors.",
  ServerKeyExchange: "The server's ephemeral x25519 public key, signed with its certificate key.",
  ServerHelloDone: "The server has sent everything for this flight.",
  ClientKeyExchange: "The client's share of the key exchange: an RSA-encrypted premaster or its x25519 public key.",
  ChangeCipherSpec: "From the next record on, this side encrypts with the new keys.",
  Finished: "A MAC over the whole handshake: proves both sides saw the same messages and hold the same keys.",
  EncryptedExtensions: "Extensions that need no plaintext, already encrypted under the handshake keys.",
  CertificateVerify: "A signature over the transcript so far, proving the server holds the certificate's key.",
  NewSessionTicket: "A ticket for later resumption.",
  ApplicationData: "Application bytes, protected with the traffic keys.",
};

export async function simulate(scenario: ScenarioName | Scenario, options: SimulateOptions = {}): Promise<Trace> {
  const sc: Scenario = typeof scenario === "string" ? SCENARIOS[scenario] : scenario;
  if (!sc) throw new Error(`unknown scenario ${String(scenario)}`);
  const seed = options.seed ?? "netcards";
  const pki = options.pki ?? (await (defaultPki ??= createDemoPki()));
  const now = options.now ?? new Date();
  const clientRng = deterministicRng(`${seed}/client`);
  const serverRng = deterministicRng(`${seed}/server`);
  const tcpRng = deterministicRng(`${seed}/tcp`);
  const clientCache = new SessionCache();
  const serverCache = new SessionCache();
  const steps: TraceStep[] = [];
  const connections: Trace["connections"] = [];

  const runs = sc.resumption ? 2 : 1;
  let client!: Endpoint;
  let server!: Endpoint;
  for (let connection = 1; connection <= runs; connection++) {
    client = createClient({
      ...sc.client,
      serverName: pki.serverName,
      trustAnchors: [pki.caCertificate],
      rng: clientRng,
      now: () => now,
      sessionCache: sc.resumption ? clientCache : undefined,
    });
    server = createServer({
      ...sc.server,
      certificateChain: [pki.leaves[sc.server.certificate ?? "valid"]],
      privateKey: pki.leafKey,
      rng: serverRng,
      now: () => now,
      sessionCache: serverCache,
    });
    const tcp = new TcpConnection(tcpRng, 49152 + connection);
    const recorder = new Recorder(steps, connection, client, server, tcp);
    recorder.tcpSteps(tcp.open(), ["SYN: the client opens a TCP connection to port 443", "SYN-ACK: the server accepts", "ACK: the connection is open; TLS starts"]);

    await client.start();
    recorder.collect(client);
    await recorder.run();
    if (client.phase === "connected" && server.phase === "connected") {
      await client.send(utf8(options.clientMessage ?? "GET / HTTP/1.1\r\nHost: " + pki.serverName + "\r\n\r\n"));
      recorder.collect(client);
      await recorder.run();
      if (server.phase === "connected") {
        await server.send(utf8(options.serverMessage ?? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
        recorder.collect(server);
        await recorder.run();
      }
      if (client.phase === "connected") {
        await client.close();
        recorder.collect(client);
        await recorder.run();
      }
    }
    recorder.flushLeftovers();
    const closer = client.phase === "failed" && client.status.alertSent ? "client" : server.phase === "failed" && server.status.alertSent ? "server" : "client";
    recorder.tcpSteps(tcp.close(closer), [`FIN: the ${closer} closes the TCP connection`, "ACK of the FIN", "FIN from the other side", "final ACK"]);
    connections.push({ client: summarize(client), server: summarize(server) });
  }
  return {
    format: "netcards-tls-trace/1",
    scenario: sc.name,
    title: sc.title,
    description: sc.description,
    seed,
    serverName: pki.serverName,
    steps,
    client: connections[connections.length - 1].client,
    server: connections[connections.length - 1].server,
    connections,
  };
}

/** Turns the endpoints' logs into steps, delivering each record to the peer one at a time. */
class Recorder {
  private readonly queue: { from: Endpoint; entry: Extract<LogEntry, { kind: "record" }> }[] = [];
  private readonly seen = new Map<Endpoint, number>();
  private readonly pending = new Map<Endpoint, TraceDerived[]>();
  private readonly notes = new Map<Endpoint, string[]>();
  private readonly stepOf = new Map<Extract<LogEntry, { kind: "record" }>, TraceStep>();

  constructor(
    private readonly steps: TraceStep[],
    private readonly connection: number,
    private readonly client: Endpoint,
    private readonly server: Endpoint,
    private readonly tcp: TcpConnection,
  ) {}

  private actor(ep: Endpoint): "client" | "server" {
    return ep === this.client ? "client" : "server";
  }

  private snapshot(): TraceStep["stateAfter"] {
    const s = (e: Endpoint) => ({ state: e.state, phase: e.phase, handshakeComplete: e.handshakeComplete });
    return { client: s(this.client), server: s(this.server) };
  }

  tcpSteps(segments: TcpSegment[], summaries: string[]): void {
    segments.forEach((seg, i) => {
      this.steps.push({
        index: this.steps.length,
        connection: this.connection,
        actor: seg.actor,
        direction: seg.actor === "client" ? "client->server" : "server->client",
        layer: "tcp",
        message: seg.flags.filter((f) => f !== "PSH").join("-") === "SYN-ACK" ? "SYN-ACK" : seg.flags.includes("FIN") ? "FIN" : seg.flags.includes("SYN") ? "SYN" : "ACK",
        summary: summaries[i] ?? "",
        tcp: { srcPort: seg.srcPort, dstPort: seg.dstPort, seq: seg.seq, ack: seg.ack, flags: seg.flags, payloadLength: 0 },
        handshake: [],
        fields: [],
        plaintextFields: [],
        derived: [],
        notes: [],
        stateAfter: this.snapshot(),
      });
    });
  }

  /** Reads the endpoint's new log entries: derivations wait for the next record it sends. */
  /** Returns how many records the endpoint sent since the last call. */
  collect(ep: Endpoint): number {
    let sent = 0;
    const from = this.seen.get(ep) ?? 0;
    const entries = ep.log.slice(from);
    this.seen.set(ep, ep.log.length);
    const pending = this.pending.get(ep) ?? [];
    const notes = this.notes.get(ep) ?? [];
    for (const e of entries) {
      if (e.kind === "derived") {
        pending.push({ actor: this.actor(ep), name: e.value.name, hex: hex(e.value.value), formula: e.value.formula, inputs: e.value.inputs.map((i) => (typeof i.value === "string" ? { name: i.name, text: i.value } : { name: i.name, hex: hex(i.value) })) });
      } else if (e.kind === "note") {
        notes.push(e.text);
      } else if (e.direction === "sent") {
        const step = this.makeStep(ep, e, pending.splice(0), notes.splice(0));
        this.stepOf.set(e, step);
        this.queue.push({ from: ep, entry: e });
        sent++;
      }
    }
    this.pending.set(ep, pending);
    this.notes.set(ep, notes);
    return sent;
  }

  async run(): Promise<void> {
    while (this.queue.length) {
      const { from, entry } = this.queue.shift()!;
      const to = from === this.client ? this.server : this.client;
      const step = this.stepOf.get(entry)!;
      await to.receive(entry.record);
      step.stateAfter = this.snapshot();
      if (this.collect(to) === 0) {
        // The receiver answered nothing: what it computed was checking this record (e.g. the peer's Finished).
        step.derived.push(...(this.pending.get(to) ?? []).splice(0));
        step.notes.push(...(this.notes.get(to) ?? []).splice(0));
      }
    }
  }

  /** Values computed after an endpoint's last record (e.g. checking the peer's Finished) get a step of their own. */
  flushLeftovers(): void {
    for (const ep of [this.client, this.server]) {
      const derived = this.pending.get(ep) ?? [];
      const notes = this.notes.get(ep) ?? [];
      if (!derived.length && !notes.length) continue;
      const actor = this.actor(ep);
      this.steps.push({
        index: this.steps.length,
        connection: this.connection,
        actor,
        direction: actor === "client" ? "client->server" : "server->client",
        layer: "tls",
        message: "(local computation)",
        summary: `The ${actor} checks what it received; nothing is sent.`,
        tcp: { srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: [], payloadLength: 0 },
        handshake: [],
        fields: [],
        plaintextFields: [],
        derived: derived.splice(0),
        notes: notes.splice(0),
        stateAfter: this.snapshot(),
      });
    }
  }

  private makeStep(ep: Endpoint, e: Extract<LogEntry, { kind: "record" }>, derived: TraceDerived[], notes: string[]): TraceStep {
    const actor = this.actor(ep);
    const seg = this.tcp.data(actor, e.record.length);
    const suite = ep.status.cipherSuite ? suiteByName(ep.status.cipherSuite) : pendingSuite(ep);
    const ctx: DissectContext = { version: suite?.version, keyExchange: suite?.keyExchange, cbc: suite?.cipher === "AES_128_CBC" };
    let message: string;
    if (e.innerType === ContentType.handshake) message = e.messages.map((m) => m.name).join(", ");
    else if (e.innerType === ContentType.change_cipher_spec) message = "ChangeCipherSpec";
    else if (e.innerType === ContentType.alert) message = `Alert(${alertName(e.plaintext[1])})`;
    else message = "ApplicationData";
    const summary =
      e.innerType === ContentType.alert
        ? e.plaintext[1] === 0
          ? "close_notify: the sender will send no more data."
          : `A fatal alert: ${ep.status.alertSent?.reason ?? alertName(e.plaintext[1])}.${e.encrypted ? " Sent encrypted: the sender's keys were already switched." : " Sent in the clear: the sender had not switched keys yet."}`
        : (SUMMARIES[message.split(",")[0]] ?? message);
    return this.push({
      index: this.steps.length,
      connection: this.connection,
      actor,
      direction: actor === "client" ? "client->server" : "server->client",
      layer: "tls",
      message,
      summary,
      tcp: { srcPort: seg.srcPort, dstPort: seg.dstPort, seq: seg.seq, ack: seg.ack, flags: seg.flags, payloadLength: seg.payloadLength },
      record: {
        hex: hex(e.record),
        contentType: contentTypeName(e.contentType),
        innerType: contentTypeName(e.innerType),
        encrypted: e.encrypted,
        cipher: e.cipher,
        plaintextHex: hex(e.plaintext),
        protection: e.protection ? Object.fromEntries(Object.entries(e.protection).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : typeof v === "number" ? String(v) : hex(v as Uint8Array)])) : undefined,
      },
      handshake: e.messages.map((m) => ({ name: m.name, hex: hex(m.raw) })),
      fields: dissectRecord(e.record, ctx, e.encrypted),
      plaintextFields: e.encrypted ? dissectPlaintext(e.plaintext, e.innerType, ctx) : [],
      derived,
      notes,
      stateAfter: this.snapshot(),
    });
  }

  private push(step: TraceStep): TraceStep {
    this.steps.push(step);
    return step;
  }
}

/** Before the handshake completes the suite is known from the ServerHello the endpoint has seen. */
function pendingSuite(ep: Endpoint) {
  for (let i = ep.log.length - 1; i >= 0; i--) {
    const e = ep.log[i];
    if (e.kind !== "record") continue;
    const sh = e.messages.find((m) => m.name === "ServerHello");
    if (sh && sh.raw.length >= 4 + 2 + 32 + 1) {
      const sidLen = sh.raw[4 + 34];
      const at = 4 + 35 + sidLen;
      const id = (sh.raw[at] << 8) | sh.raw[at + 1];
      try {
        return suiteByName(suiteName(id));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}


function summarize(ep: Endpoint): TraceEndpointSummary {
  const s = ep.status;
  const appData: string[] = [];
  for (const e of ep.events) if (e.type === "applicationData") appData.push(fromUtf8(e.data));
  return {
    phase: ep.phase,
    state: ep.state,
    handshakeComplete: s.handshakeComplete,
    version: s.version,
    cipherSuite: s.cipherSuite,
    resumed: s.resumed,
    alertSent: s.alertSent && { description: String(s.alertSent.description), code: s.alertSent.code, level: s.alertSent.level, encrypted: s.alertSent.encrypted, reason: s.alertSent.reason },
    alertReceived: s.alertReceived && { description: String(s.alertReceived.description), code: s.alertReceived.code, level: s.alertReceived.level, encrypted: s.alertReceived.encrypted },
    certificate: s.certificate && (s.certificate.ok ? { ok: true } : { ok: false, reason: s.certificate.reason, message: s.certificate.message }),
    applicationData: appData,
    keyLog: ep.keyLog(),
  };
}
