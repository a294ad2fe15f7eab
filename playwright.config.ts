import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./e2e/find-chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database for every run, outside the repo's data/ folder. Set once in the runner
// process; its workers load this file again and inherit the variable instead of making another folder.
process.env.NETCARDS_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "netcards-e2e-"));
const dataDir = process.env.NETCARDS_E2E_DATA_DIR;

const launchOptions = {
  executablePath: findChromium(),
  // The machine may have no internet; without these Chromium keeps trying Google's hosts.
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), // Chromium refuses to sandbox as root (CI containers)
  ],
};

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // CI (.ci/run) also writes a JSON report, to count every test in one summary line.
  reporter: process.env.PLAYWRIGHT_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_REPORT }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: `npx next build && npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { NETCARDS_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_URL: baseURL },
  },
});
