import { z } from 'zod';

/**
 * Characters no name, title or label needs and that make one misleading on screen: C0 and C1
 * control characters (NUL, bell, escape…) and the bidirectional overrides, embeddings and isolates
 * (U+202A–U+202E, U+2066–U+2069), with which "Dr. Smith" can be made to display as another text
 * than the one stored. Joiners (ZWJ, ZWNJ) and the directional marks stay allowed: names in
 * Persian, Hindi or with emoji need them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const MISLEADING = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** At least one letter, digit, punctuation mark or symbol: not only spaces and invisible marks. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const noMisleading = (s: string) => !MISLEADING.test(s);
const NO_MISLEADING = {
  message: 'must not contain control characters or text-direction overrides',
};

/** One line of text that may be empty (an optional label), trimmed. */
export function lineText(max: number) {
  return z.string().trim().max(max).refine(noMisleading, NO_MISLEADING);
}

/** One line of visible text (a name, a title), trimmed, 1 to `max` characters. */
export function requiredLineText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(noMisleading, NO_MISLEADING)
    .refine((s) => VISIBLE.test(s), { message: 'must contain a visible character' });
}
