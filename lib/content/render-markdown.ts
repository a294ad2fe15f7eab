import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * GitHub's schema already allows details/summary/img/tables/code and drops event handlers and
 * `javascript:`/`data:` URLs. We only tighten it: elements whose text content is code or styling are
 * removed with their content (the default would unwrap them and leak CSS/JS source into the card as
 * visible text).
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  strip: [
    ...(defaultSchema.strip ?? []),
    "style",
    "iframe",
    "noscript",
    "template",
    "object",
    "embed",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
  ],
};

// Built once: constructing a unified pipeline per card would dominate parsing time for large decks.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify)
  .freeze();

/** Markdown (with raw HTML) to sanitized HTML. Safe to inject into a page. */
export function renderMarkdown(markdown: string): string {
  return renderMarkdownTrees(markdown).html;
}

/**
 * `renderMarkdown`, also returning the trees it went through: the Markdown syntax tree and the
 * sanitized HTML tree the HTML is printed from. Positions in both are offsets into `markdown`.
 */
export function renderMarkdownTrees(markdown: string): { html: string; mdast: MdastRoot; hast: HastRoot } {
  const mdast = processor.parse(markdown);
  const hast = processor.runSync(mdast) as HastRoot;
  return { html: String(processor.stringify(hast)).trim(), mdast, hast };
}
