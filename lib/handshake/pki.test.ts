// The demo PKI's certificates as OpenSSL reads them, and our chain validation's verdicts.
import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { pem } from "./der";
import { CERTIFICATE_KINDS, exportDemoPki, hostnameMatches, importDemoPki, validateChain, type DemoPki } from "./pki";
import { demoPki } from "./testing/demo-pki";
import { parseCertificate } from "./x509";

let pki: DemoPki;
beforeAll(async () => {
  pki = await demoPki();
}, 60_000);

const now = () => new Date();
const node = (der: Uint8Array) => new X509Certificate(pem("CERTIFICATE", der));

describe("demo PKI, read by OpenSSL", () => {
  it("the CA is a CA, the leaf is issued by it for the server name, with a valid signature", () => {
    const ca = node(pki.caCertificate);
    const leaf = node(pki.leaves.valid);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkHost(pki.serverName)).toBe(pki.serverName);
    expect(leaf.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(leaf.validFrom) < now() && now() < new Date(leaf.validTo)).toBe(true);
  });

  it("each faulty leaf has exactly its fault, as OpenSSL sees it", () => {
    const ca = node(pki.caCertificate);
    const t = now();
    expect(new Date(node(pki.leaves.expired).validTo) < t).toBe(true);
    expect(new Date(node(pki.leaves["not-yet-valid"]).validFrom) > t).toBe(true);
    expect(node(pki.leaves["wrong-hostname"]).checkHost(pki.serverName)).toBeUndefined();
    expect(node(pki.leaves["self-signed"]).verify(node(pki.leaves["self-signed"]).publicKey)).toBe(true);
    expect(node(pki.leaves["unknown-ca"]).verify(ca.publicKey)).toBe(false);
    expect(node(pki.leaves["bad-signature"]).verify(ca.publicKey)).toBe(false);
    expect(node(pki.leaves["bad-signature"]).subject).toBe(node(pki.leaves.valid).subject);
  });

  it("our parser reads what OpenSSL reads", () => {
    for (const kind of CERTIFICATE_KINDS) {
      const ours = parseCertificate(pki.leaves[kind]);
      const theirs = node(pki.leaves[kind]);
      expect(ours.serial.toString(16).toUpperCase().padStart(theirs.serialNumber.length, "0")).toBe(theirs.serialNumber);
      expect(ours.notAfter.getTime()).toBe(new Date(theirs.validTo).getTime());
      expect(theirs.subject).toContain(`CN=${ours.subjectCommonName}`);
    }
  });

  it("export/import keeps every certificate and key", () => {
    const again = importDemoPki(JSON.parse(JSON.stringify(exportDemoPki(pki))));
    expect(again.leaves["unknown-ca"]).toEqual(pki.leaves["unknown-ca"]);
    expect(again.leafKey.d).toBe(pki.leafKey.d);
  });
});

describe("validateChain", () => {
  const opts = () => ({ trustAnchors: [pki.caCertificate], now: now(), serverName: pki.serverName });
  const expected: Record<string, [string, string] | null> = {
    valid: null,
    expired: ["expired", "certificate_expired"],
    "not-yet-valid": ["not-yet-valid", "certificate_expired"],
    "wrong-hostname": ["wrong-hostname", "bad_certificate"],
    "self-signed": ["self-signed", "unknown_ca"],
    "unknown-ca": ["unknown-ca", "unknown_ca"],
    "bad-signature": ["bad-signature", "bad_certificate"],
  };
  for (const kind of CERTIFICATE_KINDS) {
    it(`${kind}: ${expected[kind] ? `${expected[kind]![0]} -> ${expected[kind]![1]}` : "accepted"}`, () => {
      const v = validateChain([pki.leaves[kind]], opts());
      if (!expected[kind]) expect(v.ok).toBe(true);
      else expect(v).toMatchObject({ ok: false, reason: expected[kind]![0], alert: expected[kind]![1] });
    });
  }

  it("the valid leaf fails without the CA as anchor, and outside its validity period", () => {
    expect(validateChain([pki.leaves.valid], { ...opts(), trustAnchors: [] })).toMatchObject({ ok: false, reason: "unknown-ca" });
    expect(validateChain([pki.leaves.valid], { ...opts(), now: new Date(Date.now() + 400 * 86_400_000) })).toMatchObject({ ok: false, reason: "expired" });
  });

  it("garbage is malformed, an empty chain is refused", () => {
    expect(validateChain([new Uint8Array([0x30, 0x03, 1, 2, 3])], opts())).toMatchObject({ ok: false, reason: "malformed", alert: "bad_certificate" });
    expect(validateChain([], opts())).toMatchObject({ ok: false, reason: "empty" });
  });

  it("hostname matching: exact, case-insensitive, one wildcard label only", () => {
    const c = { ...parseCertificate(pki.leaves.valid), dnsNames: ["*.example.com", "exact.test"] };
    expect(hostnameMatches(c, "EXACT.test")).toBe(true);
    expect(hostnameMatches(c, "a.example.com")).toBe(true);
    expect(hostnameMatches(c, "a.b.example.com")).toBe(false);
    expect(hostnameMatches(c, "example.com")).toBe(false);
  });
});
