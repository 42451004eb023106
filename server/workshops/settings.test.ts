import { describe, expect, it } from 'vitest';
import { AnonymityMode } from '../../shared/domain';
import { defaultSettings, readSettings } from './settings';

describe('readSettings', () => {
  it('fills the fields an older row lacks with their defaults and keeps the stored ones', () => {
    const settings = readSettings({ anonymity: AnonymityMode.anonymous, allowNotSure: false });
    expect(settings).toEqual({
      ...defaultSettings(),
      anonymity: AnonymityMode.anonymous,
      allowNotSure: false,
    });
  });

  it('falls back to the defaults for a row that does not parse', () => {
    expect(readSettings({ anonymity: 'nobody-knows' })).toEqual(defaultSettings());
    expect(readSettings(null)).toEqual(defaultSettings());
    expect(readSettings({ perspectives: [] })).toEqual(defaultSettings());
  });

  it('gives each caller its own perspectives list', () => {
    const a = readSettings({});
    a.perspectives.push('Changed by one caller');
    expect(readSettings({}).perspectives).toEqual(defaultSettings().perspectives);
  });

  it('reads the same on every call (the stored-row schema is built once)', () => {
    const stored = { autoReveal: true, ratingDeadline: 1_800_000_000_000, perspectives: ['Faculty'] };
    const first = readSettings(stored);
    for (let i = 0; i < 3; i++) expect(readSettings(stored)).toEqual(first);
    expect(first).toMatchObject(stored);
  });
});
