// HKDF (RFC 5869) and the TLS 1.3 labelled forms, RFC 8446 section 7.1.
import { concat, utf8, Writer } from "./bytes";
import { digest, hmacOf } from "./hash";

export type Hash13 = "sha256" | "sha384";

export function hkdfExtract(hash: Hash13, salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return hmacOf(hash, salt, ikm);
}

export function hkdfExpand(hash: Hash13, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let t: Uint8Array = new Uint8Array(0);
  for (let i = 1, o = 0; o < length; i++) {
    t = hmacOf(hash, prk, concat(t, info, new Uint8Array([i])));
    out.set(t.subarray(0, Math.min(t.length, length - o)), o);
    o += t.length;
  }
  return out;
}

/** HkdfLabel = uint16 length || opaque label<7..255> = "tls13 " + Label || opaque context<0..255>. */
export function hkdfLabelInfo(label: string, context: Uint8Array, length: number): Uint8Array {
  return new Writer().u16(length).vec8(utf8("tls13 " + label)).vec8(context).finish();
}

export function hkdfExpandLabel(hash: Hash13, secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  return hkdfExpand(hash, secret, hkdfLabelInfo(label, context, length), length);
}

/** Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). */
export function deriveSecret(hash: Hash13, secret: Uint8Array, label: string, transcriptHash: Uint8Array): Uint8Array {
  return hkdfExpandLabel(hash, secret, label, transcriptHash, transcriptHash.length);
}

export function emptyHash(hash: Hash13): Uint8Array {
  return digest(hash, new Uint8Array(0));
}
