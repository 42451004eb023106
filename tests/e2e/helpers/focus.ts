import type { Page } from 'playwright-core';

/**
 * Where keyboard focus is, as text for assertions: 'body', or '<region>: <tag> <label or text>' where
 * region is 'discussion' inside the room's discussion and 'elsewhere' otherwise.
 */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const where = el.closest('.discussion') ? 'discussion' : 'elsewhere';
    const label = (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent;
    return `${where}: ${el.tagName.toLowerCase()} ${label?.trim() ?? ''}`;
  });
}
