// RSASSA-PSS (RFC 8017 sections 8.1 and 9.1) with MGF1, salt length = hash length as TLS 1.3
// requires (RFC 8446 4.2.3). Our own code lets a deterministic RNG choose the salt, so a replayed
// trace reproduces the CertificateVerify signature byte for byte.
import { concat, equalBytes } from "./bytes";
import { digest, hashLength } from "./hash";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa";

type PssHash = "sha256" | "sha384";

function mgf1(hash: PssHash, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let c = 0, o = 0; o < length; c++) {
    const block = digest(hash, concat(seed, new Uint8Array([c >>> 24, c >>> 16, c >>> 8, c])));
    out.set(block.subarray(0, Math.min(block.length, length - o)), o);
    o += block.length;
  }
  return out;
}

/** EMSA-PSS-ENCODE, RFC 8017 9.1.1. */
export function emsaPssEncode(hash: PssHash, message: Uint8Array, emBits: number, salt: Uint8Array): Uint8Array {
  const hLen = hashLength(hash);
  const emLen = Math.ceil(emBits / 8);
  if (emLen < hLen + salt.length + 2) throw new RangeError("encoding error");
  const mHash = digest(hash, message);
  const h = digest(hash, concat(new Uint8Array(8), mHash, salt));
  const db = new Uint8Array(emLen - hLen - 1);
  db[db.length - salt.length - 1] = 0x01;
  db.set(salt, db.length - salt.length);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0xff >>> (8 * emLen - emBits);
  return concat(db, h, new Uint8Array([0xbc]));
}

export function pssSign(key: RsaPrivateKey, hash: PssHash, message: Uint8Array, salt: Uint8Array): Uint8Array {
  const modBits = key.publicKey.bits;
  const em = emsaPssEncode(hash, message, modBits - 1, salt);
  const padded = new Uint8Array(key.size);
  padded.set(em, key.size - em.length);
  return key.signRaw(padded);
}

/**
 * EMSA-PSS-VERIFY, RFC 8017 9.1.2. Returns the recovered salt when valid (a test uses it to
 * re-sign a published vector), null otherwise.
 */
export function pssVerify(key: RsaPublicKey, hash: PssHash, message: Uint8Array, signature: Uint8Array): Uint8Array | null {
  const hLen = hashLength(hash);
  const emBits = key.bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const full = key.verifyRaw(signature);
  if (!full) return null;
  const em = full.subarray(full.length - emLen);
  if (full.length > emLen && full[0] !== 0) return null;
  if (em[emLen - 1] !== 0xbc || emLen < 2 * hLen + 2) return null;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >>> (8 * emLen - emBits);
  if (maskedDb[0] & ~topMask & 0xff) return null;
  const mask = mgf1(hash, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ mask[i]);
  db[0] &= topMask;
  const saltStart = db.length - hLen;
  for (let i = 0; i < saltStart - 1; i++) if (db[i] !== 0) return null;
  if (db[saltStart - 1] !== 1) return null;
  const salt = db.slice(saltStart);
  const h2 = digest(hash, concat(new Uint8Array(8), digest(hash, message), salt));
  return equalBytes(h, h2) ? salt : null;
}
