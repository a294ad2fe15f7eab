// TLS 1.2 key derivation: RFC 5246 sections 8.1 (master secret), 6.3 (key block), 7.4.9 (Finished).
import { concat } from "./bytes";
import type { CipherSuite } from "./cipher-suites";
import { prf12 } from "./prf12";
import type { TrafficKeys } from "./record-protection";

/** master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47] */
export function masterSecret(suite: CipherSuite, premaster: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): Uint8Array {
  return prf12(suite.hash, premaster, "master secret", concat(clientRandom, serverRandom), 48);
}

export interface KeyBlock {
  block: Uint8Array;
  client: TrafficKeys;
  server: TrafficKeys;
}

/**
 * key_block = PRF(master_secret, "key expansion", server_random + client_random), cut into
 * client MAC key, server MAC key, client key, server key, client IV, server IV (in that order).
 */
export function keyBlock(suite: CipherSuite, master: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): KeyBlock {
  const m = suite.macKeyLength,
    k = suite.keyLength,
    i = suite.fixedIvLength;
  const block = prf12(suite.hash, master, "key expansion", concat(serverRandom, clientRandom), 2 * (m + k + i));
  let o = 0;
  const take = (n: number) => block.slice(o, (o += n));
  const clientMac = take(m),
    serverMac = take(m),
    clientKey = take(k),
    serverKey = take(k),
    clientIv = take(i),
    serverIv = take(i);
  return { block, client: { key: clientKey, iv: clientIv, macKey: clientMac }, server: { key: serverKey, iv: serverIv, macKey: serverMac } };
}

/** verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11] */
export function verifyData12(suite: CipherSuite, master: Uint8Array, label: "client finished" | "server finished", handshakeHash: Uint8Array): Uint8Array {
  return prf12(suite.hash, master, label, handshakeHash, 12);
}
