// TLS SignatureScheme values (RFC 8446 4.2.3) and the signing/verification behind them.
import { pkcs1Sign, pkcs1Verify } from "./rsa-pkcs1";
import { pssSign, pssVerify } from "./rsa-pss";
import type { Rng } from "./rng";
import type { RsaPrivateKey, RsaPublicKey } from "./rsa";

export const SignatureScheme = {
  rsa_pkcs1_sha256: 0x0401,
  rsa_pkcs1_sha384: 0x0501,
  rsa_pss_rsae_sha256: 0x0804,
  rsa_pss_rsae_sha384: 0x0805,
} as const;
export type SignatureSchemeName = keyof typeof SignatureScheme;

/** What our client offers, rsa_pkcs1_sha256 first: RFC 5246 servers then sign ServerKeyExchange with it; TLS 1.3 servers skip it. */
export const OFFERED_SIGNATURE_SCHEMES: number[] = [SignatureScheme.rsa_pkcs1_sha256, SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pkcs1_sha384, SignatureScheme.rsa_pss_rsae_sha384];

export function schemeName(code: number): string {
  for (const [k, v] of Object.entries(SignatureScheme)) if (v === code) return k;
  return `0x${code.toString(16).padStart(4, "0")}`;
}

const details: Record<number, { pss: boolean; hash: "sha256" | "sha384" }> = {
  0x0401: { pss: false, hash: "sha256" },
  0x0501: { pss: false, hash: "sha384" },
  0x0804: { pss: true, hash: "sha256" },
  0x0805: { pss: true, hash: "sha384" },
};

export const supportedSchemes = (): number[] => Object.keys(details).map(Number);

/**
 * Signs with the platform's native RSA when it is there and the result does not depend on hidden
 * randomness (PKCS#1 v1.5 always; PSS only with a non-deterministic RNG); otherwise with our BigInt
 * RSA, drawing the PSS salt from `rng`. Both produce standard signatures a peer verifies alike.
 */
export async function sign(scheme: number, key: RsaPrivateKey, message: Uint8Array, rng: Rng): Promise<Uint8Array> {
  const d = details[scheme];
  if (!d) throw new RangeError(`unsupported signature scheme ${scheme}`);
  const hash = d.hash === "sha256" ? "SHA-256" : "SHA-384";
  if (!d.pss || !rng.deterministic) {
    const webKey = await key.webKey(d.pss ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash);
    if (webKey) {
      const params = d.pss ? { name: "RSA-PSS", saltLength: d.hash === "sha256" ? 32 : 48 } : { name: "RSASSA-PKCS1-v1_5" };
      return new Uint8Array(await globalThis.crypto.subtle.sign(params, webKey, message as BufferSource));
    }
  }
  if (d.pss) return pssSign(key, d.hash, message, rng.bytes(d.hash === "sha256" ? 32 : 48, "pss_salt"));
  return pkcs1Sign(key, d.hash, message);
}

export function verify(scheme: number, key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): boolean {
  const d = details[scheme];
  if (!d) return false;
  return d.pss ? pssVerify(key, d.hash, message, signature) !== null : pkcs1Verify(key, d.hash, message, signature);
}
