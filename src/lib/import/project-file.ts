// Where a project imported on its own (from an .xlsx) goes in its unit's projects/ folder, named
// like the document importer names them: `NN-<项目编码>.yaml`, NN keeping the order of the tables;
// and the 网址标识 an importer gives a table that prints no 项目编码.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ExistingProjectFile {
  name: string;
  /** Its 项目编码, when the file could be read. */
  code?: string;
}

/** The project files of a folder with their codes; an absent folder has none. */
export async function projectFilesIn(dir: string): Promise<ExistingProjectFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => {
      try {
        const data = parse(await readFile(join(dir, name), 'utf8')) as Record<string, unknown> | null;
        // A table without 项目编码 is known by its 网址标识 (the key of its page).
        const code = data?.['项目编码'] ?? data?.['网址标识'];
        return typeof code === 'string' ? { name, code } : { name };
      } catch {
        return { name }; // a file that does not parse keeps its name; validate reports it
      }
    }),
  );
}

/**
 * The file that already holds this 项目编码 (re-importing updates it in place), or the next free
 * number after the highest `NN-` prefix, e.g. `15-13022923P00JXC415564L.yaml`.
 */
export function projectFileName(existing: readonly ExistingProjectFile[], code: string): string {
  const same = existing.find((f) => f.code === code);
  if (same) return same.name;
  const numbers = existing.map((f) => /^(\d+)-/.exec(f.name)?.[1]).filter((n): n is string => n !== undefined);
  const next = Math.max(0, ...numbers.map(Number)) + 1;
  const width = Math.max(2, ...numbers.map((n) => n.length));
  return `${String(next).padStart(width, '0')}-${code}.yaml`;
}

/**
 * The 网址标识 of an imported table without 项目编码: a prefix saying where it came from (its 表样's,
 * or `jx` for a result table) and a hash of its year, unit and name, so that importing again keeps it.
 */
export const madeUrlKey = (prefix: string, year: number, unitCode: string, name: string) =>
  `${prefix}-${createHash('sha256').update(`${year}/${unitCode}/${name}`).digest('hex').slice(0, 8)}`;
