// Fuzzing the record layer and the handshake parsers with fast-check: random and mutated input must
// never make `receive` reject, never hang, and always end in a defined state or a specific alert.
// internal_error is what the endpoint sends for an exception nobody anticipated, so it must never appear.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { concat, DecodeError } from "./bytes";
import { createClient, createServer, type Endpoint } from "./index";
import * as M from "./messages";
import type { DemoPki } from "./pki";
import { parseCertificate } from "./x509";
import { demoPki } from "./testing/demo-pki";
import { deterministicRng } from "./rng";
import { withTimeout } from "./testing/node-peer";
import type { CipherSuiteName } from "./cipher-suites";

let pki: DemoPki;
beforeAll(async () => {
  pki = await demoPki();
}, 60_000);

const server = (suites?: CipherSuiteName[]) => createServer({ certificateChain: [pki.leaves.valid], privateKey: pki.leafKey, cipherSuites: suites, rng: deterministicRng("fuzz-server") });
const client = (suites?: CipherSuiteName[]) => createClient({ serverName: pki.serverName, trustAnchors: [pki.caCertificate], cipherSuites: suites, rng: deterministicRng("fuzz-client") });

/** A run is fine if the endpoint is still waiting for more, has moved on, or failed with a specific alert. */
function settled(ep: Endpoint): void {
  expect(["handshaking", "connected", "failed", "closed", "idle"]).toContain(ep.phase);
  if (ep.phase === "failed" && ep.status.alertSent) expect(ep.status.alertSent.description).not.toBe("internal_error");
  if (ep.phase === "failed") expect(ep.status.alertSent ?? ep.status.alertReceived).toBeDefined();
}

const mutation = fc.record({
  edits: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

function mutate(bytes: Uint8Array, m: { edits: { at: number; value: number }[]; cut?: number }): Uint8Array {
  const out = bytes.slice();
  for (const e of m.edits) out[e.at % out.length] = e.value;
  return m.cut === undefined ? out : out.subarray(0, m.cut % (out.length + 1));
}

describe("fuzz: record layer", { timeout: 30_000 }, () => {
  it("random bytes at a fresh server: a defined alert or a wait for more, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const s = server();
        await withTimeout(s.receive(bytes), 2000, "receive");
        settled(s);
      }),
      { numRuns: 300 },
    );
  });

  it("random records with plausible headers reach the content handlers and still end defined", async () => {
    const record = fc.tuple(fc.constantFrom(20, 21, 22, 23, 24, 0), fc.constantFrom(0x0301, 0x0303, 0x0200, 0x0304), fc.uint8Array({ maxLength: 300 }));
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), async (recs) => {
        const s = server();
        const bytes = concat(...recs.map(([t, v, f]) => concat(new Uint8Array([t, v >> 8, v & 0xff, f.length >> 8, f.length & 0xff]), f)));
        await withTimeout(s.receive(bytes), 2000, "receive");
        settled(s);
        if (s.phase === "failed") expect(s.status.alertSent).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("a whole handshake survives any split of the byte stream into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }), fc.constantFrom<CipherSuiteName>("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_AES_128_GCM_SHA256"), async (sizes, suite) => {
        const c = client([suite]);
        const s = server();
        const chunked = async (to: Endpoint, bytes: Uint8Array) => {
          const outs: Uint8Array[] = [];
          for (let o = 0, i = 0; o < bytes.length; i++) {
            const n = sizes[i % sizes.length];
            outs.push(await to.receive(bytes.subarray(o, o + n)));
            o += n;
          }
          return concat(...outs);
        };
        let toServer = await c.start();
        for (let i = 0; i < 6 && toServer.length; i++) toServer = await chunked(c, await chunked(s, toServer));
        expect(c.handshakeComplete && s.handshakeComplete).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe("fuzz: handshake messages", { timeout: 30_000 }, () => {
  let clientHello: Uint8Array;
  let serverFlight12: Uint8Array;
  let serverFlight13: Uint8Array;
  beforeAll(async () => {
    clientHello = await client().start();
    const c12 = client(["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
    serverFlight12 = await server().receive(await c12.start());
    const c13 = client(["TLS_AES_128_GCM_SHA256"]);
    serverFlight13 = await server().receive(await c13.start());
  }, 30_000);

  it("mutated ClientHello records: the server negotiates or refuses with a specific alert", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const s = server();
        await withTimeout(s.receive(mutate(clientHello, m)), 3000, "receive");
        settled(s);
      }),
      { numRuns: 300 },
    );
  });

  it("mutated TLS 1.2 server flights (ServerHello..ServerHelloDone): the client continues or refuses with a specific alert", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const c = client(["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
        await c.start();
        await withTimeout(c.receive(mutate(serverFlight12, m)), 3000, "receive");
        settled(c);
      }),
      { numRuns: 200 },
    );
  });

  it("mutated TLS 1.3 server flights (ServerHello + encrypted flight): the client continues or refuses with a specific alert", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const c = client(["TLS_AES_128_GCM_SHA256"]);
        await c.start();
        await withTimeout(c.receive(mutate(serverFlight13, m)), 3000, "receive");
        settled(c);
      }),
      { numRuns: 200 },
    );
  });

  it("parsers throw only DecodeError on arbitrary bodies", () => {
    const parsers: ((b: Uint8Array) => unknown)[] = [
      M.parseClientHello,
      M.parseServerHello,
      M.parseCertificate12,
      M.parseCertificate13,
      M.parseServerKeyExchange,
      M.parseEncryptedExtensions,
      M.parseCertificateVerify,
      M.parseNewSessionTicket13,
      M.parseRsaClientKeyExchange,
      M.parseEcdhClientKeyExchange,
      (b) => M.parseU16List(b),
      M.parseClientKeyShares,
      M.parseServerName,
      parseCertificate,
    ];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(parsers.length - 1), (body, i) => {
        try {
          parsers[i](body);
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("parsers throw only DecodeError on mutated real messages", () => {
    const body = clientHello.subarray(9);
    const cert = pki.leaves.valid;
    fc.assert(
      fc.property(mutation, (m) => {
        for (const [parse, input] of [
          [M.parseClientHello, body],
          [parseCertificate, cert],
        ] as const) {
          try {
            parse(mutate(input, m));
          } catch (e) {
            expect(e).toBeInstanceOf(DecodeError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
