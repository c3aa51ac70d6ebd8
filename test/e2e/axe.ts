import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core's WCAG 2.1 A and AA findings on what the page shows now. In legacy mode axe runs in the page
 * itself; by default each check ends in a fresh blank page of the same context (about 1 s a check: 128 s
 * of accessibility.test.ts's 186 s, session 31). All legacy mode leaves out is cross-origin frames, and
 * the portal has none.
 */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  return result.violations;
}
