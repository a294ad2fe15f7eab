// A small DER reader and writer (ITU-T X.690), enough for X.509 certificates and RSA keys.
import { concat, DecodeError } from "./bytes";

export interface DerNode {
  tag: number;
  /** Offset of the tag byte inside the buffer that was parsed. */
  offset: number;
  headerLength: number;
  /** The content octets. */
  value: Uint8Array;
  /** Tag, length and content: what a signature covers. */
  raw: Uint8Array;
}

export const Tag = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  PrintableString: 0x13,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads one TLV at `offset`; only definite lengths, as DER requires. */
export function readNode(buf: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > buf.length) throw new DecodeError("DER: truncated header");
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DecodeError("DER: multi-byte tags not supported");
  let len = buf[offset + 1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new DecodeError("DER: unsupported length form");
    if (offset + 2 + n > buf.length) throw new DecodeError("DER: truncated length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[offset + 2 + i];
    header += n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new DecodeError("DER: content runs past the end");
  return { tag, offset, headerLength: header, value: buf.subarray(offset + header, end), raw: buf.subarray(offset, end) };
}

/** The children of a constructed node (SEQUENCE, SET, explicit context tags). */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let o = 0; o < node.value.length; ) {
    const child = readNode(node.value, o);
    out.push({ ...child, offset: node.offset + node.headerLength + o });
    o += child.raw.length;
  }
  return out;
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (!node || node.tag !== tag) throw new DecodeError(`DER: expected ${what}`);
  return node;
}

export function readInteger(node: DerNode): bigint {
  expectTag(node, Tag.INTEGER, "INTEGER");
  let v = 0n;
  for (const b of node.value) v = (v << 8n) | BigInt(b);
  // Two's complement: a leading 1 bit means negative (serial numbers may be, keys never are).
  if (node.value.length > 0 && node.value[0] & 0x80) v -= 1n << BigInt(8 * node.value.length);
  return v;
}

export function readOid(node: DerNode): string {
  expectTag(node, Tag.OID, "OBJECT IDENTIFIER");
  const v = node.value;
  if (v.length === 0) throw new DecodeError("DER: empty OID");
  const parts: number[] = [Math.floor(v[0] / 40), v[0] % 40];
  let n = 0;
  for (let i = 1; i < v.length; i++) {
    n = n * 128 + (v[i] & 0x7f);
    if (!(v[i] & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}

/** UTCTime (YYMMDDHHMMSSZ, years 1950-2049 per RFC 5280) or GeneralizedTime (YYYYMMDDHHMMSSZ). */
export function readTime(node: DerNode): Date {
  const s = new TextDecoder().decode(node.value);
  const m = node.tag === Tag.UTCTime ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) throw new DecodeError(`DER: bad time ${s}`);
  let year = Number(m[1]);
  if (node.tag === Tag.UTCTime) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

// ---- writer ----

function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(new Uint8Array([tag]), encodeLength(body.length), body);
}

export const seq = (...items: Uint8Array[]) => tlv(Tag.SEQUENCE, ...items);
export const set = (...items: Uint8Array[]) => tlv(Tag.SET, ...items);
export const nullValue = () => tlv(Tag.NULL);
export const octetString = (b: Uint8Array) => tlv(Tag.OCTET_STRING, b);
export const bitString = (b: Uint8Array) => tlv(Tag.BIT_STRING, new Uint8Array([0]), b);
export const utf8String = (s: string) => tlv(Tag.UTF8String, new TextEncoder().encode(s));
export const boolean = (v: boolean) => tlv(Tag.BOOLEAN, new Uint8Array([v ? 0xff : 0]));
export const explicit = (n: number, inner: Uint8Array) => tlv(0xa0 | n, inner);

export function integer(v: bigint | Uint8Array): Uint8Array {
  let bytes = v instanceof Uint8Array ? v : bigintToBytes(v);
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && !(bytes[i + 1] & 0x80)) i++;
  bytes = bytes.subarray(i);
  if (bytes.length === 0) bytes = new Uint8Array([0]);
  if (bytes[0] & 0x80) bytes = concat(new Uint8Array([0]), bytes);
  return tlv(Tag.INTEGER, bytes);
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split(".").map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(Tag.OID, new Uint8Array(out));
}

export function time(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  const p = (n: number) => String(n).padStart(2, "0");
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  if (y >= 1950 && y < 2050) return tlv(Tag.UTCTime, new TextEncoder().encode(p(y % 100) + rest));
  return tlv(Tag.GeneralizedTime, new TextEncoder().encode(String(y) + rest));
}

export function bigintToBytes(v: bigint, length?: number): Uint8Array {
  let h = v.toString(16);
  if (h.length % 2) h = "0" + h;
  const raw = new Uint8Array(h.length / 2);
  for (let i = 0; i < raw.length; i++) raw[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  if (length === undefined) return raw;
  if (raw.length > length) throw new RangeError("integer too large");
  const out = new Uint8Array(length);
  out.set(raw, length - raw.length);
  return out;
}

export function bytesToBigint(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

export function pem(label: string, der: Uint8Array): string {
  let b64 = "";
  const bin = Array.from(der, (c) => String.fromCharCode(c)).join("");
  b64 = btoa(bin);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function fromPem(text: string): { label: string; der: Uint8Array } {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) throw new DecodeError("not PEM");
  const bin = atob(m[2].replace(/\s+/g, ""));
  return { label: m[1], der: Uint8Array.from(bin, (c) => c.charCodeAt(0)) };
}
