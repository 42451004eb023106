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

/** Reads stored settings, filling any field missing from an older row with its default. */
export function readSettings(stored: unknown): WorkshopSettings {
  const parsed = workshopSettingsSchema.partial().safeParse(stored);
  return { ...defaultSettings(), ...(parsed.success ? parsed.data : {}) };
}
