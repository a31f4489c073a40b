// npm run dev: Astro's dev server, after dropping parsed content that a changed schema or
// site.yaml has made stale (lib/build/astro-cache.ts). Arguments go to `astro dev` as they are.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { forgetStaleContent } from '../lib/build/astro-cache.ts';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
await forgetStaleContent();
// This Node (22, from the project's devDependency), not whatever `astro` on PATH would pick.
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const child = spawn(process.execPath, [astro, 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
