// The client's first flight and version negotiation: one ClientHello offers TLS 1.3 and/or 1.2
// (RFC 8446 4.1.2 and 4.2.1); the ServerHello decides which state machine continues.
import { TlsAlert } from "./alerts";
import { equalBytes, hex } from "./bytes";
import { suiteName } from "./cipher-suites";
import type { Endpoint, Handshaker } from "./endpoint";
import {
  encodeClientHello,
  encodeClientKeyShares,
  encodeServerName,
  encodeU16List,
  ExtensionType,
  findExtension,
  HandshakeType,
  NamedGroup,
  parseClientHello,
  parseServerHello,
  DOWNGRADE_TLS12,
  HELLO_RETRY_REQUEST_RANDOM,
  TLS12,
  TLS13,
  type ClientHello,
  type Extension,
} from "./messages";
import type { HandshakeMessage } from "./record";
import type { Session12 } from "./session-cache";
import { OFFERED_SIGNATURE_SCHEMES } from "./signatures";
import { Tls12Client } from "./tls12-client";
import { Tls13Client } from "./tls13-client";
import { X25519KeyPair } from "./x25519";

export class ClientHandshake implements Handshaker {
  state = "START";
  hello!: ClientHello;
  keyShare?: X25519KeyPair;
  offeredSession?: Session12;

  constructor(private readonly ep: Endpoint) {}

  get offers13(): boolean {
    return this.ep.options.versions.includes("TLS1.3") && this.ep.options.suites.some((s) => s.version === "TLS1.3");
  }
  get offers12(): boolean {
    return this.ep.options.versions.includes("TLS1.2") && this.ep.options.suites.some((s) => s.version === "TLS1.2");
  }

  async start(): Promise<void> {
    const ep = this.ep;
    const o = ep.options;
    const offer13 = this.offers13;
    const offer12 = this.offers12;
    if (!offer13 && !offer12) throw new TlsAlert("internal_error", "no version with a cipher suite is enabled");
    const suites = o.suites.filter((s) => (s.version === "TLS1.3" ? offer13 : offer12)).map((s) => s.id);
    const random = ep.derive("client_random", o.rng.bytes(32, "client_random"), "32 random bytes from the client (RFC 5246 7.4.1.2)");

    let sessionId: Uint8Array = new Uint8Array(0);
    if (offer12 && o.sessionCache) {
      const s = o.sessionCache.get(o.serverName ?? "", o.now().getTime());
      if (s && suites.includes(s.cipherSuite)) {
        this.offeredSession = s;
        sessionId = s.id;
        ep.note(`client offers to resume session ${hex(s.id)} (${suiteName(s.cipherSuite)})`);
      }
    }

    const exts: Extension[] = [];
    if (o.serverName && !/^[\d.]+$|:/.test(o.serverName)) exts.push({ type: ExtensionType.server_name, data: encodeServerName(o.serverName) });
    const ecdhe12 = offer12 && o.suites.some((s) => s.keyExchange === "ECDHE_RSA");
    if (offer13 || ecdhe12) exts.push({ type: ExtensionType.supported_groups, data: encodeU16List([NamedGroup.x25519]) });
    if (ecdhe12) exts.push({ type: ExtensionType.ec_point_formats, data: new Uint8Array([1, 0]) });
    exts.push({ type: ExtensionType.signature_algorithms, data: encodeU16List(OFFERED_SIGNATURE_SCHEMES) });
    if (offer12) exts.push({ type: ExtensionType.renegotiation_info, data: new Uint8Array([0]) });
    if (offer13) {
      this.keyShare = await X25519KeyPair.generate(o.rng);
      ep.derive("client x25519 private key", this.keyShare.privateKey, "32 random bytes, clamped by X25519 (RFC 7748 5)");
      ep.derive("client x25519 public key", this.keyShare.publicKey, "X25519(private key, 9)", [{ name: "private key", value: this.keyShare.privateKey }]);
      exts.push({ type: ExtensionType.supported_versions, data: encodeU16List(offer12 ? [TLS13, TLS12] : [TLS13], 1) });
      exts.push({ type: ExtensionType.key_share, data: encodeClientKeyShares([{ group: NamedGroup.x25519, keyExchange: this.keyShare.publicKey }]) });
    }
    this.hello = { legacyVersion: TLS12, random, sessionId, cipherSuites: suites, compressionMethods: new Uint8Array([0]), extensions: exts };
    // Like OpenSSL, the first record says TLS 1.0 for the sake of old middleboxes (RFC 8446 5.1).
    ep.recordVersion = 0x0301;
    const sent = ep.sendHandshake(HandshakeType.client_hello, encodeClientHello(this.hello));
    ep.recordVersion = 0x0303;
    // A rewrite fault may have changed what went out: what was sent is what the server answers.
    if (ep.options.faults.rewriteHandshake) this.hello = parseClientHello(sent.subarray(4));
    this.state = "WAIT_SERVER_HELLO";
  }

  async onMessage(msg: HandshakeMessage): Promise<void> {
    if (this.state !== "WAIT_SERVER_HELLO" || msg.type !== HandshakeType.server_hello) throw new TlsAlert("unexpected_message", `expected ServerHello, got handshake type ${msg.type}`);
    const sh = parseServerHello(msg.body);
    if (equalBytes(sh.random, HELLO_RETRY_REQUEST_RANDOM)) throw new TlsAlert("handshake_failure", "HelloRetryRequest is not implemented (the client already offers x25519)");
    for (const e of sh.extensions) {
      if (!this.hello.extensions.some((x) => x.type === e.type)) throw new TlsAlert("unsupported_extension", `ServerHello has extension ${e.type} that was not offered`);
    }
    const sv = findExtension(sh.extensions, ExtensionType.supported_versions);
    this.ep.transcript.push(msg.raw);
    if (sv) {
      if (sv.length !== 2 || ((sv[0] << 8) | sv[1]) !== TLS13 || !this.offers13) throw new TlsAlert("illegal_parameter", "server selected a version that was not offered");
      const next = new Tls13Client(this.ep, this.hello, this.keyShare!);
      this.ep.handshaker = next;
      return next.onServerHello(sh);
    }
    if (sh.legacyVersion !== TLS12 || !this.offers12) throw new TlsAlert("protocol_version", `server chose version 0x${sh.legacyVersion.toString(16)}`);
    if (this.offers13 && equalBytes(sh.random.subarray(24), DOWNGRADE_TLS12)) throw new TlsAlert("illegal_parameter", "TLS 1.3 downgrade sentinel in ServerHello.random");
    const next = new Tls12Client(this.ep, this.hello, this.offeredSession);
    this.ep.handshaker = next;
    return next.onServerHello(sh);
  }

  onChangeCipherSpec(): void {
    throw new TlsAlert("unexpected_message", "ChangeCipherSpec before ServerHello");
  }
}
