import { describe, expect, it } from 'vitest';
import { evidenceDraftKey, parseEvidenceDraft, serializeEvidenceDraft } from './EvidenceEditor';

describe('evidence form drafts', () => {
  it('round-trips the three fields; an empty form deletes the draft (empty string)', () => {
    const f = { url: 'https://example.edu/x', title: 'Catalog', note: 'p. 12' };
    expect(parseEvidenceDraft(serializeEvidenceDraft(f))).toEqual(f);
    expect(serializeEvidenceDraft({ url: '', title: '', note: '' })).toBe('');
    expect(evidenceDraftKey('governance')).toBe('evidence:governance');
  });

  it('a corrupt or foreign draft value gives an empty form instead of throwing', () => {
    expect(parseEvidenceDraft('{not json')).toEqual({ url: '', title: '', note: '' });
    expect(parseEvidenceDraft('{"url":42,"title":"T"}')).toEqual({ url: '', title: 'T', note: '' });
  });
});
