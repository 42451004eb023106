import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface A11yViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

export interface CheckA11yOptions {
  /** CSS selectors to leave out (a third-party widget under review, say — explain why at the call). */
  exclude?: string[];
}

/**
 * Runs axe-core on the page against WCAG 2.1 A + AA and returns the violations in a compact,
 * readable form, so `expect(await checkA11y(page)).toEqual([])` prints what is wrong and where.
 */
export async function checkA11y(page: Page, options: CheckA11yOptions = {}): Promise<A11yViolation[]> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
