// A dissector in the spirit of Wireshark: names every field of a record and of the handshake message
// inside it, with offsets, so a UI can highlight bytes. It reads the same bytes the engine sent.
import { alertName } from "./alerts";
import { fromUtf8, hex, Reader } from "./bytes";
import { suiteName } from "./cipher-suites";
import { extensionName, ExtensionType, handshakeName, HandshakeType } from "./messages";
import { contentTypeName, ContentType } from "./record";
import { schemeName } from "./signatures";
import type { TraceField } from "./trace";
import { parseCertificate } from "./x509";

export interface DissectContext {
  version?: "TLS1.2" | "TLS1.3";
  keyExchange?: "RSA" | "ECDHE_RSA" | "TLS13";
  /** TLS 1.2 protected records: CBC (IV + blocks) or GCM (explicit nonce + tag). */
  cbc?: boolean;
}

const VERSIONS: Record<number, string> = { 0x0301: "TLS 1.0", 0x0302: "TLS 1.1", 0x0303: "TLS 1.2", 0x0304: "TLS 1.3" };
const versionName = (v: number) => `${VERSIONS[v] ?? "unknown"} (0x${v.toString(16).padStart(4, "0")})`;
const GROUPS: Record<number, string> = { 23: "secp256r1", 24: "secp384r1", 25: "secp521r1", 29: "x25519", 30: "x448" };
const short = (b: Uint8Array) => (b.length > 48 ? `${hex(b.subarray(0, 24))}… (${b.length} bytes)` : hex(b));

class FieldList {
  readonly fields: TraceField[] = [];
  constructor(private readonly base: number) {}
  add(r: Reader, length: number, name: string, value: (b: Uint8Array) => string, explanation: string): Uint8Array {
    const offset = r.offset;
    const b = r.bytes(length);
    this.fields.push({ offset: this.base + offset, length, name, value: value(b), explanation });
    return b;
  }
  num(r: Reader, length: 1 | 2 | 3 | 4, name: string, explanation: string, show: (n: number) => string = String): number {
    const b = this.add(r, length, name, (x) => show(x.reduce((a, c) => a * 256 + c, 0)), explanation);
    return b.reduce((a, c) => a * 256 + c, 0);
  }
}

/** Fields of a whole record: header, then (for plaintext) its content. */
export function dissectRecord(record: Uint8Array, ctx: DissectContext, encrypted: boolean): TraceField[] {
  const f = new FieldList(0);
  const r = new Reader(record);
  try {
    const type = f.num(r, 1, "ContentType", "what the record carries (RFC 5246 6.2.1)", (n) => `${contentTypeName(n)} (${n})`);
    f.num(r, 2, "ProtocolVersion", "legacy record version; real negotiation happens in the hellos", versionName);
    const length = f.num(r, 2, "length", "bytes of fragment that follow");
    if (encrypted) {
      dissectCiphertext(f, r, length, ctx);
      return f.fields;
    }
    const content = new FieldList(5);
    f.fields.push(...dissectContent(content, r.bytes(length), type, ctx));
  } catch {
    // A truncated or odd record keeps the fields read so far.
  }
  return f.fields;
}

function dissectCiphertext(f: FieldList, r: Reader, length: number, ctx: DissectContext): void {
  if (ctx.version === "TLS1.3") {
    f.add(r, length - 16, "encrypted_record", short, "AEAD ciphertext of TLSInnerPlaintext: content || real content type || padding (RFC 8446 5.2)");
    f.add(r, 16, "authentication tag", hex, "AES-GCM tag over the ciphertext and the 5-byte record header");
    return;
  }
  if (ctx.cbc) {
    f.add(r, 16, "IV", hex, "explicit per-record CBC IV, random (RFC 5246 6.2.3.2)");
    f.add(r, length - 16, "ciphertext", short, "AES-CBC of content || MAC || padding");
    return;
  }
  f.add(r, 8, "nonce_explicit", hex, "explicit part of the GCM nonce (here the sequence number); the implicit 4 bytes come from the key block (RFC 5288 3)");
  f.add(r, length - 24, "ciphertext", short, "AES-GCM ciphertext of the content");
  f.add(r, 16, "authentication tag", hex, "GCM tag over ciphertext and seq_num || type || version || length");
}

/** Fields of a record's content (plaintext, or decrypted plaintext with base 0). */
export function dissectContent(f: FieldList, content: Uint8Array, type: number, ctx: DissectContext): TraceField[] {
  const r = new Reader(content);
  try {
    if (type === ContentType.change_cipher_spec) {
      f.num(r, 1, "type", "change_cipher_spec(1): from the next record on, the sender uses the new keys (RFC 5246 7.1)");
    } else if (type === ContentType.alert) {
      f.num(r, 1, "AlertLevel", "1 = warning, 2 = fatal", (n) => (n === 1 ? "warning (1)" : n === 2 ? "fatal (2)" : String(n)));
      f.num(r, 1, "AlertDescription", "why (RFC 5246 7.2, RFC 8446 6)", (n) => `${alertName(n)} (${n})`);
    } else if (type === ContentType.application_data) {
      f.add(r, content.length, "application_data", (b) => JSON.stringify(fromUtf8(b)), "the application's bytes (here HTTP would go)");
    } else if (type === ContentType.handshake) {
      while (r.remaining) dissectHandshake(f, r, ctx);
    }
  } catch {
    // keep what was read
  }
  return f.fields;
}

