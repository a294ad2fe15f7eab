import { parseDocument } from "yaml";
import { z } from "zod";
import type { ContentProblem, DeckMeta } from "./types";

export interface SplitSource {
  /** YAML text between the `---` fences, or null when the file has no front matter. */
  yaml: string | null;
  /** 1-based line of the first YAML line (the line after the opening fence). */
  yamlStartLine: number;
  /**
   * The Markdown body with every front matter line replaced by an empty line, so that line numbers
   * reported by the Markdown parser are line numbers of the original file.
   */
  body: string;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** Separates `---` YAML front matter from the Markdown body, keeping line numbers intact. */
export function splitFrontMatter(source: string): SplitSource {
  const lines = source.split("\n");
  if (lines.length === 0 || !FENCE.test(lines[0])) {
    return { yaml: null, yamlStartLine: 1, body: source };
  }
  const close = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (close === -1) return { yaml: null, yamlStartLine: 1, body: source };
  const yaml = lines.slice(1, close).join("\n");
  const body = lines.map((line, index) => (index <= close ? "" : line)).join("\n");
  return { yaml, yamlStartLine: 2, body };
}

/** Front matter keys the app understands; other keys are tolerated so decks can grow new ones. */
export const deckMetaSchema = z.looseObject({
  title: z.string().trim().min(1, "title must not be empty"),
  description: z.string().trim().default(""),
  tags: z.array(z.string().trim().min(1, "tags must not be empty strings")).default([]),
  lang: z.enum(["ko", "en"]).default("ko"),
});

export interface FrontMatterResult {
  meta: DeckMeta;
  problems: ContentProblem[];
}

/**
 * Parses and validates front matter. Never throws: a broken header yields an error problem and a
 * fallback meta titled after the slug, so the rest of the deck can still be checked.
 */
export function readFrontMatter(split: SplitSource, file: string, slug: string): FrontMatterResult {
  const fallback: DeckMeta = { title: slug, description: "", tags: [], lang: "ko" };
  const problem = (line: number, message: string): FrontMatterResult => ({
    meta: fallback,
    problems: [{ file, line, severity: "error", message }],
  });

  if (split.yaml === null) {
    return problem(1, "missing front matter: the deck must start with a `---` YAML block holding at least `title`");
  }
  const document = parseDocument(split.yaml);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = split.yamlStartLine + (error.linePos?.[0].line ?? 1) - 1;
    return problem(line, `invalid YAML in front matter: ${error.message.split("\n")[0]}`);
  }
  const data: unknown = document.toJS() ?? {};
  const result = deckMetaSchema.safeParse(withoutEmptyOptionalKeys(data));
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.path.join(".");
    const message =
      key === "title" && issue.code === "invalid_type"
        ? "front matter is missing the required `title`"
        : `invalid front matter${key ? ` \`${key}\`` : ""}: ${issue.message}`;
    return problem(lineOfKey(split, key.split(".")[0]), message);
  }
  const { title, description, tags, lang } = result.data;
  return { meta: { title, description, tags, lang }, problems: [] };
}

/** Points a problem at the line of the offending key when it is present, else at the opening fence. */
function lineOfKey(split: SplitSource, key: string): number {
  if (split.yaml !== null && key) {
    const index = split.yaml.split("\n").findIndex((line) => line.startsWith(`${key}:`));
    if (index !== -1) return split.yamlStartLine + index;
  }
  return 1;
}

/** `description:` or `tags:` left empty in YAML is null; treat it as absent rather than as an error. */
function withoutEmptyOptionalKeys(data: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(
    Object.entries(data).filter(([key, value]) => !(value === null && ["description", "tags", "lang"].includes(key))),
  );
}
