// Byte helpers shared by every layer: hex, concatenation, and the TLS presentation-language
// integers and vectors of RFC 5246 section 4 / RFC 8446 section 3.

/** A parse failure. Handshake code turns it into a decode_error alert; it never escapes `receive`. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecodeError";
  }
}

export function hex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/** Accepts spaces, newlines and colons so RFC-style hex dumps can be pasted as they are. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, "");
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`not hex: ${text.slice(0, 40)}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Compares without an early exit, so MAC and Finished checks do not leak where they differ. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
export const fromUtf8 = (b: Uint8Array): string => new TextDecoder().decode(b);

export function u16(n: number): Uint8Array {
  return new Uint8Array([(n >>> 8) & 0xff, n & 0xff]);
}

export function u24(n: number): Uint8Array {
  return new Uint8Array([(n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** The 64-bit big-endian sequence number used in MACs, AEAD nonces and additional data. */
export function u64(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/** Reads the TLS presentation language; every overrun is a DecodeError, never a RangeError. */
export class Reader {
  private pos = 0;
  constructor(
    private readonly buf: Uint8Array,
    /** Offset of buf inside the enclosing message, so annotations can report absolute offsets. */
    readonly base = 0,
  ) {}

  get offset(): number {
    return this.base + this.pos;
  }
  get remaining(): number {
    return this.buf.length - this.pos;
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++];
  }
  u16(): number {
    this.need(2);
    const v = (this.buf[this.pos] << 8) | this.buf[this.pos + 1];
    this.pos += 2;
    return v;
  }
  u24(): number {
    this.need(3);
    const v = (this.buf[this.pos] << 16) | (this.buf[this.pos + 1] << 8) | this.buf[this.pos + 2];
    this.pos += 3;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = ((this.buf[this.pos] << 24) >>> 0) + ((this.buf[this.pos + 1] << 16) | (this.buf[this.pos + 2] << 8) | this.buf[this.pos + 3]);
    this.pos += 4;
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  vec8(): Uint8Array {
    return this.bytes(this.u8());
  }
  vec16(): Uint8Array {
    return this.bytes(this.u16());
  }
  vec24(): Uint8Array {
    return this.bytes(this.u24());
  }
  /** A sub-reader over a length-prefixed vector, keeping absolute offsets. */
  sub16(): Reader {
    const len = this.u16();
    const start = this.offset;
    return new Reader(this.bytes(len), start);
  }
  sub8(): Reader {
    const len = this.u8();
    const start = this.offset;
    return new Reader(this.bytes(len), start);
  }
  sub24(): Reader {
    const len = this.u24();
    const start = this.offset;
    return new Reader(this.bytes(len), start);
  }
  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }
  end(what: string): void {
    if (this.remaining !== 0) throw new DecodeError(`${what}: ${this.remaining} trailing bytes`);
  }
  private need(n: number): void {
    if (n < 0 || this.pos + n > this.buf.length) throw new DecodeError(`truncated: need ${n} bytes at offset ${this.offset}`);
  }
}

/** Builds TLS structures; vectors are written with a callback so their length is filled in afterwards. */
export class Writer {
  private parts: Uint8Array[] = [];
  private length = 0;

  u8(n: number): this {
    return this.bytes(new Uint8Array([n & 0xff]));
  }
  u16(n: number): this {
    return this.bytes(u16(n));
  }
  u24(n: number): this {
    return this.bytes(u24(n));
  }
  u32(n: number): this {
    return this.bytes(new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]));
  }
  bytes(b: Uint8Array): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  vec8(b: Uint8Array | ((w: Writer) => void)): this {
    const body = this.inner(b);
    if (body.length > 0xff) throw new RangeError("vector too long for 8-bit length");
    return this.u8(body.length).bytes(body);
  }
  vec16(b: Uint8Array | ((w: Writer) => void)): this {
    const body = this.inner(b);
    if (body.length > 0xffff) throw new RangeError("vector too long for 16-bit length");
    return this.u16(body.length).bytes(body);
  }
  vec24(b: Uint8Array | ((w: Writer) => void)): this {
    const body = this.inner(b);
    return this.u24(body.length).bytes(body);
  }
  finish(): Uint8Array {
    return concat(...this.parts);
  }
  get size(): number {
    return this.length;
  }
  private inner(b: Uint8Array | ((w: Writer) => void)): Uint8Array {
    if (b instanceof Uint8Array) return b;
    const w = new Writer();
    b(w);
    return w.finish();
  }
}
