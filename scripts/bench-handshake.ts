// npm run bench:handshake
// Median time of one full handshake (both sides) with our engine, in-process, for TLS 1.2 RSA,
// TLS 1.2 ECDHE and TLS 1.3; and of a full Node TLS (OpenSSL) handshake over loopback for the
// same suites; then ours/Node. Target: TLS 1.2 RSA and TLS 1.3 within 3x of Node.
import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { createClient, createServer, createDemoPki, deterministicRng, exportDemoPki, type CipherSuiteName, type DemoPki, type Endpoint, type Rng } from "../lib/handshake/index";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 30;

const CASES: { label: string; suite: CipherSuiteName; openssl: string; tls13: boolean; target?: number; replay?: boolean }[] = [
  { label: "TLS 1.2 RSA      (TLS_RSA_WITH_AES_128_CBC_SHA256)", suite: "TLS_RSA_WITH_AES_128_CBC_SHA256", openssl: "AES128-SHA256", tls13: false, target: 3 },
  { label: "TLS 1.2 ECDHE    (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)", suite: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", openssl: "ECDHE-RSA-AES128-GCM-SHA256", tls13: false },
  { label: "TLS 1.3          (TLS_AES_128_GCM_SHA256, x25519)", suite: "TLS_AES_128_GCM_SHA256", openssl: "TLS_AES_128_GCM_SHA256", tls13: true, target: 3 },
  // For information: the replay mode's deterministic RNG signs RSA-PSS in BigInt instead of WebCrypto.
  { label: "TLS 1.3, deterministic RNG (replay mode)", suite: "TLS_AES_128_GCM_SHA256", openssl: "TLS_AES_128_GCM_SHA256", tls13: true, replay: true },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

let replayCount = 0;
async function oursOnce(pki: DemoPki, suite: CipherSuiteName, replay = false): Promise<number> {
  const rngs: [Rng, Rng] | [undefined, undefined] = replay ? [deterministicRng(`c${replayCount}`), deterministicRng(`s${replayCount++}`)] : [undefined, undefined];
  const t0 = performance.now();
  const client = createClient({ cipherSuites: [suite], serverName: pki.serverName, trustAnchors: [pki.caCertificate], rng: rngs[0] });
  const server = createServer({ certificateChain: [pki.leaves.valid], privateKey: pki.leafKey, rng: rngs[1] });
  let toServer = await client.start();
  for (let i = 0; i < 8 && toServer.length; i++) {
    const toClient: Uint8Array = await server.receive(toServer);
    toServer = toClient.length ? await client.receive(toClient) : new Uint8Array(0);
  }
  const t = performance.now() - t0;
  if (!bothDone(client, server)) throw new Error(`handshake did not complete: ${client.phase}/${server.phase} ${JSON.stringify(client.status.alertSent ?? server.status.alertSent)}`);
  return t;
}

const bothDone = (a: Endpoint, b: Endpoint) => a.handshakeComplete && b.handshakeComplete;

/** A Node TLS server for the case, and a function timing one full handshake against it over loopback. */
async function nodePeer(pki: DemoPki, c: (typeof CASES)[number]): Promise<{ once: () => Promise<number>; close: () => Promise<void> }> {
  const pem = exportDemoPki(pki);
  const version = c.tls13 ? "TLSv1.3" : "TLSv1.2";
  let serverDone: (() => void) | undefined;
  const server = tls.createServer({ key: pem.leafKey, cert: pem.leaves.valid, ciphers: c.openssl, minVersion: version, maxVersion: version, ecdhCurve: "X25519" }, (s) => {
    serverDone?.();
    s.on("error", () => undefined);
    s.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      let client = false;
      let srv = false;
      // Both sides done, as for ours: the client's secureConnect and the server's secureConnection.
      const finish = () => {
        if (client && srv) {
          resolve(performance.now() - t0);
          socket.destroy();
        }
      };
      serverDone = () => {
        srv = true;
        finish();
      };
      const socket = tls.connect({ host: "127.0.0.1", port, servername: pki.serverName, ca: pem.caCertificate, ciphers: c.openssl, minVersion: version, maxVersion: version }, () => {
        client = true;
        finish();
      });
      socket.on("error", reject);
    });
  return { once, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function main() {
  console.log(`netcards handshake benchmark: Node ${process.version}, ${ITERATIONS} handshakes per row after ${WARMUP} warm-up, ours and Node's interleaved`);
  const pki = await createDemoPki();
  const rows: { label: string; ours: number; ours90: number; node: number; node90: number; target?: number }[] = [];
  for (const c of CASES) {
    const peer = await nodePeer(pki, c);
    for (let i = 0; i < WARMUP; i++) {
      await oursOnce(pki, c.suite, c.replay);
      await peer.once();
    }
    // Interleaved, so both see the same machine load (others' processes, GC, CPU frequency).
    const ours: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      ours.push(await oursOnce(pki, c.suite, c.replay));
      node.push(await peer.once());
    }
    await peer.close();
    rows.push({ label: c.label, ours: median(ours), ours90: p90(ours), node: median(node), node90: p90(node), target: c.target });
  }
  const f = (n: number) => n.toFixed(2).padStart(7);
  console.log("");
  console.log(`${"handshake".padEnd(58)} ${"ours ms".padStart(9)} ${"(p90)".padStart(9)} ${"Node ms".padStart(9)} ${"(p90)".padStart(9)} ${"ours/Node".padStart(10)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(58)} ${f(r.ours).padStart(9)} ${f(r.ours90).padStart(9)} ${f(r.node).padStart(9)} ${f(r.node90).padStart(9)} ${(r.ours / r.node).toFixed(2).padStart(9)}x`);
  }
  console.log("");
  console.log("ours: both endpoints in one process, byte-in/byte-out, no sockets; Node: tls.connect + tls.createServer over 127.0.0.1 (both sides).");
  let ok = true;
  for (const r of rows.filter((x) => x.target)) {
    const pass = r.ours / r.node <= r.target!;
    ok &&= pass;
    console.log(`target ${r.label.split("(")[0].trim()} within ${r.target}x of Node: ${pass ? "met" : "NOT met"} (${(r.ours / r.node).toFixed(2)}x)`);
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
