import { expect, test } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';

// The certified path runs against the real server in credential.spec.ts (played at real speed, issued, verified).
test('practice: no credential, said plainly, with the certified mode offered for next time', async ({ page }) => {
  await page.goto('/?automation=1&lang=en');
  // The hook is installed once the welcome screen has checked the store; before that showSession does not exist yet.
  await page.waitForFunction(() => window.__talentscan !== undefined);
  const events: LogEvent[] = [
    { type: 'session-start', seq: 0, page: 0, t: 0, sessionId: 'p1', schema: 1, appVersion: '0.1.0', battery: 'reaction', lang: 'en' },
    { type: 'session-end', seq: 1, page: 0, t: 1 },
  ];
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  await expect(page.locator('ts-credential')).toContainText('This was a practice scan');
  await expect(page.locator('ts-credential')).toContainText('Choose "Certified" next time');
  await expect(page.locator('ts-credential').getByRole('button')).toHaveCount(0);
});
