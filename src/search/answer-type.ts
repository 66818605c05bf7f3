// Answer types: "how often …" is answered by a statement that says how often ("every two weeks",
// "monthly"), "how much / how many …" by one that gives an amount ("by 34 percent", "nine
// members"). The type counts as a part of the question a statement can cover, like a topic word.

/** What kind of thing the question asks for, beyond its topic words. */
export type AnswerType = 'frequency' | 'quantity';

// Bits of a statement's answer types in the index's cache (0: not yet read).
const READ = 1;
const BITS: Record<AnswerType, number> = { frequency: 2, quantity: 4 };

const FREQUENCY_ASK = new Set(['often', 'frequently']);
const QUANTITY_ASK = new Set(['much', 'many']);

/**
 * The answer type a question asks for ("how often", "how frequently", "how much", "how many"),
 * and the position of the word that names it (not a topic word), or null.
 */
export function askedAnswerType(words: string[]): { type: AnswerType; at: number } | null {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== 'how') continue;
    const next = words[i + 1] ?? '';
    if (FREQUENCY_ASK.has(next)) return { type: 'frequency', at: i + 1 };
    if (QUANTITY_ASK.has(next)) return { type: 'quantity', at: i + 1 };
  }
  return null;
}

const UNIT = String.raw`(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|session|meeting|call|sprint|release|term|cycle)s?`;
const FREQUENCY = new RegExp(
  [
    String.raw`\b(?:every|each)\s+(?:\w+\s+){0,2}?${UNIT}\b`,
    String.raw`\b(?:once|twice|thrice|\w+\s+times)\s+(?:a|an|per|each|every)\s+${UNIT}\b`,
    String.raw`\bper\s+${UNIT}\b`,
    String.raw`\b(?:hourly|daily|nightly|weekly|fortnightly|biweekly|bi-weekly|monthly|bimonthly|bi-monthly|quarterly|annually|yearly|biannually)\b`,
  ].join('|'),
  'i',
);

const NUMBER_WORDS = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozen|dozens)`;
const QUANTITY = new RegExp(
  [
    // A figure that is not a lone year ("in 2003") or a clock time ("at 10:30").
    String.raw`(?<![\d:.,])\d+(?:[.,]\d+)*\s*(?:%|percent\b|per\s+cent\b|(?:thousand|million|billion|trillion|bn|m|k)\b)`,
    String.raw`[$€£¥]\s?\d`,
    String.raw`(?<![\d:.,/])\b(?!(?:1[89]|20)\d\d(?!\d|[.,]\d))\d+(?:[.,]\d+)*(?![\d:/])`,
    String.raw`\b${NUMBER_WORDS}\b`,
    String.raw`\b(?:half|doubled?|tripled?|halved)\b`,
  ].join('|'),
  'i',
);

/** Does this text say how often (frequency) or give an amount (quantity)? */
export function textAnswers(text: string, type: AnswerType): boolean {
  return (type === 'frequency' ? FREQUENCY : QUANTITY).test(text);
}

/**
 * Does statement `doc` answer this type? Read once per statement and kept in `cache` (one byte a
 * statement, zero until read), so only statements a question finds are ever read.
 */
export function statementAnswers(
  cache: Uint8Array,
  doc: number,
  text: () => string,
  type: AnswerType,
): boolean {
  let bits = cache[doc] ?? 0;
  if ((bits & READ) === 0) {
    const t = text();
    bits = READ;
    if (textAnswers(t, 'frequency')) bits |= BITS.frequency;
    if (textAnswers(t, 'quantity')) bits |= BITS.quantity;
    cache[doc] = bits;
  }
  return (bits & BITS[type]) !== 0;
}
