// X25519 (RFC 7748) for ECDHE. The platform's WebCrypto X25519 is several times faster than pure
// JS where it exists; @noble/curves is the fallback. The private scalar always comes from our RNG,
// so deterministic traces work on both paths.
import { x25519 as noble } from "@noble/curves/ed25519.js";
import { concat, fromHex } from "./bytes";
import type { Rng } from "./rng";

// PKCS#8 wrapper for a raw X25519 private key (RFC 8410): fixed 16-byte prefix + 32-byte scalar.
const PKCS8_PREFIX = fromHex("302e020100300506032b656e04220420");
const BASE_POINT = (() => {
  const b = new Uint8Array(32);
  b[0] = 9;
  return b;
})();

let webSupport: Promise<boolean> | undefined;
function webX25519(): Promise<boolean> {
  webSupport ??= (async () => {
    try {
      const subtle = globalThis.crypto?.subtle;
      if (!subtle) return false;
      const k = await subtle.importKey("pkcs8", concat(PKCS8_PREFIX, new Uint8Array(32).fill(7)) as BufferSource, { name: "X25519" }, false, ["deriveBits"]);
      const pub = await subtle.importKey("raw", BASE_POINT as BufferSource, { name: "X25519" }, true, []);
      await subtle.deriveBits({ name: "X25519", public: pub } as AlgorithmIdentifier, k, 256);
      return true;
    } catch {
      return false;
    }
  })();
  return webSupport;
}

export class X25519KeyPair {
  private constructor(
    readonly privateKey: Uint8Array,
    readonly publicKey: Uint8Array,
    private readonly webKey: CryptoKey | null,
  ) {}

  static async generate(rng: Rng): Promise<X25519KeyPair> {
    const priv = rng.bytes(32, "x25519_private");
    if (await webX25519()) {
      const subtle = globalThis.crypto.subtle;
      const key = await subtle.importKey("pkcs8", concat(PKCS8_PREFIX, priv) as BufferSource, { name: "X25519" }, false, ["deriveBits"]);
      const pub = await derive(key, BASE_POINT);
      if (pub) return new X25519KeyPair(priv, pub, key);
    }
    return new X25519KeyPair(priv, noble.getPublicKey(priv), null);
  }

  /**
   * The shared secret, or null for a malformed or low-order peer key (an all-zero result,
   * which RFC 8446 7.4.2 and RFC 7748 section 6.1 say to reject).
   */
  async sharedSecret(peerPublic: Uint8Array): Promise<Uint8Array | null> {
    if (peerPublic.length !== 32) return null;
    let out: Uint8Array | null = null;
    if (this.webKey) out = await derive(this.webKey, peerPublic);
    else {
      try {
        out = noble.scalarMult(this.privateKey, peerPublic);
      } catch {
        out = null;
      }
    }
    if (!out || out.every((b) => b === 0)) return null;
    return out;
  }
}

async function derive(key: CryptoKey, peer: Uint8Array): Promise<Uint8Array | null> {
  try {
    const subtle = globalThis.crypto.subtle;
    const pub = await subtle.importKey("raw", peer as BufferSource, { name: "X25519" }, true, []);
    return new Uint8Array(await subtle.deriveBits({ name: "X25519", public: pub } as AlgorithmIdentifier, key, 256));
  } catch {
    return null;
  }
}
