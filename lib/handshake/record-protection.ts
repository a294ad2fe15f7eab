// Record protection: TLS 1.2 CBC with HMAC (RFC 5246 6.2.3.2), TLS 1.2 AES-GCM (RFC 5288,
// RFC 5246 6.2.3.3), TLS 1.3 AEAD (RFC 8446 5.2-5.3). Every failure to open a record is the
// same bad_record_mac, so a padding error is indistinguishable from a MAC error (no padding oracle).
import { cbc, gcm } from "@noble/ciphers/aes.js";
import { TlsAlert } from "./alerts";
import { concat, equalBytes, u16, u64 } from "./bytes";
import type { CipherSuite } from "./cipher-suites";
import { hashLength, hmacOf } from "./hash";
import { ContentType, encodeRecord, MAX_PLAINTEXT, type TlsRecord } from "./record";
import type { Rng } from "./rng";

export interface TrafficKeys {
  key: Uint8Array;
  /** CBC: unused (empty); 1.2 GCM: 4-byte salt; 1.3: 12-byte IV. */
  iv: Uint8Array;
  macKey: Uint8Array;
}

/** What a record's protection consisted of, for the trace. */
export interface ProtectionDetails {
  sequence: bigint;
  nonce?: Uint8Array;
  explicitIv?: Uint8Array;
  additionalData?: Uint8Array;
  mac?: Uint8Array;
  padding?: Uint8Array;
  innerType?: number;
}

export interface Opened {
  type: number;
  plaintext: Uint8Array;
  details: ProtectionDetails;
}

export interface Sealed {
  record: Uint8Array;
  details: ProtectionDetails;
}

export interface RecordCipher {
  readonly description: string;
  seal(type: number, plaintext: Uint8Array): Sealed;
  open(record: TlsRecord): Opened;
}

const badMac = (why: string) => new TlsAlert("bad_record_mac", why);

export class CbcCipher12 implements RecordCipher {
  private seq = 0n;
  /** Fault injection: the next sealed record gets padding bytes that disagree with its length byte. */
  corruptNextPadding = false;
  readonly description: string;
  private readonly macHash: "sha1" | "sha256";
  constructor(
    suite: CipherSuite,
    private readonly keys: TrafficKeys,
    private readonly rng: Rng,
  ) {
    this.macHash = suite.mac as "sha1" | "sha256";
    this.description = `AES-128-CBC + HMAC-${this.macHash.toUpperCase()}`;
  }

  /** MAC(MAC_write_key, seq_num + type + version + length + fragment). */
  private mac(seq: bigint, type: number, content: Uint8Array): Uint8Array {
    return hmacOf(this.macHash, this.keys.macKey, concat(u64(seq), new Uint8Array([type]), u16(0x0303), u16(content.length), content));
  }

  seal(type: number, plaintext: Uint8Array): Sealed {
    const seq = this.seq++;
    const mac = this.mac(seq, type, plaintext);
    const unpadded = plaintext.length + mac.length + 1;
    let padLength = (16 - (unpadded % 16)) % 16;
    if (this.corruptNextPadding) padLength += 16; // a longer (legal) padding, so there are bytes to corrupt
    const padding = new Uint8Array(padLength + 1).fill(padLength);
    if (this.corruptNextPadding) {
      padding[0] ^= 0x01;
      this.corruptNextPadding = false;
    }
    const iv = this.rng.bytes(16, "record_iv");
    const ciphertext = cbc(this.keys.key, iv, { disablePadding: true }).encrypt(concat(plaintext, mac, padding));
    return { record: encodeRecord(type, 0x0303, concat(iv, ciphertext)), details: { sequence: seq, explicitIv: iv, mac, padding } };
  }

  open(record: TlsRecord): Opened {
    const seq = this.seq++;
    const f = record.fragment;
    const macLen = hashLength(this.macHash);
    if (f.length < 16 + Math.ceil((macLen + 1) / 16) * 16 || (f.length - 16) % 16 !== 0) throw badMac("ciphertext length is not a whole number of blocks");
    const iv = f.subarray(0, 16);
    const p = cbc(this.keys.key, iv, { disablePadding: true }).decrypt(f.subarray(16));
    // Check the padding without an early exit; on failure still MAC as if there were no padding,
    // so padding errors and MAC errors take about the same time (the Lucky Thirteen lesson).
    const padLength = p[p.length - 1];
    let good = padLength + 1 + macLen <= p.length ? 1 : 0;
    const checkable = Math.min(p.length, 256);
    for (let i = 1; i <= checkable; i++) {
      const inPadding = i <= padLength + 1 ? 1 : 0;
      good &= inPadding ? (p[p.length - i] === padLength ? 1 : 0) : 1;
    }
    const strip = good ? padLength + 1 : 0;
    const contentLength = Math.max(0, p.length - strip - macLen);
    const content = p.subarray(0, contentLength);
    const mac = p.subarray(contentLength, contentLength + macLen);
    const expected = this.mac(seq, record.type, content);
    if (!(equalBytes(mac, expected) && good)) throw badMac("record MAC or padding check failed");
    if (content.length > MAX_PLAINTEXT) throw new TlsAlert("record_overflow", "decrypted record too long");
    return { type: record.type, plaintext: content.slice(), details: { sequence: seq, explicitIv: iv.slice(), mac: mac.slice(), padding: p.slice(p.length - strip) } };
  }
}

