// simulate(): every scenario runs to the outcome the RFCs prescribe, the trace is plain JSON and
// byte-reproducible, and its annotations agree with the bytes it shows.
import { beforeAll, describe, expect, it } from "vitest";
import { fromHex } from "./bytes";
import { SCENARIO_NAMES, SCENARIOS, simulate, type ScenarioName, type Trace, type TraceStep } from "./index";
import type { DemoPki } from "./pki";
import { demoPki } from "./testing/demo-pki";

let pki: DemoPki;
const traces = new Map<ScenarioName, Trace>();
beforeAll(async () => {
  pki = await demoPki();
  for (const name of SCENARIO_NAMES) traces.set(name, await simulate(name, { pki, seed: "test" }));
}, 120_000);

const tls = (t: Trace, connection = 1) => t.steps.filter((s) => s.layer === "tls" && s.connection === connection && s.record);
const names = (t: Trace, connection = 1) => tls(t, connection).map((s) => `${s.actor}:${s.message}`);
const derivedValue = (t: Trace, actor: "client" | "server", name: string, connection = 1) =>
  t.steps.filter((s) => s.connection === connection).flatMap((s) => s.derived).find((d) => d.actor === actor && d.name === name)?.hex;

describe("simulate: successful scenarios", { timeout: 30_000 }, () => {
  const ok = SCENARIO_NAMES.filter((n) => !("expectedAlert" in SCENARIOS[n]));
  for (const name of ok) {
    it(`${name}: both sides finish the handshake, exchange data and close cleanly`, () => {
      const t = traces.get(name)!;
      for (const side of [t.client, t.server]) {
        expect(side.handshakeComplete).toBe(true);
        expect(side.phase).toBe("closed");
        expect(side.alertSent?.description).toBe("close_notify");
      }
      expect(t.server.applicationData[0]).toMatch(/^GET \/ HTTP\/1\.1/);
      expect(t.client.applicationData[0]).toMatch(/hello$/);
      // Both sides derived the same secrets, independently.
      const master = name.startsWith("tls13") ? "client_application_traffic_secret_0" : "master_secret";
      expect(derivedValue(t, "client", master)).toBeDefined();
      expect(derivedValue(t, "client", master)).toBe(derivedValue(t, "server", master));
    });
  }

  it("TLS 1.2 RSA: the server decrypts exactly the PKCS#1 block the client built (00 02 ... 00 || premaster)", () => {
    const t = traces.get("tls12-rsa-aes128-cbc-sha256")!;
    const block = derivedValue(t, "client", "PKCS#1 v1.5 block")!;
    expect(block.startsWith("0002")).toBe(true);
    expect(block.slice(-96)).toBe(derivedValue(t, "client", "pre_master_secret"));
    expect(derivedValue(t, "server", "PKCS#1 v1.5 block")).toBe(block);
    expect(names(t)).toEqual(["client:ClientHello", "server:ServerHello", "server:Certificate", "server:ServerHelloDone", "client:ClientKeyExchange", "client:ChangeCipherSpec", "client:Finished", "server:ChangeCipherSpec", "server:Finished", "client:ApplicationData", "server:ApplicationData", "client:Alert(close_notify)", "server:Alert(close_notify)"]);
  });

  it("TLS 1.2 ECDHE: ServerKeyExchange carries the key the server derived; Finished and data are encrypted", () => {
    const t = traces.get("tls12-ecdhe-rsa-aes128-gcm-sha256")!;
    const ske = tls(t).find((s) => s.message === "ServerKeyExchange")!;
    expect(ske.fields.find((f) => f.name === "public")?.value).toBe(derivedValue(t, "server", "server x25519 public key"));
    expect(ske.fields.find((f) => f.name === "signature algorithm")?.value).toBe("rsa_pkcs1_sha256");
    for (const s of tls(t)) expect(s.record!.encrypted).toBe(["Finished", "ApplicationData", "Alert(close_notify)"].includes(s.message));
  });

  it("TLS 1.3: everything after ServerHello is encrypted and looks like application_data on the wire", () => {
    const t = traces.get("tls13-aes256-gcm-sha384")!;
    expect(names(t).slice(0, 6)).toEqual(["client:ClientHello", "server:ServerHello", "server:EncryptedExtensions", "server:Certificate", "server:CertificateVerify", "server:Finished"]);
    for (const s of tls(t).slice(2)) {
      expect(s.record!.encrypted).toBe(true);
      expect(s.record!.contentType).toBe("application_data");
    }
    expect(tls(t)[3].record!.innerType).toBe("handshake");
    expect(t.client.keyLog.map((l) => l.split(" ")[0])).toEqual(["CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"]);
    expect(t.client.keyLog).toEqual(t.server.keyLog);
    expect(t.client.cipherSuite).toBe("TLS_AES_256_GCM_SHA384");
  });

  it("resumption: the second connection is abbreviated, the server sends CCS and Finished first, same master secret", () => {
    const t = traces.get("tls12-resumption")!;
    expect(t.connections[0].client.resumed).toBe(false);
    expect(t.client.resumed).toBe(true);
    expect(t.server.resumed).toBe(true);
    expect(names(t, 2).slice(0, 5)).toEqual(["client:ClientHello", "server:ServerHello", "server:ChangeCipherSpec", "server:Finished", "client:ChangeCipherSpec"]);
    const sid = (s: TraceStep) => s.fields.find((f) => f.name === "session_id")?.value;
    const [ch2, sh2] = tls(t, 2);
    const sh1 = tls(t, 1)[1];
    expect(sid(ch2)).toBe(sid(sh1));
    expect(sid(sh2)).toBe(sid(sh1));
    expect(derivedValue(t, "client", "master_secret", 2)).toBe(derivedValue(t, "client", "master_secret", 1));
    // Fresh randoms make fresh keys even with the same master secret.
    expect(derivedValue(t, "client", "client_write_key", 2)).not.toBe(derivedValue(t, "client", "client_write_key", 1));
  });
});

