/** Only same-site paths may be used as a redirect target, never `//host` or `https://...`. */
export function safeReturnPath(value: string | null | undefined, fallback = "/review"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
