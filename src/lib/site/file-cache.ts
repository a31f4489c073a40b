// Reading a file once per build, not once per page: results are kept until the file changes
// (its modification time), so `npm run dev` still shows edits without a restart.
import { statSync } from 'node:fs';

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

export function readOnce<T>(file: string, read: (file: string) => T): T {
  const mtimeMs = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
  const value = read(file);
  cache.set(file, { mtimeMs, value });
  return value;
}
