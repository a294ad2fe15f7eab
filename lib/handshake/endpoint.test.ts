// Engine behaviour between our own client and server: version negotiation and downgrade protection,
// the RSA countermeasure end to end, extensions we must not echo, closing, and API misuse.
import { beforeAll, describe, expect, it } from "vitest";
import { concat, hex, utf8 } from "./bytes";
import { createClient, createServer, type Endpoint, type EndpointOptions } from "./index";
import { encodeClientHello, ExtensionType, HandshakeType, parseClientHello, parseServerHello } from "./messages";
import type { DemoPki } from "./pki";
import { demoPki } from "./testing/demo-pki";

let pki: DemoPki;
beforeAll(async () => {
  pki = await demoPki();
}, 60_000);

const client = (o: EndpointOptions = {}) => createClient({ serverName: pki.serverName, trustAnchors: [pki.caCertificate], ...o });
const server = (o: EndpointOptions = {}) => createServer({ certificateChain: [pki.leaves.valid], privateKey: pki.leafKey, ...o });

async function run(c: Endpoint, s: Endpoint): Promise<void> {
  let toServer = await c.start();
  for (let i = 0; i < 8 && toServer.length; i++) {
    const toClient = await s.receive(toServer);
    toServer = toClient.length ? await c.receive(toClient) : new Uint8Array(0);
  }
}

const serverHelloOf = (s: Endpoint) => {
  const e = s.events.find((x) => x.type === "handshakeMessage" && x.name === "ServerHello");
  return parseServerHello((e as { bytes: Uint8Array }).bytes.subarray(4));
};

describe("version negotiation", { timeout: 30_000 }, () => {
  it("a client offering 1.3 and 1.2 gets 1.3 from a server doing both", async () => {
    const [c, s] = [client(), server()];
    await run(c, s);
    expect(c.status.version).toBe("TLS1.3");
    expect(s.status.version).toBe("TLS1.3");
  });

  it("the same client gets 1.2 from a 1.2-only server (no sentinel: that server cannot do 1.3)", async () => {
    const [c, s] = [client(), server({ versions: ["TLS1.2"] })];
    await run(c, s);
    expect(c.status).toMatchObject({ handshakeComplete: true, version: "TLS1.2" });
    expect(hex(serverHelloOf(s).random.subarray(24))).not.toBe("444f574e47524401");
  });

  it("a 1.3-capable server answering a 1.2-only client marks its random with DOWNGRD\\x01 (RFC 8446 4.1.3)", async () => {
    const [c, s] = [client({ versions: ["TLS1.2"] }), server()];
    await run(c, s);
    expect(c.status).toMatchObject({ handshakeComplete: true, version: "TLS1.2" });
    expect(hex(serverHelloOf(s).random.subarray(24))).toBe("444f574e47524401");
  });

  it("a 1.3-capable client that receives a 1.2 ServerHello with the sentinel aborts with illegal_parameter", async () => {
    // This server supports 1.3 but shares no 1.3 suite with the client, so it negotiates 1.2 and marks it.
    const [c, s] = [client(), server({ cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] })];
    await run(c, s);
    expect(c.status.alertSent).toMatchObject({ description: "illegal_parameter" });
    expect(c.status.alertSent?.reason).toContain("downgrade");
  });

  it("a 1.3-only server refuses a 1.2-only client with protocol_version", async () => {
    const [c, s] = [client({ versions: ["TLS1.2"] }), server({ versions: ["TLS1.3"] })];
    await run(c, s);
    expect(s.status.alertSent).toMatchObject({ description: "protocol_version", code: 70, encrypted: false });
    expect(c.status.alertReceived).toMatchObject({ description: "protocol_version" });
  });
});

