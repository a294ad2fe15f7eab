// RSA keys and the raw RSA primitives RSAEP / RSADP (RFC 8017 sections 5.1), over BigInt.
// WebCrypto has no raw RSA and no RSAES-PKCS1-v1_5, and Node 20 refuses PKCS#1 v1.5 private
// decryption, so the TLS 1.2 RSA key exchange needs these. Private operations use the CRT.
// Note: BigInt arithmetic is not constant-time; fine for a teaching engine, not for production keys.
import { DecodeError } from "./bytes";
import { bigintToBytes, bytesToBigint, children, expectTag, integer, nullValue, oid, readInteger, readNode, readOid, seq, bitString, Tag, octetString, fromPem, pem } from "./der";

export const OID_RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

export class RsaPublicKey {
  readonly size: number;
  constructor(
    readonly n: bigint,
    readonly e: bigint,
  ) {
    this.size = Math.ceil(n.toString(16).length / 2);
  }

  get bits(): number {
    return this.n.toString(2).length;
  }

  /** RSAEP: c = m^e mod n. */
  encryptRaw(m: Uint8Array): Uint8Array {
    const x = bytesToBigint(m);
    if (x >= this.n) throw new RangeError("message representative out of range");
    return bigintToBytes(modPow(x, this.e, this.n), this.size);
  }

  /** RSAVP1, the same operation, named for signature verification. */
  verifyRaw(s: Uint8Array): Uint8Array | null {
    if (s.length !== this.size) return null;
    const x = bytesToBigint(s);
    if (x >= this.n) return null;
    return bigintToBytes(modPow(x, this.e, this.n), this.size);
  }

  /** SubjectPublicKeyInfo DER, as it appears in a certificate. */
  toSpki(): Uint8Array {
    return seq(seq(oid(OID_RSA_ENCRYPTION), nullValue()), bitString(seq(integer(this.n), integer(this.e))));
  }

  static fromSpki(der: Uint8Array): RsaPublicKey {
    const spki = children(expectTag(readNode(der), Tag.SEQUENCE, "SubjectPublicKeyInfo"));
    const alg = children(expectTag(spki[0], Tag.SEQUENCE, "AlgorithmIdentifier"));
    if (readOid(alg[0]) !== OID_RSA_ENCRYPTION) throw new DecodeError("not an RSA key");
    const bits = expectTag(spki[1], Tag.BIT_STRING, "BIT STRING");
    const inner = children(readNode(bits.value, 1));
    return new RsaPublicKey(readInteger(inner[0]), readInteger(inner[1]));
  }
}

export class RsaPrivateKey {
  readonly publicKey: RsaPublicKey;
  private webKeys = new Map<string, Promise<CryptoKey | null>>();

  constructor(
    readonly n: bigint,
    readonly e: bigint,
    readonly d: bigint,
    readonly p: bigint,
    readonly q: bigint,
    readonly dp: bigint = d % (p - 1n),
    readonly dq: bigint = d % (q - 1n),
    readonly qi: bigint = modInverse(q, p),
  ) {
    this.publicKey = new RsaPublicKey(n, e);
  }

  get size(): number {
    return this.publicKey.size;
  }

  /** RSADP with the CRT (RFC 8017 5.1.2 step 2b). */
  decryptRaw(c: Uint8Array): Uint8Array {
    const x = bytesToBigint(c);
    if (x >= this.n) throw new RangeError("ciphertext representative out of range");
    const m1 = modPow(x % this.p, this.dp, this.p);
    const m2 = modPow(x % this.q, this.dq, this.q);
    const h = (this.qi * (((m1 - m2) % this.p) + this.p)) % this.p;
    return bigintToBytes(m2 + h * this.q, this.size);
  }

  /** RSASP1 is the same operation as RSADP. */
  signRaw(m: Uint8Array): Uint8Array {
    return this.decryptRaw(m);
  }

  /** PKCS#1 RSAPrivateKey DER ("BEGIN RSA PRIVATE KEY"). */
  toPkcs1(): Uint8Array {
    return seq(integer(0n), ...[this.n, this.e, this.d, this.p, this.q, this.dp, this.dq, this.qi].map((v) => integer(v)));
  }

