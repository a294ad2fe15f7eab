// A TLS endpoint as bytes in, bytes out: it owns the record layer (framing, protection, alerts,
// application data) and hands handshake messages to a version-specific state machine.
// No I/O: the caller moves bytes over TCP, a simulated wire, or a test harness.
import { AlertDescription, alertName, encodeAlert, TlsAlert, type AlertName } from "./alerts";
import { concat, DecodeError, hex } from "./bytes";
import { CIPHER_SUITES, suiteByName, type CipherSuite, type CipherSuiteName } from "./cipher-suites";
import type { Faults } from "./faults";
import { digest } from "./hash";
import { handshakeName } from "./messages";
import { validateChain, type ChainVerdict } from "./pki";
import { ContentType, encodeHandshake, encodeRecord, HandshakeReader, MAX_PLAINTEXT, RecordReader, type HandshakeMessage, type TlsRecord } from "./record";
import { CbcCipher12, type ProtectionDetails, type RecordCipher } from "./record-protection";
import { secureRng, type Rng } from "./rng";
import type { RsaPrivateKey } from "./rsa";
import type { SessionCache } from "./session-cache";

export type Version = "TLS1.2" | "TLS1.3";

export interface EndpointOptions {
  /** Versions to offer (client) or accept (server). Default: both. */
  versions?: Version[];
  /** Suites in preference order. Default: all six; each version uses its own. */
  cipherSuites?: CipherSuiteName[];
  /** Client: sent as SNI and checked against the certificate. */
  serverName?: string;
  /** Client: check serverName against the certificate (default true). */
  checkHostname?: boolean;
  /** Client: DER certificates of trusted CAs (or pinned leaves). */
  trustAnchors?: Uint8Array[];
  /** Client: replace chain validation altogether (used to check published vectors). */
  verifyCertificate?: (chain: Uint8Array[]) => ChainVerdict;
  /** Server: leaf first. */
  certificateChain?: Uint8Array[];
  /** Server: the leaf's RSA key. */
  privateKey?: RsaPrivateKey;
  /** Default: the platform CSPRNG. Pass deterministicRng(seed) for reproducible traces. */
  rng?: Rng;
  /** Clock for certificate validity and session lifetime. */
  now?: () => Date;
  /** TLS 1.2 session-ID resumption; share one cache between connections. */
  sessionCache?: SessionCache;
  faults?: Faults;
}

export type Phase = "idle" | "handshaking" | "connected" | "closed" | "failed";

export interface AlertInfo {
  level: "warning" | "fatal";
  description: AlertName | string;
  code: number;
  reason?: string;
  /** Whether the alert record was protected (sent after ChangeCipherSpec / under traffic keys). */
  encrypted: boolean;
}

export type EndpointEvent =
  | { type: "handshakeMessage"; direction: "sent" | "received"; name: string; bytes: Uint8Array }
  | { type: "certificate"; verdict: ChainVerdict }
  | { type: "handshakeComplete"; version: Version; cipherSuite: string; resumed: boolean }
  | { type: "applicationData"; data: Uint8Array }
  | { type: "newSessionTicket"; lifetime: number }
  | ({ type: "alert"; direction: "sent" | "received" } & AlertInfo)
  | { type: "closed" };

export interface DerivedValue {
  name: string;
  value: Uint8Array;
  /** The formula in words, with the RFC section. */
  formula: string;
  inputs: { name: string; value: Uint8Array | string }[];
}

export type LogEntry =
  | {
      kind: "record";
      direction: "sent" | "received";
      /** Outer content type on the wire. */
      contentType: number;
      /** Inner content type (differs in TLS 1.3, where everything protected is application_data outside). */
      innerType: number;
      record: Uint8Array;
      plaintext: Uint8Array;
      encrypted: boolean;
      cipher?: string;
      protection?: ProtectionDetails;
      messages: { type: number; name: string; raw: Uint8Array }[];
    }
  | { kind: "derived"; value: DerivedValue }
  | { kind: "note"; text: string };

