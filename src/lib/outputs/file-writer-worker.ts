// The worker thread of file-writer.ts: writes one job's files and reports how many, or the first
// failure's message (already in Chinese, naming the file), which the main thread reports as the
// build's error. Nothing escapes uncaught: a thrown error would end the thread with Node's text.
import { parentPort, workerData } from 'node:worker_threads';
import { jobOutputs, writeOutputs, type FileWriterJob } from './file-writer.ts';

const job = workerData as FileWriterJob;
try {
  parentPort!.postMessage({ written: await writeOutputs(jobOutputs(job), job.outDir) });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
