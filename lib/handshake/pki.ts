// The demo PKI: a CA and leaf certificates made at run time, one per failure the client must catch,
// and the client-side chain validation (RFC 5280 section 6, reduced to what TLS needs here).
import type { AlertName } from "./alerts";
import { DecodeError } from "./bytes";
import { fromPem, pem } from "./der";
import { bytesToBigint } from "./der";
import { secureRng, type Rng } from "./rng";
import { RsaPrivateKey } from "./rsa";
import { buildCertificate, encodeName, parseCertificate, sameName, signatureValid, type Certificate } from "./x509";

export type CertificateKind = "valid" | "expired" | "not-yet-valid" | "wrong-hostname" | "self-signed" | "unknown-ca" | "bad-signature";
export const CERTIFICATE_KINDS: CertificateKind[] = ["valid", "expired", "not-yet-valid", "wrong-hostname", "self-signed", "unknown-ca", "bad-signature"];

export interface DemoPki {
  serverName: string;
  caCertificate: Uint8Array;
  caKey: RsaPrivateKey;
  /** One key for every leaf: the faults are in the certificates, not the keys. */
  leafKey: RsaPrivateKey;
  leaves: Record<CertificateKind, Uint8Array>;
}

const DAY = 86_400_000;

/** RSA-2048 key generation through WebCrypto (the only fast source in both browser and Node). */
export async function generateRsaKey(): Promise<RsaPrivateKey> {
  const subtle = globalThis.crypto.subtle;
  const pair = (await subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  return RsaPrivateKey.fromJwk(await subtle.exportKey("jwk", pair.privateKey));
}

export interface DemoPkiOptions {
  serverName?: string;
  now?: Date;
  rng?: Rng;
  /** Reuse keys (e.g. from a saved PKI) instead of generating three RSA-2048 keys. */
  keys?: { ca: RsaPrivateKey; rogueCa: RsaPrivateKey; leaf: RsaPrivateKey };
}

export async function createDemoPki(options: DemoPkiOptions = {}): Promise<DemoPki> {
  const serverName = options.serverName ?? "demo.netcards.test";
  const now = options.now ?? new Date();
  const rng = options.rng ?? secureRng;
  const [caKey, rogueKey, leafKey] = options.keys
    ? [options.keys.ca, options.keys.rogueCa, options.keys.leaf]
    : await Promise.all([generateRsaKey(), generateRsaKey(), generateRsaKey()]);
  const serial = () => bytesToBigint(rng.bytes(8, "session_id")) | 1n;
  const caName = encodeName("netcards Demo Root CA", "netcards");
  const rogueName = encodeName("Unknown Root CA", "Elsewhere");
  const leafName = encodeName(serverName);
  const validFrom = new Date(now.getTime() - 30 * DAY);
  const validTo = new Date(now.getTime() + 365 * DAY);

  const caCertificate = await buildCertificate(
    { serial: serial(), issuer: caName, subject: caName, notBefore: new Date(now.getTime() - 365 * DAY), notAfter: new Date(now.getTime() + 10 * 365 * DAY), publicKey: caKey.publicKey, isCA: true },
    caKey,
    rng,
  );
  const leaf = (o: Partial<{ issuer: Uint8Array; key: RsaPrivateKey; notBefore: Date; notAfter: Date; dns: string; subject: Uint8Array }>) =>
    buildCertificate(
      {
        serial: serial(),
        issuer: o.issuer ?? caName,
        subject: o.subject ?? leafName,
        notBefore: o.notBefore ?? validFrom,
        notAfter: o.notAfter ?? validTo,
        publicKey: leafKey.publicKey,
        isCA: false,
        dnsNames: [o.dns ?? serverName],
      },
      o.key ?? caKey,
      rng,
    );
  const valid = await leaf({});
  const badSignature = valid.slice();
  // The signature BIT STRING is the last field: flipping its final byte breaks only the signature.
  badSignature[badSignature.length - 1] ^= 0x01;
  const leaves: Record<CertificateKind, Uint8Array> = {
    valid,
    expired: await leaf({ notBefore: new Date(now.getTime() - 400 * DAY), notAfter: new Date(now.getTime() - 35 * DAY) }),
    "not-yet-valid": await leaf({ notBefore: new Date(now.getTime() + 30 * DAY), notAfter: new Date(now.getTime() + 400 * DAY) }),
    "wrong-hostname": await leaf({ dns: "wrong.example", subject: encodeName("wrong.example") }),
    "self-signed": await leaf({ issuer: leafName, key: leafKey }),
    "unknown-ca": await leaf({ issuer: rogueName, key: rogueKey }),
    "bad-signature": badSignature,
  };
  return { serverName, caCertificate, caKey, leafKey, leaves };
}

/** PEM strings, e.g. to persist a PKI so a replayed trace uses the same certificates. */
export interface DemoPkiPem {
  serverName: string;
  caCertificate: string;
  caKey: string;
  leafKey: string;
  leaves: Record<CertificateKind, string>;
}

export function exportDemoPki(p: DemoPki): DemoPkiPem {
  const leaves = Object.fromEntries(Object.entries(p.leaves).map(([k, v]) => [k, pem("CERTIFICATE", v)])) as Record<CertificateKind, string>;
  return { serverName: p.serverName, caCertificate: pem("CERTIFICATE", p.caCertificate), caKey: p.caKey.toPem(), leafKey: p.leafKey.toPem(), leaves };
}

export function importDemoPki(p: DemoPkiPem): DemoPki {
  const leaves = Object.fromEntries(Object.entries(p.leaves).map(([k, v]) => [k, fromPem(v).der])) as Record<CertificateKind, Uint8Array>;
  return { serverName: p.serverName, caCertificate: fromPem(p.caCertificate).der, caKey: RsaPrivateKey.fromPem(p.caKey), leafKey: RsaPrivateKey.fromPem(p.leafKey), leaves };
}

export type ChainFailure = "malformed" | "empty" | "unknown-ca" | "self-signed" | "bad-signature" | "not-a-ca" | "expired" | "not-yet-valid" | "wrong-hostname";

export type ChainVerdict =
  | { ok: true; leaf: Certificate; path: Certificate[] }
  | { ok: false; reason: ChainFailure; alert: AlertName; message: string; leaf?: Certificate };

export interface ChainOptions {
  trustAnchors: Uint8Array[];
  now: Date;
  /** Checked against the leaf's DNS names (then its CN if it has none); skipped when undefined. */
  serverName?: string;
}

/**
 * Validates a server's certificate list (leaf first). Alerts follow RFC 5246 7.2.2 and what OpenSSL
 * sends: unknown issuer -> unknown_ca, bad signature or wrong name -> bad_certificate,
 * outside the validity period -> certificate_expired.
 */
export function validateChain(chainDer: Uint8Array[], options: ChainOptions): ChainVerdict {
  if (chainDer.length === 0) return { ok: false, reason: "empty", alert: "certificate_required", message: "the server sent no certificate" };
  let chain: Certificate[];
  let anchors: Certificate[];
  try {
    chain = chainDer.map(parseCertificate);
    anchors = options.trustAnchors.map(parseCertificate);
  } catch (e) {
    return { ok: false, reason: "malformed", alert: "bad_certificate", message: (e as DecodeError).message };
  }
  const leaf = chain[0];
  const fail = (reason: ChainFailure, alert: AlertName, message: string): ChainVerdict => ({ ok: false, reason, alert, message, leaf });

  const path: Certificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; ; depth++) {
    if (depth > chain.length) return fail("unknown-ca", "unknown_ca", "certificate chain too long");
    if (anchors.some((a) => a.der.length === current.der.length && sameName(a.der, current.der))) break; // pinned: the cert itself is trusted
    const anchor = anchors.find((a) => sameName(a.subject, current.issuer));
    if (anchor) {
      if (!signatureValid(current, anchor.publicKey)) return fail("bad-signature", "bad_certificate", `signature on "${current.subjectCommonName}" does not verify with ${anchor.subjectCommonName}'s key`);
      break;
    }
    if (sameName(current.issuer, current.subject)) {
      return fail("self-signed", "unknown_ca", `"${current.subjectCommonName}" is self-signed and not a trust anchor`);
    }
    const parent = chain.slice(1).find((c) => sameName(c.subject, current.issuer));
    if (!parent) return fail("unknown-ca", "unknown_ca", `issuer "${current.issuerCommonName}" is not a trusted CA`);
    if (!parent.isCA) return fail("not-a-ca", "bad_certificate", `"${parent.subjectCommonName}" is not a CA`);
    if (!signatureValid(current, parent.publicKey)) return fail("bad-signature", "bad_certificate", `signature on "${current.subjectCommonName}" does not verify`);
    path.push(parent);
    current = parent;
  }
  for (const c of path) {
    if (options.now < c.notBefore) return fail("not-yet-valid", "certificate_expired", `"${c.subjectCommonName}" is not valid before ${c.notBefore.toISOString()}`);
    if (options.now > c.notAfter) return fail("expired", "certificate_expired", `"${c.subjectCommonName}" expired on ${c.notAfter.toISOString()}`);
  }
  if (options.serverName !== undefined && !hostnameMatches(leaf, options.serverName)) {
    const names = leaf.dnsNames.length ? leaf.dnsNames.join(", ") : leaf.subjectCommonName;
    return fail("wrong-hostname", "bad_certificate", `certificate is for ${names}, not ${options.serverName}`);
  }
  return { ok: true, leaf, path };
}

/** RFC 6125 6.4: DNS names first, a single left-most wildcard label; the CN only when there are none. */
export function hostnameMatches(cert: Certificate, host: string): boolean {
  const names = cert.dnsNames.length ? cert.dnsNames : cert.subjectCommonName ? [cert.subjectCommonName] : [];
  const h = host.toLowerCase().replace(/\.$/, "");
  return names.some((n) => {
    const p = n.toLowerCase();
    if (p.startsWith("*.")) {
      const dot = h.indexOf(".");
      return dot > 0 && h.slice(dot + 1) === p.slice(2);
    }
    return p === h;
  });
}
