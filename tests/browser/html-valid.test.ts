// Every built page of every site passes the W3C Nu HTML Checker (vnu-jar from npm, run on the
// system Java) with no errors. One JVM per site over all its .html files: a JVM start costs
// seconds, a page costs milliseconds.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitesUnderTest } from './sites.ts';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

/** Every .html file below dir, sorted so failures read in the same order each run. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Java runs the checker; missing Java must fail the tests, saying how to install it. */
function checkJava(): void {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'Java not found: the Nu HTML Checker (vnu-jar) needs it. Install it with:\n' +
        '  apt-get update && apt-get install -y default-jre-headless\n' +
        `(${java.error?.message ?? java.stderr})`,
    );
  }
}

function runVnu(files: string[]): VnuMessage[] {
  // --errors-only: warnings (e.g. about a redundant role) are advice, not invalid HTML.
  const result = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  // vnu writes its JSON report to stderr and exits 1 when it found errors.
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`vnu gave no JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return report.messages;
}

for (const site of sitesUnderTest()) {
  describe(`${site.name} build (base ${site.basePath})`, () => {
    it('every page passes the Nu HTML Checker with no errors', () => {
      checkJava();
      const files = htmlFiles(site.distDir);
      expect(files.length).toBeGreaterThan(0);
      const messages = runVnu(files);
      const listed = messages.map((m) => {
        const file = m.url.startsWith('file:') ? relative(site.distDir, new URL(m.url).pathname) : m.url;
        return `${file}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${m.extract ? `\n    ${m.extract.replaceAll('\n', ' ')}` : ''}`;
      });
      const pages = new Set(messages.map((m) => m.url)).size;
      expect(messages.length, `vnu found ${messages.length} error(s) on ${pages} of ${files.length} pages of ${site.name}:\n${listed.join('\n')}\n`).toBe(0);
    }, 600_000);
  });
}
