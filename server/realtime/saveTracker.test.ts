import { describe, expect, it } from 'vitest';
import { SaveTracker } from './saveTracker';

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SaveTracker', () => {
  it('answers at once when nothing was handed over', async () => {
    const saves = new SaveTracker();
    let done = false;
    void saves.whenSaved().then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(true);
    expect(saves.unsaved).toBe(0);
  });

  it('wakes each caller once everything handed over before it asked has settled, and not before wake', async () => {
    const saves = new SaveTracker();
    const woke: string[] = [];
    saves.issue();
    void saves.whenSaved().then(() => woke.push('after one'));
    saves.issue();
    saves.issue();
    void saves.whenSaved().then(() => woke.push('after three'));
    expect(saves.unsaved).toBe(3);

    saves.settle();
    await settle();
    expect(woke).toEqual([]); // settled, but nobody woken yet
    saves.wake();
    await settle();
    expect(woke).toEqual(['after one']);

    saves.settle();
    saves.wake();
    await settle();
    expect(woke).toEqual(['after one']);
    saves.settle();
    saves.wake();
    await settle();
    expect(woke).toEqual(['after one', 'after three']);
    expect(saves.unsaved).toBe(0);
  });
});
