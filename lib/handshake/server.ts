// The server's first step: read the ClientHello, pick the version (RFC 8446 4.2.1; RFC 5246
// appendix E.1) and hand over to the TLS 1.2 or TLS 1.3 state machine.
import { TlsAlert } from "./alerts";
import type { Endpoint, Handshaker } from "./endpoint";
import { ExtensionType, findExtension, HandshakeType, parseClientHello, parseU16List, TLS12, TLS13 } from "./messages";
import type { HandshakeMessage } from "./record";
import { Tls12Server } from "./tls12-server";
import { Tls13Server } from "./tls13-server";

export class ServerHandshake implements Handshaker {
  state = "WAIT_CLIENT_HELLO";
  constructor(private readonly ep: Endpoint) {}

  async onMessage(msg: HandshakeMessage): Promise<void> {
    if (msg.type !== HandshakeType.client_hello) throw new TlsAlert("unexpected_message", `expected ClientHello, got handshake type ${msg.type}`);
    const ep = this.ep;
    const o = ep.options;
    const ch = parseClientHello(msg.body);
    ep.transcript.push(msg.raw);
    ep.derive("client_random", ch.random, "32 random bytes from the client");
    if (!o.privateKey || o.certificateChain.length === 0) throw new TlsAlert("internal_error", "server has no certificate and key");
    const sv = findExtension(ch.extensions, ExtensionType.supported_versions);
    const offered = sv ? parseU16List(sv, 1) : [];
    const can13 = o.versions.includes("TLS1.3") && o.suites.some((s) => s.version === "TLS1.3" && ch.cipherSuites.includes(s.id));
    const can12 = o.versions.includes("TLS1.2") && o.suites.some((s) => s.version === "TLS1.2");
    if (offered.includes(TLS13) && can13) {
      const next = new Tls13Server(ep, ch);
      ep.handshaker = next;
      return next.onClientHello();
    }
    // Without supported_versions, legacy_version is the highest version the client supports.
    const client12 = sv ? offered.includes(TLS12) : ch.legacyVersion >= TLS12;
    if (client12 && can12) {
      const next = new Tls12Server(ep, ch);
      ep.handshaker = next;
      return next.onClientHello();
    }
    if (offered.includes(TLS13) && o.versions.includes("TLS1.3")) throw new TlsAlert("handshake_failure", "no shared TLS 1.3 cipher suite");
    throw new TlsAlert("protocol_version", "no protocol version in common");
  }

  onChangeCipherSpec(): void {
    throw new TlsAlert("unexpected_message", "ChangeCipherSpec before ClientHello");
  }
}
