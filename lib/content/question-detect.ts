/**
 * Decides whether a heading or `<summary>` text is phrased as a question.
 *
 * Notes put decoration after the question mark (`## TLS란? 🤔`, `# **HTTPS는 무엇인가?**`,
 * `(왜 필요한가?)`), so trailing whitespace, emoji, closing brackets/quotes and emphasis markers are
 * peeled off before looking for `?` or the full-width `？`.
 */
const TRAILING_DECORATION =
  /[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{E0020}-\u{E007F}\p{Regional_Indicator})\]}>）］｝」』】〉》"'”’*_~`]+$/u;

export function isQuestionText(text: string): boolean {
  const core = text.replace(TRAILING_DECORATION, "");
  return core.endsWith("?") || core.endsWith("？");
}
