// X.509 v3 certificates (RFC 5280 section 4.1): parsing what a TLS client checks, and building the
// demo PKI's certificates. RSA with SHA-256 only, which is all this project issues.
import { DecodeError, equalBytes } from "./bytes";
import { bitString, boolean, children, expectTag, explicit, integer, nullValue, octetString, oid, readInteger, readNode, readOid, readTime, seq, set, Tag, time, tlv, utf8String, type DerNode } from "./der";
import { RsaPublicKey, type RsaPrivateKey } from "./rsa";
import { pkcs1Verify } from "./rsa-pkcs1";
import { sign, SignatureScheme } from "./signatures";
import type { Rng } from "./rng";

export const OID = {
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  sha384WithRSAEncryption: "1.2.840.113549.1.1.12",
  commonName: "2.5.4.3",
  organizationName: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
} as const;

export interface Certificate {
  der: Uint8Array;
  /** The TBSCertificate bytes the issuer signed. */
  tbs: Uint8Array;
  serial: bigint;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** Raw Name DER, compared byte for byte when building a chain. */
  issuer: Uint8Array;
  subject: Uint8Array;
  issuerCommonName?: string;
  subjectCommonName?: string;
  notBefore: Date;
  notAfter: Date;
  publicKey: RsaPublicKey;
  isCA: boolean;
  dnsNames: string[];
}

function commonName(name: DerNode): string | undefined {
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (readOid(type) === OID.commonName) return new TextDecoder().decode(value.value);
    }
  }
  return undefined;
}

export function parseCertificate(der: Uint8Array): Certificate {
  try {
    const top = expectTag(readNode(der), Tag.SEQUENCE, "Certificate");
    if (top.raw.length !== der.length) throw new DecodeError("trailing bytes after certificate");
    const [tbsNode, sigAlg, sigValue] = children(top);
    expectTag(tbsNode, Tag.SEQUENCE, "TBSCertificate");
    let fields = children(tbsNode);
    if (fields[0]?.tag === 0xa0) fields = fields.slice(1); // [0] EXPLICIT version
    const [serial, , issuer, validity, subject, spki, ...rest] = fields;
    const [nb, na] = children(expectTag(validity, Tag.SEQUENCE, "Validity"));
    const cert: Certificate = {
      der,
      tbs: tbsNode.raw,
      serial: readInteger(serial),
      signatureAlgorithm: readOid(children(expectTag(sigAlg, Tag.SEQUENCE, "AlgorithmIdentifier"))[0]),
      signature: expectTag(sigValue, Tag.BIT_STRING, "signatureValue").value.subarray(1),
      issuer: expectTag(issuer, Tag.SEQUENCE, "issuer").raw,
      subject: expectTag(subject, Tag.SEQUENCE, "subject").raw,
      issuerCommonName: commonName(issuer),
      subjectCommonName: commonName(subject),
      notBefore: readTime(nb),
      notAfter: readTime(na),
      publicKey: RsaPublicKey.fromSpki(spki.raw),
      isCA: false,
      dnsNames: [],
    };
    const extsWrapper = rest.find((n) => n.tag === 0xa3);
    if (extsWrapper) {
      for (const ext of children(children(extsWrapper)[0])) {
        const parts = children(ext);
        const id = readOid(parts[0]);
        const value = readNode(parts[parts.length - 1].value);
        if (id === OID.basicConstraints) {
          const bc = children(value);
          cert.isCA = bc[0]?.tag === Tag.BOOLEAN && bc[0].value[0] !== 0;
        } else if (id === OID.subjectAltName) {
          for (const gn of children(value)) if (gn.tag === 0x82) cert.dnsNames.push(new TextDecoder().decode(gn.value));
        }
      }
    }
    return cert;
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    throw new DecodeError(`malformed certificate: ${(e as Error).message}`);
  }
}

/** Whether `cert` carries a valid signature by `issuerKey` (RFC 5280 6.1.3 (a)(1)). */
export function signatureValid(cert: Certificate, issuerKey: RsaPublicKey): boolean {
  if (cert.signatureAlgorithm === OID.sha256WithRSAEncryption) return pkcs1Verify(issuerKey, "sha256", cert.tbs, cert.signature);
  if (cert.signatureAlgorithm === OID.sha384WithRSAEncryption) return pkcs1Verify(issuerKey, "sha384", cert.tbs, cert.signature);
  return false;
}

export const sameName = (a: Uint8Array, b: Uint8Array) => equalBytes(a, b);

export function encodeName(cn: string, org?: string): Uint8Array {
  const rdns = [];
  if (org) rdns.push(set(seq(oid(OID.organizationName), utf8String(org))));
  rdns.push(set(seq(oid(OID.commonName), utf8String(cn))));
  return seq(...rdns);
}

export interface CertificateTemplate {
  serial: bigint;
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: RsaPublicKey;
  isCA: boolean;
  dnsNames?: string[];
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? seq(oid(id), boolean(true), octetString(value)) : seq(oid(id), octetString(value));
}

/** Builds and signs (sha256WithRSAEncryption) a v3 certificate. */
export async function buildCertificate(t: CertificateTemplate, signer: RsaPrivateKey, rng: Rng): Promise<Uint8Array> {
  const alg = seq(oid(OID.sha256WithRSAEncryption), nullValue());
  const exts = [extension(OID.basicConstraints, true, t.isCA ? seq(boolean(true)) : seq())];
  // keyUsage: CA = keyCertSign | cRLSign (bits 5, 6); leaf = digitalSignature | keyEncipherment (bits 0, 2).
  exts.push(extension(OID.keyUsage, true, t.isCA ? tlv(Tag.BIT_STRING, new Uint8Array([1, 0x06])) : tlv(Tag.BIT_STRING, new Uint8Array([5, 0xa0]))));
  if (!t.isCA) {
    exts.push(extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth))));
    if (t.dnsNames?.length) exts.push(extension(OID.subjectAltName, false, seq(...t.dnsNames.map((n) => tlv(0x82, new TextEncoder().encode(n))))));
  }
  const tbs = seq(
    explicit(0, integer(2n)),
    integer(t.serial),
    alg,
    t.issuer,
    seq(time(t.notBefore), time(t.notAfter)),
    t.subject,
    t.publicKey.toSpki(),
    explicit(3, seq(...exts)),
  );
  const signature = await sign(SignatureScheme.rsa_pkcs1_sha256, signer, tbs, rng);
  return seq(tbs, alg, bitString(signature));
}
