// Known-answer tests against "Example Handshake Traces for TLS 1.3" (fixtures/tls13-vectors-draft.txt),
// section 3, the simple 1-RTT handshake: every secret, key and IV, both Finished values, the encrypted
// server flight byte for byte, the CertificateVerify signature, and our client engine end to end.
import { x25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { concat, hex } from "./bytes";
import { suiteByName } from "./cipher-suites";
import { bytesToBigint } from "./der";
import { deriveSecret, hkdfExpandLabel, hkdfExtract } from "./hkdf";
import { createClient, scriptedRng } from "./index";
import { HandshakeType, parseCertificate13, parseCertificateVerify } from "./messages";
import { AeadCipher13 } from "./record-protection";
import { ContentType } from "./record";
import { RsaPrivateKey } from "./rsa";
import { pssSign, pssVerify } from "./rsa-pss";
import { digest } from "./hash";
import { parseTls13Vectors, parseVectorRsaKey, pick } from "./testing/tls13-vectors";
import { applicationSecrets, certificateVerifyContent, finishedVerifyData, handshakeSecrets, trafficKeys } from "./tls13-key-schedule";
import { parseCertificate } from "./x509";

const path = new URL("./fixtures/tls13-vectors-draft.txt", import.meta.url).pathname;
const V = parseTls13Vectors(path);
const get = (actor: "client" | "server", step: string, label: string, nth = 0) => pick(V, 3, actor, step, label, nth);

const clientHello = get("client", "construct a ClientHello handshake message", "ClientHello");
const serverHello = get("server", "construct a ServerHello handshake message", "ServerHello");
const ee = get("server", "construct a EncryptedExtensions handshake message", "EncryptedExtensions");
const certificate = get("server", "construct a Certificate handshake message", "Certificate");
const certVerify = get("server", "construct a CertificateVerify handshake message", "CertificateVerify");
const serverFinished = get("server", "construct a Finished handshake message", "Finished");
const clientFinished = get("client", "construct a Finished handshake message", "Finished");
const sha256 = (...m: Uint8Array[]) => digest("sha256", concat(...m));

describe("TLS 1.3 vectors: the text parser", () => {
  it("reads values across page breaks with the announced octet counts", () => {
    // The 679-octet record spans a page break in the text; its own header announces 0x02a2 = 674 bytes of body.
    const flight = get("server", "send handshake record", "complete record", 1);
    expect(flight.length).toBe(679);
    expect((flight[3] << 8) | flight[4]).toBe(674);
    const payload = get("server", "send handshake record", "payload", 1);
    expect(hex(payload)).toBe(hex(concat(ee, certificate, certVerify, serverFinished)));
  });
});

describe("TLS 1.3 vectors: key schedule (RFC 8446 7.1)", () => {
  const shared = x25519.getSharedSecret(get("client", "create an ephemeral x25519 key pair", "private key"), get("server", "create an ephemeral x25519 key pair", "public key"));
  const helloHash = sha256(clientHello, serverHello);
  const s = handshakeSecrets("sha256", shared, helloHash);

  it("the x25519 shared secret is the handshake-secret IKM", () => {
    expect(hex(shared)).toBe(hex(get("server", 'extract secret "handshake"', "IKM")));
    expect(hex(x25519.getPublicKey(get("client", "create an ephemeral x25519 key pair", "private key")))).toBe(hex(get("client", "create an ephemeral x25519 key pair", "public key")));
  });

  it("early, derived, handshake and master secrets", () => {
    expect(hex(s.earlySecret)).toBe(hex(get("server", 'extract secret "early"', "secret")));
    expect(hex(s.derivedEarly)).toBe(hex(get("server", 'derive secret for handshake "tls13 derived"', "expanded")));
    expect(hex(s.handshakeSecret)).toBe(hex(get("server", 'extract secret "handshake"', "secret")));
    expect(hex(s.derivedHandshake)).toBe(hex(get("server", 'derive secret for master "tls13 derived"', "expanded")));
    expect(hex(s.masterSecret)).toBe(hex(get("server", 'extract secret "master"', "secret")));
  });

  it("handshake traffic secrets, over Transcript-Hash(ClientHello, ServerHello)", () => {
    expect(hex(helloHash)).toBe(hex(get("server", 'derive secret "tls13 c hs traffic"', "hash")));
    expect(hex(s.clientHandshakeTrafficSecret)).toBe(hex(get("server", 'derive secret "tls13 c hs traffic"', "expanded")));
    expect(hex(s.serverHandshakeTrafficSecret)).toBe(hex(get("server", 'derive secret "tls13 s hs traffic"', "expanded")));
  });

  it("application traffic, exporter and resumption secrets", () => {
    const th = sha256(clientHello, serverHello, ee, certificate, certVerify, serverFinished);
    expect(hex(th)).toBe(hex(get("server", 'derive secret "tls13 c ap traffic"', "hash")));
    const app = applicationSecrets("sha256", s, th);
    expect(hex(app.clientApplicationTrafficSecret)).toBe(hex(get("server", 'derive secret "tls13 c ap traffic"', "expanded")));
    expect(hex(app.serverApplicationTrafficSecret)).toBe(hex(get("server", 'derive secret "tls13 s ap traffic"', "expanded")));
    expect(hex(app.exporterMasterSecret)).toBe(hex(get("server", 'derive secret "tls13 exp master"', "expanded")));
    const resMaster = deriveSecret("sha256", s.masterSecret, "res master", sha256(clientHello, serverHello, ee, certificate, certVerify, serverFinished, clientFinished));
    expect(hex(resMaster)).toBe(hex(get("client", 'derive secret "tls13 res master"', "expanded")));
    const nonce = get("server", 'generate resumption secret "tls13 resumption"', "hash");
    expect(hex(hkdfExpandLabel("sha256", resMaster, "resumption", nonce, 32))).toBe(hex(get("server", 'generate resumption secret "tls13 resumption"', "expanded")));
  });

  it("traffic keys and IVs for both directions and both epochs", () => {
    const check = (secret: Uint8Array, actor: "client" | "server", step: string) => {
      const k = trafficKeys("sha256", secret, 16);
      expect(hex(k.key)).toBe(hex(get(actor, step, "key expanded")));
      expect(hex(k.iv)).toBe(hex(get(actor, step, "iv expanded")));
    };
    const app = applicationSecrets("sha256", s, sha256(clientHello, serverHello, ee, certificate, certVerify, serverFinished));
    check(s.serverHandshakeTrafficSecret, "server", "derive write traffic keys for handshake data");
    check(s.clientHandshakeTrafficSecret, "server", "derive read traffic keys for handshake data");
    check(app.serverApplicationTrafficSecret, "server", "derive write traffic keys for application data");
    check(app.clientApplicationTrafficSecret, "client", "derive write traffic keys for application data");
  });

  it("both Finished values (RFC 8446 4.4.4)", () => {
    const sf = finishedVerifyData("sha256", s.serverHandshakeTrafficSecret, sha256(clientHello, serverHello, ee, certificate, certVerify));
    expect(hex(sf.finishedKey)).toBe(hex(get("server", 'calculate finished "tls13 finished"', "expanded")));
    expect(hex(sf.verifyData)).toBe(hex(get("server", 'calculate finished "tls13 finished"', "finished")));
    const cf = finishedVerifyData("sha256", s.clientHandshakeTrafficSecret, sha256(clientHello, serverHello, ee, certificate, certVerify, serverFinished));
    expect(hex(cf.verifyData)).toBe(hex(get("client", 'calculate finished "tls13 finished"', "finished")));
    expect(hex(clientFinished.subarray(4))).toBe(hex(cf.verifyData));
  });

  it("the 679-byte encrypted server flight, byte for byte", () => {
    const suite = suiteByName("TLS_AES_128_GCM_SHA256");
    const cipher = new AeadCipher13(suite, trafficKeys("sha256", s.serverHandshakeTrafficSecret, 16));
    const sealed = cipher.seal(ContentType.handshake, concat(ee, certificate, certVerify, serverFinished));
    expect(sealed.record.length).toBe(679);
    expect(hex(sealed.record)).toBe(hex(get("server", "send handshake record", "complete record", 1)));
  });

  it("hkdfExtract on the published PRK/salt pairs", () => {
    expect(hex(hkdfExtract("sha256", get("server", 'extract secret "master"', "salt"), get("server", 'extract secret "master"', "IKM")))).toBe(
      hex(get("server", 'extract secret "master"', "secret")),
    );
  });
});

describe("TLS 1.3 vectors: CertificateVerify (RSA-PSS, RFC 8446 4.4.3)", () => {
  const key = parseVectorRsaKey(path);
  const leaf = parseCertificate(parseCertificate13(certificate.subarray(4)).chain[0]);
  const cv = parseCertificateVerify(certVerify.subarray(4));
  const content = certificateVerifyContent("server", sha256(clientHello, serverHello, ee, certificate));

  it("the certificate carries the published RSA key", () => {
    expect(leaf.publicKey.n).toBe(bytesToBigint(key["modulus (public)"]));
    expect(bytesToBigint(key.prime1) * bytesToBigint(key.prime2)).toBe(leaf.publicKey.n);
  });

  it("verifies with the published key, and fails for another transcript", () => {
    expect(cv.scheme).toBe(0x0804);
    expect(pssVerify(leaf.publicKey, "sha256", content, cv.signature)).not.toBeNull();
    const other = certificateVerifyContent("client", sha256(clientHello, serverHello, ee, certificate));
    expect(pssVerify(leaf.publicKey, "sha256", other, cv.signature)).toBeNull();
  });

  it("our PSS signer, given the salt the vector used, reproduces the published signature", () => {
    const salt = pssVerify(leaf.publicKey, "sha256", content, cv.signature)!;
    const b = (k: string) => bytesToBigint(key[k]);
    const priv = new RsaPrivateKey(b("modulus (public)"), b("public exponent"), b("private exponent"), b("prime1"), b("prime2"), b("exponent1"), b("exponent2"), b("coefficient"));
    expect(hex(pssSign(priv, "sha256", content, salt))).toBe(hex(cv.signature));
  });
});

describe("TLS 1.3 vectors: our client engine replays the published connection", () => {
  it("answers the server flight with the published Finished record, then protects data and close_notify identically", async () => {
    const certDer = parseCertificate13(certificate.subarray(4)).chain[0];
    const client = createClient({
      versions: ["TLS1.3"],
      cipherSuites: ["TLS_AES_128_GCM_SHA256"],
      serverName: "server",
      checkHostname: false,
      trustAnchors: [certDer],
      now: () => new Date("2018-09-27T00:00:00Z"),
      rng: scriptedRng({ client_random: [clientHello.subarray(6, 38)], x25519_private: [get("client", "create an ephemeral x25519 key pair", "private key")] }),
      // Our ClientHello offers the same key share; the published one has a few more extensions.
      faults: { rewriteHandshake: (type, body) => (type === HandshakeType.client_hello ? clientHello.subarray(4) : body) },
    });
    expect(hex(await client.start())).toBe(hex(get("client", "send handshake record", "complete record")));
    const reply = await client.receive(concat(get("server", "send handshake record", "complete record", 0), get("server", "send handshake record", "complete record", 1)));
    expect(client.status.handshakeComplete).toBe(true);
    expect(hex(reply)).toBe(hex(get("client", "send handshake record", "complete record", 1)));
    // NewSessionTicket: read and dropped.
    expect((await client.receive(get("server", "send handshake record", "complete record", 2))).length).toBe(0);
    expect(hex(await client.send(get("client", "send application_data record", "payload")))).toBe(hex(get("client", "send application_data record", "complete record")));
    await client.receive(get("server", "send application_data record", "complete record"));
    expect(hex(client.takeApplicationData())).toBe(hex(get("server", "send application_data record", "payload")));
    expect(hex(await client.close())).toBe(hex(get("client", "send alert record", "complete record")));
    const lines = client.keyLog();
    expect(lines).toContain(`CLIENT_HANDSHAKE_TRAFFIC_SECRET ${hex(clientHello.subarray(6, 38))} ${hex(get("server", 'derive secret "tls13 c hs traffic"', "expanded"))}`);
    expect(lines).toContain(`SERVER_TRAFFIC_SECRET_0 ${hex(clientHello.subarray(6, 38))} ${hex(get("server", 'derive secret "tls13 s ap traffic"', "expanded"))}`);
  });

  it("rejects the same flight when one ciphertext byte changes (bad_record_mac, encrypted)", async () => {
    const client = createClient({
      versions: ["TLS1.3"],
      checkHostname: false,
      trustAnchors: [parseCertificate13(certificate.subarray(4)).chain[0]],
      now: () => new Date("2018-09-27T00:00:00Z"),
      rng: scriptedRng({ client_random: [clientHello.subarray(6, 38)], x25519_private: [get("client", "create an ephemeral x25519 key pair", "private key")] }),
      faults: { rewriteHandshake: (type, body) => (type === HandshakeType.client_hello ? clientHello.subarray(4) : body) },
    });
    await client.start();
    const flight = get("server", "send handshake record", "complete record", 1).slice();
    flight[100] ^= 0x80;
    await client.receive(concat(get("server", "send handshake record", "complete record", 0), flight));
    expect(client.status.alertSent).toMatchObject({ description: "bad_record_mac", code: 20, encrypted: true });
    expect(client.phase).toBe("failed");
  });
});
