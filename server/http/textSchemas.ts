import { z } from 'zod';
import { hasMisleadingCharacters, hasVisibleCharacter } from '../../shared/lineText';

// The rules themselves live in shared/lineText.ts, so the client's forms can check them too.
const noMisleading = (s: string) => !hasMisleadingCharacters(s);
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
    .refine(hasVisibleCharacter, { message: 'must contain a visible character' });
}
