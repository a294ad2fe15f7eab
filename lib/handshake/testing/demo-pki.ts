// One demo PKI per test worker: RSA-2048 key generation is the slow part, so it happens once.
import { createDemoPki, type DemoPki } from "../pki";

let shared: Promise<DemoPki> | undefined;
export function demoPki(): Promise<DemoPki> {
  shared ??= createDemoPki();
  return shared;
}
