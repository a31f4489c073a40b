// The CI files of the province example (.github/workflows/province.yml, .gitea/workflows/province.yml,
// .gitlab-ci.yml) are valid YAML, have one matrix job per county folder of examples/province/counties
// (no more, no fewer), build each county with the env that npm run province gives it, run only
// npm scripts that exist, and end with a job that writes the portal from the built counties.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from './helpers.ts';

const CODES = readdirSync(join(ROOT, 'examples/province/counties')).sort();
const SCRIPTS = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

function load(file: string): Record<string, any> {
  const doc = parseDocument(readFileSync(join(ROOT, file), 'utf8'), { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message), file).toEqual([]);
  expect(doc.warnings.map((e) => e.message), file).toEqual([]);
  return doc.toJS() as Record<string, any>;
}

/** Every string anywhere in the document. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

function expectCommandsExist(doc: unknown) {
  const commands = strings(doc).flatMap((s) => [...s.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!));
  expect(commands.length).toBeGreaterThan(0);
  for (const command of commands) expect(SCRIPTS, `npm run ${command}`).toContain(command);
  expect(strings(doc).some((s) => /^npm ci$/m.test(s))).toBe(true);
}

function expectNoHostnames(file: string) {
  // Actions are named owner/name@version; no service's address belongs in these files.
  expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/https?:\/\/|\b[\w-]+\.(com|org|io|net|cn)\b/);
}

describe('province CI files', () => {
  it('has three example counties to build', () => {
    expect(CODES).toEqual(['990101', '990102', '990103']);
  });

  for (const file of ['.github/workflows/province.yml', '.gitea/workflows/province.yml']) {
    it(`${file}: a matrix job per county, its env, artifacts, and a portal job after all of them`, () => {
      const doc = load(file);
      const county = doc['jobs']['county'];
      expect(county['strategy']['matrix']['county']).toEqual(CODES);
      const build = (county['steps'] as any[]).find((s) => s.run === 'npm run build');
      expect(build.env).toEqual({
        GONGKAI_CONTENT: 'examples/province/counties/${{ matrix.county }}/content',
        GONGKAI_OUT: 'out/${{ matrix.county }}',
        GONGKAI_BASE: '/${{ matrix.county }}/',
      });
      const upload = (county['steps'] as any[]).find((s) => String(s.uses).startsWith('actions/upload-artifact@'));
      expect(upload.with.path).toBe('out/${{ matrix.county }}');
      const portal = doc['jobs']['portal'];
      expect(portal['needs']).toBe('county');
      expect((portal['steps'] as any[]).map((s) => s.run).filter(Boolean)).toContain('npm run province -- --counties examples/province/counties --out out --portal-only');
      expectCommandsExist(doc);
      expectNoHostnames(file);
    });
  }

  it('.gitlab-ci.yml: a parallel matrix job per county, its env, artifacts, and a portal job after all of them', () => {
    const doc = load('.gitlab-ci.yml');
    const county = doc['county'];
    expect(county['parallel']['matrix']).toEqual([{ COUNTY: CODES }]);
    expect(county['variables']).toEqual({ GONGKAI_CONTENT: 'examples/province/counties/$COUNTY/content', GONGKAI_OUT: 'out/$COUNTY', GONGKAI_BASE: '/$COUNTY/' });
    expect(county['script']).toEqual(['npm ci', 'npm run build']);
    expect(county['artifacts']['paths']).toEqual(['out/$COUNTY/']);
    expect(doc['portal']['needs']).toEqual([{ job: 'county', artifacts: true }]);
    expect(doc['portal']['script']).toContain('npm run province -- --counties examples/province/counties --out out --portal-only');
    expect(doc['stages']).toEqual(['counties', 'portal']);
    expectCommandsExist(doc);
    expectNoHostnames('.gitlab-ci.yml');
  });
});
