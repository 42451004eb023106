import { describe, expect, it } from 'vitest';
import { Limits } from '../domain';
import { commentChars, commentFits, evidenceChars } from './memberShare';

describe('a member’s share of the workshop doc (PROJ10)', () => {
  it('counts a comment’s text and links, and nothing for a deleted one', () => {
    const evidence = [{ url: 'https://a.edu/x', title: 'Plan' }];
    expect(commentChars({ text: 'hello', deleted: false, evidence })).toBe(5 + 15 + 4);
    expect(commentChars({ text: '', deleted: true, evidence })).toBe(0);
    expect(evidenceChars({ url: 'https://a.edu', title: 'T', note: 'why' })).toBe(13 + 1 + 3);
  });

  it('fits a comment up to the last character and the last comment, not one past either', () => {
    const chars = Limits.commentCharsPerMemberMax;
    expect(commentFits({ comments: 0, chars: chars - 10 }, 10)).toBe(true);
    expect(commentFits({ comments: 0, chars: chars - 10 }, 11)).toBe(false);
    expect(commentFits({ comments: Limits.commentsPerMemberMax - 1, chars: 0 }, 1)).toBe(true);
    expect(commentFits({ comments: Limits.commentsPerMemberMax, chars: 0 }, 1)).toBe(false);
  });
});