describe("RFC 5246 behaviour", { timeout: 30_000 }, () => {
  it("extended_master_secret and encrypt_then_mac offered by a client are not echoed", async () => {
    const c = client({
      versions: ["TLS1.2"],
      cipherSuites: ["TLS_RSA_WITH_AES_128_CBC_SHA256"],
      faults: {
        rewriteHandshake: (type, body) => {
          if (type !== HandshakeType.client_hello) return body;
          const ch = parseClientHello(body);
          ch.extensions.push({ type: ExtensionType.extended_master_secret, data: new Uint8Array(0) }, { type: ExtensionType.encrypt_then_mac, data: new Uint8Array(0) });
          return encodeClientHello(ch);
        },
      },
    });
    const s = server();
    await run(c, s);
    expect(c.status.handshakeComplete).toBe(true);
    const types = serverHelloOf(s).extensions.map((e) => e.type);
    expect(types).not.toContain(ExtensionType.extended_master_secret);
    expect(types).not.toContain(ExtensionType.encrypt_then_mac);
    expect(types).toContain(ExtensionType.renegotiation_info);
  });

  it("a garbage RSA premaster is not reported at ClientKeyExchange; the handshake fails at the Finished record instead", async () => {
    const c = client({
      versions: ["TLS1.2"],
      cipherSuites: ["TLS_RSA_WITH_AES_128_GCM_SHA256"],
      faults: { rewriteHandshake: (type, body) => (type === HandshakeType.client_key_exchange ? concat(body.subarray(0, 2), new Uint8Array(256).fill(0x33)) : body) },
    });
    const s = server();
    let toServer = await c.start();
    const flight = await s.receive(toServer);
    toServer = await c.receive(flight);
    // Deliver ClientKeyExchange alone: no alert, the server waits for ChangeCipherSpec like on success.
    const cke = toServer.subarray(0, 5 + ((toServer[3] << 8) | toServer[4]));
    expect((await s.receive(cke)).length).toBe(0);
    expect(s.state).toBe("WAIT_CHANGE_CIPHER_SPEC");
    const block = s.log.find((e) => e.kind === "derived" && e.value.name === "PKCS#1 v1.5 block");
    expect(block && block.kind === "derived" && block.value.formula).toContain("INVALID");
    await s.receive(toServer.subarray(cke.length));
    // The random premaster gives different keys: the Finished record fails its authentication.
    expect(s.status.alertSent).toMatchObject({ description: "bad_record_mac", code: 20 });
  });

  it("the RSA key-log line carries the first 8 bytes of the encrypted premaster and the premaster", async () => {
    const [c, s] = [client({ cipherSuites: ["TLS_RSA_WITH_AES_128_CBC_SHA256"] }), server()];
    await run(c, s);
    const line = c.keyLog().find((l) => l.startsWith("RSA "))!;
    const cke = c.events.find((e) => e.type === "handshakeMessage" && e.name === "ClientKeyExchange") as { bytes: Uint8Array };
    expect(line.split(" ")[1]).toBe(hex(cke.bytes.subarray(6, 14)));
    expect(s.keyLog()).toContain(line);
  });
});

describe("record faults", { timeout: 30_000 }, () => {
  it("TLS 1.3: a server whose first protected handshake record is damaged gets bad_record_mac, encrypted under the client's handshake keys", async () => {
    const [c, s] = [client({ versions: ["TLS1.3"] }), server({ faults: { tamperRecord: "handshake" } })];
    await run(c, s);
    expect(c.status.alertSent).toMatchObject({ description: "bad_record_mac", code: 20, encrypted: true });
    expect(c.state).toBe("WAIT_ENCRYPTED_EXTENSIONS");
    expect(s.status.alertReceived).toMatchObject({ description: "bad_record_mac" });
  });

  it("TLS 1.2 CBC: a damaged Finished record and a badly padded one draw the identical alert record", async () => {
    const alertBytes = async (faults: EndpointOptions["faults"]) => {
      const c = client({ cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"], faults });
      const s = server();
      let toServer = await c.start();
      let last: Uint8Array = new Uint8Array(0);
      for (let i = 0; i < 4 && toServer.length; i++) {
        last = await s.receive(toServer);
        toServer = last.length ? await c.receive(last) : new Uint8Array(0);
      }
      return { bytes: hex(last), alert: s.status.alertSent };
    };
    const mac = await alertBytes({ tamperRecord: "handshake" });
    const padding = await alertBytes({ badPadding: true });
    expect(mac.alert).toMatchObject({ description: "bad_record_mac" });
    expect(padding.bytes).toBe(mac.bytes);
  });
});

describe("closing and misuse", { timeout: 30_000 }, () => {
  it("close_notify is answered with close_notify; both sides end closed, data arrives before it", async () => {
    const [c, s] = [client(), server()];
    await run(c, s);
    await s.receive(concat(await c.send(utf8("last words")), await c.close()));
    expect(new TextDecoder().decode(s.takeApplicationData())).toBe("last words");
    expect(s.phase).toBe("closed");
    expect(s.status.alertSent?.description).toBe("close_notify");
  });

  it("send() before the handshake rejects without harming the connection", async () => {
    const c = client();
    await expect(c.send(utf8("too early"))).rejects.toThrow(/phase/);
    expect(c.status.alertSent).toBeUndefined();
    const s = server();
    await run(c, s);
    expect(c.handshakeComplete).toBe(true);
  });

  it("application data before the handshake is unexpected_message", async () => {
    const s = server();
    await s.receive(new Uint8Array([23, 3, 3, 0, 2, 1, 2]));
    expect(s.status.alertSent).toMatchObject({ description: "unexpected_message", code: 10, encrypted: false });
  });

  it("an unprotected record longer than 2^14 bytes is record_overflow (RFC 5246 6.2.1)", async () => {
    const s = server();
    const n = (1 << 14) + 1;
    await s.receive(concat(new Uint8Array([22, 3, 1, n >> 8, n & 0xff]), new Uint8Array(n)));
    expect(s.status.alertSent).toMatchObject({ description: "record_overflow", code: 22 });
  });

  it("after a fatal alert, further input is ignored and nothing more is sent", async () => {
    const s = server();
    await s.receive(new Uint8Array([23, 3, 3, 0, 2, 1, 2]));
    expect((await s.receive(await client().start())).length).toBe(0);
    expect(s.phase).toBe("failed");
  });
});
