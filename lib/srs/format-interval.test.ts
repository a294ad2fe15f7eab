import { describe, expect, it } from "vitest";
import { formatInterval } from "./format-interval";

describe("formatInterval", () => {
  it.each([
    [60_000, "1m"],
    [10 * 60_000, "10m"],
    [3 * 3600_000, "3h"],
    [3 * 86400_000, "3d"],
    [75 * 86400_000, "2.5mo"],
    [800 * 86400_000, "2.2y"],
    [36500 * 86400_000, "100y"],
  ])("%i ms -> %s", (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });
});
