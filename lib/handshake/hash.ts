// Hash and HMAC by name; TLS 1.2 suites here use SHA-256 (PRF and MAC) and SHA-1 (MAC of 0xc013),
// TLS 1.3 suites SHA-256 and SHA-384.
import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha384 } from "@noble/hashes/sha2.js";

export type HashName = "sha1" | "sha256" | "sha384";

const impl = { sha1, sha256, sha384 } as const;

export function digest(name: HashName, data: Uint8Array): Uint8Array {
  return impl[name](data);
}

export function hmacOf(name: HashName, key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(impl[name], key, data);
}

export function hashLength(name: HashName): number {
  return name === "sha1" ? 20 : name === "sha256" ? 32 : 48;
}
