// TLS 1.2 server state machine (RFC 5246 7.3):
//   full:    ClientHello -> ServerHello, Certificate, [ServerKeyExchange], ServerHelloDone
//            ClientKeyExchange, CCS, Finished -> CCS, Finished
//   resumed: ClientHello(session_id) -> ServerHello(same id), CCS, Finished;  CCS, Finished ->
import { TlsAlert } from "./alerts";
import { concat, hex } from "./bytes";
import { EMPTY_RENEGOTIATION_INFO_SCSV, type CipherSuite } from "./cipher-suites";
import type { Endpoint, Handshaker } from "./endpoint";
import type { KeyBlock } from "./key-schedule12";
import {
  encodeCertificate12,
  encodeEcdhParams,
  encodeServerHello,
  encodeServerKeyExchange,
  ExtensionType,
  findExtension,
  HandshakeType,
  NamedGroup,
  parseEcdhClientKeyExchange,
  parseRsaClientKeyExchange,
  parseU16List,
  TLS12,
  DOWNGRADE_TLS12,
  type ClientHello,
  type Extension,
} from "./messages";
import type { HandshakeMessage } from "./record";
import { decryptPremaster } from "./rsa-pkcs1";
import { sign, SignatureScheme, schemeName } from "./signatures";
import { applyFinishedFault, checkFinished } from "./finished";
import { cipher12, deriveKeys, deriveMaster, finished12 } from "./tls12-common";
import { X25519KeyPair } from "./x25519";

export class Tls12Server implements Handshaker {
  state = "WAIT_CLIENT_HELLO";
  private suite!: CipherSuite;
  private serverRandom!: Uint8Array;
  private sessionId: Uint8Array = new Uint8Array(0);
  private ecdh?: X25519KeyPair;
  private master?: Uint8Array;
  private keys?: KeyBlock;
  private resumed = false;

  constructor(
    private readonly ep: Endpoint,
    private readonly hello: ClientHello,
  ) {}

  /** Server preference order; ECDHE needs x25519 and a signature scheme the client accepts. */
  private chooseSuite(): { suite: CipherSuite; scheme: number } {
    const ch = this.hello;
    const groups = findExtension(ch.extensions, ExtensionType.supported_groups);
    const x25519 = !groups || parseU16List(groups).includes(NamedGroup.x25519);
    const sa = findExtension(ch.extensions, ExtensionType.signature_algorithms);
    // Absent signature_algorithms means {sha1,rsa} (RFC 5246 7.4.1.4.1), which this server does not sign with.
    const schemes = sa ? parseU16List(sa) : [];
    const scheme = schemes.includes(SignatureScheme.rsa_pkcs1_sha256) ? SignatureScheme.rsa_pkcs1_sha256 : schemes.includes(SignatureScheme.rsa_pss_rsae_sha256) ? SignatureScheme.rsa_pss_rsae_sha256 : 0;
    for (const s of this.ep.options.suites) {
      if (s.version !== "TLS1.2" || !ch.cipherSuites.includes(s.id)) continue;
      if (s.keyExchange === "ECDHE_RSA" && (!x25519 || !scheme)) continue;
      return { suite: s, scheme };
    }
    throw new TlsAlert("handshake_failure", "no cipher suite in common");
  }

  async onClientHello(): Promise<void> {
    const ep = this.ep;
    const o = ep.options;
    const ch = this.hello;
    if (!ch.compressionMethods.includes(0)) throw new TlsAlert("illegal_parameter", "client does not offer null compression");
    const reneg = findExtension(ch.extensions, ExtensionType.renegotiation_info);
    if (reneg && !(reneg.length === 1 && reneg[0] === 0)) throw new TlsAlert("handshake_failure", "renegotiation_info must be empty on an initial handshake (RFC 5746 3.6)");
    const secureReneg = reneg !== undefined || ch.cipherSuites.includes(EMPTY_RENEGOTIATION_INFO_SCSV);
    const { suite, scheme } = this.chooseSuite();
    this.suite = suite;

    let random = o.rng.bytes(32, "server_random");
    if (o.versions.includes("TLS1.3")) random = concat(random.subarray(0, 24), DOWNGRADE_TLS12);
    this.serverRandom = ep.derive("server_random", random, o.versions.includes("TLS1.3") ? "24 random bytes + DOWNGRD\\x01 (RFC 8446 4.1.3: this server could do TLS 1.3)" : "32 random bytes from the server");

    // extended_master_secret and encrypt_then_mac are deliberately not echoed: this engine is plain RFC 5246.
    const exts: Extension[] = [];
    if (secureReneg) exts.push({ type: ExtensionType.renegotiation_info, data: new Uint8Array([0]) });

    const cached = ch.sessionId.length && o.sessionCache ? o.sessionCache.get(hex(ch.sessionId), o.now().getTime()) : undefined;
    if (cached && ch.cipherSuites.includes(cached.cipherSuite) && o.suites.some((s) => s.id === cached.cipherSuite)) {
      this.suite = o.suites.find((s) => s.id === cached.cipherSuite)!;
      this.resumed = true;
      this.sessionId = cached.id;
      ep.note(`server resumes session ${hex(cached.id)}: abbreviated handshake (RFC 5246 7.3)`);
      ep.sendHandshake(HandshakeType.server_hello, encodeServerHello({ legacyVersion: TLS12, random, sessionId: cached.id, cipherSuite: this.suite.id, compressionMethod: 0, extensions: exts }));
      this.master = cached.masterSecret;
      ep.derive("master_secret", cached.masterSecret, "taken from the session cache (RFC 5246 7.3)");
      ep.addKeyLog("CLIENT_RANDOM", ch.random, cached.masterSecret);
      this.keys = deriveKeys(ep, this.suite, cached.masterSecret, ch.random, random);
      this.sendFinished();
      this.state = "WAIT_CHANGE_CIPHER_SPEC";
      return;
    }

    if (o.sessionCache) this.sessionId = o.rng.bytes(32, "session_id");
    ep.sendHandshake(HandshakeType.server_hello, encodeServerHello({ legacyVersion: TLS12, random, sessionId: this.sessionId, cipherSuite: suite.id, compressionMethod: 0, extensions: exts }));
    ep.sendHandshake(HandshakeType.certificate, encodeCertificate12(o.certificateChain));
    if (suite.keyExchange === "ECDHE_RSA") {
      this.ecdh = await X25519KeyPair.generate(o.rng);
      ep.derive("server x25519 private key", this.ecdh.privateKey, "32 random bytes (RFC 7748 5)");
      ep.derive("server x25519 public key", this.ecdh.publicKey, "X25519(private key, 9)", [{ name: "private key", value: this.ecdh.privateKey }]);
      const params = encodeEcdhParams(NamedGroup.x25519, this.ecdh.publicKey);
      const signed = concat(ch.random, random, params);
      const signature = await sign(scheme, o.privateKey!, signed, o.rng);
      ep.derive("ServerKeyExchange signature", signature, `${schemeName(scheme)} over client_random + server_random + ServerECDHParams (RFC 5246 7.4.3)`, [{ name: "signed content", value: signed }]);
      ep.sendHandshake(HandshakeType.server_key_exchange, encodeServerKeyExchange(params, scheme, signature));
    }
    ep.sendHandshake(HandshakeType.server_hello_done, new Uint8Array(0));
    this.state = "WAIT_CLIENT_KEY_EXCHANGE";
  }

