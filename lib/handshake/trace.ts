// The serializable trace simulate() returns: plain JSON (hex strings, numbers, booleans), so it can be
// stored, sent to a browser, diffed, or replayed. A UI renders it step by step.
import type { ConnectionStatus, Phase } from "./endpoint";

export interface TraceField {
  /** Byte offset inside the bytes the field list describes (record, or decrypted plaintext). */
  offset: number;
  length: number;
  name: string;
  /** Human-readable value (hex for opaque bytes, a name for code points). */
  value: string;
  /** One line on what the field is for. */
  explanation: string;
}

export interface TraceDerived {
  /** Who computed it. */
  actor: "client" | "server";
  name: string;
  hex: string;
  formula: string;
  inputs: { name: string; hex?: string; text?: string }[];
}

export interface EndpointSnapshot {
  state: string;
  phase: Phase;
  handshakeComplete: boolean;
}

export interface TraceStep {
  index: number;
  /** 1 for the first TCP connection; 2 for the resumed one in the resumption scenario. */
  connection: number;
  actor: "client" | "server";
  direction: "client->server" | "server->client";
  layer: "tcp" | "tls";
  /** "SYN", "ClientHello", "ChangeCipherSpec", "Alert(bad_record_mac)", "ApplicationData", ... */
  message: string;
  /** One sentence on what this step does. */
  summary: string;
  tcp: { srcPort: number; dstPort: number; seq: number; ack: number; flags: string[]; payloadLength: number };
  record?: {
    hex: string;
    contentType: string;
    /** What is inside once decrypted (TLS 1.3 hides the real type inside the encryption). */
    innerType: string;
    encrypted: boolean;
    cipher?: string;
    plaintextHex: string;
    protection?: Record<string, string>;
  };
  /** Handshake messages carried by this record (raw handshake bytes, as hashed into the transcript). */
  handshake: { name: string; hex: string }[];
  /** Fields of `record.hex` (header, and for plaintext records the message inside). */
  fields: TraceField[];
  /** Fields of `record.plaintextHex` for protected records. */
  plaintextFields: TraceField[];
  /**
   * Values computed around this step, in order: by the sender to produce it, or, when the receiver
   * answers nothing, by the receiver while checking it (e.g. the peer's Finished). `actor` says who.
   */
  derived: TraceDerived[];
  notes: string[];
  stateAfter: { client: EndpointSnapshot; server: EndpointSnapshot };
}

/** An endpoint's ConnectionStatus as plain JSON (alerts and the certificate verdict reduced to text). */
export interface TraceEndpointSummary extends Omit<ConnectionStatus, "alertSent" | "alertReceived" | "certificate"> {
  alertSent?: { description: string; code: number; level: string; encrypted: boolean; reason?: string };
  alertReceived?: { description: string; code: number; level: string; encrypted: boolean };
  certificate?: { ok: boolean; reason?: string; message?: string };
  applicationData: string[];
  keyLog: string[];
}

export interface Trace {
  format: "netcards-tls-trace/1";
  scenario: string;
  title: string;
  description: string;
  seed: string;
  serverName: string;
  steps: TraceStep[];
  client: TraceEndpointSummary;
  server: TraceEndpointSummary;
  /** For the resumption scenario, the first connection's outcome (the summaries above are the last connection's). */
  connections: { client: TraceEndpointSummary; server: TraceEndpointSummary }[];
}
