/** Domain vocabulary shared by client and server. `as const` objects with derived unions, no enums. */

export const MemberRole = { facilitator: 'facilitator', participant: 'participant', observer: 'observer' } as const;
export type MemberRole = (typeof MemberRole)[keyof typeof MemberRole];
export const memberRoles = Object.values(MemberRole);

export const WorkshopStatus = { open: 'open', finalized: 'finalized', archived: 'archived' } as const;
export type WorkshopStatus = (typeof WorkshopStatus)[keyof typeof WorkshopStatus];
export const workshopStatuses = Object.values(WorkshopStatus);

/**
 * named: names visible to members. anonymous-while-rating: pseudonyms while the workshop is open,
 * real names once it is finalized (per-dimension unmasking would unmask a person everywhere, since
 * the member list is shared). anonymous: names never leave the server. See docs/documents.md.
 */
export const AnonymityMode = {
  named: 'named',
  anonymousWhileRating: 'anonymous-while-rating',
  anonymous: 'anonymous',
} as const;
export type AnonymityMode = (typeof AnonymityMode)[keyof typeof AnonymityMode];
export const anonymityModes = Object.values(AnonymityMode);

/** The default perspectives of a cross-functional LER team; a workshop may configure its own list. */
export const DEFAULT_PERSPECTIVES = [
  'Faculty',
  'IT',
  'Workforce/employer partner',
  'Student services',
  'Registrar',
  'Administration',
  'Other',
] as const;

/** The rating value meaning "I am not sure" (allowed when the workshop allows it). */
export const NOT_SURE = 'not-sure' as const;

/** Limits shared by client (to refuse before typing is lost) and server (to enforce). */
export const Limits = {
  nameMax: 80,
  titleMax: 200,
  institutionMax: 200,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 256,
  perspectiveMax: 60,
  perspectivesMax: 20,
  rationaleMax: 5_000,
  commentMax: 5_000,
  evidenceUrlMax: 2_000,
  evidenceTitleMax: 200,
  evidenceNoteMax: 2_000,
  evidencePerRatingMax: 30,
  commentEvidenceMax: 10,
  /**
   * One member's share of the workshop doc (shared/docs/memberShare.ts): every member's comments
   * and evidence reach everyone's screen, so no one member may fill the doc for all (PROJ10).
   */
  commentsPerMemberMax: 1_000,
  commentCharsPerMemberMax: 200_000,
  evidenceCharsPerMemberMax: 100_000,
  reasonMin: 10,
  reasonMax: 2_000,
  consensusTextMax: 10_000,
} as const;
