// The record layer's framing (RFC 5246 6.2.1, RFC 8446 5.1): TCP delivers a byte stream, so
// records arrive split or coalesced arbitrarily; handshake messages in turn may span records.
import { TlsAlert } from "./alerts";
import { concat, u16, u24 } from "./bytes";

export const ContentType = { change_cipher_spec: 20, alert: 21, handshake: 22, application_data: 23 } as const;

export function contentTypeName(t: number): string {
  for (const [k, v] of Object.entries(ContentType)) if (v === t) return k;
  return `unknown(${t})`;
}

export const MAX_PLAINTEXT = 1 << 14;
/** TLSCiphertext.length limit in TLS 1.2 (RFC 5246 6.2.3); 1.3 allows 2^14 + 256 and we take the larger. */
export const MAX_CIPHERTEXT = (1 << 14) + 2048;
/** Larger handshake messages are refused rather than buffered (certificate chains stay far below). */
export const MAX_HANDSHAKE_MESSAGE = 1 << 17;

export interface TlsRecord {
  type: number;
  version: number;
  fragment: Uint8Array;
  /** Header and fragment as they were on the wire. */
  raw: Uint8Array;
}

export function encodeRecord(type: number, version: number, fragment: Uint8Array): Uint8Array {
  return concat(new Uint8Array([type]), u16(version), u16(fragment.length), fragment);
}

/** Accumulates TCP bytes and yields complete records. */
export class RecordReader {
  private buf: Uint8Array = new Uint8Array(0);

  push(bytes: Uint8Array): void {
    this.buf = this.buf.length ? concat(this.buf, bytes) : bytes.slice();
  }

  get buffered(): number {
    return this.buf.length;
  }

  /** The next complete record, or null if more bytes are needed. */
  next(): TlsRecord | null {
    if (this.buf.length < 5) return null;
    const type = this.buf[0];
    const version = (this.buf[1] << 8) | this.buf[2];
    const length = (this.buf[3] << 8) | this.buf[4];
    if (type < 20 || type > 23) throw new TlsAlert("unexpected_message", `unknown record content type ${type}`);
    if (this.buf[1] !== 3) throw new TlsAlert("protocol_version", `record version 0x${version.toString(16)} is not TLS`);
    if (length > MAX_CIPHERTEXT) throw new TlsAlert("record_overflow", `record length ${length} exceeds 2^14 + 2048`);
    if (this.buf.length < 5 + length) return null;
    const raw = this.buf.slice(0, 5 + length);
    this.buf = this.buf.subarray(5 + length);
    return { type, version, fragment: raw.subarray(5), raw };
  }
}

export interface HandshakeMessage {
  type: number;
  body: Uint8Array;
  /** msg_type, 24-bit length and body: what goes into the transcript hash. */
  raw: Uint8Array;
}

export function encodeHandshake(type: number, body: Uint8Array): Uint8Array {
  return concat(new Uint8Array([type]), u24(body.length), body);
}

/** Reassembles handshake messages from handshake-record fragments (RFC 5246 6.2.1, RFC 8446 5.1). */
export class HandshakeReader {
  private buf: Uint8Array = new Uint8Array(0);

  push(fragment: Uint8Array): void {
    this.buf = this.buf.length ? concat(this.buf, fragment) : fragment.slice();
  }

  get empty(): boolean {
    return this.buf.length === 0;
  }

  next(): HandshakeMessage | null {
    if (this.buf.length < 4) return null;
    const length = (this.buf[1] << 16) | (this.buf[2] << 8) | this.buf[3];
    if (length > MAX_HANDSHAKE_MESSAGE) throw new TlsAlert("decode_error", `handshake message length ${length} too large`);
    if (this.buf.length < 4 + length) return null;
    const raw = this.buf.slice(0, 4 + length);
    this.buf = this.buf.subarray(4 + length);
    return { type: raw[0], body: raw.subarray(4), raw };
  }
}
