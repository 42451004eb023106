import { describe, expect, it } from 'vitest';
import { suggestStage } from './suggestStage';

const stages = ['new', 'developing', 'effective'];

describe('suggestStage', () => {
  it('suggests the modal current stage', () => {
    expect(suggestStage(['developing', 'new', 'developing', 'not-sure', null], stages)).toBe('developing');
  });
  it('suggests nothing on a tie, for no ratings, or for unknown stages only', () => {
    expect(suggestStage(['new', 'developing'], stages)).toBeNull();
    expect(suggestStage([], stages)).toBeNull();
    expect(suggestStage(['not-sure', 'bogus'], stages)).toBeNull();
  });
});
