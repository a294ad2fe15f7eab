/**
 * Card metadata lives in an HTML comment so that it stays invisible when the deck is viewed on GitHub:
 * `<!-- id: tls12-ckx-rsa; tags: tls12, key-exchange, basic -->`.
 */

export const CARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface CardMetadata {
  /** The id as written (may be invalid; validity is reported separately). */
  id: string | null;
  tags: string[];
  unknownKeys: string[];
}

const COMMENT = /^<!--([\s\S]*?)-->$/;
// Lowercase keys only: `<!-- TODO: ... -->` or `<!-- Note: ... -->` stay ordinary comments, while a
// lowercase typo such as `tag:` is still recognised as metadata and reported as an unknown key.
const ENTRY = /^([a-z][a-z0-9_-]*)\s*:\s*([\s\S]*)$/;

/**
 * Reads a metadata comment. Returns null when the text is not a single comment made only of
 * `key: value` entries separated by `;` (then it is an ordinary comment and is ignored).
 */
export function parseMetadataComment(html: string): CardMetadata | null {
  const match = COMMENT.exec(html.trim());
  if (!match) return null;
  const body = match[1].trim();
  if (body === "") return null;
  const entries = body
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const metadata: CardMetadata = { id: null, tags: [], unknownKeys: [] };
  for (const entry of entries) {
    const parsed = ENTRY.exec(entry);
    if (!parsed) return null;
    const [, key, value] = parsed;
    if (key === "id") metadata.id = value.trim();
    else if (key === "tags") metadata.tags = splitTags(value);
    else metadata.unknownKeys.push(key);
  }
  return metadata;
}

function splitTags(value: string): string[] {
  const tags = value
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  return [...new Set(tags)];
}

/** A one-line card may carry its metadata at the end of the same line. */
const TRAILING_COMMENT = /\s*(<!--(?:(?!-->)[\s\S])*-->)\s*$/;

export function splitTrailingComment(line: string): { text: string; comment: string | null } {
  const match = TRAILING_COMMENT.exec(line);
  if (!match) return { text: line, comment: null };
  return { text: line.slice(0, match.index), comment: match[1] };
}
