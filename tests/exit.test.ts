// A command's report reaches a reader that is slower than the command (a pipe into less, a CI log, a
// test on a loaded machine): `npm run check:disclosure` once ended mid-report because process.exit()
// dropped what was still queued for the pipe (src/lib/commands/exit.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SCRIPT = join(ROOT, 'tests/fixtures/exit/print-and-exit.ts');
const FULL = 2000 * (400 * 3 + 1);

/** Bytes a reader that starts a second late receives from the script, and the script's exit code. */
function throughSlowPipe(mode: string) {
  const run = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$1" "$2" "$3" | (sleep 1; wc -c)`, process.execPath, TSX, SCRIPT, mode], { encoding: 'utf8' });
  return { bytes: Number(run.stdout.trim()), status: run.status };
}

describe('outputFlushed', () => {
  it('退出前把输出全部交给读取方，退出码照旧', () => {
    expect(throughSlowPipe('outputFlushed')).toEqual({ bytes: FULL, status: 1 });
  });
  it('对照：直接 process.exit() 会丢掉还没写出的部分（所以这个测试能失败）', () => {
    expect(throughSlowPipe('process.exit').bytes).toBeLessThan(FULL);
  });
});
