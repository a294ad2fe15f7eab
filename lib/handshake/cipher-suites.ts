// The cipher suites this engine implements. RFC 5246 appendix A.5 / C, RFC 5288, RFC 4492 / 8422,
// RFC 8446 appendix B.4.

export type KeyExchange = "RSA" | "ECDHE_RSA" | "TLS13";
export type BulkCipher = "AES_128_CBC" | "AES_128_GCM" | "AES_256_GCM";

export interface CipherSuite {
  id: number;
  name: string;
  version: "TLS1.2" | "TLS1.3";
  keyExchange: KeyExchange;
  cipher: BulkCipher;
  /** HMAC for CBC suites; null for AEAD. */
  mac: "sha1" | "sha256" | null;
  macKeyLength: number;
  keyLength: number;
  /** Implicit IV bytes from the key block (GCM salt in 1.2, the whole nonce base in 1.3). */
  fixedIvLength: number;
  /** Explicit per-record IV/nonce carried in each record (1.2 only). */
  recordIvLength: number;
  /** PRF hash in 1.2, HKDF/transcript hash in 1.3. */
  hash: "sha256" | "sha384";
}

export const CIPHER_SUITES: readonly CipherSuite[] = [
  { id: 0x003c, name: "TLS_RSA_WITH_AES_128_CBC_SHA256", version: "TLS1.2", keyExchange: "RSA", cipher: "AES_128_CBC", mac: "sha256", macKeyLength: 32, keyLength: 16, fixedIvLength: 0, recordIvLength: 16, hash: "sha256" },
  { id: 0x009c, name: "TLS_RSA_WITH_AES_128_GCM_SHA256", version: "TLS1.2", keyExchange: "RSA", cipher: "AES_128_GCM", mac: null, macKeyLength: 0, keyLength: 16, fixedIvLength: 4, recordIvLength: 8, hash: "sha256" },
  { id: 0xc02f, name: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", version: "TLS1.2", keyExchange: "ECDHE_RSA", cipher: "AES_128_GCM", mac: null, macKeyLength: 0, keyLength: 16, fixedIvLength: 4, recordIvLength: 8, hash: "sha256" },
  // A TLS 1.0-era suite: HMAC-SHA1 for records, but the TLS 1.2 PRF (SHA-256) for everything else.
  { id: 0xc013, name: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", version: "TLS1.2", keyExchange: "ECDHE_RSA", cipher: "AES_128_CBC", mac: "sha1", macKeyLength: 20, keyLength: 16, fixedIvLength: 0, recordIvLength: 16, hash: "sha256" },
  { id: 0x1301, name: "TLS_AES_128_GCM_SHA256", version: "TLS1.3", keyExchange: "TLS13", cipher: "AES_128_GCM", mac: null, macKeyLength: 0, keyLength: 16, fixedIvLength: 12, recordIvLength: 0, hash: "sha256" },
  { id: 0x1302, name: "TLS_AES_256_GCM_SHA384", version: "TLS1.3", keyExchange: "TLS13", cipher: "AES_256_GCM", mac: null, macKeyLength: 0, keyLength: 32, fixedIvLength: 12, recordIvLength: 0, hash: "sha384" },
];

export type CipherSuiteName = (typeof CIPHER_SUITES)[number]["name"];

export function suiteById(id: number): CipherSuite | undefined {
  return CIPHER_SUITES.find((s) => s.id === id);
}

export function suiteByName(name: string): CipherSuite {
  const s = CIPHER_SUITES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown cipher suite ${name}`);
  return s;
}

export function suiteName(id: number): string {
  return suiteById(id)?.name ?? `0x${id.toString(16).padStart(4, "0")}`;
}

/** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746 3.3): a suite value that only signals support. */
export const EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
