/**
 * Every event of every gallery scenario reads as a sentence in English and Japanese: no
 * "undefined", "null", empty brackets or empty names, so playback can show events generically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEvent, namesOf, simulateScenario } from '../../shared/engine';
import { parseDocumentText } from '../../shared/model/load';

const DIR = join(__dirname, '../../examples');

describe('event texts', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.mailflow.json'))) {
    it(`${file}: every event has a complete text in both languages`, () => {
      const loaded = parseDocumentText(readFileSync(join(DIR, file), 'utf8'));
      if (!loaded.ok) throw new Error(file);
      const doc = loaded.document;
      const bad: string[] = [];
      for (const s of doc.scenarios) {
        const sim = simulateScenario(doc, s.id, { today: '2026-12-02' });
        const events = [...sim.events, ...(sim.type === 'message' ? (sim.alternatives ?? []).flatMap((a) => a.events) : [])];
        for (const e of events) {
          for (const lang of ['en', 'ja'] as const) {
            const text = describeEvent(e, lang, namesOf(doc));
            if (!text.trim() || /undefined|\bnull\b|\(\)|""/.test(text)) bad.push(`${s.id} ${e.kind} ${lang}: ${text}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
