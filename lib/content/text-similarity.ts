/**
 * Normalizes card text for identity matching, so that formatting-only edits (re-wrapping, bold,
 * code ticks, letter case, NFD input from macOS) never look like a different card.
 */
export function normalizeCardText(markdown: string): string {
  return markdown
    .normalize("NFC")
    .replace(/[*_~`]+/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * Sørensen–Dice coefficient over character bigrams (as a multiset), in [0, 1]. Works the same for
 * Korean and English and tolerates a fixed typo: one changed character costs at most two bigrams.
 */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let index = 0; index < a.length - 1; index++) {
    const bigram = a.slice(index, index + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < b.length - 1; index++) {
    const bigram = b.slice(index, index + 2);
    const count = counts.get(bigram) ?? 0;
    if (count > 0) {
      shared++;
      counts.set(bigram, count - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
