import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import {
  editDraftKey,
  hasCommentDraft,
  linkDraftKey,
  parseLinkDraft,
  serializeLinkDraft,
  startEditDraft,
} from './commentDraft';

describe('comment drafts', () => {
  it("round-trips a comment's link; an empty link deletes its draft (empty string)", () => {
    const link = { url: 'https://example.edu/catalog', title: 'Catalog' };
    expect(parseLinkDraft(serializeLinkDraft(link))).toEqual(link);
    expect(serializeLinkDraft({ url: '', title: '' })).toBe('');
    expect(parseLinkDraft('{not json')).toEqual({ url: '', title: '' });
    expect(linkDraftKey('comment:governance')).toBe('comment:governance:link');
  });

  it('starting an edit drafts the posted text and link, so a reload finds the edit in progress', () => {
    const member = new MemberDoc(new Y.Doc());
    expect(hasCommentDraft(member, editDraftKey('c1'))).toBe(false);
    startEditDraft(member, 'c1', 'Posted text', { url: 'https://example.edu/x', title: '' });
    expect(member.drafts.get('edit:c1')).toBe('Posted text');
    expect(parseLinkDraft(member.drafts.get('edit:c1:link') as string).url).toBe('https://example.edu/x');
    // The link alone still counts: an edit whose text was emptied is still an edit in progress.
    member.drafts.delete('edit:c1');
    expect(hasCommentDraft(member, editDraftKey('c1'))).toBe(true);
  });
});
