// Test-only glue between our byte-in/byte-out endpoints and Node sockets, for interop tests.
import net from "node:net";
import type tls from "node:tls";
import type { Endpoint, EndpointEvent } from "../endpoint";
import { exportDemoPki, type DemoPki } from "../pki";
import { pem } from "../der";

/** Feeds socket data to the endpoint in order and writes its answers back. */
export function bridge(ep: Endpoint, socket: net.Socket): { flush: (bytes: Uint8Array) => void } {
  let chain = Promise.resolve();
  const write = (bytes: Uint8Array) => {
    if (bytes.length && !socket.destroyed) socket.write(bytes);
    if (ep.phase === "failed" || ep.phase === "closed") socket.end();
  };
  socket.on("data", (d: Buffer) => {
    chain = chain.then(async () => write(await ep.receive(new Uint8Array(d))));
  });
  socket.on("error", () => undefined);
  return { flush: write };
}

/** Resolves once `done` holds for the endpoint's status; rejects after `ms`. */
export function until(ep: Endpoint, done: (ep: Endpoint) => boolean, ms = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done(ep)) return resolve();
    // Events drive the check; a short poll covers state that changes after the last event.
    const poll = setInterval(() => {
      if (done(ep)) {
        clearTimeout(timer);
        clearInterval(poll);
        off();
        resolve();
      }
    }, 5);
    const timer = setTimeout(() => {
      clearInterval(poll);
      off();
      reject(new Error(`timed out in state ${ep.state} (${ep.phase}); alert sent ${JSON.stringify(ep.status.alertSent)} received ${JSON.stringify(ep.status.alertReceived)}`));
    }, ms);
    const off = ep.on((_e: EndpointEvent) => {
      if (done(ep)) {
        clearTimeout(timer);
        clearInterval(poll);
        off();
        resolve();
      }
    });
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref())]);
}

export function listen(server: net.Server | tls.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

export function closeServer(server: net.Server | tls.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export function pemFiles(pki: DemoPki, kind: keyof DemoPki["leaves"] = "valid") {
  const p = exportDemoPki(pki);
  return { key: p.leafKey, cert: p.leaves[kind], ca: p.caCertificate, caPem: pem("CERTIFICATE", pki.caCertificate) };
}

/** OpenSSL names for our suites, for Node's `ciphers` option. */
export const OPENSSL_NAMES: Record<string, string> = {
  TLS_RSA_WITH_AES_128_CBC_SHA256: "AES128-SHA256",
  TLS_RSA_WITH_AES_128_GCM_SHA256: "AES128-GCM-SHA256",
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: "ECDHE-RSA-AES128-GCM-SHA256",
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: "ECDHE-RSA-AES128-SHA",
  TLS_AES_128_GCM_SHA256: "TLS_AES_128_GCM_SHA256",
  TLS_AES_256_GCM_SHA384: "TLS_AES_256_GCM_SHA384",
};
