/**
 * Worker thread entry (built to out/main/picture-worker.js): the only place in the desktop app's
 * main side where the picture parsers run. picture-reader.ts starts one per picture with a heap cap
 * and a deadline; this file reads the job, parses (and hashes the file when it holds a design),
 * answers once and ends.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import type { PictureAnswer, PictureJob } from './picture-reader';

const job = workerData as PictureJob;
const text = importDocumentFromBytes(job.name, job.bytes);
// The file's SHA-256 (its FileStamp) is taken here too: hashing 200 MB on main would pause it.
const answer: PictureAnswer = text === null ? { kind: 'none' } : { kind: 'design', text, sha256: createHash('sha256').update(job.bytes).digest('hex') };
parentPort?.postMessage(answer);
