// Our client against Node's TLS server (OpenSSL) on 127.0.0.1: every suite, application data both
// ways, key-log agreement, session-ID resumption, and the alerts OpenSSL sees from our certificate checks.
import net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUtf8, utf8 } from "./bytes";
import { CIPHER_SUITES, type CipherSuiteName } from "./cipher-suites";
import { createClient, SessionCache, type Endpoint, type EndpointOptions } from "./index";
import type { CertificateKind, DemoPki } from "./pki";
import { demoPki } from "./testing/demo-pki";
import { bridge, closeServer, listen, OPENSSL_NAMES, pemFiles, until, withTimeout } from "./testing/node-peer";

let pki: DemoPki;
beforeAll(async () => {
  pki = await demoPki();
}, 60_000);

interface NodeServer {
  port: number;
  keylog: string[];
  errors: Error[];
  reused: boolean[];
  server: tls.Server;
}

const servers: tls.Server[] = [];
const sockets: net.Socket[] = [];
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map(closeServer));
});

/** A Node TLS server that echoes "node:" + data; keeps its key log, errors and reuse flags. */
async function nodeServer(suite: CipherSuiteName, kind: CertificateKind = "valid", extra: tls.TlsOptions = {}): Promise<NodeServer> {
  const files = pemFiles(pki, kind);
  const tls13 = suite.startsWith("TLS_AES");
  const sessions = new Map<string, Buffer>();
  const server = tls.createServer(
    {
      key: files.key,
      cert: files.cert,
      ciphers: OPENSSL_NAMES[suite],
      minVersion: tls13 ? "TLSv1.3" : "TLSv1.2",
      maxVersion: tls13 ? "TLSv1.3" : "TLSv1.2",
      ecdhCurve: "X25519",
      ...extra,
    },
    (socket) => {
      sockets.push(socket);
      out.reused.push(socket.isSessionReused());
      socket.on("data", (d) => socket.write(Buffer.concat([Buffer.from("node:"), d])));
      socket.on("error", () => undefined);
    },
  );
  // Session-ID resumption needs these two handlers on a Node server (Node docs, "Session resumption").
  server.on("newSession", (id: Buffer, data: Buffer, cb: () => void) => {
    sessions.set(id.toString("hex"), data);
    cb();
  });
  server.on("resumeSession", (id: Buffer, cb: (err: Error | null, data: Buffer | null) => void) => cb(null, sessions.get(id.toString("hex")) ?? null));
  const out: NodeServer = { port: 0, keylog: [], errors: [], reused: [], server };
  server.on("keylog", (line: Buffer) => out.keylog.push(line.toString().trim()));
  server.on("tlsClientError", (err: Error) => out.errors.push(err));
  servers.push(server);
  out.port = await listen(server);
  return out;
}

async function connect(port: number, options: EndpointOptions): Promise<{ client: Endpoint; socket: net.Socket }> {
  const client = createClient({ serverName: pki.serverName, trustAnchors: [pki.caCertificate], ...options });
  const socket = net.connect(port, "127.0.0.1");
  sockets.push(socket);
  const { flush } = bridge(client, socket);
  await new Promise<void>((r) => socket.once("connect", () => r()));
  flush(await client.start());
  return { client, socket };
}

// Every suite the engine offers is tested against OpenSSL.
const SUITES: CipherSuiteName[] = CIPHER_SUITES.map((suite) => suite.name);

describe("our client against Node's TLS server", { timeout: 30_000 }, () => {
  for (const suite of SUITES) {
    it(`${suite}: handshake, data both ways, same key-log secrets`, async () => {
      const node = await nodeServer(suite);
      const { client, socket } = await connect(node.port, { cipherSuites: [suite] });
      await until(client, (c) => c.handshakeComplete || c.phase === "failed");
      expect(client.status).toMatchObject({ handshakeComplete: true, cipherSuite: suite, version: suite.startsWith("TLS_AES") ? "TLS1.3" : "TLS1.2" });
      socket.write(await client.send(utf8("hello from the engine")));
      let received = "";
      await until(client, (c) => {
        received += fromUtf8(c.takeApplicationData());
        return received === "node:hello from the engine";
      });
      // Node logs the secrets it derived; each of its lines must be one of ours, byte for byte.
      expect(node.keylog.length).toBeGreaterThan(0);
      for (const line of node.keylog) expect(client.keyLog()).toContain(line);
      if (suite.startsWith("TLS_AES")) {
        expect(node.keylog.map((l) => l.split(" ")[0]).sort()).toEqual(["CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"]);
      } else {
        expect(node.keylog.some((l) => l.startsWith("CLIENT_RANDOM "))).toBe(true);
      }
      socket.write(await client.close());
      socket.end();
    });
  }

  for (const suite of ["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"] as const) {
    it(`${suite}: the second connection resumes by session ID (both sides agree)`, async () => {
      const node = await nodeServer(suite);
      const cache = new SessionCache();
      const first = await connect(node.port, { cipherSuites: [suite], sessionCache: cache });
      await until(first.client, (c) => c.handshakeComplete);
      first.socket.end();
      expect(cache.size).toBe(1);
      const second = await connect(node.port, { cipherSuites: [suite], sessionCache: cache });
      await until(second.client, (c) => c.handshakeComplete || c.phase === "failed");
      expect(second.client.status.resumed).toBe(true);
      await withTimeout(
        (async () => {
          while (node.reused.length < 2) await new Promise((r) => setTimeout(r, 10));
        })(),
        4000,
        "server reuse flag",
      );
      expect(node.reused).toEqual([false, true]);
      // Abbreviated handshake: no Certificate from the server the second time.
      expect(second.client.events.some((e) => e.type === "handshakeMessage" && e.direction === "received" && e.name === "Certificate")).toBe(false);
      second.socket.write(await second.client.send(utf8("again")));
      let got = "";
      await until(second.client, (c) => (got += fromUtf8(c.takeApplicationData())) === "node:again");
      second.socket.end();
    });
  }
});

