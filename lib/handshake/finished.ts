// Finished handling shared by both versions: checking the peer's verify_data and the fault that alters ours.
import { TlsAlert } from "./alerts";
import { equalBytes } from "./bytes";
import type { Endpoint } from "./endpoint";

export function applyFinishedFault(ep: Endpoint, verify: Uint8Array): Uint8Array {
  if (!ep.options.faults.alterFinished) return verify;
  const altered = verify.slice();
  altered[0] ^= 0x01;
  ep.note("fault: one bit of verify_data flipped before sending Finished");
  return altered;
}

export function checkFinished(expected: Uint8Array, received: Uint8Array): void {
  if (received.length !== expected.length) throw new TlsAlert("decode_error", "Finished has the wrong length");
  if (!equalBytes(expected, received)) throw new TlsAlert("decrypt_error", "Finished verify_data does not match the transcript");
}
