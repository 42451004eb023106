import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import {
  parseConsensusDraft,
  readConsensusDraft,
  serializeConsensusDraft,
  writeConsensusDraft,
} from './localDraft';

const fields = { stage: '', rationale: 'Typed before a stage was chosen', dissent: 'Kim', nextSteps: '' };

describe('the local consensus draft', () => {
  it('round-trips through the member doc, and null deletes it', () => {
    const member = new MemberDoc(new Y.Doc());
    writeConsensusDraft(member, 'dim-a', fields);
    expect(readConsensusDraft(member, 'dim-a')).toEqual(fields);
    expect(readConsensusDraft(member, 'dim-b')).toBeNull();
    writeConsensusDraft(member, 'dim-a', null);
    expect(member.drafts.has('consensus:dim-a')).toBe(false);
  });

  it('reads anything malformed as no draft', () => {
    expect(parseConsensusDraft('')).toBeNull();
    expect(parseConsensusDraft('not json')).toBeNull();
    expect(parseConsensusDraft('null')).toBeNull();
    expect(parseConsensusDraft(JSON.stringify({ ...fields, dissent: 3 }))).toBeNull();
    expect(parseConsensusDraft(serializeConsensusDraft(fields))).toEqual(fields);
  });
});