export function dissectPlaintext(content: Uint8Array, type: number, ctx: DissectContext): TraceField[] {
  return dissectContent(new FieldList(0), content, type, ctx);
}

function dissectHandshake(f: FieldList, r: Reader, ctx: DissectContext): void {
  const type = f.num(r, 1, "HandshakeType", "which handshake message (RFC 5246 7.4, RFC 8446 4)", (n) => `${handshakeName(n)} (${n})`);
  const length = f.num(r, 3, "length", "bytes of message body");
  const body = new Reader(r.bytes(length), r.offset - length);
  switch (type) {
    case HandshakeType.client_hello:
    case HandshakeType.server_hello: {
      const client = type === HandshakeType.client_hello;
      f.num(body, 2, client ? "client_version" : "server_version", client ? "highest version in the TLS 1.2 way; TLS 1.3 uses supported_versions" : "chosen version (TLS 1.3 says 1.2 here and the truth in supported_versions)", versionName);
      f.add(body, 32, "random", hex, client ? "client nonce: feeds the master secret and key derivation" : "server nonce; a TLS 1.3 server choosing 1.2 ends it with DOWNGRD");
      const sid = f.num(body, 1, "session_id length", "0 = new session");
      if (sid) f.add(body, sid, "session_id", hex, client ? "a session the client wants to resume (or TLS 1.3 compatibility bytes)" : "the session's ID; the same as the client's means resumption");
      if (client) {
        const n = f.num(body, 2, "cipher_suites length", "2 bytes per suite");
        const suites = new Reader(body.bytes(n), body.offset - n);
        while (suites.remaining) f.num(suites, 2, "cipher_suite", "offered, in preference order", (s) => `${suiteName(s)} (0x${s.toString(16).padStart(4, "0")})`);
        const c = f.num(body, 1, "compression_methods length", "always just null compression (CRIME)");
        f.add(body, c, "compression_methods", hex, "00 = null");
      } else {
        f.num(body, 2, "cipher_suite", "the suite the server chose", (s) => `${suiteName(s)} (0x${s.toString(16).padStart(4, "0")})`);
        f.num(body, 1, "compression_method", "00 = null");
      }
      if (body.remaining) dissectExtensions(f, body, client ? "client" : "server");
      return;
    }
    case HandshakeType.certificate: {
      if (ctx.version === "TLS1.3") {
        const n = f.num(body, 1, "certificate_request_context length", "empty in a server's handshake Certificate");
        if (n) f.add(body, n, "certificate_request_context", hex, "echoes a CertificateRequest");
      }
      const listLen = f.num(body, 3, "certificate_list length", "the chain, leaf first");
      const list = new Reader(body.bytes(listLen), body.offset - listLen);
      while (list.remaining) {
        const n = f.num(list, 3, "certificate length", "DER bytes that follow");
        f.add(list, n, "certificate", describeCertificate, "an X.509 certificate (RFC 5280): who, issued by whom, valid when, whose key");
        if (ctx.version === "TLS1.3") {
          const e = f.num(list, 2, "extensions length", "per-certificate extensions (OCSP, SCT): none here");
          if (e) list.bytes(e);
        }
      }
      return;
    }
    case HandshakeType.server_key_exchange: {
      f.num(body, 1, "curve_type", "3 = named_curve", (n) => (n === 3 ? "named_curve (3)" : String(n)));
      f.num(body, 2, "named_curve", "the group for ECDHE", (n) => `${GROUPS[n] ?? n} (${n})`);
      const n = f.num(body, 1, "public length", "32 for x25519");
      f.add(body, n, "public", hex, "server's ephemeral public key for this connection only (forward secrecy)");
      f.num(body, 2, "signature algorithm", "how the parameters are signed", schemeName);
      const s = f.num(body, 2, "signature length", "bytes of signature");
      f.add(body, s, "signature", short, "RSA signature over client_random + server_random + params with the certificate's key");
      return;
    }
    case HandshakeType.server_hello_done:
      return;
    case HandshakeType.client_key_exchange: {
      if (ctx.keyExchange === "RSA") {
        const n = f.num(body, 2, "EncryptedPreMasterSecret length", "as long as the RSA modulus");
        f.add(body, n, "EncryptedPreMasterSecret", short, "the premaster, PKCS#1 v1.5-padded and RSA-encrypted to the server's certificate key");
      } else {
        const n = f.num(body, 1, "public length", "32 for x25519");
        f.add(body, n, "ecdh_Yc", hex, "client's ephemeral x25519 public key");
      }
      return;
    }
    case HandshakeType.finished:
      f.add(body, body.remaining, "verify_data", hex, ctx.version === "TLS1.3" ? "HMAC(finished_key, transcript hash): proves both saw the same handshake" : "PRF(master, label, Hash(handshake messages))[0..11]: proves both saw the same handshake");
      return;
    case HandshakeType.encrypted_extensions:
      dissectExtensions(f, body, "server");
      return;
    case HandshakeType.certificate_verify: {
      f.num(body, 2, "algorithm", "signature scheme (RSA-PSS in TLS 1.3)", schemeName);
      const s = f.num(body, 2, "signature length", "bytes of signature");
      f.add(body, s, "signature", short, "signature over the transcript hash: proves the server holds the certificate's key");
      return;
    }
    case HandshakeType.new_session_ticket:
      f.add(body, body.remaining, "ticket", short, "resumption ticket (not used by this engine)");
      return;
    default:
      f.add(body, body.remaining, "body", short, "message body");
  }
}

