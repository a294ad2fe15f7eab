import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fromHex, hex } from "./bytes";
import { hkdfExpandLabel, hkdfExtract, prf12 } from "./index";

const vector = JSON.parse(readFileSync(new URL("./fixtures/tls12-prf-sha256.json", import.meta.url), "utf8"));

describe("prf12 (RFC 5246 section 5)", () => {
  it("reproduces the IETF P_SHA256 test vector (100 bytes, more than three HMAC blocks)", () => {
    const out = prf12("sha256", fromHex(vector.secret), vector.label, fromHex(vector.seed), 100);
    expect(hex(out)).toBe(vector.output);
  });

  it("is a prefix-stable stream: a shorter output is the start of a longer one", () => {
    const long = prf12("sha256", fromHex(vector.secret), vector.label, fromHex(vector.seed), 100);
    const short = prf12("sha256", fromHex(vector.secret), vector.label, fromHex(vector.seed), 33);
    expect(hex(short)).toBe(hex(long.subarray(0, 33)));
  });
});

describe("HKDF (RFC 5869) with TLS 1.3 labels", () => {
  it("matches RFC 5869 test case 1 for Extract, and the label encoding of RFC 8446 7.1", () => {
    // RFC 5869 A.1: IKM = 0x0b * 22, salt = 000102..0c.
    const prk = hkdfExtract("sha256", fromHex("000102030405060708090a0b0c"), new Uint8Array(22).fill(0x0b));
    expect(hex(prk)).toBe("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
    // Expand-Label output length must follow the requested length, not the hash length.
    expect(hkdfExpandLabel("sha384", new Uint8Array(48), "key", new Uint8Array(0), 32).length).toBe(32);
  });
});