  async onMessage(msg: HandshakeMessage): Promise<void> {
    const ep = this.ep;
    const o = ep.options;
    const expect = (type: number) => {
      if (msg.type !== type) throw new TlsAlert("unexpected_message", `in ${this.state}, got handshake type ${msg.type}`);
    };
    switch (this.state) {
      case "WAIT_CLIENT_KEY_EXCHANGE": {
        expect(HandshakeType.client_key_exchange);
        let premaster: Uint8Array;
        if (this.suite.keyExchange === "RSA") {
          const encrypted = parseRsaClientKeyExchange(msg.body);
          const d = decryptPremaster(o.privateKey!, encrypted, this.hello.legacyVersion, o.rng);
          ep.derive("PKCS#1 v1.5 block", d.padded, `EncryptedPreMasterSecret^d mod n; padding ${d.paddingValid ? "valid" : "INVALID: a random premaster is used instead (RFC 5246 7.4.7.1)"}`, [{ name: "EncryptedPreMasterSecret", value: encrypted }]);
          premaster = ep.derive("pre_master_secret", d.premaster, "the last 48 bytes of the block, client_version forced to ClientHello.client_version (RFC 5246 7.4.7.1)", [{ name: "PKCS#1 v1.5 block", value: d.padded }]);
          ep.addKeyLogLine(`RSA ${hex(encrypted.subarray(0, 8))} ${hex(premaster)}`);
        } else {
          const pub = parseEcdhClientKeyExchange(msg.body);
          const shared = await this.ecdh!.sharedSecret(pub);
          if (!shared) throw new TlsAlert("illegal_parameter", "client's x25519 public key is invalid");
          premaster = ep.derive("pre_master_secret", shared, "X25519(server private key, client public key) (RFC 8422 5.10)", [
            { name: "server private key", value: this.ecdh!.privateKey },
            { name: "client public key", value: pub },
          ]);
        }
        ep.transcript.push(msg.raw);
        this.master = deriveMaster(ep, this.suite, premaster, this.hello.random, this.serverRandom);
        this.keys = deriveKeys(ep, this.suite, this.master, this.hello.random, this.serverRandom);
        this.state = "WAIT_CHANGE_CIPHER_SPEC";
        return;
      }
      case "WAIT_FINISHED": {
        expect(HandshakeType.finished);
        checkFinished(finished12(ep, this.suite, this.master!, "client finished"), msg.body);
        ep.transcript.push(msg.raw);
        if (!this.resumed) {
          this.sendFinished();
          if (o.sessionCache && this.sessionId.length) {
            o.sessionCache.set(hex(this.sessionId), { id: this.sessionId, masterSecret: this.master!, cipherSuite: this.suite.id, createdAt: o.now().getTime() });
          }
        }
        this.state = "CONNECTED";
        ep.complete("TLS1.2", this.suite, this.resumed);
        return;
      }
      case "CONNECTED":
        if (msg.type === HandshakeType.client_hello) throw new TlsAlert("no_renegotiation", "renegotiation is not supported");
        throw new TlsAlert("unexpected_message", `handshake message ${msg.type} after the handshake`);
      default:
        throw new TlsAlert("unexpected_message", `handshake message ${msg.type} in ${this.state}`);
    }
  }

  private sendFinished(): void {
    const ep = this.ep;
    ep.sendChangeCipherSpec();
    ep.setWriteCipher(cipher12(this.suite, this.keys!.server, ep.options.rng));
    ep.sendHandshake(HandshakeType.finished, applyFinishedFault(ep, finished12(ep, this.suite, this.master!, "server finished")));
  }

  onChangeCipherSpec(): void {
    if (this.state !== "WAIT_CHANGE_CIPHER_SPEC") throw new TlsAlert("unexpected_message", `ChangeCipherSpec in ${this.state}`);
    this.ep.setReadCipher(cipher12(this.suite, this.keys!.client, this.ep.options.rng));
    this.state = "WAIT_FINISHED";
  }
}
