// Public API of the handshake engine. Everything runs in the browser and in Node (no node: imports).
//
//   createClient(options) / createServer(options): Endpoint
//     endpoint.start(): Promise<Uint8Array>            client: the ClientHello flight; server: empty
//     endpoint.receive(bytes): Promise<Uint8Array>     any chunk of TCP bytes in, bytes to send back out
//     endpoint.send(data): Promise<Uint8Array>         application data, protected
//     endpoint.close(): Promise<Uint8Array>            close_notify
//     endpoint.keyLog(): string[]                      NSS key-log lines
//     endpoint.status / .phase / .state / .events      handshakeComplete, version, suite, alerts, ...
//     endpoint.on(listener)                            the same events as they happen
//     endpoint.takeApplicationData(): Uint8Array       data received since the last call
//   The methods are async because WebCrypto (X25519, RSA signing) is; they never reject for protocol
//   failures: those end in a sent or received alert, visible in status and events.
//
//   simulate(scenario, options?): Promise<Trace>      client and server against each other, traced
//     scenario: one of SCENARIO_NAMES (or a Scenario object); the Trace is plain JSON (see trace.ts)
//   prf12, hkdfExtract, hkdfExpandLabel               the key-derivation primitives (synchronous)
//   createDemoPki(): Promise<DemoPki>                 CA + valid/expired/... leaves (RSA-2048, SHA-256)
//   validateChain(chain, options): ChainVerdict       { ok } or { ok: false, reason, alert, message }
// README.md beside this file documents every option, event and trace field.
import { Endpoint } from "./endpoint";
export { createClient, createServer } from "./create";
export { Endpoint };
export type { AlertInfo, ConnectionStatus, DerivedValue, EndpointEvent, EndpointOptions, LogEntry, Phase, Version } from "./endpoint";
export { prf12 } from "./prf12";
export { hkdfExtract, hkdfExpand, hkdfExpandLabel, deriveSecret } from "./hkdf";
export { AlertDescription, TlsAlert, alertName, type AlertName } from "./alerts";
export { CIPHER_SUITES, suiteByName, type CipherSuite, type CipherSuiteName } from "./cipher-suites";
export { deterministicRng, scriptedRng, secureRng, type Rng, type RngPurpose } from "./rng";
export { SessionCache, type Session12 } from "./session-cache";
export type { Faults } from "./faults";
export { createDemoPki, exportDemoPki, importDemoPki, validateChain, hostnameMatches, CERTIFICATE_KINDS, type CertificateKind, type ChainVerdict, type ChainFailure, type DemoPki, type DemoPkiPem } from "./pki";
export { RsaPrivateKey, RsaPublicKey } from "./rsa";
export { parseCertificate, type Certificate } from "./x509";
export { fromHex, hex } from "./bytes";
export { simulate, type SimulateOptions } from "./simulate";
export { SCENARIOS, SCENARIO_NAMES, type Scenario, type ScenarioName } from "./scenarios";
export type { Trace, TraceStep, TraceField, TraceDerived, TraceEndpointSummary, EndpointSnapshot } from "./trace";
