// The TLS 1.3 key schedule, RFC 8446 section 7.1, for a full (non-PSK) handshake.
//
//              0
//              |
//    PSK ->  HKDF-Extract = Early Secret
//              |
//        Derive-Secret(., "derived", "")
//              |
//  (EC)DHE -> HKDF-Extract = Handshake Secret --> c/s hs traffic (ClientHello..ServerHello)
//              |
//        Derive-Secret(., "derived", "")
//              |
//    0 ->  HKDF-Extract = Master Secret --> c/s ap traffic (ClientHello..server Finished)
import { concat, utf8 } from "./bytes";
import { hmacOf } from "./hash";
import { deriveSecret, emptyHash, type Hash13, hkdfExpandLabel, hkdfExtract } from "./hkdf";
import type { TrafficKeys } from "./record-protection";

export interface Tls13Secrets {
  earlySecret: Uint8Array;
  derivedEarly: Uint8Array;
  handshakeSecret: Uint8Array;
  clientHandshakeTrafficSecret: Uint8Array;
  serverHandshakeTrafficSecret: Uint8Array;
  derivedHandshake: Uint8Array;
  masterSecret: Uint8Array;
  clientApplicationTrafficSecret?: Uint8Array;
  serverApplicationTrafficSecret?: Uint8Array;
  exporterMasterSecret?: Uint8Array;
}

export function handshakeSecrets(hash: Hash13, sharedSecret: Uint8Array, helloHash: Uint8Array): Tls13Secrets {
  const zeros = new Uint8Array(helloHash.length);
  const earlySecret = hkdfExtract(hash, zeros, zeros);
  const derivedEarly = deriveSecret(hash, earlySecret, "derived", emptyHash(hash));
  const handshakeSecret = hkdfExtract(hash, derivedEarly, sharedSecret);
  const derivedHandshake = deriveSecret(hash, handshakeSecret, "derived", emptyHash(hash));
  return {
    earlySecret,
    derivedEarly,
    handshakeSecret,
    clientHandshakeTrafficSecret: deriveSecret(hash, handshakeSecret, "c hs traffic", helloHash),
    serverHandshakeTrafficSecret: deriveSecret(hash, handshakeSecret, "s hs traffic", helloHash),
    derivedHandshake,
    masterSecret: hkdfExtract(hash, derivedHandshake, zeros),
  };
}

/** Application secrets are derived from the transcript through the server Finished. */
export function applicationSecrets(hash: Hash13, s: Tls13Secrets, serverFinishedHash: Uint8Array): Required<Tls13Secrets> {
  return {
    ...s,
    clientApplicationTrafficSecret: deriveSecret(hash, s.masterSecret, "c ap traffic", serverFinishedHash),
    serverApplicationTrafficSecret: deriveSecret(hash, s.masterSecret, "s ap traffic", serverFinishedHash),
    exporterMasterSecret: deriveSecret(hash, s.masterSecret, "exp master", serverFinishedHash),
  };
}

/** [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length); iv likewise with "iv" (7.3). */
export function trafficKeys(hash: Hash13, secret: Uint8Array, keyLength: number): TrafficKeys {
  return { key: hkdfExpandLabel(hash, secret, "key", new Uint8Array(0), keyLength), iv: hkdfExpandLabel(hash, secret, "iv", new Uint8Array(0), 12), macKey: new Uint8Array(0) };
}

/** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length); verify_data = HMAC(finished_key, transcript hash) (4.4.4). */
export function finishedVerifyData(hash: Hash13, baseKey: Uint8Array, transcriptHash: Uint8Array): { finishedKey: Uint8Array; verifyData: Uint8Array } {
  const finishedKey = hkdfExpandLabel(hash, baseKey, "finished", new Uint8Array(0), transcriptHash.length);
  return { finishedKey, verifyData: hmacOf(hash, finishedKey, transcriptHash) };
}

/** The content covered by CertificateVerify: 64 spaces, a context string, 0x00, the transcript hash (4.4.3). */
export function certificateVerifyContent(side: "server" | "client", transcriptHash: Uint8Array): Uint8Array {
  return concat(new Uint8Array(64).fill(0x20), utf8(`TLS 1.3, ${side} CertificateVerify`), new Uint8Array([0]), transcriptHash);
}
