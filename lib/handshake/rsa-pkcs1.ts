// PKCS#1 v1.5 encryption padding and signatures (RFC 8017 sections 7.2 and 8.2, 9.2), written
// out because WebCrypto has neither RSAES-PKCS1-v1_5 nor a raw RSA operation.
import { concat, equalBytes, fromHex } from "./bytes";
import { digest, type HashName } from "./hash";
import type { Rng } from "./rng";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa";

/** RSAES-PKCS1-v1_5 encryption, RFC 8017 7.2.1: EM = 0x00 || 0x02 || PS || 0x00 || M, PS non-zero random. */
export function pkcs1Encrypt(key: RsaPublicKey, message: Uint8Array, rng: Rng): { ciphertext: Uint8Array; padded: Uint8Array } {
  const k = key.size;
  if (message.length > k - 11) throw new RangeError("message too long");
  const ps = new Uint8Array(k - message.length - 3);
  for (let filled = 0; filled < ps.length; ) {
    for (const b of rng.bytes(ps.length, "pkcs1_padding")) {
      if (b !== 0 && filled < ps.length) ps[filled++] = b;
    }
  }
  const padded = concat(new Uint8Array([0, 2]), ps, new Uint8Array([0]), message);
  return { ciphertext: key.encryptRaw(padded), padded };
}

export interface PremasterDecryption {
  premaster: Uint8Array;
  /** The decrypted block EM, for the trace. */
  padded: Uint8Array;
  /** Whether the block was well formed. Only for the trace: the protocol never reveals it. */
  paddingValid: boolean;
}

/**
 * Decrypts an RSA-encrypted premaster secret with the RFC 5246 7.4.7.1 countermeasure against
 * Bleichenbacher's attack: a bad padding or length yields client_version || 46 random bytes and
 * the handshake continues, failing later at Finished exactly as a wrong key would. The random
 * fallback is drawn before decrypting and chosen without branching on the padding check.
 */
export function decryptPremaster(key: RsaPrivateKey, ciphertext: Uint8Array, clientVersion: number, rng: Rng): PremasterDecryption {
  const fallback = concat(new Uint8Array([clientVersion >> 8, clientVersion & 0xff]), rng.bytes(46, "pkcs1_fallback_premaster"));
  const k = key.size;
  let padded: Uint8Array;
  if (ciphertext.length !== k || !withinModulus(ciphertext, key)) {
    padded = new Uint8Array(k);
  } else {
    padded = key.decryptRaw(ciphertext);
  }
  // 0x00 0x02, at least 8 non-zero padding bytes, a 0x00 separator, exactly 48 bytes of message.
  const sep = k - 49;
  let bad = padded[0] | (padded[1] ^ 2) | padded[sep];
  for (let i = 2; i < sep; i++) bad |= padded[i] === 0 ? 1 : 0;
  const mask = bad === 0 ? 0xff : 0; // 0xff keeps the decrypted bytes, 0 keeps the fallback
  const premaster = new Uint8Array(48);
  premaster[0] = fallback[0];
  premaster[1] = fallback[1];
  for (let i = 2; i < 48; i++) premaster[i] = (padded[sep + 1 + i] & mask) | (fallback[i] & ~mask);
  return { premaster, padded, paddingValid: bad === 0 };
}

function withinModulus(c: Uint8Array, key: RsaPrivateKey): boolean {
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  return v < key.n;
}

/** DER DigestInfo prefixes, RFC 8017 9.2 note 1. */
const DIGEST_INFO: Record<HashName, Uint8Array> = {
  sha1: fromHex("3021300906052b0e03021a05000414"),
  sha256: fromHex("3031300d060960864801650304020105000420"),
  sha384: fromHex("3041300d060960864801650304020205000430"),
};

/** EMSA-PKCS1-v1_5, RFC 8017 9.2: EM = 0x00 || 0x01 || 0xff.. || 0x00 || DigestInfo. */
export function emsaPkcs1Encode(hash: HashName, message: Uint8Array, k: number): Uint8Array {
  const t = concat(DIGEST_INFO[hash], digest(hash, message));
  if (k < t.length + 11) throw new RangeError("key too short");
  const ps = new Uint8Array(k - t.length - 3).fill(0xff);
  return concat(new Uint8Array([0, 1]), ps, new Uint8Array([0]), t);
}

/** RSASSA-PKCS1-v1_5 signature with our own RSA; deterministic, so identical to any other signer's. */
export function pkcs1Sign(key: RsaPrivateKey, hash: HashName, message: Uint8Array): Uint8Array {
  return key.signRaw(emsaPkcs1Encode(hash, message, key.size));
}

export function pkcs1Verify(key: RsaPublicKey, hash: HashName, message: Uint8Array, signature: Uint8Array): boolean {
  const em = key.verifyRaw(signature);
  if (!em) return false;
  return equalBytes(em, emsaPkcs1Encode(hash, message, key.size));
}
