// Handshake messages and extensions: RFC 5246 section 7.4 (TLS 1.2), RFC 8446 section 4 (TLS 1.3),
// RFC 6066 (server_name), RFC 8422 (ECDHE), RFC 5746 (renegotiation_info).
import { DecodeError, fromHex, Reader, Writer } from "./bytes";

export const HandshakeType = {
  hello_request: 0,
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  end_of_early_data: 5,
  encrypted_extensions: 8,
  certificate: 11,
  server_key_exchange: 12,
  certificate_request: 13,
  server_hello_done: 14,
  certificate_verify: 15,
  client_key_exchange: 16,
  finished: 20,
  key_update: 24,
} as const;

export function handshakeName(type: number): string {
  const names: Record<number, string> = {
    0: "HelloRequest",
    1: "ClientHello",
    2: "ServerHello",
    4: "NewSessionTicket",
    5: "EndOfEarlyData",
    8: "EncryptedExtensions",
    11: "Certificate",
    12: "ServerKeyExchange",
    13: "CertificateRequest",
    14: "ServerHelloDone",
    15: "CertificateVerify",
    16: "ClientKeyExchange",
    20: "Finished",
    24: "KeyUpdate",
  };
  return names[type] ?? `Handshake(${type})`;
}

export const ExtensionType = {
  server_name: 0,
  status_request: 5,
  supported_groups: 10,
  ec_point_formats: 11,
  signature_algorithms: 13,
  encrypt_then_mac: 22,
  extended_master_secret: 23,
  record_size_limit: 28,
  session_ticket: 35,
  pre_shared_key: 41,
  early_data: 42,
  supported_versions: 43,
  cookie: 44,
  psk_key_exchange_modes: 45,
  signature_algorithms_cert: 50,
  key_share: 51,
  renegotiation_info: 0xff01,
} as const;

export function extensionName(type: number): string {
  for (const [k, v] of Object.entries(ExtensionType)) if (v === type) return k;
  return `unknown(${type})`;
}

export const NamedGroup = { secp256r1: 23, secp384r1: 24, secp521r1: 25, x25519: 29 } as const;
export const TLS12 = 0x0303;
export const TLS13 = 0x0304;

/** ServerHello.random of a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 4.1.3). */
export const HELLO_RETRY_REQUEST_RANDOM = fromHex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
/** Last 8 bytes of ServerHello.random when a TLS 1.3 server negotiates TLS 1.2 (RFC 8446 4.1.3). */
export const DOWNGRADE_TLS12 = fromHex("444f574e47524401");

export interface Extension {
  type: number;
  data: Uint8Array;
}

function writeExtensions(w: Writer, exts: Extension[]): void {
  w.vec16((e) => {
    for (const x of exts) e.u16(x.type).vec16(x.data);
  });
}

/** Extensions may appear at most once (RFC 8446 4.2, RFC 5246 7.4.1.4). */
function readExtensions(r: Reader): Extension[] {
  const out: Extension[] = [];
  const list = r.sub16();
  while (list.remaining) {
    const type = list.u16();
    if (out.some((e) => e.type === type)) throw new DecodeError(`duplicate extension ${extensionName(type)}`);
    out.push({ type, data: list.vec16() });
  }
  return out;
}

export const findExtension = (exts: Extension[], type: number) => exts.find((e) => e.type === type)?.data;

// ---- ClientHello (RFC 5246 7.4.1.2, RFC 8446 4.1.2) ----

export interface ClientHello {
  legacyVersion: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuites: number[];
  compressionMethods: Uint8Array;
  extensions: Extension[];
}

export function encodeClientHello(m: ClientHello): Uint8Array {
  const w = new Writer().u16(m.legacyVersion).bytes(m.random).vec8(m.sessionId);
  w.vec16((s) => m.cipherSuites.forEach((c) => s.u16(c)));
  w.vec8(m.compressionMethods);
  writeExtensions(w, m.extensions);
  return w.finish();
}

export function parseClientHello(body: Uint8Array): ClientHello {
  const r = new Reader(body);
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.vec8();
  if (sessionId.length > 32) throw new DecodeError("session id longer than 32 bytes");
  const suites = r.sub16();
  if (suites.remaining % 2 || suites.remaining === 0) throw new DecodeError("bad cipher_suites length");
  const cipherSuites: number[] = [];
  while (suites.remaining) cipherSuites.push(suites.u16());
  const compressionMethods = r.vec8();
  if (compressionMethods.length === 0) throw new DecodeError("no compression methods");
  const extensions = r.remaining ? readExtensions(r) : [];
  r.end("ClientHello");
  return { legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions };
}

