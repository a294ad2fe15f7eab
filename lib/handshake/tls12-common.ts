// Pieces both TLS 1.2 sides share.
import type { CipherSuite } from "./cipher-suites";
import type { Endpoint } from "./endpoint";
import { masterSecret, keyBlock, verifyData12, type KeyBlock } from "./key-schedule12";
import { CbcCipher12, GcmCipher12, type RecordCipher, type TrafficKeys } from "./record-protection";
import type { Rng } from "./rng";

export function cipher12(suite: CipherSuite, keys: TrafficKeys, rng: Rng): RecordCipher {
  return suite.cipher === "AES_128_CBC" ? new CbcCipher12(suite, keys, rng) : new GcmCipher12(keys);
}

export function deriveMaster(ep: Endpoint, suite: CipherSuite, premaster: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): Uint8Array {
  const master = masterSecret(suite, premaster, clientRandom, serverRandom);
  ep.derive("master_secret", master, 'PRF(pre_master_secret, "master secret", client_random + server_random)[0..47] (RFC 5246 8.1)', [
    { name: "pre_master_secret", value: premaster },
    { name: "client_random", value: clientRandom },
    { name: "server_random", value: serverRandom },
  ]);
  ep.addKeyLog("CLIENT_RANDOM", clientRandom, master);
  return master;
}

export function deriveKeys(ep: Endpoint, suite: CipherSuite, master: Uint8Array, clientRandom: Uint8Array, serverRandom: Uint8Array): KeyBlock {
  const kb = keyBlock(suite, master, clientRandom, serverRandom);
  ep.derive("key_block", kb.block, 'PRF(master_secret, "key expansion", server_random + client_random) (RFC 5246 6.3)', [
    { name: "master_secret", value: master },
    { name: "server_random", value: serverRandom },
    { name: "client_random", value: clientRandom },
  ]);
  const parts: [string, Uint8Array][] = [
    ["client_write_MAC_key", kb.client.macKey],
    ["server_write_MAC_key", kb.server.macKey],
    ["client_write_key", kb.client.key],
    ["server_write_key", kb.server.key],
    ["client_write_IV", kb.client.iv],
    ["server_write_IV", kb.server.iv],
  ];
  for (const [name, value] of parts) if (value.length) ep.derive(name, value, "the next bytes of key_block, in the order of RFC 5246 6.3", [{ name: "key_block", value: kb.block }]);
  return kb;
}

export function finished12(ep: Endpoint, suite: CipherSuite, master: Uint8Array, label: "client finished" | "server finished"): Uint8Array {
  const h = ep.transcriptHash(suite.hash);
  const v = verifyData12(suite, master, label, h);
  ep.derive(`${label.split(" ")[0]} verify_data`, v, `PRF(master_secret, "${label}", Hash(handshake_messages))[0..11] (RFC 5246 7.4.9)`, [
    { name: "master_secret", value: master },
    { name: "Hash(handshake_messages)", value: h },
  ]);
  return v;
}
