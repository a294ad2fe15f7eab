// The demo's scenarios: each suite, resumption, TLS 1.3, and each fault with the alert it must produce.
import type { AlertName } from "./alerts";
import type { CipherSuiteName } from "./cipher-suites";
import type { Version } from "./endpoint";
import type { Faults } from "./faults";
import type { CertificateKind } from "./pki";

export interface Scenario {
  name: string;
  title: string;
  description: string;
  client: { versions?: Version[]; cipherSuites?: CipherSuiteName[]; faults?: Faults };
  server: { versions?: Version[]; cipherSuites?: CipherSuiteName[]; faults?: Faults; certificate?: CertificateKind };
  /** Run a second connection that resumes the first one's session. */
  resumption?: boolean;
  /** The alert this scenario is about, and who sends it. */
  expectedAlert?: { from: "client" | "server"; description: AlertName };
}

const suite12 = (s: CipherSuiteName): Scenario["client"] => ({ versions: ["TLS1.2"], cipherSuites: [s] });

export const SCENARIOS = {
  "tls12-rsa-aes128-cbc-sha256": {
    name: "tls12-rsa-aes128-cbc-sha256",
    title: "TLS 1.2, RSA key exchange, AES-128-CBC + HMAC-SHA256",
    description: "The client encrypts the premaster secret to the server's certificate key (no forward secrecy); records are MAC-then-encrypt CBC.",
    client: suite12("TLS_RSA_WITH_AES_128_CBC_SHA256"),
    server: {},
  },
  "tls12-rsa-aes128-gcm-sha256": {
    name: "tls12-rsa-aes128-gcm-sha256",
    title: "TLS 1.2, RSA key exchange, AES-128-GCM",
    description: "RSA key transport with AEAD records.",
    client: suite12("TLS_RSA_WITH_AES_128_GCM_SHA256"),
    server: {},
  },
  "tls12-ecdhe-rsa-aes128-gcm-sha256": {
    name: "tls12-ecdhe-rsa-aes128-gcm-sha256",
    title: "TLS 1.2, ECDHE (x25519) signed with RSA, AES-128-GCM",
    description: "Ephemeral x25519 keys give forward secrecy; the server signs its key share with rsa_pkcs1_sha256.",
    client: suite12("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
    server: {},
  },
  "tls12-ecdhe-rsa-aes128-cbc-sha": {
    name: "tls12-ecdhe-rsa-aes128-cbc-sha",
    title: "TLS 1.2, ECDHE (x25519) signed with RSA, AES-128-CBC + HMAC-SHA1",
    description: "The suite of the Illustrated TLS 1.2 Connection.",
    client: suite12("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
    server: {},
  },
  "tls12-resumption": {
    name: "tls12-resumption",
    title: "TLS 1.2 session resumption by session ID",
    description: "A full handshake, then a second connection offers the session ID: the server answers with ChangeCipherSpec and Finished first, reusing the master secret.",
    client: suite12("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
    server: {},
    resumption: true,
  },
  "tls13-aes128-gcm-sha256": {
    name: "tls13-aes128-gcm-sha256",
    title: "TLS 1.3, x25519, AES-128-GCM-SHA256",
    description: "One round trip: the key share goes in the ClientHello; everything after ServerHello is encrypted.",
    client: { versions: ["TLS1.3"], cipherSuites: ["TLS_AES_128_GCM_SHA256"] },
    server: {},
  },
  "tls13-aes256-gcm-sha384": {
    name: "tls13-aes256-gcm-sha384",
    title: "TLS 1.3, x25519, AES-256-GCM-SHA384",
    description: "The same handshake with SHA-384 throughout the key schedule.",
    client: { versions: ["TLS1.3"], cipherSuites: ["TLS_AES_256_GCM_SHA384"] },
    server: {},
  },
  "fault-no-shared-cipher": {
    name: "fault-no-shared-cipher",
    title: "Fault: no cipher suite in common",
    description: "The client offers only RSA key exchange; the server accepts only ECDHE. The server answers handshake_failure in the clear.",
    client: suite12("TLS_RSA_WITH_AES_128_GCM_SHA256"),
    server: { cipherSuites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"] },
    expectedAlert: { from: "server", description: "handshake_failure" },
  },
  "fault-tampered-record": {
    name: "fault-tampered-record",
    title: "Fault: a tampered application-data record",
    description: "One bit of the client's first application record changes in transit; the server's MAC check fails: bad_record_mac.",
    client: { ...suite12("TLS_RSA_WITH_AES_128_CBC_SHA256"), faults: { tamperRecord: "application_data" } },
    server: {},
    expectedAlert: { from: "server", description: "bad_record_mac" },
  },
  "fault-bad-padding": {
    name: "fault-bad-padding",
    title: "Fault: bad CBC padding, correct MAC",
    description: "The client's Finished record has wrong padding bytes. The server sends the same bad_record_mac as for a MAC error, so padding errors cannot be told apart (no padding oracle).",
    client: { ...suite12("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), faults: { badPadding: true } },
    server: {},
    expectedAlert: { from: "server", description: "bad_record_mac" },
  },
  "fault-altered-finished": {
    name: "fault-altered-finished",
    title: "Fault: altered Finished (TLS 1.2)",
    description: "The client's verify_data has one bit flipped before encryption: the record is authentic, the handshake proof is not. The server answers decrypt_error.",
    client: { ...suite12("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), faults: { alterFinished: true } },
    server: {},
    expectedAlert: { from: "server", description: "decrypt_error" },
  },
  "fault-altered-finished-tls13": {
    name: "fault-altered-finished-tls13",
    title: "Fault: altered server Finished (TLS 1.3)",
    description: "The server's Finished HMAC is wrong; the client answers decrypt_error under its handshake keys.",
    client: { versions: ["TLS1.3"], cipherSuites: ["TLS_AES_128_GCM_SHA256"] },
    server: { faults: { alterFinished: true } },
    expectedAlert: { from: "client", description: "decrypt_error" },
  },
  "fault-cert-expired": certFault("expired", "certificate_expired", "The server's certificate expired 35 days ago."),
  "fault-cert-not-yet-valid": certFault("not-yet-valid", "certificate_expired", "The server's certificate only becomes valid in 30 days."),
  "fault-cert-wrong-hostname": certFault("wrong-hostname", "bad_certificate", "The certificate is for wrong.example, not the name the client asked for."),
  "fault-cert-unknown-ca": certFault("unknown-ca", "unknown_ca", "The certificate is signed by a CA the client does not trust."),
  "fault-cert-self-signed": certFault("self-signed", "unknown_ca", "The certificate signs itself; nothing the client trusts vouches for it."),
  "fault-cert-bad-signature": certFault("bad-signature", "bad_certificate", "The CA's signature on the certificate does not verify (one bit changed)."),
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

function certFault(kind: CertificateKind, alert: AlertName, why: string): Scenario {
  return {
    name: `fault-cert-${kind}`,
    title: `Fault: certificate ${kind.replace(/-/g, " ")}`,
    description: `${why} The client validates the chain when the Certificate message arrives and sends ${alert}.`,
    client: suite12("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
    server: { certificate: kind },
    expectedAlert: { from: "client", description: alert },
  };
}
