// Reads "Example Handshake Traces for TLS 1.3" as published: RFC-style text with page footers and
// headers that can fall in the middle of a hex dump. Each value says how many octets it has, so the
// reader collects exactly that many hex bytes, skipping page-break lines; a mismatch fails loudly.
import { readFileSync } from "node:fs";

export interface VectorValue {
  section: number;
  actor: "client" | "server";
  /** The step heading, e.g. 'derive secret "tls13 c hs traffic"'. */
  step: string;
  label: string;
  bytes: Uint8Array;
}

const PAGE_BREAK = [/^\f/, /^Thomson\s+Expires/, /^Internet-Draft\s+TLS 1\.3 Traces/];

export function parseTls13Vectors(path: string): VectorValue[] {
  const lines = readFileSync(path, "latin1")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => !PAGE_BREAK.some((re) => re.test(l)));
  const out: VectorValue[] = [];
  let section = 0;
  let actor: "client" | "server" = "client";
  let step = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const sec = /^(\d+)\.\s+\S/.exec(line);
    if (sec) section = Number(sec[1]);
    const head = /^ {3}\{(client|server)\}\s+(.*?):?$/.exec(line);
    if (head) {
      actor = head[1] as "client" | "server";
      step = head[2].replace(/:$/, "");
      continue;
    }
    const value = /^ {6}(\S.*?) \((\d+) octets\):\s*(.*)$/.exec(line);
    if (!value) continue;
    const want = Number(value[2]);
    const hexes: string[] = [];
    const take = (text: string) => {
      for (const h of text.trim().split(/\s+/)) if (/^[0-9a-f]{2}$/.test(h)) hexes.push(h);
    };
    if (value[3] !== "(empty)") take(value[3]);
    while (hexes.length < want) {
      i++;
      if (i >= lines.length) throw new Error(`vector ${value[1]} ran out of text`);
      if (lines[i].trim() === "") continue;
      if (!/^\s+([0-9a-f]{2}\s*)+$/.test(lines[i])) throw new Error(`vector ${value[1]} (${want} octets) interrupted by: ${lines[i]}`);
      take(lines[i]);
    }
    if (hexes.length !== want) throw new Error(`vector ${value[1]}: ${hexes.length} octets, expected ${want}`);
    out.push({ section, actor, step, label: value[1], bytes: Uint8Array.from(hexes, (h) => parseInt(h, 16)) });
  }
  return out;
}

export function pick(values: VectorValue[], section: number, actor: "client" | "server", step: string, label: string, nth = 0): Uint8Array {
  const found = values.filter((v) => v.section === section && v.actor === actor && v.step === step && v.label === label);
  if (!found[nth]) throw new Error(`no vector ${section} {${actor}} ${step} / ${label}`);
  return found[nth].bytes;
}

/** Section 2's RSA private key: "name:  hex" followed by hex lines, page breaks skipped. */
export function parseVectorRsaKey(path: string): Record<string, Uint8Array> {
  const lines = readFileSync(path, "latin1")
    .split("\n")
    .filter((l) => !PAGE_BREAK.some((re) => re.test(l)));
  const out: Record<string, Uint8Array> = {};
  const start = lines.findIndex((l) => /^2\.\s+Private Keys/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^3\.\s+/.test(l));
  for (let i = start; i < end; i++) {
    const m = /^ {3}(modulus \(public\)|public exponent|private exponent|prime1|prime2|exponent1|exponent2|coefficient):\s+(.*)$/.exec(lines[i]);
    if (!m) continue;
    const hexes = m[2].trim().split(/\s+/);
    while (i + 1 < end && (lines[i + 1].trim() === "" || /^\s+([0-9a-f]{2}\s*)+$/.test(lines[i + 1]))) {
      i++;
      if (lines[i].trim()) hexes.push(...lines[i].trim().split(/\s+/));
    }
    out[m[1]] = Uint8Array.from(hexes, (h) => parseInt(h, 16));
  }
  return out;
}
