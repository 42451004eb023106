/**
 * What a one-line name, title or label may contain, shared by the server's schemas (which enforce
 * it) and the client's forms (which say so before a round trip, in words a person understands).
 */

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

export function hasMisleadingCharacters(text: string): boolean {
  return MISLEADING.test(text);
}

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * Why a required one-line text (a person's name, say) would be refused, as a sentence to show
 * under the field; null when it is fine. `what` names the field in the sentence ("your name").
 */
export function requiredLineTextProblem(text: string, max: number, what: string): string | null {
  const trimmed = text.trim();
  if (!hasVisibleCharacter(trimmed)) return `Enter ${what}: it needs at least one letter, digit or symbol.`;
  if (hasMisleadingCharacters(trimmed))
    return `Remove the control or text-direction characters from ${what}.`;
  if (trimmed.length > max) return `Shorten ${what} to ${max} characters or fewer.`;
  return null;
}
