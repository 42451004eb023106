import { z } from 'zod';
import { requiredLineText } from '../http/textSchemas';
import { Limits } from '../../shared/domain';

export const signupBody = z.strictObject({
  email: z.email().max(Limits.emailMax),
  password: z.string().min(Limits.passwordMin).max(Limits.passwordMax),
  name: requiredLineText(Limits.nameMax),
});

// Login only bounds lengths: telling a caller "that is not a valid email" is harmless, but a
// minimum password length here would let them probe the policy instead of the account.
export const loginBody = z.strictObject({
  email: z.string().trim().min(1).max(Limits.emailMax),
  password: z.string().min(1).max(Limits.passwordMax),
});

export const userSchema = z.object({
  id: z.string(),
  kind: z.enum(['account', 'guest']),
  email: z.string().nullable(),
  name: z.string(),
});