// ---- ServerHello (RFC 5246 7.4.1.3, RFC 8446 4.1.3) ----

export interface ServerHello {
  legacyVersion: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: number;
  compressionMethod: number;
  extensions: Extension[];
}

export function encodeServerHello(m: ServerHello): Uint8Array {
  const w = new Writer().u16(m.legacyVersion).bytes(m.random).vec8(m.sessionId).u16(m.cipherSuite).u8(m.compressionMethod);
  if (m.extensions.length) writeExtensions(w, m.extensions);
  return w.finish();
}

export function parseServerHello(body: Uint8Array): ServerHello {
  const r = new Reader(body);
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.vec8();
  if (sessionId.length > 32) throw new DecodeError("session id longer than 32 bytes");
  const cipherSuite = r.u16();
  const compressionMethod = r.u8();
  const extensions = r.remaining ? readExtensions(r) : [];
  r.end("ServerHello");
  return { legacyVersion, random, sessionId, cipherSuite, compressionMethod, extensions };
}

// ---- extension bodies ----

/** server_name (RFC 6066 3): a list with one host_name entry. */
export function encodeServerName(host: string): Uint8Array {
  return new Writer().vec16((l) => l.u8(0).vec16(new TextEncoder().encode(host))).finish();
}

export function parseServerName(data: Uint8Array): string | undefined {
  const r = new Reader(data);
  const list = r.sub16();
  r.end("server_name");
  let host: string | undefined;
  while (list.remaining) {
    const type = list.u8();
    const name = list.vec16();
    if (type === 0) host = new TextDecoder().decode(name);
  }
  return host;
}

export function encodeU16List(values: number[], lengthBytes: 1 | 2 = 2): Uint8Array {
  const fill = (w: Writer) => values.forEach((v) => w.u16(v));
  return lengthBytes === 1 ? new Writer().vec8(fill).finish() : new Writer().vec16(fill).finish();
}

export function parseU16List(data: Uint8Array, lengthBytes: 1 | 2 = 2): number[] {
  const r = new Reader(data);
  const list = lengthBytes === 1 ? r.sub8() : r.sub16();
  r.end("list extension");
  if (list.remaining % 2) throw new DecodeError("odd list length");
  const out: number[] = [];
  while (list.remaining) out.push(list.u16());
  return out;
}

export interface KeyShareEntry {
  group: number;
  keyExchange: Uint8Array;
}

/** key_share in ClientHello: client_shares<0..2^16-1> (RFC 8446 4.2.8). */
export function encodeClientKeyShares(entries: KeyShareEntry[]): Uint8Array {
  return new Writer().vec16((l) => entries.forEach((e) => l.u16(e.group).vec16(e.keyExchange))).finish();
}

export function parseClientKeyShares(data: Uint8Array): KeyShareEntry[] {
  const r = new Reader(data);
  const list = r.sub16();
  r.end("key_share");
  const out: KeyShareEntry[] = [];
  while (list.remaining) out.push({ group: list.u16(), keyExchange: list.vec16() });
  return out;
}

/** key_share in ServerHello: a single server_share. */
export function encodeServerKeyShare(e: KeyShareEntry): Uint8Array {
  return new Writer().u16(e.group).vec16(e.keyExchange).finish();
}

export function parseServerKeyShare(data: Uint8Array): KeyShareEntry {
  const r = new Reader(data);
  const e = { group: r.u16(), keyExchange: r.vec16() };
  r.end("key_share");
  return e;
}

// ---- Certificate (RFC 5246 7.4.2, RFC 8446 4.4.2) ----

export function encodeCertificate12(chain: Uint8Array[]): Uint8Array {
  return new Writer().vec24((l) => chain.forEach((c) => l.vec24(c))).finish();
}

export function parseCertificate12(body: Uint8Array): Uint8Array[] {
  const r = new Reader(body);
  const list = r.sub24();
  r.end("Certificate");
  const out: Uint8Array[] = [];
  while (list.remaining) {
    const c = list.vec24();
    if (c.length === 0) throw new DecodeError("empty certificate");
    out.push(c);
  }
  return out;
}

