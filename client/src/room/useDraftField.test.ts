import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import {
  type DraftFieldState,
  followDraft,
  observeDraft,
  reconcileDraft,
  writeDraftField,
} from './useDraftField';

const KEY = 'evidence:governance';

/** A member doc as the page opens it after a reload: only what IndexedDB held (`snapshot`). */
function reloaded(snapshot: Uint8Array): MemberDoc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  return new MemberDoc(doc);
}
const syncFrom = (from: MemberDoc, to: MemberDoc) => Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc));
const field = (value: string): DraftFieldState => ({ local: value, base: value });

describe('reconcileDraft (a draft value changed in the member doc)', () => {
  it('an untouched field adopts the newer value; text typed since the last read or write wins', () => {
    expect(reconcileDraft(field('old'), 'new')).toEqual(field('new'));
    const typing = { local: 'old and more', base: 'old' };
    expect(reconcileDraft(typing, 'new')).toBe(typing);
  });

  it('our own write coming back changes nothing; once written, the field follows the doc again', () => {
    const typing = { local: 'abcd', base: 'abc' }; // wrote "abc", typed "d" since
    expect(reconcileDraft(typing, 'abc')).toBe(typing);
    expect(reconcileDraft(field('abcd'), 'from another tab')).toEqual(field('from another tab'));
  });

  it('a deletion (submit in another tab) clears an untouched field, not one being typed in', () => {
    expect(reconcileDraft(field('half a comment'), '')).toEqual(field(''));
    const typing = { local: 'half a comment, more', base: 'half a comment' };
    expect(reconcileDraft(typing, '')).toBe(typing);
  });

  it('an incoming value equal to the typed text becomes the new base', () => {
    expect(reconcileDraft({ local: 'same', base: 'old' }, 'same')).toEqual(field('same'));
  });
});

describe('observeDraft (Y.Map observation of one draft key)', () => {
  it('reports changes of its key from a remote update, including deletion, and nothing else', () => {
    const server = new MemberDoc(new Y.Doc());
    const mine = new MemberDoc(new Y.Doc());
    const seen: string[] = [];
    const stop = observeDraft(mine, KEY, (v) => seen.push(v));

    server.drafts.set('comment:governance', 'other key');
    syncFrom(server, mine);
    server.drafts.set(KEY, 'from the server');
    syncFrom(server, mine);
    server.drafts.delete(KEY);
    syncFrom(server, mine);
    expect(seen).toEqual(['from the server', '']);

    stop();
    server.drafts.set(KEY, 'after stop');
    syncFrom(server, mine);
    expect(seen).toEqual(['from the server', '']);
  });
});

describe('followDraft (the reload race that lost an evidence note)', () => {
  it('a form mounted with the older IndexedDB draft shows the newer one when it arrives by sync', () => {
    const tab = new MemberDoc(new Y.Doc());
    tab.drafts.set(KEY, '{"url":"https://example.edu/catalog","title":"","note":""}');
    const indexedDb = Y.encodeStateAsUpdate(tab.doc); // the reload lands before the last keystroke is stored
    tab.drafts.set(KEY, '{"url":"https://example.edu/catalog","title":"","note":"Page 12"}');
    const server = new MemberDoc(new Y.Doc());
    syncFrom(tab, server);

    const page = reloaded(indexedDb);
    const state = field(page.drafts.get(KEY) as string); // read once at mount
    const adopted: string[] = [];
    const stop = followDraft(page, KEY, state, (v) => adopted.push(v));
    syncFrom(server, page);

    expect(adopted).toEqual(['{"url":"https://example.edu/catalog","title":"","note":"Page 12"}']);
    expect(state.local).toBe(adopted[0]);
    stop();
  });

  it('checks the doc when it subscribes: a change between the first read and the subscription counts', () => {
    const page = new MemberDoc(new Y.Doc());
    const state = field(''); // rendered before IndexedDB had the draft
    page.drafts.set(KEY, 'loaded late');
    const adopted: string[] = [];
    const stop = followDraft(page, KEY, state, (v) => adopted.push(v));
    expect(adopted).toEqual(['loaded late']);
    stop();
  });

  it('our own writes never call back; typed text survives a remote value and then replaces it', () => {
    const page = new MemberDoc(new Y.Doc());
    const remote = new MemberDoc(new Y.Doc());
    const state = field('');
    const adopted: string[] = [];
    const stop = followDraft(page, KEY, state, (v) => adopted.push(v));

    state.local = 'abc';
    writeDraftField(page, KEY, state, 'abc'); // the debounced write
    expect(adopted).toEqual([]);

    state.local = 'abc, typed while a remote value arrives';
    syncFrom(page, remote);
    remote.drafts.set(KEY, 'other tab');
    syncFrom(remote, page);
    expect(adopted).toEqual([]);
    expect(state.local).toBe('abc, typed while a remote value arrives');

    writeDraftField(page, KEY, state, state.local);
    expect(page.drafts.get(KEY)).toBe('abc, typed while a remote value arrives');

    // Untouched again: a deletion elsewhere (a submit in the other tab) empties the field.
    syncFrom(page, remote);
    remote.drafts.delete(KEY);
    syncFrom(remote, page);
    expect(adopted).toEqual(['']);
    expect(state).toEqual(field(''));
    stop();
  });
});
