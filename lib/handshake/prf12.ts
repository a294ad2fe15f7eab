// The TLS 1.2 pseudorandom function, RFC 5246 section 5.
import { concat, utf8 } from "./bytes";
import { hmacOf } from "./hash";

/**
 * P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...
 * with A(0) = seed and A(i) = HMAC(secret, A(i-1)); PRF(secret, label, seed) = P_hash(secret, label + seed).
 */
export function prf12(hash: "sha256" | "sha384", secret: Uint8Array, label: string, seed: Uint8Array, length: number): Uint8Array {
  const labelSeed = concat(utf8(label), seed);
  const out = new Uint8Array(length);
  let a = labelSeed;
  for (let o = 0; o < length; ) {
    a = hmacOf(hash, secret, a);
    const block = hmacOf(hash, secret, concat(a, labelSeed));
    out.set(block.subarray(0, Math.min(block.length, length - o)), o);
    o += block.length;
  }
  return out;
}