export function encodeCertificate13(chain: Uint8Array[], context = new Uint8Array(0)): Uint8Array {
  return new Writer()
    .vec8(context)
    .vec24((l) => chain.forEach((c) => l.vec24(c).vec16(new Uint8Array(0))))
    .finish();
}

export function parseCertificate13(body: Uint8Array): { context: Uint8Array; chain: Uint8Array[] } {
  const r = new Reader(body);
  const context = r.vec8();
  const list = r.sub24();
  r.end("Certificate");
  const chain: Uint8Array[] = [];
  while (list.remaining) {
    const c = list.vec24();
    if (c.length === 0) throw new DecodeError("empty certificate");
    list.vec16(); // per-certificate extensions (OCSP, SCT): not used here
    chain.push(c);
  }
  return { context, chain };
}

// ---- ServerKeyExchange for ECDHE (RFC 8422 5.4, RFC 5246 7.4.3) ----

export interface ServerKeyExchange {
  /** ServerECDHParams exactly as sent: curve_type(3) named_curve(2) public<1..255>; it is what is signed. */
  params: Uint8Array;
  namedCurve: number;
  publicKey: Uint8Array;
  scheme: number;
  signature: Uint8Array;
}

export function encodeEcdhParams(namedCurve: number, publicKey: Uint8Array): Uint8Array {
  return new Writer().u8(3).u16(namedCurve).vec8(publicKey).finish();
}

export function encodeServerKeyExchange(params: Uint8Array, scheme: number, signature: Uint8Array): Uint8Array {
  return new Writer().bytes(params).u16(scheme).vec16(signature).finish();
}

export function parseServerKeyExchange(body: Uint8Array): ServerKeyExchange {
  const r = new Reader(body);
  const curveType = r.u8();
  if (curveType !== 3) throw new DecodeError("only named_curve ECDH parameters are supported");
  const namedCurve = r.u16();
  const publicKey = r.vec8();
  const params = body.subarray(0, 4 + publicKey.length);
  const scheme = r.u16();
  const signature = r.vec16();
  r.end("ServerKeyExchange");
  return { params, namedCurve, publicKey, scheme, signature };
}

// ---- ClientKeyExchange (RFC 5246 7.4.7, RFC 8422 5.7) ----

export const encodeRsaClientKeyExchange = (encrypted: Uint8Array) => new Writer().vec16(encrypted).finish();
export function parseRsaClientKeyExchange(body: Uint8Array): Uint8Array {
  const r = new Reader(body);
  const v = r.vec16();
  r.end("ClientKeyExchange");
  return v;
}
export const encodeEcdhClientKeyExchange = (pub: Uint8Array) => new Writer().vec8(pub).finish();
export function parseEcdhClientKeyExchange(body: Uint8Array): Uint8Array {
  const r = new Reader(body);
  const v = r.vec8();
  r.end("ClientKeyExchange");
  return v;
}

// ---- TLS 1.3 messages ----

export function encodeEncryptedExtensions(exts: Extension[]): Uint8Array {
  const w = new Writer();
  writeExtensions(w, exts);
  return w.finish();
}

export function parseEncryptedExtensions(body: Uint8Array): Extension[] {
  const r = new Reader(body);
  const e = readExtensions(r);
  r.end("EncryptedExtensions");
  return e;
}

export function encodeCertificateVerify(scheme: number, signature: Uint8Array): Uint8Array {
  return new Writer().u16(scheme).vec16(signature).finish();
}

export function parseCertificateVerify(body: Uint8Array): { scheme: number; signature: Uint8Array } {
  const r = new Reader(body);
  const v = { scheme: r.u16(), signature: r.vec16() };
  r.end("CertificateVerify");
  return v;
}

export interface NewSessionTicket13 {
  lifetime: number;
  ageAdd: number;
  nonce: Uint8Array;
  ticket: Uint8Array;
  extensions: Extension[];
}

export function parseNewSessionTicket13(body: Uint8Array): NewSessionTicket13 {
  const r = new Reader(body);
  const t = { lifetime: r.u32(), ageAdd: r.u32(), nonce: r.vec8(), ticket: r.vec16(), extensions: readExtensions(r) };
  r.end("NewSessionTicket");
  return t;
}
