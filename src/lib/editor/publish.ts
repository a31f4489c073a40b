// Publishing a saved table: one git commit holding exactly that file, whose message is the reason
// the editor wrote and the changes in words. The reason also goes in a `公开说明:` trailer, which
// is what the history reads as the 修改原因 citizens see (history.ts reasonOf), so the generated
// summary above it stays in the repository without being taken for the reason.
import { execFileSync } from 'node:child_process';
import { PUBLIC_REASON_TRAILER } from '../history/history.ts';
import { tableChanges } from '../history/table-diff.ts';

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Whether the folder is in a git working tree (the editor also runs on a plain copy: then it saves without publishing). */
export function inGitRepo(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch {
    return false;
  }
}

/** The file's text as last published (committed), or undefined when it never was. */
export function publishedText(cwd: string, file: string): string | undefined {
  try {
    return git(cwd, ['show', `HEAD:./${file}`]);
  } catch {
    return undefined;
  }
}

/** The commit message: the reason, the changes one a line, and the reason again as the public trailer. */
export function commitMessage(reason: string, before: unknown, after: unknown): string {
  const changes = before === undefined ? [] : tableChanges(before, after);
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  return [oneLine, ...(changes.length ? [changes.map((c) => `- ${c}`).join('\n')] : []), `${PUBLIC_REASON_TRAILER}: ${oneLine}`].join('\n\n') + '\n';
}

/** Commits exactly this file (whatever else is staged or changed stays out) and returns the commit's hash. */
export function commitFile(cwd: string, file: string, message: string): string {
  git(cwd, ['add', '--', file]);
  execFileSync('git', ['commit', '--quiet', '--only', '-F', '-', '--', file], { cwd, input: message, stdio: ['pipe', 'pipe', 'pipe'] });
  return git(cwd, ['rev-parse', 'HEAD']).trim();
}
