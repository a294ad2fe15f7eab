// Key-schedule steps both TLS 1.3 sides perform, with their trace entries and key-log lines.
import type { CipherSuite } from "./cipher-suites";
import type { Endpoint } from "./endpoint";
import { AeadCipher13 } from "./record-protection";
import { applicationSecrets, finishedVerifyData, handshakeSecrets, trafficKeys, type Tls13Secrets } from "./tls13-key-schedule";

export function deriveHandshake13(ep: Endpoint, suite: CipherSuite, shared: Uint8Array, clientRandom: Uint8Array): Tls13Secrets {
  const h = suite.hash;
  const helloHash = ep.transcriptHash(h);
  const s = handshakeSecrets(h, shared, helloHash);
  const zeros = new Uint8Array(helloHash.length);
  ep.derive("early_secret", s.earlySecret, "HKDF-Extract(salt = 0, IKM = 0): no PSK (RFC 8446 7.1)", [{ name: "IKM", value: zeros }]);
  ep.derive("derived (early)", s.derivedEarly, 'Derive-Secret(early_secret, "derived", "")', [{ name: "early_secret", value: s.earlySecret }]);
  ep.derive("handshake_secret", s.handshakeSecret, "HKDF-Extract(salt = derived, IKM = (EC)DHE shared secret)", [
    { name: "salt", value: s.derivedEarly },
    { name: "shared secret", value: shared },
  ]);
  ep.derive("client_handshake_traffic_secret", s.clientHandshakeTrafficSecret, 'Derive-Secret(handshake_secret, "c hs traffic", ClientHello..ServerHello)', [
    { name: "handshake_secret", value: s.handshakeSecret },
    { name: "Transcript-Hash(ClientHello..ServerHello)", value: helloHash },
  ]);
  ep.derive("server_handshake_traffic_secret", s.serverHandshakeTrafficSecret, 'Derive-Secret(handshake_secret, "s hs traffic", ClientHello..ServerHello)', [
    { name: "handshake_secret", value: s.handshakeSecret },
    { name: "Transcript-Hash(ClientHello..ServerHello)", value: helloHash },
  ]);
  ep.derive("derived (handshake)", s.derivedHandshake, 'Derive-Secret(handshake_secret, "derived", "")', [{ name: "handshake_secret", value: s.handshakeSecret }]);
  ep.derive("master_secret", s.masterSecret, "HKDF-Extract(salt = derived, IKM = 0)", [{ name: "salt", value: s.derivedHandshake }]);
  ep.addKeyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, s.clientHandshakeTrafficSecret);
  ep.addKeyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, s.serverHandshakeTrafficSecret);
  return s;
}

export function deriveApplication13(ep: Endpoint, suite: CipherSuite, s: Tls13Secrets, clientRandom: Uint8Array): Required<Tls13Secrets> {
  const th = ep.transcriptHash(suite.hash);
  const app = applicationSecrets(suite.hash, s, th);
  const input = [
    { name: "master_secret", value: s.masterSecret },
    { name: "Transcript-Hash(ClientHello..server Finished)", value: th },
  ];
  ep.derive("client_application_traffic_secret_0", app.clientApplicationTrafficSecret, 'Derive-Secret(master_secret, "c ap traffic", ClientHello..server Finished)', input);
  ep.derive("server_application_traffic_secret_0", app.serverApplicationTrafficSecret, 'Derive-Secret(master_secret, "s ap traffic", ClientHello..server Finished)', input);
  ep.derive("exporter_master_secret", app.exporterMasterSecret, 'Derive-Secret(master_secret, "exp master", ClientHello..server Finished)', input);
  ep.addKeyLog("CLIENT_TRAFFIC_SECRET_0", clientRandom, app.clientApplicationTrafficSecret);
  ep.addKeyLog("SERVER_TRAFFIC_SECRET_0", clientRandom, app.serverApplicationTrafficSecret);
  ep.addKeyLog("EXPORTER_SECRET", clientRandom, app.exporterMasterSecret);
  return app;
}

export function installKeys13(ep: Endpoint, suite: CipherSuite, secret: Uint8Array, direction: "read" | "write"): void {
  const keys = trafficKeys(suite.hash, secret, suite.keyLength);
  ep.derive(`${direction} key`, keys.key, 'HKDF-Expand-Label(traffic secret, "key", "", key_length) (RFC 8446 7.3)', [{ name: "traffic secret", value: secret }]);
  ep.derive(`${direction} iv`, keys.iv, 'HKDF-Expand-Label(traffic secret, "iv", "", 12)', [{ name: "traffic secret", value: secret }]);
  const cipher = new AeadCipher13(suite, keys);
  if (direction === "read") ep.setReadCipher(cipher);
  else ep.setWriteCipher(cipher);
}

export function finished13(ep: Endpoint, suite: CipherSuite, baseKey: Uint8Array, side: "client" | "server"): Uint8Array {
  const th = ep.transcriptHash(suite.hash);
  const { finishedKey, verifyData } = finishedVerifyData(suite.hash, baseKey, th);
  ep.derive(`${side} finished_key`, finishedKey, `HKDF-Expand-Label(${side}_handshake_traffic_secret, "finished", "", Hash.length) (RFC 8446 4.4.4)`, [{ name: `${side}_handshake_traffic_secret`, value: baseKey }]);
  ep.derive(`${side} Finished verify_data`, verifyData, "HMAC(finished_key, Transcript-Hash(messages so far))", [
    { name: "finished_key", value: finishedKey },
    { name: "transcript hash", value: th },
  ]);
  return verifyData;
}
