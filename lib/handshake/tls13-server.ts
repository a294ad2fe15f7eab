// TLS 1.3 server state machine, 1-RTT full handshake (RFC 8446 2 and appendix A.2):
//   ClientHello -> ServerHello, {EncryptedExtensions}, {Certificate}, {CertificateVerify}, {Finished}
//   {Finished} -> CONNECTED
import { TlsAlert } from "./alerts";
import type { CipherSuite } from "./cipher-suites";
import type { Endpoint, Handshaker } from "./endpoint";
import {
  encodeCertificate13,
  encodeCertificateVerify,
  encodeEncryptedExtensions,
  encodeServerHello,
  encodeServerKeyShare,
  ExtensionType,
  findExtension,
  HandshakeType,
  NamedGroup,
  parseClientKeyShares,
  parseU16List,
  TLS12,
  TLS13,
  type ClientHello,
} from "./messages";
import type { HandshakeMessage } from "./record";
import { sign, SignatureScheme, schemeName } from "./signatures";
import { applyFinishedFault, checkFinished } from "./finished";
import { certificateVerifyContent, type Tls13Secrets } from "./tls13-key-schedule";
import { deriveApplication13, deriveHandshake13, finished13, installKeys13 } from "./tls13-common";
import { X25519KeyPair } from "./x25519";
import { u16 } from "./bytes";

export class Tls13Server implements Handshaker {
  readonly isTls13 = true;
  state = "WAIT_CLIENT_HELLO";
  private suite!: CipherSuite;
  private secrets!: Tls13Secrets;
  private clientSecret!: Uint8Array;
  private appSecrets!: Required<Tls13Secrets>;

  constructor(
    private readonly ep: Endpoint,
    private readonly hello: ClientHello,
  ) {}

  async onClientHello(): Promise<void> {
    const ep = this.ep;
    const o = ep.options;
    const ch = this.hello;
    if (ch.compressionMethods.length !== 1 || ch.compressionMethods[0] !== 0) throw new TlsAlert("illegal_parameter", "TLS 1.3 requires exactly the null compression method");
    const suite = o.suites.find((s) => s.version === "TLS1.3" && ch.cipherSuites.includes(s.id));
    if (!suite) throw new TlsAlert("handshake_failure", "no TLS 1.3 cipher suite in common");
    this.suite = suite;
    const sa = findExtension(ch.extensions, ExtensionType.signature_algorithms);
    if (!sa) throw new TlsAlert("missing_extension", "signature_algorithms is required (RFC 8446 9.2)");
    const schemes = parseU16List(sa);
    const scheme = [SignatureScheme.rsa_pss_rsae_sha256, SignatureScheme.rsa_pss_rsae_sha384].find((s) => schemes.includes(s));
    if (!scheme) throw new TlsAlert("handshake_failure", "client accepts no RSA-PSS signature scheme");
    const ks = findExtension(ch.extensions, ExtensionType.key_share);
    if (!ks) throw new TlsAlert("missing_extension", "key_share is required without PSK (RFC 8446 9.2)");
    const share = parseClientKeyShares(ks).find((e) => e.group === NamedGroup.x25519);
    if (!share) throw new TlsAlert("handshake_failure", "no x25519 key share (HelloRetryRequest is not implemented)");

    const random = ep.derive("server_random", o.rng.bytes(32, "server_random"), "32 random bytes from the server (RFC 8446 4.1.3)");
    const kp = await X25519KeyPair.generate(o.rng);
    ep.derive("server x25519 private key", kp.privateKey, "32 random bytes (RFC 7748 5)");
    ep.derive("server x25519 public key", kp.publicKey, "X25519(private key, 9)", [{ name: "private key", value: kp.privateKey }]);
    const shared = await kp.sharedSecret(share.keyExchange);
    if (!shared) throw new TlsAlert("illegal_parameter", "invalid x25519 key share");
    ep.derive("(EC)DHE shared secret", shared, "X25519(server private key, client public key) (RFC 8446 7.4.2)", [
      { name: "server private key", value: kp.privateKey },
      { name: "client public key", value: share.keyExchange },
    ]);

    ep.sendHandshake(
      HandshakeType.server_hello,
      encodeServerHello({
        legacyVersion: TLS12,
        random,
        sessionId: ch.sessionId,
        cipherSuite: suite.id,
        compressionMethod: 0,
        extensions: [
          { type: ExtensionType.key_share, data: encodeServerKeyShare({ group: NamedGroup.x25519, keyExchange: kp.publicKey }) },
          { type: ExtensionType.supported_versions, data: u16(TLS13) },
        ],
      }),
    );
    this.secrets = deriveHandshake13(ep, suite, shared, ch.random);
    // Middlebox compatibility mode (RFC 8446 D.4): a client that sent a session ID gets a dummy CCS.
    if (ch.sessionId.length) ep.sendChangeCipherSpec();
    installKeys13(ep, suite, this.secrets.serverHandshakeTrafficSecret, "write");
    installKeys13(ep, suite, this.secrets.clientHandshakeTrafficSecret, "read");

    ep.sendHandshake(HandshakeType.encrypted_extensions, encodeEncryptedExtensions([]));
    ep.sendHandshake(HandshakeType.certificate, encodeCertificate13(o.certificateChain));
    const th = ep.transcriptHash(suite.hash);
    const content = certificateVerifyContent("server", th);
    const signature = await sign(scheme, o.privateKey!, content, o.rng);
    ep.derive("CertificateVerify signature", signature, `${schemeName(scheme)} over 64 spaces + "TLS 1.3, server CertificateVerify" + 00 + Transcript-Hash(ClientHello..Certificate) (RFC 8446 4.4.3)`, [
      { name: "transcript hash", value: th },
    ]);
    ep.sendHandshake(HandshakeType.certificate_verify, encodeCertificateVerify(scheme, signature));
    ep.sendHandshake(HandshakeType.finished, applyFinishedFault(ep, finished13(ep, suite, this.secrets.serverHandshakeTrafficSecret, "server")));
    this.appSecrets = deriveApplication13(ep, suite, this.secrets, ch.random);
    this.clientSecret = this.secrets.clientHandshakeTrafficSecret;
    installKeys13(ep, suite, this.appSecrets.serverApplicationTrafficSecret, "write");
    this.state = "WAIT_FINISHED";
  }

  async onMessage(msg: HandshakeMessage): Promise<void> {
    const ep = this.ep;
    if (this.state === "WAIT_FINISHED") {
      if (msg.type !== HandshakeType.finished) throw new TlsAlert("unexpected_message", `in WAIT_FINISHED, got handshake type ${msg.type}`);
      checkFinished(finished13(ep, this.suite, this.clientSecret, "client"), msg.body);
      ep.transcript.push(msg.raw);
      installKeys13(ep, this.suite, this.appSecrets.clientApplicationTrafficSecret, "read");
      this.state = "CONNECTED";
      ep.complete("TLS1.3", this.suite, false);
      return;
    }
    throw new TlsAlert("unexpected_message", `handshake message ${msg.type} in ${this.state}`);
  }

  onChangeCipherSpec(): void {
    // Unreachable: the endpoint drops compatibility CCS records in TLS 1.3.
  }
}