describe("simulate: fault scenarios end in the alert a real peer sends", { timeout: 30_000 }, () => {
  const cases: [ScenarioName, "client" | "server", string, number, boolean][] = [
    ["fault-no-shared-cipher", "server", "handshake_failure", 40, false],
    ["fault-tampered-record", "server", "bad_record_mac", 20, true],
    ["fault-bad-padding", "server", "bad_record_mac", 20, false],
    ["fault-altered-finished", "server", "decrypt_error", 51, false],
    ["fault-altered-finished-tls13", "client", "decrypt_error", 51, true],
    ["fault-cert-expired", "client", "certificate_expired", 45, false],
    ["fault-cert-not-yet-valid", "client", "certificate_expired", 45, false],
    ["fault-cert-wrong-hostname", "client", "bad_certificate", 42, false],
    ["fault-cert-unknown-ca", "client", "unknown_ca", 48, false],
    ["fault-cert-self-signed", "client", "unknown_ca", 48, false],
    ["fault-cert-bad-signature", "client", "bad_certificate", 42, false],
  ];
  for (const [name, from, alert, code, encrypted] of cases) {
    it(`${name}: the ${from} sends ${alert}(${code}) ${encrypted ? "encrypted" : "in the clear"}, the peer receives it`, () => {
      const t = traces.get(name)!;
      const sender = from === "client" ? t.client : t.server;
      const receiver = from === "client" ? t.server : t.client;
      expect(sender.alertSent).toMatchObject({ description: alert, code, level: "fatal", encrypted });
      expect(receiver.alertReceived).toMatchObject({ description: alert, code, encrypted });
      // Only the tampered application record comes after a completed handshake.
      expect(sender.handshakeComplete && receiver.handshakeComplete).toBe(name === "fault-tampered-record");
      const step = tls(t).find((s) => s.message === `Alert(${alert})`)!;
      expect(step.actor).toBe(from);
      expect(step.record!.encrypted).toBe(encrypted);
      // The alert body (level fatal, description code) is what the record carries, encrypted or not.
      expect(fromHex(step.record!.plaintextHex)).toEqual(new Uint8Array([2, code]));
      // In the clear: type alert(21), version 0303, length 2, fatal(2), code.
      if (!encrypted) expect(step.record!.hex).toBe("1503030002" + "02" + code.toString(16).padStart(2, "0"));
    });
  }

  it("certificate faults carry the validation reason", () => {
    expect(traces.get("fault-cert-expired")!.client.certificate).toMatchObject({ ok: false, reason: "expired" });
    expect(traces.get("fault-cert-self-signed")!.client.certificate).toMatchObject({ ok: false, reason: "self-signed" });
    expect(traces.get("fault-cert-wrong-hostname")!.client.certificate?.message).toContain("wrong.example");
  });
});

