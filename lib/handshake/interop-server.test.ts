// Node's TLS client (OpenSSL) against our server on 127.0.0.1: every suite, data both ways, key-log
// agreement, session-ID resumption reported by Node, and Node's verdict on each faulty certificate.
import net from "node:net";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUtf8, utf8 } from "./bytes";
import { CIPHER_SUITES, type CipherSuiteName } from "./cipher-suites";
import { createServer, SessionCache, type Endpoint, type EndpointOptions } from "./index";
import type { CertificateKind, DemoPki } from "./pki";
import { demoPki } from "./testing/demo-pki";
import { bridge, closeServer, listen, OPENSSL_NAMES, until, withTimeout } from "./testing/node-peer";
import { pem } from "./der";

let pki: DemoPki;
beforeAll(async () => {
  pki = await demoPki();
}, 60_000);

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];
const clients: tls.TLSSocket[] = [];
afterAll(async () => {
  for (const s of [...sockets, ...clients]) s.destroy();
  await Promise.all(servers.map(closeServer));
});

/** A TCP server running our engine; echoes "engine:" + data. */
async function engineServer(options: EndpointOptions, kind: CertificateKind = "valid") {
  const endpoints: Endpoint[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    const ep = createServer({ certificateChain: [pki.leaves[kind]], privateKey: pki.leafKey, ...options });
    endpoints.push(ep);
    const { flush } = bridge(ep, socket);
    ep.on(async (e) => {
      if (e.type === "applicationData") flush(await ep.send(utf8("engine:" + fromUtf8(e.data))));
    });
  });
  servers.push(server);
  return { port: await listen(server), endpoints };
}

interface NodeResult {
  socket?: tls.TLSSocket;
  error?: NodeJS.ErrnoException;
  keylog: string[];
  session?: Buffer;
}

function nodeConnect(port: number, suite: CipherSuiteName | undefined, extra: tls.ConnectionOptions = {}): Promise<NodeResult> {
  const tls13 = suite?.startsWith("TLS_AES");
  const result: NodeResult = { keylog: [] };
  return withTimeout(
    new Promise<NodeResult>((resolve) => {
      const socket = tls.connect({
        host: "127.0.0.1",
        port,
        servername: pki.serverName,
        ca: pem("CERTIFICATE", pki.caCertificate),
        ...(suite ? { ciphers: OPENSSL_NAMES[suite], minVersion: tls13 ? "TLSv1.3" : "TLSv1.2", maxVersion: tls13 ? "TLSv1.3" : "TLSv1.2" } : {}),
        ...extra,
      });
      socket.on("keylog", (line) => result.keylog.push(line.toString().trim()));
      socket.on("session", (s) => (result.session = s));
      socket.once("secureConnect", () => resolve(Object.assign(result, { socket })));
      socket.once("error", (error) => resolve(Object.assign(result, { error })));
      clients.push(socket);
    }),
    8000,
    "Node client",
  );
}

function exchange(socket: tls.TLSSocket, text: string): Promise<string> {
  return withTimeout(
    new Promise((resolve) => {
      let got = "";
      socket.on("data", (d) => {
        got += d.toString();
        if (got.length >= text.length + 7) resolve(got);
      });
      socket.write(text);
    }),
    4000,
    "echo",
  );
}

// Every suite the engine offers is tested against OpenSSL.
const SUITES: CipherSuiteName[] = CIPHER_SUITES.map((suite) => suite.name);

