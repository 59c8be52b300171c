/**
 * Worker thread entry (built to out/main/picture-worker.js): the only place in the desktop app's
 * main side where the picture parsers run. picture-reader.ts starts one per picture with a heap cap
 * and a deadline; this file reads the job, parses, answers once and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importDocumentFromBytes } from '../../shared/diagram/import';
import type { PictureAnswer, PictureJob } from './picture-reader';

const job = workerData as PictureJob;
const text = importDocumentFromBytes(job.name, job.bytes);
const answer: PictureAnswer = text === null ? { kind: 'none' } : { kind: 'design', text };
parentPort?.postMessage(answer);
