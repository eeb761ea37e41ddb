/**
 * LIX (läsbarhetsindex) = words / sentences + 100 × long words / words.
 * A long word has more than 6 letters. A sentence ends with . ! ? or :, and every list item,
 * heading and paragraph counts as (at least) one sentence.
 */
export function lix(text: string): { score: number; words: number; sentences: number; longWords: number } {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const block of text.split(/\n+/)) {
    const line = block.replace(/^\s*(##\s+|-\s+)/, "").replace(/\*\*/g, "");
    const lineWords = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    if (lineWords.length === 0) continue;
    words += lineWords.length;
    longWords += lineWords.filter((w) => (w.match(/\p{L}/gu) ?? []).length > 6).length;
    const enders = line.match(/[.!?:](?=\s|$)/g)?.length ?? 0;
    // A line that does not end with punctuation (a heading, a list item) is still one sentence.
    sentences += enders + (/[.!?:]\s*$/.test(line) ? 0 : 1);
  }
  if (words === 0) return { score: 0, words, sentences, longWords };
  return { score: words / Math.max(1, sentences) + (100 * longWords) / words, words, sentences, longWords };
}