describe("Node's TLS client against our server", { timeout: 30_000 }, () => {
  for (const suite of SUITES) {
    it(`${suite}: Node validates our chain, data both ways, same key-log secrets`, async () => {
      const srv = await engineServer({});
      const node = await nodeConnect(srv.port, suite);
      expect(node.error).toBeUndefined();
      const socket = node.socket!;
      expect(socket.authorized).toBe(true);
      expect(socket.getCipher().standardName).toBe(suite);
      expect(await exchange(socket, "hello from node")).toBe("engine:hello from node");
      const ours = srv.endpoints[0];
      expect(ours.status).toMatchObject({ handshakeComplete: true, cipherSuite: suite });
      // Node logs what OpenSSL derived; with OpenSSL 3 clients offering extended_master_secret, a
      // server that echoed it would derive a different master secret: equal lines show we did not.
      expect(node.keylog.length).toBeGreaterThan(0);
      for (const line of node.keylog) expect(ours.keyLog()).toContain(line);
      socket.end();
    });
  }

  it("Node's default client (offering TLS 1.3 and 1.2, all its suites) gets TLS 1.3 from us", async () => {
    const srv = await engineServer({});
    const node = await nodeConnect(srv.port, undefined);
    expect(node.error).toBeUndefined();
    expect(node.socket!.getProtocol()).toBe("TLSv1.3");
    expect(await exchange(node.socket!, "default")).toBe("engine:default");
    node.socket!.end();
  });

  for (const suite of ["TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] as const) {
    it(`${suite}: Node's second connection resumes our session by ID (isSessionReused)`, async () => {
      const srv = await engineServer({ sessionCache: new SessionCache() });
      const first = await nodeConnect(srv.port, suite);
      expect(await exchange(first.socket!, "one")).toBe("engine:one");
      await withTimeout(
        (async () => {
          while (!first.session) await new Promise((r) => setTimeout(r, 10));
        })(),
        4000,
        "session event",
      );
      expect(first.socket!.isSessionReused()).toBe(false);
      first.socket!.end();
      const second = await nodeConnect(srv.port, suite, { session: first.session });
      expect(second.error).toBeUndefined();
      expect(second.socket!.isSessionReused()).toBe(true);
      expect(await exchange(second.socket!, "two")).toBe("engine:two");
      expect(srv.endpoints[1].status).toMatchObject({ handshakeComplete: true, resumed: true });
      // The abbreviated handshake keeps the first connection's master secret.
      const masterOf = (ep: Endpoint) => ep.keyLog().find((l) => l.startsWith("CLIENT_RANDOM"))!.split(" ")[2];
      expect(masterOf(srv.endpoints[1])).toBe(masterOf(srv.endpoints[0]));
      second.socket!.end();
    });
  }

  it("no cipher suite in common: we send handshake_failure(40) and Node reports it", async () => {
    const srv = await engineServer({ cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] });
    const node = await nodeConnect(srv.port, "TLS_RSA_WITH_AES_128_CBC_SHA256");
    expect(node.error?.code).toBe("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE");
    expect(srv.endpoints[0].status.alertSent).toMatchObject({ description: "handshake_failure", code: 40, encrypted: false });
  });
});

describe("Node's verdict on each faulty certificate from our server", { timeout: 30_000 }, () => {
  const cases: [CertificateKind, string][] = [
    ["expired", "CERT_HAS_EXPIRED"],
    ["not-yet-valid", "CERT_NOT_YET_VALID"],
    ["wrong-hostname", "ERR_TLS_CERT_ALTNAME_INVALID"],
    ["self-signed", "DEPTH_ZERO_SELF_SIGNED_CERT"],
    ["unknown-ca", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"],
    ["bad-signature", "CERT_SIGNATURE_FAILURE"],
  ];
  for (const [kind, code] of cases) {
    for (const suite of ["TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"] as const) {
      it(`${kind} over ${suite.startsWith("TLS_AES") ? "TLS 1.3" : "TLS 1.2"}: Node refuses with ${code}`, async () => {
        const srv = await engineServer({}, kind);
        const node = await nodeConnect(srv.port, suite);
        expect(node.socket).toBeUndefined();
        expect(node.error?.code).toBe(code);
      });
    }
  }

  it("the valid certificate passes the same client (control)", async () => {
    const srv = await engineServer({}, "valid");
    const node = await nodeConnect(srv.port, "TLS_RSA_WITH_AES_128_GCM_SHA256");
    expect(node.error).toBeUndefined();
    node.socket!.end();
  });
});
