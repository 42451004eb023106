import type { MemberDoc } from '../../../shared/docs/memberDoc';
import { readDraft, writeDraft } from './useMemberWrites';

/**
 * Where a half-written comment lives in my member doc (drafts are private strings, kept in IndexedDB
 * and synced to my other tabs). The text has one key and the evidence link another, so a text draft
 * written before links were kept still reads as plain text.
 */
export const commentDraftKey = (dimensionId: string) => `comment:${dimensionId}`;
export const replyDraftKey = (parentKey: string) => `reply:${parentKey}`;
/** The text being edited of one of my posted comments; its presence means "I was editing it". */
export const editDraftKey = (commentId: string) => `edit:${commentId}`;
/** The evidence link (URL + title, one JSON string) of the comment drafted under `textKey`. */
export const linkDraftKey = (textKey: string) => `${textKey}:link`;

export interface LinkDraft {
  url: string;
  title: string;
}
const NO_LINK: LinkDraft = { url: '', title: '' };

export function parseLinkDraft(raw: string): LinkDraft {
  if (!raw) return NO_LINK;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof LinkDraft, unknown>>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return { url: str(v.url), title: str(v.title) };
  } catch {
    return NO_LINK; // A corrupt draft is dropped rather than breaking the form.
  }
}

/** Empty fields serialize to '' so the draft key is deleted (see `writeDraft`). */
export function serializeLinkDraft(link: LinkDraft): string {
  return link.url === '' && link.title === '' ? '' : JSON.stringify(link);
}

/** Whether anything is drafted (text or link) under `textKey`. */
export function hasCommentDraft(member: MemberDoc, textKey: string): boolean {
  return readDraft(member, textKey) !== '' || readDraft(member, linkDraftKey(textKey)) !== '';
}

/** Starts editing a posted comment: its text and link become the edit draft, so a reload resumes it. */
export function startEditDraft(
  member: MemberDoc,
  commentId: string,
  text: string,
  link: LinkDraft | null,
): void {
  const key = editDraftKey(commentId);
  member.doc.transact(() => {
    writeDraft(member, key, text);
    writeDraft(member, linkDraftKey(key), serializeLinkDraft(link ?? NO_LINK));
  });
}