export class GcmCipher12 implements RecordCipher {
  private seq = 0n;
  readonly description = "AES-128-GCM (explicit nonce)";
  constructor(private readonly keys: TrafficKeys) {}

  /** additional_data = seq_num + type + version + length (RFC 5246 6.2.3.3). */
  private aad(seq: bigint, type: number, length: number): Uint8Array {
    return concat(u64(seq), new Uint8Array([type]), u16(0x0303), u16(length));
  }

  seal(type: number, plaintext: Uint8Array): Sealed {
    const seq = this.seq++;
    // The explicit nonce is the sequence number, as OpenSSL does: unique without needing randomness.
    const explicit = u64(seq);
    const nonce = concat(this.keys.iv, explicit);
    const additionalData = this.aad(seq, type, plaintext.length);
    const ct = gcm(this.keys.key, nonce, additionalData).encrypt(plaintext);
    return { record: encodeRecord(type, 0x0303, concat(explicit, ct)), details: { sequence: seq, nonce, explicitIv: explicit, additionalData } };
  }

  open(record: TlsRecord): Opened {
    const seq = this.seq++;
    const f = record.fragment;
    if (f.length < 8 + 16) throw badMac("record too short for GCM");
    const nonce = concat(this.keys.iv, f.subarray(0, 8));
    const additionalData = this.aad(seq, record.type, f.length - 24);
    let plaintext: Uint8Array;
    try {
      plaintext = gcm(this.keys.key, nonce, additionalData).decrypt(f.subarray(8));
    } catch {
      throw badMac("GCM authentication tag does not verify");
    }
    if (plaintext.length > MAX_PLAINTEXT) throw new TlsAlert("record_overflow", "decrypted record too long");
    return { type: record.type, plaintext, details: { sequence: seq, nonce, explicitIv: f.slice(0, 8), additionalData } };
  }
}

export class AeadCipher13 implements RecordCipher {
  private seq = 0n;
  readonly description: string;
  constructor(
    suite: CipherSuite,
    private readonly keys: TrafficKeys,
  ) {
    this.description = suite.cipher === "AES_256_GCM" ? "AES-256-GCM" : "AES-128-GCM";
  }

  /** nonce = write_iv XOR the 64-bit sequence number padded to iv length (RFC 8446 5.3). */
  private nonce(seq: bigint): Uint8Array {
    const n = this.keys.iv.slice();
    const s = u64(seq);
    for (let i = 0; i < 8; i++) n[n.length - 8 + i] ^= s[i];
    return n;
  }

  seal(type: number, plaintext: Uint8Array): Sealed {
    const seq = this.seq++;
    // TLSInnerPlaintext = content || ContentType || zeros; no padding added here.
    const inner = concat(plaintext, new Uint8Array([type]));
    const additionalData = concat(new Uint8Array([ContentType.application_data]), u16(0x0303), u16(inner.length + 16));
    const nonce = this.nonce(seq);
    const ct = gcm(this.keys.key, nonce, additionalData).encrypt(inner);
    return { record: concat(additionalData, ct), details: { sequence: seq, nonce, additionalData, innerType: type } };
  }

  open(record: TlsRecord): Opened {
    const seq = this.seq++;
    if (record.type !== ContentType.application_data) throw new TlsAlert("unexpected_message", `encrypted record with outer type ${record.type}`);
    if (record.fragment.length < 17) throw badMac("record too short for AEAD");
    const additionalData = record.raw.subarray(0, 5);
    const nonce = this.nonce(seq);
    let inner: Uint8Array;
    try {
      inner = gcm(this.keys.key, nonce, additionalData).decrypt(record.fragment);
    } catch {
      throw badMac("AEAD authentication tag does not verify");
    }
    let end = inner.length - 1;
    while (end >= 0 && inner[end] === 0) end--;
    if (end < 0) throw new TlsAlert("unexpected_message", "TLSInnerPlaintext has no content type");
    if (end > MAX_PLAINTEXT) throw new TlsAlert("record_overflow", "decrypted record too long");
    return { type: inner[end], plaintext: inner.slice(0, end), details: { sequence: seq, nonce, additionalData: additionalData.slice(), innerType: inner[end] } };
  }
}
