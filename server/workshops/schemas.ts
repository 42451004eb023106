import { z } from 'zod';
import { requiredLineText } from '../http/textSchemas';
import { Limits, memberRoles } from '../../shared/domain';
import { institutionInput } from '../institutions/schemas';
import { workshopSettingsSchema } from './settings';

const title = requiredLineText(Limits.titleMax);
const perspective = requiredLineText(Limits.perspectiveMax);

/**
 * Settings as a request gives them. Stricter than what a stored row is read with (settings.ts),
 * which must keep reading rows written before: perspectives are visible text, and unique — two
 * entries differing only in case would split one group in the spread and the report.
 */
const settingsInput = workshopSettingsSchema.partial().extend({
  perspectives: z
    .array(perspective)
    .min(1)
    .max(Limits.perspectivesMax)
    .refine((list) => new Set(list.map((p) => p.toLowerCase())).size === list.length, {
      message: 'perspectives must be different from each other (ignoring case)',
    })
    .optional(),
});
const id = z.string().min(1).max(64);

export const createWorkshopBody = z
  .strictObject({
    title,
    /**
     * The institution: a name, or `{name, system?, state?}`. The name is matched case-insensitively
     * against the caller's institutions; a new one is created with the given system/state.
     */
    institution: institutionInput.optional(),
    /** An institution the caller already assessed (takes precedence over `institution`). */
    institutionId: id.optional(),
    rubricId: z.string().min(1).max(100).optional(),
    settings: settingsInput.optional(),
    /** The creator's own perspective (default "Other"). */
    perspective: perspective.optional(),
  })
  .refine((b) => b.institution !== undefined || b.institutionId !== undefined, {
    message: 'give institution (a name or {name, system?, state?}) or institutionId',
    path: ['institution'],
  });

export const updateWorkshopBody = z.strictObject({
  title: title.optional(),
  settings: settingsInput.optional(),
});

export const updateMemberBody = z
  .strictObject({ role: z.enum(memberRoles).optional(), perspective: perspective.optional() })
  .refine((b) => b.role !== undefined || b.perspective !== undefined, {
    message: 'give role or perspective',
  });

export const createInviteBody = z.strictObject({
  role: z.enum(memberRoles),
  perspective: perspective.optional(),
  /** Epoch ms; must be in the future. */
  expiresAt: z.number().int().positive().optional(),
  maxUses: z.number().int().min(1).max(10_000).optional(),
});

export const redeemInviteBody = z.strictObject({
  name: requiredLineText(Limits.nameMax),
  perspective: perspective.optional(),
});
