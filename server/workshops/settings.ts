import { z } from 'zod';
import { AnonymityMode, anonymityModes, DEFAULT_PERSPECTIVES, Limits } from '../../shared/domain';

/** A workshop's settings, stored as JSON in workshops.settings. */
export const workshopSettingsSchema = z.strictObject({
  anonymity: z.enum(anonymityModes),
  allowNotSure: z.boolean(),
  /** Reveal a dimension automatically once every participant has rated it. */
  autoReveal: z.boolean(),
  /** Epoch ms by which ratings are due (async workshops), or null. */
  ratingDeadline: z.number().int().positive().nullable(),
  perspectives: z
    .array(z.string().trim().min(1).max(Limits.perspectiveMax))
    .min(1)
    .max(Limits.perspectivesMax),
});
export type WorkshopSettings = z.infer<typeof workshopSettingsSchema>;

export function defaultSettings(allowNotSure = true): WorkshopSettings {
  return {
    anonymity: AnonymityMode.named,
    allowNotSure,
    autoReveal: false,
    ratingDeadline: null,
    perspectives: [...DEFAULT_PERSPECTIVES],
  };
}

/**
 * What a stored row may hold: any subset of the settings (older rows lack newer fields). Built once:
 * zod compiles a schema on its first parse, and `.partial()` per call made every read — each
 * workshop load, facts refresh and websocket connection — compile it anew (0.2 ms each).
 */
const storedSettingsSchema = workshopSettingsSchema.partial();

/** Reads stored settings, filling any field missing from an older row with its default. */
export function readSettings(stored: unknown): WorkshopSettings {
  const parsed = storedSettingsSchema.safeParse(stored);
  return { ...defaultSettings(), ...(parsed.success ? parsed.data : {}) };
}