function dissectExtensions(f: FieldList, r: Reader, side: "client" | "server"): void {
  const total = f.num(r, 2, "extensions length", "bytes of extensions");
  const list = new Reader(r.bytes(total), r.offset - total);
  while (list.remaining) {
    const type = f.num(list, 2, "extension type", "", (n) => `${extensionName(n)} (${n})`);
    const len = f.num(list, 2, "extension length", "");
    const data = new Reader(list.bytes(len), list.offset - len);
    f.fields[f.fields.length - 2].explanation = EXTENSION_WHY[type] ?? "an extension this engine ignores";
    if (len) f.add(data, len, extensionName(type), (b) => extensionValue(type, b, side), EXTENSION_WHY[type] ?? "ignored");
  }
}

const EXTENSION_WHY: Record<number, string> = {
  [ExtensionType.server_name]: "SNI: which host the client wants, so one IP can serve many certificates (RFC 6066)",
  [ExtensionType.supported_groups]: "key-exchange groups the client can do",
  [ExtensionType.ec_point_formats]: "uncompressed points only (RFC 8422)",
  [ExtensionType.signature_algorithms]: "signature schemes the client accepts",
  [ExtensionType.renegotiation_info]: "secure renegotiation signal (RFC 5746); empty on a first handshake",
  [ExtensionType.supported_versions]: "the real version list (client) or choice (server) in TLS 1.3",
  [ExtensionType.key_share]: "ephemeral public key(s) sent up front, saving a round trip in TLS 1.3",
  [ExtensionType.extended_master_secret]: "offered by the peer; this RFC 5246 engine does not echo it",
  [ExtensionType.encrypt_then_mac]: "offered by the peer; this RFC 5246 engine does not echo it",
  [ExtensionType.session_ticket]: "ticket resumption (not used here)",
  [ExtensionType.psk_key_exchange_modes]: "PSK modes (not used here)",
};

function extensionValue(type: number, b: Uint8Array, side: "client" | "server"): string {
  try {
    const r = new Reader(b);
    switch (type) {
      case ExtensionType.server_name: {
        r.u16();
        r.u8();
        return fromUtf8(r.vec16());
      }
      case ExtensionType.supported_groups: {
        const l = r.sub16();
        const out: string[] = [];
        while (l.remaining) out.push(GROUPS[l.u16()] ?? "?");
        return out.join(", ");
      }
      case ExtensionType.signature_algorithms: {
        const l = r.sub16();
        const out: string[] = [];
        while (l.remaining) out.push(schemeName(l.u16()));
        return out.join(", ");
      }
      case ExtensionType.supported_versions: {
        if (side === "server") return versionName(r.u16());
        const l = r.sub8();
        const out: string[] = [];
        while (l.remaining) out.push(versionName(l.u16()));
        return out.join(", ");
      }
      case ExtensionType.key_share: {
        if (side === "server") return `${GROUPS[r.u16()] ?? "?"}: ${hex(r.vec16())}`;
        const l = r.sub16();
        const out: string[] = [];
        while (l.remaining) out.push(`${GROUPS[l.u16()] ?? "?"}: ${hex(l.vec16())}`);
        return out.join("; ");
      }
    }
  } catch {
    // fall through to hex
  }
  return short(b);
}

function describeCertificate(der: Uint8Array): string {
  try {
    const c = parseCertificate(der);
    return `subject ${c.subjectCommonName}, issuer ${c.issuerCommonName}, valid ${c.notBefore.toISOString().slice(0, 10)} to ${c.notAfter.toISOString().slice(0, 10)}, RSA-${c.publicKey.bits}`;
  } catch {
    return short(der);
  }
}
