/**
 * Finds the `::` that splits a one-line card `Question :: Answer`.
 *
 * Not a separator:
 * - anything inside an inline code span (`a::b` in backticks);
 * - a colon run longer than two (`:::`, used by some Markdown dialects for containers);
 * - an IPv6-looking `::`: a hex digit touches one side and the other side is a hex digit, whitespace
 *   or the line edge (`fe80::1`, `::1`, `fe80::`). Cards are written `Question :: Answer` with spaces,
 *   so this only costs the unusual `abc::def` spelling.
 * Returns the index of the first separator, or -1.
 */
export function findInlineSeparator(line: string): number {
  const codeMask = inlineCodeMask(line);
  for (let index = line.indexOf("::"); index !== -1; index = line.indexOf("::", index + 1)) {
    if (codeMask[index] || codeMask[index + 1]) continue;
    const before = line[index - 1];
    const after = line[index + 2];
    if (before === ":" || after === ":") continue;
    if (looksLikeIpv6(before, after)) continue;
    return index;
  }
  return -1;
}

const HEX = /^[0-9a-fA-F]$/;

function looksLikeIpv6(before: string | undefined, after: string | undefined): boolean {
  const isHex = (char: string | undefined) => char !== undefined && HEX.test(char);
  const isEdge = (char: string | undefined) => char === undefined || /\s/.test(char);
  return (isHex(before) && (isHex(after) || isEdge(after))) || (isHex(after) && isEdge(before));
}

/** Marks every character that is part of an inline code span (CommonMark backtick-run matching). */
export function inlineCodeMask(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(false);
  let index = 0;
  while (index < line.length) {
    if (line[index] !== "`") {
      index++;
      continue;
    }
    const runLength = backtickRun(line, index);
    const close = findClosingRun(line, index + runLength, runLength);
    if (close === -1) {
      index += runLength; // an unmatched run is literal text
      continue;
    }
    for (let i = index; i < close + runLength; i++) mask[i] = true;
    index = close + runLength;
  }
  return mask;
}

function backtickRun(line: string, start: number): number {
  let end = start;
  while (line[end] === "`") end++;
  return end - start;
}

function findClosingRun(line: string, from: number, length: number): number {
  let index = from;
  while (index < line.length) {
    if (line[index] === "`") {
      const run = backtickRun(line, index);
      if (run === length) return index;
      index += run;
    } else {
      index++;
    }
  }
  return -1;
}
