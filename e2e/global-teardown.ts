import { rmSync } from "node:fs";

export default function globalTeardown() {
  const dir = process.env.NETCARDS_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