export interface Handshaker {
  readonly state: string;
  readonly isTls13?: boolean;
  start?(): Promise<void>;
  onMessage(msg: HandshakeMessage): Promise<void>;
  onChangeCipherSpec(): void;
}

export interface ConnectionStatus {
  phase: Phase;
  state: string;
  handshakeComplete: boolean;
  version?: Version;
  cipherSuite?: string;
  resumed?: boolean;
  alertSent?: AlertInfo;
  alertReceived?: AlertInfo;
  certificate?: ChainVerdict;
}

export interface ResolvedOptions {
  versions: Version[];
  suites: CipherSuite[];
  serverName?: string;
  checkHostname: boolean;
  trustAnchors: Uint8Array[];
  verifyCertificate?: (chain: Uint8Array[]) => ChainVerdict;
  certificateChain: Uint8Array[];
  privateKey?: RsaPrivateKey;
  rng: Rng;
  now: () => Date;
  sessionCache?: SessionCache;
  faults: Faults;
}

export function resolveOptions(o: EndpointOptions): ResolvedOptions {
  return {
    versions: o.versions ?? ["TLS1.3", "TLS1.2"],
    suites: o.cipherSuites ? o.cipherSuites.map(suiteByName) : [...CIPHER_SUITES],
    serverName: o.serverName,
    checkHostname: o.checkHostname ?? true,
    trustAnchors: o.trustAnchors ?? [],
    verifyCertificate: o.verifyCertificate,
    certificateChain: o.certificateChain ?? [],
    privateKey: o.privateKey,
    rng: o.rng ?? secureRng,
    now: o.now ?? (() => new Date()),
    sessionCache: o.sessionCache,
    faults: o.faults ?? {},
  };
}

export class Endpoint {
  readonly options: ResolvedOptions;
  phase: Phase = "idle";
  readonly status: ConnectionStatus;
  readonly events: EndpointEvent[] = [];
  /** Everything sent, received and derived, in order; simulate() builds its trace from it. */
  readonly log: LogEntry[] = [];
  /** @internal */ handshaker!: Handshaker;
  /** @internal */ transcript: Uint8Array[] = [];
  /** @internal */ recordVersion = 0x0303;

