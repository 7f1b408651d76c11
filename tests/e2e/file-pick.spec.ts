import { expect, type Locator, test } from '@playwright/test';
import { expectAccessible, isFocused } from '../support/a11y.ts';

/**
 * The file buttons of /verify and /coach speak the page's language (the browser's own file control says "Choose File
 * / No file chosen" in the browser's), are reached by Tab with the 3 px ring on their label, name the chosen file,
 * and leave nothing for axe. In Dutch and in Arabic (right to left).
 */

const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';

const outline = (el: Locator) =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });

const PAGES = [
  { route: '/verify', host: 'ts-verify', id: 'verify-file', label: { nl: 'Of kies een bestand (.jwt)', ar: 'أو اختر ملفًا (‎.jwt)' }, file: 'x.jwt' },
  { route: '/coach', host: 'ts-coach', id: 'import-file', label: { nl: 'Of kies een bestand', ar: 'أو اختر ملفًا' }, file: 'x.json' },
] as const;
const CHOSEN = { nl: 'Gekozen: ', ar: 'الملف المختار: ' } as const;

for (const p of PAGES) {
  for (const lang of ['nl', 'ar'] as const) {
    test(`${p.route} (${lang}): the file button is in the page's language, reached by Tab with its ring, and names the chosen file`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 640 });
      await page.goto(`${p.route}?lang=${lang}`);
      const host = page.locator(p.host);
      const input = host.locator(`#${p.id}`);
      const label = host.locator(`label[for="${p.id}"]`);
      await expect(label).toHaveText(p.label[lang]);
      await expect(label).toBeVisible();
      // The input is the control (named by its label) for keyboards and screen readers.
      await expect(page.getByLabel(p.label[lang], { exact: true })).toHaveAttribute('type', 'file');
      await expectAccessible(page, `${p.route} ${lang}`);

      for (let i = 0; i < 40 && !(await isFocused(input)); i++) await page.keyboard.press('Tab');
      expect(await isFocused(input)).toBe(true);
      expect(await outline(label)).toBe('solid 3px');
      await page.screenshot({ path: `${SHOTS}/file-pick${p.route.replace('/', '-')}-${lang}.png` });

      // A chosen file is named (the content is not a credential: the page says so, which is not checked here).
      await input.setInputFiles({ name: p.file, mimeType: 'text/plain', buffer: Buffer.from('not a credential') });
      // In Arabic the name is a bidi isolate (FSI … PDI), as every value filled into a right-to-left sentence.
      const name = lang === 'ar' ? `\u2068${p.file}\u2069` : p.file;
      await expect(host.locator('.file-chosen')).toHaveText(`${CHOSEN[lang]}${name}`);
      await expect(input).toHaveAttribute('aria-describedby', `${p.id}-chosen`);
      await expectAccessible(page, `${p.route} ${lang} chosen`);
      await page.screenshot({ path: `${SHOTS}/file-pick${p.route.replace('/', '-')}-${lang}-chosen.png`, fullPage: true });
    });
  }
}