  /** PKCS#8 PrivateKeyInfo DER ("BEGIN PRIVATE KEY"), the form WebCrypto and Node import. */
  toPkcs8(): Uint8Array {
    return seq(integer(0n), seq(oid(OID_RSA_ENCRYPTION), nullValue()), octetString(this.toPkcs1()));
  }

  toPem(): string {
    return pem("PRIVATE KEY", this.toPkcs8());
  }

  static fromDer(der: Uint8Array): RsaPrivateKey {
    let items = children(expectTag(readNode(der), Tag.SEQUENCE, "private key"));
    if (items[1]?.tag === Tag.SEQUENCE) {
      // PKCS#8: version, AlgorithmIdentifier, OCTET STRING { RSAPrivateKey }
      if (readOid(children(items[1])[0]) !== OID_RSA_ENCRYPTION) throw new DecodeError("not an RSA key");
      items = children(expectTag(readNode(expectTag(items[2], Tag.OCTET_STRING, "privateKey").value), Tag.SEQUENCE, "RSAPrivateKey"));
    }
    const [, n, e, d, p, q, dp, dq, qi] = items.map((x) => readInteger(x));
    return new RsaPrivateKey(n, e, d, p, q, dp, dq, qi);
  }

  static fromPem(text: string): RsaPrivateKey {
    return RsaPrivateKey.fromDer(fromPem(text).der);
  }

  static fromJwk(jwk: JsonWebKey): RsaPrivateKey {
    const b = (s: string | undefined) => {
      if (!s) throw new DecodeError("incomplete JWK");
      return bytesToBigint(Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));
    };
    return new RsaPrivateKey(b(jwk.n), b(jwk.e), b(jwk.d), b(jwk.p), b(jwk.q), b(jwk.dp), b(jwk.dq), b(jwk.qi));
  }

  /**
   * The same key imported into WebCrypto, for the fast native signing path; null where the
   * platform lacks WebCrypto or refuses the algorithm (then the BigInt path is used).
   */
  webKey(algorithm: "RSASSA-PKCS1-v1_5" | "RSA-PSS", hash: "SHA-256" | "SHA-384"): Promise<CryptoKey | null> {
    const k = `${algorithm}/${hash}`;
    let p = this.webKeys.get(k);
    if (!p) {
      const subtle = globalThis.crypto?.subtle;
      p = subtle
        ? subtle.importKey("pkcs8", this.toPkcs8() as BufferSource, { name: algorithm, hash }, false, ["sign"]).catch(() => null)
        : Promise.resolve(null);
      this.webKeys.set(k, p);
    }
    return p;
  }
}

/**
 * Left-to-right sliding-window exponentiation (HAC 14.85) with a 6-bit window over odd powers:
 * for a 1024-bit CRT exponent, about 1024 squarings and 150 multiplications instead of 1024 + 512.
 * BigInt `%` is the fastest reduction V8 offers here (Montgomery and Barrett in BigInt measured slower).
 */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 1n) return 0n;
  base %= mod;
  if (exp < 64n) {
    let r = 1n;
    for (let e = exp, b = base; e > 0n; e >>= 1n, b = (b * b) % mod) if (e & 1n) r = (r * b) % mod;
    return r;
  }
  const W = 6;
  const square = (base * base) % mod;
  const odd: bigint[] = [base]; // odd[k] = base^(2k+1)
  for (let k = 1; k < 1 << (W - 1); k++) odd.push((odd[k - 1] * square) % mod);
  const bits = exp.toString(2);
  let r = 1n;
  for (let i = 0; i < bits.length; ) {
    if (bits[i] === "0") {
      r = (r * r) % mod;
      i++;
      continue;
    }
    let j = Math.min(i + W, bits.length);
    while (bits[j - 1] === "0") j--; // the window ends on a 1 bit, so its value is odd
    for (let k = i; k < j; k++) r = (r * r) % mod;
    r = (r * odd[(parseInt(bits.slice(i, j), 2) - 1) >> 1]) % mod;
    i = j;
  }
  return r;
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new RangeError("not invertible");
  return ((s0 % m) + m) % m;
}
