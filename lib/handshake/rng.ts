// Injectable randomness. Every random value the engine uses is asked for with a purpose label,
// so a deterministic source can be replayed and a test can script the exact values of a vector.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concat, utf8 } from "./bytes";

export type RngPurpose =
  | "client_random"
  | "server_random"
  | "session_id"
  | "x25519_private"
  | "premaster_random"
  | "pkcs1_padding"
  | "pkcs1_fallback_premaster"
  | "record_iv"
  | "pss_salt"
  | "tcp_isn";

export interface Rng {
  bytes(length: number, purpose: RngPurpose): Uint8Array;
  /**
   * True when the output is reproducible. Signing then uses our own RSA-PSS code with a salt
   * from this source instead of the platform's (which draws its own salt and so is not replayable).
   */
  readonly deterministic: boolean;
}

export const secureRng: Rng = {
  deterministic: false,
  bytes(length) {
    const out = new Uint8Array(length);
    // getRandomValues is limited to 65536 bytes per call.
    for (let o = 0; o < length; o += 65536) globalThis.crypto.getRandomValues(out.subarray(o, Math.min(length, o + 65536)));
    return out;
  },
};

/**
 * Reproducible bytes: HMAC-SHA256(seed, purpose || counter). Each purpose has its own counter, so
 * one extra draw for one purpose does not shift every other value of a replayed trace.
 */
export function deterministicRng(seed: string | Uint8Array): Rng {
  const key = typeof seed === "string" ? utf8(seed) : seed;
  const counters = new Map<string, number>();
  return {
    deterministic: true,
    bytes(length, purpose) {
      const n = counters.get(purpose) ?? 0;
      counters.set(purpose, n + 1);
      const blocks: Uint8Array[] = [];
      for (let i = 0, got = 0; got < length; i++, got += 32) {
        blocks.push(hmac(sha256, key, concat(utf8(purpose), new Uint8Array([n >>> 24, n >>> 16, n >>> 8, n, i]))));
      }
      return concat(...blocks).slice(0, length);
    },
  };
}

/**
 * Replays given values per purpose (in order), falling back to `fallback` when a purpose runs out.
 * Used to reproduce published vectors whose randoms and private keys are fixed.
 */
export function scriptedRng(script: Partial<Record<RngPurpose, Uint8Array[]>>, fallback: Rng = deterministicRng("scripted")): Rng {
  const queues = new Map<string, Uint8Array[]>(Object.entries(script).map(([k, v]) => [k, [...(v ?? [])]]));
  return {
    deterministic: true,
    bytes(length, purpose) {
      const next = queues.get(purpose)?.shift();
      if (next === undefined) return fallback.bytes(length, purpose);
      if (next.length !== length) throw new Error(`scripted ${purpose}: have ${next.length} bytes, need ${length}`);
      return next.slice();
    },
  };
}
