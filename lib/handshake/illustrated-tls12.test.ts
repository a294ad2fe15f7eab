// Known-answer tests against "The Illustrated TLS 1.2 Connection" (fixtures/illustrated-tls12, MIT):
// TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA over x25519 with fixed randoms and keys. Both our server and our
// client are driven with the published inputs and must put the published bytes on the wire.
import { readFileSync } from "node:fs";
import { x25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import { concat, fromUtf8, hex, utf8 } from "./bytes";
import { suiteByName } from "./cipher-suites";
import { fromPem } from "./der";
import { createClient, createServer, scriptedRng } from "./index";
import { keyBlock, masterSecret, verifyData12 } from "./key-schedule12";
import { HandshakeType, parseServerKeyExchange } from "./messages";
import { digest } from "./hash";
import { RsaPrivateKey } from "./rsa";

const dir = new URL("./fixtures/illustrated-tls12/", import.meta.url);
const cap = (name: string) => new Uint8Array(readFileSync(new URL(`caps/${name}`, dir)));
const range = (from: number, n: number) => Uint8Array.from({ length: n }, (_, i) => from + i);

const clientRandom = range(0x00, 32);
const serverRandom = range(0x70, 32);
const clientPrivate = range(0x20, 32);
const serverPrivate = range(0x90, 32);
const serverKey = RsaPrivateKey.fromPem(readFileSync(new URL("server.key", dir), "utf8"));
const serverCert = fromPem(readFileSync(new URL("server.crt", dir), "utf8")).der;
const caCert = fromPem(readFileSync(new URL("ca.crt", dir), "utf8")).der;
const keylog = readFileSync(new URL("keylog.txt", dir), "utf8").trim();
const suite = suiteByName("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
/** The explicit IV of a captured CBC record: the 16 bytes after its 5-byte header. */
const ivOf = (record: Uint8Array) => record.slice(5, 21);
/** Handshake message bytes of a plaintext handshake record. */
const msgOf = (record: Uint8Array) => record.subarray(5);

describe("Illustrated TLS 1.2: key derivation", () => {
  const serverPublic = parseServerKeyExchange(msgOf(cap("serverkeyexchange")).subarray(4)).publicKey;
  const premaster = x25519.getSharedSecret(clientPrivate, serverPublic);
  const master = masterSecret(suite, premaster, clientRandom, serverRandom);

  it("premaster (x25519 shared secret) and master secret match the published values", () => {
    expect(hex(premaster)).toBe("df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624");
    expect(hex(master)).toBe("916abf9da55973e13614ae0a3f5d3f37b023ba129aee02cc9134338127cd7049781c8e19fc1eb2a7387ac06ae237344c");
    expect(`CLIENT_RANDOM ${hex(clientRandom)} ${hex(master)}`).toBe(keylog);
  });

  it("key block: MAC key and both write keys", () => {
    const kb = keyBlock(suite, master, clientRandom, serverRandom);
    expect(hex(kb.client.macKey)).toBe("1b7d117c7d5f690bc263cae8ef60af0f1878acc2");
    expect(hex(kb.client.key)).toBe("f656d037b173ef3e11169f27231a84b6");
    expect(hex(kb.server.key)).toBe("752a18e7a9fcb7cbcdd8f98dd8f769eb");
    expect(kb.block.length).toBe(2 * (20 + 16));
  });

  it("client verify_data over the captured handshake messages", () => {
    const msgs = ["clienthello", "serverhello", "servercert", "serverkeyexchange", "serverhellodone", "clientkeyexchange"].map((n) => msgOf(cap(n)));
    const v = verifyData12(suite, master, "client finished", digest("sha256", concat(...msgs)));
    expect(hex(v)).toBe("cf919626f1360c536aaad73a");
  });
});

describe("Illustrated TLS 1.2: our server engine", () => {
  it("sends the published server records byte for byte and accepts the published client records", async () => {
    const server = createServer({
      versions: ["TLS1.2"],
      cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"],
      certificateChain: [serverCert],
      privateKey: serverKey,
      rng: scriptedRng({ server_random: [serverRandom], x25519_private: [serverPrivate], record_iv: [ivOf(cap("serverfinished")), ivOf(cap("serverdata"))] }),
    });
    const flight1 = await server.receive(cap("clienthello"));
    // ServerHello, Certificate, ServerKeyExchange (its RSA PKCS#1 v1.5 signature is deterministic), ServerHelloDone.
    expect(hex(flight1)).toBe(hex(concat(cap("serverhello"), cap("servercert"), cap("serverkeyexchange"), cap("serverhellodone"))));
    const flight2 = await server.receive(concat(cap("clientkeyexchange"), cap("clientccs"), cap("clientfinished")));
    expect(server.status.handshakeComplete).toBe(true);
    expect(hex(flight2)).toBe(hex(concat(cap("serverccs"), cap("serverfinished"))));
    await server.receive(cap("clientdata"));
    expect(fromUtf8(server.takeApplicationData())).toBe("ping");
    expect(hex(await server.send(utf8("pong")))).toBe(hex(cap("serverdata")));
    expect(server.keyLog()).toContain(keylog);
    await server.receive(cap("clientalert"));
    expect(server.status.alertReceived).toMatchObject({ description: "close_notify", level: "warning", encrypted: true });
    expect(server.phase).toBe("closed");
  });
});

describe("Illustrated TLS 1.2: our client engine", () => {
  it("validates the chain, then sends the published key exchange, Finished, data and close_notify records", async () => {
    const client = createClient({
      versions: ["TLS1.2"],
      cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"],
      serverName: "example.ulfheim.net",
      trustAnchors: [caCert],
      now: () => new Date("2018-10-10T00:00:00Z"),
      rng: scriptedRng({
        client_random: [clientRandom],
        x25519_private: [clientPrivate],
        record_iv: [ivOf(cap("clientfinished")), ivOf(cap("clientdata")), ivOf(cap("clientalert"))],
      }),
      // Same randoms and key share; the captured ClientHello lists more suites and extensions than ours.
      faults: { rewriteHandshake: (type, body) => (type === HandshakeType.client_hello ? msgOf(cap("clienthello")).subarray(4) : body) },
    });
    expect(hex(await client.start())).toBe(hex(cap("clienthello")));
    const reply = await client.receive(concat(cap("serverhello"), cap("servercert"), cap("serverkeyexchange"), cap("serverhellodone")));
    expect(client.status.certificate?.ok).toBe(true);
    expect(hex(reply)).toBe(hex(concat(cap("clientkeyexchange"), cap("clientccs"), cap("clientfinished"))));
    await client.receive(concat(cap("serverccs"), cap("serverfinished")));
    expect(client.status).toMatchObject({ handshakeComplete: true, version: "TLS1.2", cipherSuite: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA" });
    expect(hex(await client.send(utf8("ping")))).toBe(hex(cap("clientdata")));
    await client.receive(cap("serverdata"));
    expect(fromUtf8(client.takeApplicationData())).toBe("pong");
    expect(hex(await client.close())).toBe(hex(cap("clientalert")));
    expect(client.keyLog()).toContain(keylog);
  });

  it("the same server records fail validation once the certificate has expired (certificate_expired, plaintext)", async () => {
    const client = createClient({
      versions: ["TLS1.2"],
      serverName: "example.ulfheim.net",
      trustAnchors: [caCert],
      now: () => new Date("2020-01-01T00:00:00Z"),
      rng: scriptedRng({ client_random: [clientRandom] }),
      faults: { rewriteHandshake: (type, body) => (type === HandshakeType.client_hello ? msgOf(cap("clienthello")).subarray(4) : body) },
    });
    await client.start();
    const reply = await client.receive(concat(cap("serverhello"), cap("servercert")));
    expect(client.status.alertSent).toMatchObject({ description: "certificate_expired", code: 45, encrypted: false });
    expect(hex(reply)).toBe("1503030002022d");
  });
});
