// Peak memory of a process and everything it starts, from Linux's /proc (npm run bench, npm run
// province). Elsewhere /proc is missing and the peaks stay empty.
import { readdir, readFile } from 'node:fs/promises';

/** Each process's parent, from /proc/<pid>/stat (the field after the parenthesised name). */
async function parentsOfAll(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[1]) parents.set(Number(name), Number(fields[1]));
  }
  return parents;
}

/**
 * Samples the peak RSS (VmHWM) of every process below `root` until stopped. GNU time was not
 * enough: it counts only descendants that are waited for, and Pagefind's service process, the
 * largest of a big build, is killed and not always reaped before Node exits.
 */
export function sampleTree(root: number) {
  const peaks = new Map<string, number>();
  const processes = new Map<number, { program: string; peak: number }>();
  let stopped = false;
  const sample = async () => {
    const parents = await parentsOfAll();
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) (tree.add(pid), (grew = true));
    }
    for (const pid of tree) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      // A process that has exited (or a zombie, which has no memory left) is not counted.
      if (kb === 0) continue;
      const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '';
      // Pagefind's binary is pagefind or pagefind_extended; everything else is Node and its helpers
      // (esbuild, git), named as the kernel names them.
      const program = /pagefind/.test(name) ? 'pagefind' : name === 'node' || name === 'MainThread' ? 'node' : name;
      if (kb * 1024 > (peaks.get(program) ?? 0)) peaks.set(program, kb * 1024);
      if (kb * 1024 > (processes.get(pid)?.peak ?? 0)) processes.set(pid, { program, peak: kb * 1024 });
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample();
      // VmHWM is the process's own peak, so one sample before it exits suffices; 50 ms so that a
      // short-lived Pagefind (a small site indexes in well under a second) is seen at all.
      await new Promise((done) => setTimeout(done, 50));
    }
  })();
  return {
    peaks,
    processes,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