describe("simulate: the trace itself", { timeout: 30_000 }, () => {
  it("is plain JSON (survives a round trip unchanged)", () => {
    const t = traces.get("tls13-aes128-gcm-sha256")!;
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });

  it("is byte-reproducible with the same seed and PKI, and differs with another seed", async () => {
    const a = await simulate("tls13-aes128-gcm-sha256", { pki, seed: "replay", now: new Date("2026-01-01T00:00:00Z") });
    const b = await simulate("tls13-aes128-gcm-sha256", { pki, seed: "replay", now: new Date("2026-01-01T00:00:00Z") });
    const c = await simulate("tls13-aes128-gcm-sha256", { pki, seed: "other", now: new Date("2026-01-01T00:00:00Z") });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("starts with the TCP three-way handshake and numbers segments consistently", () => {
    for (const name of SCENARIO_NAMES) {
      const t = traces.get(name)!;
      const conn1 = t.steps.filter((s) => s.connection === 1 && s.tcp.flags.length);
      expect(conn1.slice(0, 3).map((s) => s.message)).toEqual(["SYN", "SYN-ACK", "ACK"]);
      const [syn, synAck, ack] = conn1;
      expect(synAck.tcp.ack).toBe((syn.tcp.seq + 1) >>> 0);
      expect(ack.tcp.ack).toBe((synAck.tcp.seq + 1) >>> 0);
      const next = { client: (syn.tcp.seq + 1) >>> 0, server: (synAck.tcp.seq + 1) >>> 0 };
      for (const s of conn1.slice(2)) {
        const peer = s.actor === "client" ? "server" : "client";
        expect(s.tcp.seq).toBe(next[s.actor]);
        expect(s.tcp.ack).toBe(next[peer]);
        next[s.actor] = (next[s.actor] + s.tcp.payloadLength + (s.tcp.flags.includes("FIN") ? 1 : 0)) >>> 0;
        if (s.layer === "tls") expect(s.tcp.payloadLength).toBe(s.record!.hex.length / 2);
      }
      expect(conn1.slice(-4).map((s) => s.message)).toEqual(["FIN", "ACK", "FIN", "ACK"]);
    }
  });

  it("field annotations lie inside the bytes, in order, and agree with them", () => {
    for (const t of traces.values()) {
      for (const s of tls(t)) {
        const bytes = fromHex(s.record!.hex);
        let end = 0;
        for (const f of s.fields) {
          expect(f.offset).toBeGreaterThanOrEqual(end);
          expect(f.offset + f.length).toBeLessThanOrEqual(bytes.length);
          end = f.offset + f.length;
        }
        expect(Number(s.fields.find((f) => f.name === "length")!.value)).toBe(bytes.length - 5);
        for (const f of s.fields.filter((x) => x.name === "random")) expect(f.value).toBe(s.record!.hex.slice(2 * f.offset, 2 * (f.offset + f.length)));
      }
    }
    const ch = tls(traces.get("tls12-ecdhe-rsa-aes128-cbc-sha")!)[0];
    expect(ch.fields.find((f) => f.name === "random")!.value).toBe(derivedValue(traces.get("tls12-ecdhe-rsa-aes128-cbc-sha")!, "client", "client_random"));
    expect(ch.fields.find((f) => f.name === "server_name")!.value).toBe(pki.serverName);
  });
});
