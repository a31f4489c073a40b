/**
 * A command's exit code, given back once everything it printed has reached the reader:
 * `process.exit(await outputFlushed(1))`.
 *
 * `process.exit()` drops output still queued: on Linux a pipe's buffer can be as small as one page
 * (the kernel gives new pipes 4 KB once a user's pipes hold more than pipe-user-pages-soft, as on a
 * loaded machine), a write that does not fit is queued, and exiting then loses the rest. That is how
 * `npm run check:disclosure`'s report, read by a test or piped into less or a CI log, could end
 * mid-report. A write of nothing with a callback is answered only after every earlier write has been
 * handed to the reader, so waiting for it on both streams is enough. Commands end with it after a
 * report (problems, notices, the 公开情况); a one-line usage message fits any pipe.
 */
export async function outputFlushed(code: number): Promise<number> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((written) => stream.write('', () => written()))));
  return code;
}
