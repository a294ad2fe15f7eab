// Record protection: round trips, and every kind of damage ends in the same bad_record_mac.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { TlsAlert } from "./alerts";
import { concat, hex, u16, u64 } from "./bytes";
import { suiteByName } from "./cipher-suites";
import { ContentType, RecordReader } from "./record";
import { AeadCipher13, CbcCipher12, GcmCipher12, type RecordCipher } from "./record-protection";
import { deterministicRng } from "./rng";

const keys = { key: new Uint8Array(16).fill(7), iv: new Uint8Array(4).fill(9), macKey: new Uint8Array(32).fill(5) };
const parse = (bytes: Uint8Array) => {
  const r = new RecordReader();
  r.push(bytes);
  return r.next()!;
};
const alertOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof TlsAlert ? e.description : `untyped: ${e}`;
  }
  return "no error";
};
const pairs = (): [string, () => [RecordCipher, RecordCipher]][] => [
  ["CBC-SHA256", () => [new CbcCipher12(suiteByName("TLS_RSA_WITH_AES_128_CBC_SHA256"), keys, deterministicRng("a")), new CbcCipher12(suiteByName("TLS_RSA_WITH_AES_128_CBC_SHA256"), keys, deterministicRng("a"))]],
  ["GCM 1.2", () => [new GcmCipher12(keys), new GcmCipher12(keys)]],
  ["AEAD 1.3", () => [new AeadCipher13(suiteByName("TLS_AES_128_GCM_SHA256"), { ...keys, iv: new Uint8Array(12).fill(3) }), new AeadCipher13(suiteByName("TLS_AES_128_GCM_SHA256"), { ...keys, iv: new Uint8Array(12).fill(3) })]],
];

describe("record protection", () => {
  for (const [name, make] of pairs()) {
    it(`${name}: round trip of several records, sequence numbers in step`, () => {
      const [w, r] = make();
      for (const text of ["", "a", "x".repeat(31), "y".repeat(1000)]) {
        const sealed = w.seal(ContentType.application_data, new TextEncoder().encode(text));
        const opened = r.open(parse(sealed.record));
        expect(new TextDecoder().decode(opened.plaintext)).toBe(text);
        expect(opened.type).toBe(ContentType.application_data);
      }
    });

    it(`${name}: any flipped bit, a replayed record or a truncated one is bad_record_mac`, () => {
      const [w, r] = make();
      const rec = w.seal(ContentType.application_data, new Uint8Array(40).fill(1)).record;
      for (const at of [5, 12, rec.length - 1]) {
        const [, r2] = make();
        const bad = rec.slice();
        bad[at] ^= 0x01;
        expect(alertOf(() => r2.open(parse(bad)))).toBe("bad_record_mac");
      }
      r.open(parse(rec));
      expect(alertOf(() => r.open(parse(rec)))).toBe("bad_record_mac"); // replay: wrong sequence number
      const [, r3] = make();
      const short = concat(rec.subarray(0, 3), u16(rec.length - 5 - 16), rec.subarray(5, rec.length - 16));
      expect(alertOf(() => r3.open(parse(short)))).toBe("bad_record_mac");
    });
  }

  it("CBC: a record with a correct MAC but wrong padding is bad_record_mac, like a MAC error", () => {
    const suite = suiteByName("TLS_RSA_WITH_AES_128_CBC_SHA256");
    const w = new CbcCipher12(suite, keys, deterministicRng("p"));
    w.corruptNextPadding = true;
    const rec = w.seal(ContentType.application_data, new Uint8Array(10).fill(2)).record;
    expect(alertOf(() => new CbcCipher12(suite, keys, deterministicRng("p")).open(parse(rec)))).toBe("bad_record_mac");
    // Built by hand with OpenSSL: the right MAC, padding bytes that disagree with the length byte.
    const content = new Uint8Array(10).fill(2);
    const mac = crypto.createHmac("sha256", keys.macKey).update(concat(u64(0n), new Uint8Array([23, 3, 3]), u16(10), content)).digest();
    const padding = new Uint8Array(22).fill(21);
    padding[3] = 20;
    const iv = new Uint8Array(16).fill(4);
    const c = crypto.createCipheriv("aes-128-cbc", keys.key, iv).setAutoPadding(false);
    const body = concat(iv, c.update(concat(content, mac, padding)), c.final());
    const handmade = concat(new Uint8Array([23, 3, 3]), u16(body.length), body);
    expect(alertOf(() => new CbcCipher12(suite, keys, deterministicRng("p")).open(parse(handmade)))).toBe("bad_record_mac");
    // The same record with correct padding opens: the test above fails only because of the padding.
    padding[3] = 21;
    const c2 = crypto.createCipheriv("aes-128-cbc", keys.key, iv).setAutoPadding(false);
    const body2 = concat(iv, c2.update(concat(content, mac, padding)), c2.final());
    const good = new CbcCipher12(suite, keys, deterministicRng("p")).open(parse(concat(new Uint8Array([23, 3, 3]), u16(body2.length), body2)));
    expect(hex(good.plaintext)).toBe(hex(content));
  });

  it("TLS 1.2 GCM: nonce = salt || explicit sequence number, AAD = seq || type || version || length (checked with OpenSSL)", () => {
    const w = new GcmCipher12(keys);
    const rec = w.seal(ContentType.application_data, new Uint8Array([1, 2, 3])).record;
    const explicit = rec.subarray(5, 13);
    expect(hex(explicit)).toBe(hex(u64(0n)));
    const d = crypto.createDecipheriv("aes-128-gcm", keys.key, concat(keys.iv, explicit));
    d.setAAD(concat(u64(0n), new Uint8Array([23, 3, 3]), u16(3)));
    d.setAuthTag(rec.subarray(rec.length - 16));
    expect([...d.update(rec.subarray(13, rec.length - 16)), ...d.final()]).toEqual([1, 2, 3]);
  });

  it("TLS 1.3: the real content type is inside the encryption; a record of zeros only is unexpected_message", () => {
    const suite = suiteByName("TLS_AES_128_GCM_SHA256");
    const k = { ...keys, iv: new Uint8Array(12).fill(3) };
    const rec = new AeadCipher13(suite, k).seal(ContentType.handshake, new Uint8Array([20, 0, 0, 0])).record;
    expect(rec[0]).toBe(ContentType.application_data);
    expect(new AeadCipher13(suite, k).open(parse(rec)).type).toBe(ContentType.handshake);
    // Encrypt an all-zero TLSInnerPlaintext with OpenSSL to check the no-content-type rule.
    const inner = new Uint8Array(5);
    const header = concat(new Uint8Array([23, 3, 3]), u16(inner.length + 16));
    const c = crypto.createCipheriv("aes-128-gcm", k.key, k.iv);
    c.setAAD(header);
    const ct = concat(c.update(inner), c.final(), c.getAuthTag());
    expect(alertOf(() => new AeadCipher13(suite, k).open(parse(concat(header, ct))))).toBe("unexpected_message");
  });

  it("the record reader refuses oversize, non-TLS and unknown-type headers with their own alerts", () => {
    const alert = (b: number[]) => alertOf(() => parse(new Uint8Array(b)));
    expect(alert([23, 3, 3, 0x48, 0x01])).toBe("record_overflow");
    expect(alert([22, 2, 0, 0, 1, 0])).toBe("protocol_version");
    expect(alert([99, 3, 3, 0, 1, 0])).toBe("unexpected_message");
  });
});
