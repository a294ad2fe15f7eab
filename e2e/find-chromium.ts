import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the end-to-end tests drive: $CHROMIUM_PATH, else a system Chromium (Debian's
 * `chromium`), else Playwright's own download. Fails with instructions when there is none.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not installed under this name
    }
  }
  if (playwrightBrowserInstalled()) return undefined; // Playwright uses its own
  throw new Error(
    [
      "No Chromium found for the end-to-end tests. Do one of:",
      "  - Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  - any OS with internet:  npx playwright install chromium",
      "  - or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

function playwrightBrowserInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
