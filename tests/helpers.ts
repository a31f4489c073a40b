// Runs the project's command-line tools the way `npm run` does: on this Node (22, from the
// `node` devDependency when tests run through npm/npx) with tsx, from the repository root.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv } from '../src/lib/commands/measure.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

/**
 * The environment a person's shell would give the tools: without the variables Vitest sets for
 * its own Vite (BASE_URL, MODE, NODE_ENV …), which would otherwise override the site's base path.
 */
export const toolEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...childEnv(), ...extra });

export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [TSX, `src/cli/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', env: toolEnv(env) });
}

/** The file a content file's first line (`# yaml-language-server: $schema=…`) points an editor at, as an absolute path. */
export function schemaOf(file: string): string | undefined {
  const path = /^# yaml-language-server: \$schema=(.+)$/.exec(readFileSync(file, 'utf8').split('\n')[0]!)?.[1];
  return path === undefined ? undefined : resolve(dirname(file), path);
}

/**
 * A content file's text with its $schema path written as the file it points at: files written into
 * another folder than the committed ones (a temporary content folder) compare equal when they hold
 * the same and point an editor at the same schema (the importer works the path out from the folder).
 */
export function contentText(file: string): string {
  const text = readFileSync(file, 'utf8');
  const schema = schemaOf(file);
  return schema === undefined ? text : text.replace(/^(# yaml-language-server: \$schema=).+/, `$1${schema}`);
}
