import { z } from 'zod';
import { requiredLineText } from '../http/textSchemas';
import { Limits } from '../../shared/domain';

/** State or province names are short; 100 leaves room for any spelled-out name. */
export const INSTITUTION_STATE_MAX = 100;

const name = requiredLineText(Limits.institutionMax);
/** A state/university system, e.g. "SUNY" or "Ohio Technical Colleges". */
const system = requiredLineText(Limits.institutionMax);
const state = requiredLineText(INSTITUTION_STATE_MAX);

/**
 * The institution of a new workshop: its name (the original form, still accepted) or the full
 * record `{name, system?, state?}` (issue 6: an institution has a name and optional system/state).
 */
export const institutionInput = z.union([
  name,
  z.strictObject({ name, system: system.optional(), state: state.optional() }),
]);
export type InstitutionInput = z.infer<typeof institutionInput>;

/** The record as stored: name plus system/state, null when not given. */
export interface InstitutionDetails {
  name: string;
  system: string | null;
  state: string | null;
}

export function institutionDetails(input: InstitutionInput): InstitutionDetails {
  return typeof input === 'string'
    ? { name: input, system: null, state: null }
    : { name: input.name, system: input.system ?? null, state: input.state ?? null };
}

/** PATCH /api/institutions/:id — null clears system or state; the name is required to stay. */
export const updateInstitutionBody = z
  .strictObject({ name: name.optional(), system: system.nullable().optional(), state: state.nullable().optional() })
  .refine((b) => b.name !== undefined || b.system !== undefined || b.state !== undefined, {
    message: 'give name, system or state',
  });
