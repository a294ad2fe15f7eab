// TLS 1.2 client state machine after ServerHello (RFC 5246 7.3, figures 1 and 2):
//
//   full:    Certificate, [ServerKeyExchange], ServerHelloDone  ->  ClientKeyExchange, CCS, Finished
//                                                                <-  CCS, Finished
//   resumed:                                                     <-  CCS, Finished
//                                                                ->  CCS, Finished
import { TlsAlert } from "./alerts";
import { concat, equalBytes, hex } from "./bytes";
import { suiteById, type CipherSuite } from "./cipher-suites";
import type { Endpoint, Handshaker } from "./endpoint";
import type { KeyBlock } from "./key-schedule12";
import {
  encodeEcdhClientKeyExchange,
  encodeRsaClientKeyExchange,
  ExtensionType,
  findExtension,
  HandshakeType,
  NamedGroup,
  parseCertificate12,
  parseServerKeyExchange,
  TLS12,
  type ClientHello,
  type ServerHello,
} from "./messages";
import type { HandshakeMessage } from "./record";
import type { RsaPublicKey } from "./rsa";
import { pkcs1Encrypt } from "./rsa-pkcs1";
import type { Session12 } from "./session-cache";
import { OFFERED_SIGNATURE_SCHEMES, schemeName, verify } from "./signatures";
import { applyFinishedFault, checkFinished } from "./finished";
import { cipher12, deriveKeys, deriveMaster, finished12 } from "./tls12-common";
import { parseCertificate } from "./x509";
import { X25519KeyPair } from "./x25519";

export class Tls12Client implements Handshaker {
  state = "WAIT_SERVER_HELLO";
  private suite!: CipherSuite;
  private serverHello!: ServerHello;
  private serverKey?: RsaPublicKey;
  private serverEcdhPublic?: Uint8Array;
  private master?: Uint8Array;
  private keys?: KeyBlock;
  private resumed = false;

  constructor(
    private readonly ep: Endpoint,
    private readonly hello: ClientHello,
    private readonly offeredSession?: Session12,
  ) {}

  async onServerHello(sh: ServerHello): Promise<void> {
    const suite = suiteById(sh.cipherSuite);
    if (!suite || suite.version !== "TLS1.2" || !this.hello.cipherSuites.includes(sh.cipherSuite)) throw new TlsAlert("illegal_parameter", `server chose cipher suite 0x${sh.cipherSuite.toString(16)} that was not offered`);
    if (sh.compressionMethod !== 0) throw new TlsAlert("illegal_parameter", "server chose compression");
    const reneg = findExtension(sh.extensions, ExtensionType.renegotiation_info);
    if (reneg && !(reneg.length === 1 && reneg[0] === 0)) throw new TlsAlert("handshake_failure", "renegotiation_info must be empty on an initial handshake (RFC 5746 3.4)");
    this.suite = suite;
    this.serverHello = sh;
    this.ep.derive("server_random", sh.random, "32 random bytes from the server (RFC 5246 7.4.1.3)");
    const s = this.offeredSession;
    if (s && sh.sessionId.length > 0 && equalBytes(sh.sessionId, s.id)) {
      if (s.cipherSuite !== sh.cipherSuite) throw new TlsAlert("illegal_parameter", "resumed session with a different cipher suite");
      this.resumed = true;
      this.ep.note(`server accepted session ${hex(s.id)}: abbreviated handshake, no certificate or key exchange`);
      this.master = s.masterSecret;
      this.ep.derive("master_secret", s.masterSecret, "taken from the session cache (RFC 5246 7.3: the resumed session keeps its master secret)");
      this.ep.addKeyLog("CLIENT_RANDOM", this.hello.random, s.masterSecret);
      this.keys = deriveKeys(this.ep, suite, s.masterSecret, this.hello.random, sh.random);
      this.state = "WAIT_CHANGE_CIPHER_SPEC";
      return;
    }
    this.state = "WAIT_CERTIFICATE";
  }

