// Our RSA (BigInt, CRT) against Node's OpenSSL: PKCS#1 v1.5 encryption both ways, the RFC 5246
// 7.4.7.1 countermeasure, PKCS#1 v1.5 and PSS signatures both ways.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { concat, hex } from "./bytes";
import { RsaPrivateKey } from "./rsa";
import { decryptPremaster, pkcs1Encrypt, pkcs1Sign, pkcs1Verify } from "./rsa-pkcs1";
import { pssSign, pssVerify } from "./rsa-pss";
import { deterministicRng, secureRng } from "./rng";
import { sign, verify, SignatureScheme } from "./signatures";

let key: RsaPrivateKey;
let nodeKey: crypto.KeyObject;
beforeAll(() => {
  // One key for the whole file: RSA-2048 generation is the slow part.
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  nodeKey = pair.privateKey;
  key = RsaPrivateKey.fromJwk(pair.privateKey.export({ format: "jwk" }));
});

const premasterOf = (fill: number) => concat(new Uint8Array([3, 3]), new Uint8Array(46).fill(fill));

describe("RSA key formats", () => {
  it("PKCS#8 export imports into Node and round-trips through our parser", () => {
    const der = key.toPkcs8();
    const k = crypto.createPrivateKey({ key: Buffer.from(der), format: "der", type: "pkcs8" });
    expect(k.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(RsaPrivateKey.fromDer(der).d).toBe(key.d);
    expect(RsaPrivateKey.fromPem(key.toPem()).n).toBe(key.n);
  });
});

describe("PKCS#1 v1.5 encryption (the TLS 1.2 RSA key exchange)", () => {
  it("decrypts what OpenSSL encrypted with RSA_PKCS1_PADDING", () => {
    const premaster = premasterOf(0x42);
    const c = crypto.publicEncrypt({ key: nodeKey, padding: crypto.constants.RSA_PKCS1_PADDING }, premaster);
    const d = decryptPremaster(key, new Uint8Array(c), 0x0303, secureRng);
    expect(d.paddingValid).toBe(true);
    expect(hex(d.premaster)).toBe(hex(premaster));
  });

  it("our padded block is what OpenSSL's raw decryption recovers: 00 02, non-zero padding, 00, premaster", () => {
    const premaster = premasterOf(0x17);
    const { ciphertext, padded } = pkcs1Encrypt(key.publicKey, premaster, deterministicRng("pad"));
    const raw = crypto.privateDecrypt({ key: nodeKey, padding: crypto.constants.RSA_NO_PADDING }, ciphertext);
    expect(hex(raw)).toBe(hex(padded));
    expect([raw[0], raw[1]]).toEqual([0, 2]);
    const ps = raw.subarray(2, raw.length - 49);
    expect(ps.length).toBeGreaterThanOrEqual(8);
    expect(ps.includes(0)).toBe(false);
    expect(raw[raw.length - 49]).toBe(0);
  });

  it("bad padding yields a random premaster (RFC 5246 7.4.7.1), not an error, and not the same one twice", () => {
    // A block that starts 00 01 (signature padding) instead of 00 02.
    const block = new Uint8Array(256).fill(0xff);
    block[0] = 0;
    block[1] = 1;
    block.set(premasterOf(0x55), 256 - 48);
    block[256 - 49] = 0;
    const c = crypto.publicEncrypt({ key: nodeKey, padding: crypto.constants.RSA_NO_PADDING }, block);
    const a = decryptPremaster(key, new Uint8Array(c), 0x0303, secureRng);
    const b = decryptPremaster(key, new Uint8Array(c), 0x0303, secureRng);
    expect(a.paddingValid).toBe(false);
    expect(a.premaster.length).toBe(48);
    expect([a.premaster[0], a.premaster[1]]).toEqual([3, 3]);
    expect(hex(a.premaster.subarray(2))).not.toBe(hex(premasterOf(0x55).subarray(2)));
    expect(hex(a.premaster)).not.toBe(hex(b.premaster));
  });

  it("a wrong-length message or a ciphertext of the wrong size is handled the same way", () => {
    const short = crypto.publicEncrypt({ key: nodeKey, padding: crypto.constants.RSA_PKCS1_PADDING }, new Uint8Array(47).fill(1));
    expect(decryptPremaster(key, new Uint8Array(short), 0x0303, secureRng).paddingValid).toBe(false);
    const d = decryptPremaster(key, new Uint8Array(10), 0x0303, secureRng);
    expect(d.paddingValid).toBe(false);
    expect(d.premaster.length).toBe(48);
  });

  it("the version bytes come from ClientHello.client_version, whatever the block says", () => {
    const c = crypto.publicEncrypt({ key: nodeKey, padding: crypto.constants.RSA_PKCS1_PADDING }, concat(new Uint8Array([3, 1]), new Uint8Array(46).fill(9)));
    const d = decryptPremaster(key, new Uint8Array(c), 0x0303, secureRng);
    expect([d.premaster[0], d.premaster[1]]).toEqual([3, 3]);
  });
});

describe("signatures", () => {
  const data = new TextEncoder().encode("client_random + server_random + params");

  it("PKCS#1 v1.5 SHA-256: ours is byte-identical to OpenSSL's, and each verifies the other's", () => {
    const ours = pkcs1Sign(key, "sha256", data);
    const theirs = crypto.sign("sha256", data, nodeKey);
    expect(hex(ours)).toBe(hex(theirs));
    expect(pkcs1Verify(key.publicKey, "sha256", data, new Uint8Array(theirs))).toBe(true);
    expect(pkcs1Verify(key.publicKey, "sha256", concat(data, new Uint8Array([0])), ours)).toBe(false);
  });

  it("RSA-PSS SHA-256 (salt 32): OpenSSL verifies ours, we verify OpenSSL's, tampering fails", () => {
    const ours = pssSign(key, "sha256", data, crypto.randomBytes(32));
    expect(crypto.verify("sha256", data, { key: nodeKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, ours)).toBe(true);
    const theirs = new Uint8Array(crypto.sign("sha256", data, { key: nodeKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }));
    expect(pssVerify(key.publicKey, "sha256", data, theirs)).not.toBeNull();
    theirs[10] ^= 1;
    expect(pssVerify(key.publicKey, "sha256", data, theirs)).toBeNull();
  });

  it("deterministic RNG: PSS through sign() is reproducible; secure RNG: the platform path still verifies", async () => {
    const a = await sign(SignatureScheme.rsa_pss_rsae_sha256, key, data, deterministicRng("s"));
    const b = await sign(SignatureScheme.rsa_pss_rsae_sha256, key, data, deterministicRng("s"));
    expect(hex(a)).toBe(hex(b));
    const c = await sign(SignatureScheme.rsa_pss_rsae_sha384, key, data, secureRng);
    expect(verify(SignatureScheme.rsa_pss_rsae_sha384, key.publicKey, data, c)).toBe(true);
    expect(crypto.verify("sha384", data, { key: nodeKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 }, c)).toBe(true);
  });
});

describe("modPow", () => {
  it("agrees with square-and-multiply on random operands, including short and sparse exponents", async () => {
    const { modPow } = await import("./rsa");
    const naive = (b: bigint, e: bigint, m: bigint) => {
      let r = 1n;
      for (b %= m; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
      return r;
    };
    const rand = (bytes: number) => BigInt("0x" + crypto.randomBytes(bytes).toString("hex"));
    for (const e of [0n, 1n, 2n, 63n, 64n, 65537n, 1n << 200n, (1n << 300n) + 1n, rand(128), rand(64)]) {
      const m = rand(128) | 1n;
      const b = rand(130);
      expect(modPow(b, e, m)).toBe(naive(b, e, m));
    }
  });
});
