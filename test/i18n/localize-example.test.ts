/**
 * Opening a gallery example in Japanese gives its Japanese edition (shared/i18n/gallery.ts
 * `localizeExample`, translations in examples/index.json): every free text — title, names, comments,
 * scenario names and descriptions, notes — in Japanese, ids and every setting unchanged, so every
 * scenario has the same outcome. The coverage test fails when an example gains a free text without a
 * Japanese entry, or the index keeps an entry for an id or field the example does not have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../shared/engine';
import type { Simulation } from '../../shared/engine/types';
import {
  documentDisplayTitle,
  exampleTranslation,
  freeTexts,
  GALLERY_ENTRIES,
  localizeExample,
  scenarioDisplayDescription,
  scenarioDisplayName,
} from '../../shared/i18n/gallery';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import { englishWords } from './englishWords';

const EXAMPLES = join(__dirname, '../../examples');

function load(file: string): TopologyDocument {
  const r = parseDocumentText(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.document;
}

/** The document without its free texts (what must not change). */
function settings(doc: TopologyDocument): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !['title', 'name', 'comment', 'description', 'text'].includes(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  return strip(doc);
}

/** What a run decides, names excluded: result, replies, attribution, each recipient, event kinds and codes, hours. */
function outcome(sim: Simulation): unknown {
  return {
    type: sim.type,
    result: sim.result,
    unstable: sim.unstable,
    smtp: sim.smtp,
    attribution: sim.attribution,
    recipients: sim.recipients.map((r) => ({ ...r })),
    events: sim.events.map((e) => [e.kind, e.smtp?.code ?? null, e.smtp?.enhanced ?? null]),
    alternatives: sim.type === 'message' ? (sim.alternatives ?? []).map((a) => [a.tenant, a.result, a.smtp.enhanced]) : [],
    hours: sim.type === 'load' ? sim.hours : [],
  };
}

/**
 * Words a Japanese administrator keeps in Latin letters inside a Japanese name: product names and
 * protocols (the allow-list), the document's ids, domains and addresses (EX01 is the id ex01), the
 * fictitious companies and the Latin words of the glossary's terms (englishWords' allow-list), and
 * identifiers copied as they are (CU22).
 */
function keptWords(doc: TopologyDocument, english: string): Set<string> {
  const out = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string') for (const w of v.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) [w, w.toUpperCase()].forEach((x) => out.add(x));
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(settings(doc));
  for (const w of english.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) if (/\d|[a-z][A-Z]/.test(w)) out.add(w);
  return out;
}

describe('the Japanese edition of each gallery example', () => {
  for (const entry of GALLERY_ENTRIES) {
    describe(entry.file, () => {
      const doc = load(entry.file);
      const ja = localizeExample(doc, 'ja', entry.file);

      it('has a Japanese entry for every free text, and no entry for an id or field the example lacks', () => {
        const missing = freeTexts(doc)
          .filter((t) => exampleTranslation(entry, t)?.en !== t.text)
          .map((t) => `${t.id || '(document)'}.${t.field}: "${t.text}"`);
        expect(missing.join('\n')).toBe('');
        const present = new Set(freeTexts(doc).map((t) => `${t.id}.${t.field}.${t.scenario}`));
        const entries = [
          ...Object.entries(entry.objectTexts ?? {}).flatMap(([id, fields]) => Object.keys(fields).map((f) => `${id}.${f}.false`)),
          ...Object.keys(entry.scenarioNames ?? {}).map((id) => `${id}.name.true`),
          ...Object.keys(entry.scenarioDescriptions ?? {}).map((id) => `${id}.description.true`),
        ];
        expect(entries.filter((k) => !present.has(k))).toEqual([]);
      });

      it('puts every free text in Japanese, with no English word outside names an administrator keeps', () => {
        const before = freeTexts(doc);
        const after = freeTexts(ja);
        expect(after.map((t) => [t.id, t.field])).toEqual(before.map((t) => [t.id, t.field]));
        const bad = after.flatMap((t, i) => {
          const tr = exampleTranslation(entry, before[i]);
          if (t.text !== tr?.ja) return [`${t.id}.${t.field} not translated: ${t.text}`];
          return englishWords(t.text, keptWords(doc, before[i].text)).map((w) => `${t.id}.${t.field}: ${w} in "${t.text}"`);
        });
        expect(bad.join('\n')).toBe('');
        expect(ja.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      });

      it('keeps ids and every setting, and the original document untouched', () => {
        expect(settings(ja)).toEqual(settings(doc));
        expect(ja).not.toBe(doc);
        expect(doc).toEqual(load(entry.file));
        // The reply text of a reject rule is a setting Exchange Online sends as it is.
        expect(ja.tenants.flatMap((t) => t.transportRules.map((r) => r.actions))).toEqual(doc.tenants.flatMap((t) => t.transportRules.map((r) => r.actions)));
      });

      it('runs every scenario to the same outcome', () => {
        for (const s of doc.scenarios) {
          for (const lang of ['en', 'ja'] as const) {
            expect(outcome(simulateScenario(ja, s.id, { lang })), `${s.id} ${lang}`).toEqual(outcome(simulateScenario(doc, s.id, { lang })));
          }
        }
      });

      it('is shown as it is: the display lookups translate nothing twice', () => {
        expect(documentDisplayTitle(ja, 'ja')).toBe(ja.title);
        expect(documentDisplayTitle(ja, 'en')).toBe(ja.title);
        for (const s of ja.scenarios) {
          expect(scenarioDisplayName(s, 'ja')).toBe(s.name);
          expect(scenarioDisplayDescription(s, 'ja')).toBe(s.description);
        }
      });

      it('is the document itself in English', () => {
        expect(localizeExample(doc, 'en', entry.file)).toBe(doc);
      });
    });
  }

  it('keeps a text the user changed before it was localized, and leaves a file the gallery does not list', () => {
    const doc = load('hybrid-seed.mailflow.json');
    const edited = { ...doc, servers: doc.servers.map((s) => (s.id === 'contoso-ex01' ? { ...s, name: 'My EX01' } : s)) };
    const ja = localizeExample(edited, 'ja', 'hybrid-seed.mailflow.json');
    expect(ja.servers.find((s) => s.id === 'contoso-ex01')?.name).toBe('My EX01');
    expect(ja.servers.find((s) => s.id === 'partner-mx')?.name).toBe('パートナーのメール サーバー (インターネット)');
    expect(localizeExample(doc, 'ja', 'not-in-the-gallery.mailflow.json')).toBe(doc);
  });

  it('counts a note\'s text as free text (the examples have no notes today)', () => {
    const doc = load('throttling.mailflow.json');
    const withNote = { ...doc, view: { positions: {}, notes: [{ id: 'n1', text: 'A note', x: 0, y: 0 }] } };
    expect(freeTexts(withNote).some((t) => t.id === 'n1' && t.field === 'text')).toBe(true);
  });
});