  private readonly records = new RecordReader();
  private readonly handshakeReader = new HandshakeReader();
  private readCipher: RecordCipher | null = null;
  private writeCipher: RecordCipher | null = null;
  private out: Uint8Array[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private keyLogLines: string[] = [];
  private appData: Uint8Array[] = [];
  private listeners: ((e: EndpointEvent) => void)[] = [];
  private sentCloseNotify = false;
  private tampered = false;
  private paddingCorrupted = false;

  constructor(
    readonly role: "client" | "server",
    options: EndpointOptions,
  ) {
    this.options = resolveOptions(options);
    this.status = { phase: "idle", state: "START", handshakeComplete: false };
  }

  get state(): string {
    return this.handshaker?.state ?? "START";
  }

  get handshakeComplete(): boolean {
    return this.status.handshakeComplete;
  }

  on(listener: (e: EndpointEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Client: the bytes of the first flight (ClientHello). Server: nothing to send first. */
  start(): Promise<Uint8Array> {
    return this.serialize(async () => {
      if (this.phase !== "idle") return;
      this.phase = "handshaking";
      await this.handshaker.start?.();
    });
  }

  /** Consumes any chunk of the peer's TCP bytes; returns the bytes to send back (possibly empty). */
  receive(bytes: Uint8Array): Promise<Uint8Array> {
    return this.serialize(async () => {
      if (this.phase === "failed" || this.phase === "closed") return;
      if (this.phase === "idle") this.phase = "handshaking";
      this.records.push(bytes);
      for (;;) {
        const record = this.records.next();
        if (!record) break;
        await this.onRecord(record);
        if ((this.phase as Phase) === "failed" || (this.phase as Phase) === "closed") break;
      }
    });
  }

  /** Protects application data for sending (split into records of at most 2^14 bytes). */
  send(data: Uint8Array): Promise<Uint8Array> {
    // Misuse by the caller, not a protocol failure: reject without touching the connection.
    if (this.phase !== "connected") return Promise.reject(new Error(`cannot send application data in phase ${this.phase}`));
    return this.serialize(async () => {
      if (this.phase !== "connected") return;
      for (let o = 0; o < data.length || o === 0; o += MAX_PLAINTEXT) {
        this.writeRecord(ContentType.application_data, data.subarray(o, o + MAX_PLAINTEXT), []);
        if (data.length === 0) break;
      }
    });
  }

  /** Sends close_notify (RFC 5246 7.2.1, RFC 8446 6.1). */
  close(): Promise<Uint8Array> {
    return this.serialize(async () => {
      if (this.sentCloseNotify || this.phase === "failed") return;
      this.sendAlert("close_notify", "warning", "application closed the connection");
    });
  }

  /** NSS key-log lines (the SSLKEYLOGFILE format Wireshark reads). */
  keyLog(): string[] {
    return [...this.keyLogLines];
  }

  /** Application data received since the last call. */
  takeApplicationData(): Uint8Array {
    const d = concat(...this.appData);
    this.appData = [];
    return d;
  }

  // ---- internals used by the handshake state machines ----

  /** Runs one operation at a time: WebCrypto makes steps async, and records must be handled in order. */
  private serialize(op: () => Promise<void>): Promise<Uint8Array> {
    const run = this.queue.then(async () => {
      try {
        await op();
      } catch (e) {
        this.fail(e);
      }
      this.status.phase = this.phase;
      this.status.state = this.state;
      const bytes = concat(...this.out);
      this.out = [];
      return bytes;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async onRecord(record: TlsRecord): Promise<void> {
    if (record.type === ContentType.change_cipher_spec) {
      if (record.fragment.length !== 1 || record.fragment[0] !== 1) throw new TlsAlert("unexpected_message", "malformed ChangeCipherSpec");
      this.logRecord("received", record, record.fragment, record.type, false);
      // TLS 1.3 middlebox compatibility (RFC 8446 5): one unprotected CCS during the handshake is ignored.
      if (this.handshaker.isTls13) {
        if (this.status.handshakeComplete) throw new TlsAlert("unexpected_message", "ChangeCipherSpec after the TLS 1.3 handshake");
        return;
      }
      if (!this.handshakeReader.empty) throw new TlsAlert("unexpected_message", "ChangeCipherSpec inside a handshake message");
      this.handshaker.onChangeCipherSpec();
      return;
    }
    let type = record.type;
    let plaintext = record.fragment;
    let details: ProtectionDetails | undefined;
    const encrypted = this.readCipher !== null && !(this.handshaker.isTls13 && record.type === ContentType.alert && !this.status.handshakeComplete);
    if (encrypted && this.readCipher) {
      const opened = this.readCipher.open(record);
      type = opened.type;
      plaintext = opened.plaintext;
      details = opened.details;
    } else if (record.type === ContentType.application_data) {
      throw new TlsAlert("unexpected_message", "application data before keys were established");
    } else if (record.fragment.length > MAX_PLAINTEXT) {
      throw new TlsAlert("record_overflow", "unprotected record longer than 2^14 bytes");
    }
    const entry = this.logRecord("received", record, plaintext, type, encrypted, details);
    switch (type) {
      case ContentType.handshake: {
        if (plaintext.length === 0) throw new TlsAlert("unexpected_message", "empty handshake record");
        this.handshakeReader.push(plaintext);
        for (;;) {
          const msg = this.handshakeReader.next();
          if (!msg) break;
          entry.messages.push({ type: msg.type, name: handshakeName(msg.type), raw: msg.raw });
          this.emit({ type: "handshakeMessage", direction: "received", name: handshakeName(msg.type), bytes: msg.raw });
          const cipherBefore = this.readCipher;
          await this.handshaker.onMessage(msg);
          if (this.phase === "failed") return;
          // RFC 8446 5.1: a key change must fall on a record boundary.
          if (this.readCipher !== cipherBefore && !this.handshakeReader.empty) throw new TlsAlert("unexpected_message", "handshake data left over across a key change");
        }
        return;
      }
      case ContentType.alert:
        return this.onAlert(plaintext, encrypted);
      case ContentType.application_data:
        if (!this.status.handshakeComplete) throw new TlsAlert("unexpected_message", "application data during the handshake");
        if (this.sentCloseNotify && this.phase !== "connected") return;
        this.appData.push(plaintext);
        this.emit({ type: "applicationData", data: plaintext });
        return;
      default:
        throw new TlsAlert("unexpected_message", `unexpected inner content type ${type}`);
    }
  }

  private onAlert(body: Uint8Array, encrypted: boolean): void {
    if (body.length !== 2) throw new TlsAlert("decode_error", "alert must be 2 bytes");
    const level = body[0] === 1 ? "warning" : "fatal";
    if (body[0] !== 1 && body[0] !== 2) throw new TlsAlert("illegal_parameter", `alert level ${body[0]}`);
    const info: AlertInfo = { level, description: alertName(body[1]), code: body[1], encrypted };
    this.status.alertReceived = info;
    if (body[1] === AlertDescription.close_notify) {
      const reply = !this.sentCloseNotify && this.phase === "connected";
      this.phase = this.status.phase = "closed";
      this.emit({ type: "alert", direction: "received", ...info });
      if (reply) this.sendAlert("close_notify", "warning", "reply to close_notify");
      this.emit({ type: "closed" });
      return;
    }
    // TLS 1.2 lets a peer ignore warnings (e.g. no_renegotiation); TLS 1.3 treats them all as fatal.
    const ignorable = level === "warning" && !this.handshaker.isTls13 && body[1] !== AlertDescription.user_canceled;
    if (!ignorable) this.phase = this.status.phase = "failed";
    this.emit({ type: "alert", direction: "received", ...info });
  }

  private fail(e: unknown): void {
    if (this.phase === "failed") return;
    const alert =
      e instanceof TlsAlert ? e : e instanceof DecodeError ? new TlsAlert("decode_error", e.message) : new TlsAlert("internal_error", e instanceof Error ? e.message : String(e));
    this.log.push({ kind: "note", text: `${this.role} fails: ${alert.message}` });
    this.phase = "failed";
    this.status.phase = "failed";
    try {
      this.sendAlert(alert.description, "fatal", alert.reason);
    } catch {
      // Nothing more can be sent; the failure is still reported through status and events.
    }
  }

  private sendAlert(description: AlertName, level: "warning" | "fatal", reason: string): void {
    const info: AlertInfo = { level, description, code: AlertDescription[description], reason, encrypted: this.writeCipher !== null };
    this.writeRecord(ContentType.alert, encodeAlert(description, level), []);
    if (description === "close_notify") this.sentCloseNotify = true;
    this.status.alertSent = info;
    this.emit({ type: "alert", direction: "sent", ...info });
  }

  private logRecord(direction: "sent" | "received", record: TlsRecord, plaintext: Uint8Array, innerType: number, encrypted: boolean, details?: ProtectionDetails) {
    const entry = {
      kind: "record" as const,
      direction,
      contentType: record.type,
      innerType,
      record: record.raw,
      plaintext,
      encrypted,
      cipher: encrypted ? (direction === "sent" ? this.writeCipher : this.readCipher)?.description : undefined,
      protection: details,
      messages: [] as { type: number; name: string; raw: Uint8Array }[],
    };
    this.log.push(entry);
    return entry;
  }

  /** @internal */
  writeRecord(type: number, plaintext: Uint8Array, messages: { type: number; name: string; raw: Uint8Array }[]): void {
    const faults = this.options.faults;
    let bytes: Uint8Array;
    let details: ProtectionDetails | undefined;
    const encrypted = this.writeCipher !== null;
    if (this.writeCipher) {
      if (faults.badPadding && !this.paddingCorrupted && this.writeCipher instanceof CbcCipher12) {
        this.writeCipher.corruptNextPadding = true;
        this.paddingCorrupted = true;
      }
      const sealed = this.writeCipher.seal(type, plaintext);
      bytes = sealed.record;
      details = sealed.details;
      const tamper = faults.tamperRecord;
      if (!this.tampered && tamper && ContentType[tamper] === type) {
        // The last byte is inside the MAC (CBC, after decryption it scrambles the last block) or the tag (GCM).
        bytes = bytes.slice();
        bytes[bytes.length - 1] ^= 0x01;
        this.tampered = true;
      }
    } else {
      bytes = encodeRecord(type, this.recordVersion, plaintext);
    }
    this.out.push(bytes);
    const entry = this.logRecord("sent", { type: bytes[0], version: 0, fragment: bytes.subarray(5), raw: bytes }, plaintext, type, encrypted, details);
    entry.messages.push(...messages);
  }

  /** @internal Sends one handshake message in its own record and adds it to the transcript. */
  sendHandshake(type: number, body: Uint8Array, inTranscript = true): Uint8Array {
    const rewrite = this.options.faults.rewriteHandshake;
    const raw = encodeHandshake(type, rewrite ? rewrite(type, body) : body);
    if (inTranscript) this.transcript.push(raw);
    this.emit({ type: "handshakeMessage", direction: "sent", name: handshakeName(type), bytes: raw });
    this.writeRecord(ContentType.handshake, raw, [{ type, name: handshakeName(type), raw }]);
    return raw;
  }

  /** @internal */
  sendChangeCipherSpec(): void {
    this.writeRecord(ContentType.change_cipher_spec, new Uint8Array([1]), []);
  }

  /** @internal */
  setReadCipher(c: RecordCipher | null): void {
    this.readCipher = c;
  }

  /** @internal */
  setWriteCipher(c: RecordCipher | null): void {
    this.writeCipher = c;
  }

  /** @internal Transcript-Hash of the messages so far (RFC 5246 7.4.9 handshake_messages; RFC 8446 4.4.1). */
  transcriptHash(hash: "sha256" | "sha384"): Uint8Array {
    return digest(hash, concat(...this.transcript));
  }

  /** @internal */
  derive(name: string, value: Uint8Array, formula: string, inputs: DerivedValue["inputs"] = []): Uint8Array {
    this.log.push({ kind: "derived", value: { name, value, formula, inputs } });
    return value;
  }

  /** @internal */
  note(text: string): void {
    this.log.push({ kind: "note", text });
  }

  /** @internal */
  addKeyLog(label: string, clientRandom: Uint8Array, secret: Uint8Array): void {
    this.keyLogLines.push(`${label} ${hex(clientRandom)} ${hex(secret)}`);
  }

  /** @internal */
  addKeyLogLine(line: string): void {
    this.keyLogLines.push(line);
  }

  /** @internal */
  complete(version: Version, suite: CipherSuite, resumed: boolean): void {
    this.phase = "connected";
    Object.assign(this.status, { handshakeComplete: true, version, cipherSuite: suite.name, resumed });
    this.emit({ type: "handshakeComplete", version, cipherSuite: suite.name, resumed });
  }

  /** @internal */
  emit(e: EndpointEvent): void {
    if (e.type === "certificate") this.status.certificate = e.verdict;
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  /** @internal Certificate chain check with the configured anchors, clock and name. */
  verifyChain(chain: Uint8Array[]): void {
    const o = this.options;
    const verdict = o.verifyCertificate
      ? o.verifyCertificate(chain)
      : validateChain(chain, { trustAnchors: o.trustAnchors, now: o.now(), serverName: o.checkHostname ? o.serverName : undefined });
    this.emit({ type: "certificate", verdict });
    if (!verdict.ok) throw new TlsAlert(verdict.alert, verdict.message);
  }
}

