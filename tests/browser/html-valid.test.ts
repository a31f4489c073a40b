// Every built page of every site of the global setup passes the W3C Nu HTML Checker with no errors
// (htmlValidityProblems in checks.ts; the corpus tests run the same check on their sites).
import { describe, expect, it } from 'vitest';
import { htmlValidityProblems } from './checks.ts';
import { sitesUnderTest } from './sites.ts';

for (const site of sitesUnderTest()) {
  describe(`${site.name} build (base ${site.basePath})`, () => {
    it('every page passes the Nu HTML Checker with no errors', () => {
      expect(htmlValidityProblems(site.distDir)).toEqual([]);
    }, 600_000);
  });
}