describe("our client's certificate checks, as OpenSSL sees them", { timeout: 30_000 }, () => {
  const cases: [CertificateKind, string, number, string][] = [
    ["expired", "certificate_expired", 45, "ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED"],
    ["not-yet-valid", "certificate_expired", 45, "ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED"],
    ["wrong-hostname", "bad_certificate", 42, "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"],
    ["self-signed", "unknown_ca", 48, "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"],
    ["unknown-ca", "unknown_ca", 48, "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"],
    ["bad-signature", "bad_certificate", 42, "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"],
  ];
  for (const [kind, alert, code, nodeCode] of cases) {
    for (const suite of ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"] as const) {
      it(`${kind} (${suite.startsWith("TLS_AES") ? "TLS 1.3" : "TLS 1.2"}): we send ${alert}(${code}) and OpenSSL reports ${nodeCode}`, async () => {
        const node = await nodeServer(suite, kind);
        const { client } = await connect(node.port, { cipherSuites: [suite] });
        await until(client, (c) => c.phase === "failed");
        expect(client.status.alertSent).toMatchObject({ description: alert, code, level: "fatal" });
        // TLS 1.2: before our ChangeCipherSpec, so in the clear; TLS 1.3: under the handshake keys.
        expect(client.status.alertSent?.encrypted).toBe(suite.startsWith("TLS_AES"));
        await withTimeout(
          (async () => {
            while (node.errors.length === 0) await new Promise((r) => setTimeout(r, 10));
          })(),
          4000,
          "Node tlsClientError",
        );
        expect((node.errors[0] as NodeJS.ErrnoException).code).toBe(nodeCode);
      });
    }
  }
});

describe("faults we inject, as OpenSSL answers them", { timeout: 30_000 }, () => {
  it("a tampered application record: Node answers bad_record_mac(20)", async () => {
    const node = await nodeServer("TLS_RSA_WITH_AES_128_CBC_SHA256");
    const { client, socket } = await connect(node.port, { cipherSuites: ["TLS_RSA_WITH_AES_128_CBC_SHA256"], faults: { tamperRecord: "application_data" } });
    await until(client, (c) => c.handshakeComplete);
    socket.write(await client.send(utf8("tampered")));
    await until(client, (c) => c.status.alertReceived !== undefined);
    expect(client.status.alertReceived).toMatchObject({ description: "bad_record_mac", code: 20 });
  });

  it("a CBC record with bad padding but a correct MAC: Node also answers bad_record_mac(20)", async () => {
    const node = await nodeServer("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    const { client } = await connect(node.port, { cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"], faults: { badPadding: true } });
    await until(client, (c) => c.status.alertReceived !== undefined);
    expect(client.status.alertReceived).toMatchObject({ description: "bad_record_mac", code: 20 });
  });

  for (const suite of ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"] as const) {
    it(`${suite}: an altered client Finished: Node answers decrypt_error(51)`, async () => {
      const node = await nodeServer(suite);
      const { client } = await connect(node.port, { cipherSuites: [suite], faults: { alterFinished: true } });
      await until(client, (c) => c.status.alertReceived !== undefined);
      // TLS 1.2: OpenSSL has not sent its ChangeCipherSpec yet, so its alert is in the clear.
      expect(client.status.alertReceived).toMatchObject({ description: "decrypt_error", code: 51, encrypted: suite.startsWith("TLS_AES") });
    });
  }

  it("no cipher suite in common: Node answers handshake_failure(40) in the clear", async () => {
    const node = await nodeServer("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    const { client } = await connect(node.port, { cipherSuites: ["TLS_RSA_WITH_AES_128_CBC_SHA256"] });
    await until(client, (c) => c.status.alertReceived !== undefined);
    expect(client.status.alertReceived).toMatchObject({ description: "handshake_failure", code: 40, encrypted: false });
  });
});
