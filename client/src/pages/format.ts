import type { AnonymityMode, MemberRole, WorkshopStatus } from '../../../shared/domain';

/** Human words for the domain's codes, shared by pages so every screen says the same thing. */
export const roleLabels: Record<MemberRole, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  observer: 'Observer',
};

export const statusLabels: Record<WorkshopStatus, string> = {
  open: 'Open',
  finalized: 'Finalized',
  archived: 'Archived',
};

export const anonymityLabels: Record<AnonymityMode, { label: string; description: string }> = {
  named: { label: 'Named', description: 'Everyone sees who gave which rating once a dimension is revealed.' },
  'anonymous-while-rating': {
    label: 'Anonymous while rating',
    description: 'Ratings show without names until a dimension is locked; then names appear.',
  },
  anonymous: { label: 'Anonymous', description: 'Names are never shown next to ratings, not even to facilitators.' },
};

/** Accepts epoch ms or an ISO string (the API may use either); null → fallback. */
export function formatDateTime(value: number | string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value === '') return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return fallback;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(value: number | string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value === '') return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return fallback;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function institutionName(inst: string | { name: string } | null | undefined): string {
  if (!inst) return '';
  return typeof inst === 'string' ? inst : inst.name;
}

/** "1 observer", "3 observers": a count with its noun in the right number (English plural in `s` by default). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