  async onMessage(msg: HandshakeMessage): Promise<void> {
    const ep = this.ep;
    const expect = (type: number) => {
      if (msg.type !== type) throw new TlsAlert("unexpected_message", `in ${this.state}, got handshake type ${msg.type}`);
    };
    switch (this.state) {
      case "WAIT_CERTIFICATE": {
        expect(HandshakeType.certificate);
        const chain = parseCertificate12(msg.body);
        ep.transcript.push(msg.raw);
        ep.verifyChain(chain);
        this.serverKey = parseCertificate(chain[0]).publicKey;
        this.state = this.suite.keyExchange === "ECDHE_RSA" ? "WAIT_SERVER_KEY_EXCHANGE" : "WAIT_SERVER_HELLO_DONE";
        return;
      }
      case "WAIT_SERVER_KEY_EXCHANGE": {
        expect(HandshakeType.server_key_exchange);
        const ske = parseServerKeyExchange(msg.body);
        if (ske.namedCurve !== NamedGroup.x25519) throw new TlsAlert("illegal_parameter", `server chose curve ${ske.namedCurve}, not x25519`);
        if (!OFFERED_SIGNATURE_SCHEMES.includes(ske.scheme)) throw new TlsAlert("illegal_parameter", `signature scheme ${schemeName(ske.scheme)} was not offered`);
        // The signature covers both randoms, so it cannot be replayed into another connection (RFC 5246 7.4.3).
        const signed = concat(this.hello.random, this.serverHello.random, ske.params);
        if (!verify(ske.scheme, this.serverKey!, signed, ske.signature)) throw new TlsAlert("decrypt_error", "ServerKeyExchange signature does not verify with the certificate's key");
        ep.note(`ServerKeyExchange signature (${schemeName(ske.scheme)}) verified with the server certificate's key`);
        this.serverEcdhPublic = ske.publicKey;
        ep.transcript.push(msg.raw);
        this.state = "WAIT_SERVER_HELLO_DONE";
        return;
      }
      case "WAIT_SERVER_HELLO_DONE": {
        if (msg.type === HandshakeType.certificate_request) throw new TlsAlert("handshake_failure", "client certificates are not supported");
        expect(HandshakeType.server_hello_done);
        if (msg.body.length !== 0) throw new TlsAlert("decode_error", "ServerHelloDone must be empty");
        ep.transcript.push(msg.raw);
        await this.sendKeyExchangeAndFinished();
        return;
      }
      case "WAIT_FINISHED": {
        expect(HandshakeType.finished);
        checkFinished(finished12(ep, this.suite, this.master!, "server finished"), msg.body);
        ep.transcript.push(msg.raw);
        if (this.resumed) this.sendFinished();
        else this.cacheSession();
        this.state = "CONNECTED";
        ep.complete("TLS1.2", this.suite, this.resumed);
        return;
      }
      case "CONNECTED":
        if (msg.type === HandshakeType.hello_request) return; // renegotiation is not supported; ignoring is allowed (7.4.1.1)
        throw new TlsAlert("unexpected_message", `handshake message ${msg.type} after the handshake`);
      default:
        throw new TlsAlert("unexpected_message", `handshake message ${msg.type} in ${this.state}`);
    }
  }

  private async sendKeyExchangeAndFinished(): Promise<void> {
    const ep = this.ep;
    const o = ep.options;
    let premaster: Uint8Array;
    if (this.suite.keyExchange === "RSA") {
      // PreMasterSecret = client_version (what the ClientHello offered, to catch rollback) + 46 random bytes.
      premaster = concat(new Uint8Array([TLS12 >> 8, TLS12 & 0xff]), o.rng.bytes(46, "premaster_random"));
      ep.derive("pre_master_secret", premaster, "ClientHello.client_version (03 03) + 46 random bytes (RFC 5246 7.4.7.1)");
      const { ciphertext, padded } = pkcs1Encrypt(this.serverKey!, premaster, o.rng);
      ep.derive("PKCS#1 v1.5 block", padded, "00 02 || non-zero random padding || 00 || pre_master_secret (RFC 8017 7.2.1)", [{ name: "pre_master_secret", value: premaster }]);
      ep.derive("EncryptedPreMasterSecret", ciphertext, "block^e mod n with the server certificate's RSA key", [{ name: "PKCS#1 v1.5 block", value: padded }]);
      ep.sendHandshake(HandshakeType.client_key_exchange, encodeRsaClientKeyExchange(ciphertext));
      ep.addKeyLogLine(`RSA ${hex(ciphertext.subarray(0, 8))} ${hex(premaster)}`);
    } else {
      const kp = await X25519KeyPair.generate(o.rng);
      ep.derive("client x25519 private key", kp.privateKey, "32 random bytes (RFC 7748 5)");
      ep.derive("client x25519 public key", kp.publicKey, "X25519(private key, 9)", [{ name: "private key", value: kp.privateKey }]);
      const shared = await kp.sharedSecret(this.serverEcdhPublic!);
      if (!shared) throw new TlsAlert("illegal_parameter", "server's x25519 public key is invalid");
      premaster = ep.derive("pre_master_secret", shared, "X25519(client private key, server public key) (RFC 8422 5.10)", [
        { name: "client private key", value: kp.privateKey },
        { name: "server public key", value: this.serverEcdhPublic! },
      ]);
      ep.sendHandshake(HandshakeType.client_key_exchange, encodeEcdhClientKeyExchange(kp.publicKey));
    }
    this.master = deriveMaster(ep, this.suite, premaster, this.hello.random, this.serverHello.random);
    this.keys = deriveKeys(ep, this.suite, this.master, this.hello.random, this.serverHello.random);
    this.sendFinished();
    this.state = "WAIT_CHANGE_CIPHER_SPEC";
  }

  private sendFinished(): void {
    const ep = this.ep;
    ep.sendChangeCipherSpec();
    ep.setWriteCipher(cipher12(this.suite, this.keys!.client, ep.options.rng));
    const v = applyFinishedFault(ep, finished12(ep, this.suite, this.master!, "client finished"));
    ep.sendHandshake(HandshakeType.finished, v);
  }

  onChangeCipherSpec(): void {
    if (this.state !== "WAIT_CHANGE_CIPHER_SPEC") throw new TlsAlert("unexpected_message", `ChangeCipherSpec in ${this.state}`);
    this.ep.setReadCipher(cipher12(this.suite, this.keys!.server, this.ep.options.rng));
    this.state = "WAIT_FINISHED";
  }

  private cacheSession(): void {
    const o = this.ep.options;
    const id = this.serverHello.sessionId;
    if (!o.sessionCache || id.length === 0) return;
    o.sessionCache.set(o.serverName ?? "", { id, masterSecret: this.master!, cipherSuite: this.suite.id, serverName: o.serverName, createdAt: o.now().getTime() });
  }
}
