// TLS 1.3 client state machine after ServerHello (RFC 8446 2, figure 1; states of appendix A.1):
//   WAIT_EE -> WAIT_CERT -> WAIT_CV -> WAIT_FINISHED -> send Finished -> CONNECTED
import { TlsAlert } from "./alerts";
import { equalBytes } from "./bytes";
import { suiteById, type CipherSuite } from "./cipher-suites";
import type { Endpoint, Handshaker } from "./endpoint";
import { ExtensionType, findExtension, HandshakeType, NamedGroup, parseCertificate13, parseCertificateVerify, parseEncryptedExtensions, parseNewSessionTicket13, parseServerKeyShare, type ClientHello, type ServerHello } from "./messages";
import type { HandshakeMessage } from "./record";
import type { RsaPublicKey } from "./rsa";
import { OFFERED_SIGNATURE_SCHEMES, schemeName, verify } from "./signatures";
import { applyFinishedFault, checkFinished } from "./finished";
import { certificateVerifyContent, type Tls13Secrets } from "./tls13-key-schedule";
import { deriveApplication13, deriveHandshake13, finished13, installKeys13 } from "./tls13-common";
import { parseCertificate } from "./x509";
import type { X25519KeyPair } from "./x25519";

export class Tls13Client implements Handshaker {
  readonly isTls13 = true;
  state = "WAIT_SERVER_HELLO";
  private suite!: CipherSuite;
  private secrets!: Tls13Secrets;
  private serverKey?: RsaPublicKey;

  constructor(
    private readonly ep: Endpoint,
    private readonly hello: ClientHello,
    private readonly keyShare: X25519KeyPair,
  ) {}

  async onServerHello(sh: ServerHello): Promise<void> {
    const ep = this.ep;
    const suite = suiteById(sh.cipherSuite);
    if (!suite || suite.version !== "TLS1.3" || !this.hello.cipherSuites.includes(sh.cipherSuite)) throw new TlsAlert("illegal_parameter", "server chose a cipher suite that was not offered");
    if (sh.compressionMethod !== 0) throw new TlsAlert("illegal_parameter", "legacy_compression_method must be 0");
    if (!equalBytes(sh.sessionId, this.hello.sessionId)) throw new TlsAlert("illegal_parameter", "legacy_session_id_echo differs from ours");
    const ks = findExtension(sh.extensions, ExtensionType.key_share);
    if (!ks) throw new TlsAlert("missing_extension", "ServerHello without key_share (PSK-only is not offered)");
    const share = parseServerKeyShare(ks);
    if (share.group !== NamedGroup.x25519) throw new TlsAlert("illegal_parameter", "server key share is not x25519");
    this.suite = suite;
    ep.derive("server_random", sh.random, "32 random bytes from the server (RFC 8446 4.1.3)");
    const shared = await this.keyShare.sharedSecret(share.keyExchange);
    if (!shared) throw new TlsAlert("illegal_parameter", "invalid x25519 key share");
    ep.derive("(EC)DHE shared secret", shared, "X25519(client private key, server public key) (RFC 8446 7.4.2)", [
      { name: "client private key", value: this.keyShare.privateKey },
      { name: "server public key", value: share.keyExchange },
    ]);
    this.secrets = deriveHandshake13(ep, suite, shared, this.hello.random);
    // Both directions switch to handshake traffic keys now; our alerts from here on are protected too.
    installKeys13(ep, suite, this.secrets.serverHandshakeTrafficSecret, "read");
    installKeys13(ep, suite, this.secrets.clientHandshakeTrafficSecret, "write");
    this.state = "WAIT_ENCRYPTED_EXTENSIONS";
  }

  async onMessage(msg: HandshakeMessage): Promise<void> {
    const ep = this.ep;
    const expect = (type: number) => {
      if (msg.type !== type) throw new TlsAlert("unexpected_message", `in ${this.state}, got handshake type ${msg.type}`);
    };
    switch (this.state) {
      case "WAIT_ENCRYPTED_EXTENSIONS": {
        expect(HandshakeType.encrypted_extensions);
        for (const e of parseEncryptedExtensions(msg.body)) {
          if (!this.hello.extensions.some((x) => x.type === e.type)) throw new TlsAlert("unsupported_extension", `EncryptedExtensions has extension ${e.type} that was not offered`);
        }
        ep.transcript.push(msg.raw);
        this.state = "WAIT_CERTIFICATE";
        return;
      }
      case "WAIT_CERTIFICATE": {
        if (msg.type === HandshakeType.certificate_request) throw new TlsAlert("handshake_failure", "client certificates are not supported");
        expect(HandshakeType.certificate);
        const { context, chain } = parseCertificate13(msg.body);
        if (context.length !== 0) throw new TlsAlert("illegal_parameter", "certificate_request_context must be empty in the handshake");
        ep.transcript.push(msg.raw);
        ep.verifyChain(chain);
        this.serverKey = parseCertificate(chain[0]).publicKey;
        this.state = "WAIT_CERTIFICATE_VERIFY";
        return;
      }
      case "WAIT_CERTIFICATE_VERIFY": {
        expect(HandshakeType.certificate_verify);
        const cv = parseCertificateVerify(msg.body);
        // RSASSA-PKCS1-v1_5 is not allowed in TLS 1.3 handshake signatures (RFC 8446 4.2.3).
        if (!OFFERED_SIGNATURE_SCHEMES.includes(cv.scheme) || (cv.scheme >> 8) !== 0x08) throw new TlsAlert("illegal_parameter", `CertificateVerify uses ${schemeName(cv.scheme)}`);
        const th = ep.transcriptHash(this.suite.hash);
        const content = certificateVerifyContent("server", th);
        if (!verify(cv.scheme, this.serverKey!, content, cv.signature)) throw new TlsAlert("decrypt_error", "CertificateVerify signature does not verify");
        ep.note(`CertificateVerify (${schemeName(cv.scheme)}) verified over 64 spaces, "TLS 1.3, server CertificateVerify", 0x00 and the transcript hash`);
        ep.transcript.push(msg.raw);
        this.state = "WAIT_FINISHED";
        return;
      }
      case "WAIT_FINISHED": {
        expect(HandshakeType.finished);
        checkFinished(finished13(ep, this.suite, this.secrets.serverHandshakeTrafficSecret, "server"), msg.body);
        ep.transcript.push(msg.raw);
        const app = deriveApplication13(ep, this.suite, this.secrets, this.hello.random);
        const v = applyFinishedFault(ep, finished13(ep, this.suite, this.secrets.clientHandshakeTrafficSecret, "client"));
        ep.sendHandshake(HandshakeType.finished, v);
        installKeys13(ep, this.suite, app.serverApplicationTrafficSecret, "read");
        installKeys13(ep, this.suite, app.clientApplicationTrafficSecret, "write");
        this.state = "CONNECTED";
        ep.complete("TLS1.3", this.suite, false);
        return;
      }
      case "CONNECTED": {
        if (msg.type === HandshakeType.new_session_ticket) {
          // Tickets enable PSK resumption, which this engine does not offer; they are read and dropped.
          const t = parseNewSessionTicket13(msg.body);
          ep.emit({ type: "newSessionTicket", lifetime: t.lifetime });
          return;
        }
        throw new TlsAlert("unexpected_message", `post-handshake message ${msg.type} not supported`);
      }
      default:
        throw new TlsAlert("unexpected_message", `handshake message ${msg.type} in ${this.state}`);
    }
  }

  onChangeCipherSpec(): void {
    // Unreachable: the endpoint drops compatibility CCS records in TLS 1.3.
  }
}

