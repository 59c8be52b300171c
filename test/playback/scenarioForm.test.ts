/** The scenario form accepts what the loader accepts, and its edits keep the document valid. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText, validateDocument } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import {
  draftFromScenario,
  duplicateScenario,
  fieldOfPath,
  newDraft,
  scenarioFromDraft,
  validateDraft,
  withoutScenario,
  withScenario,
} from '../../renderer/playback/scenarioForm';

const result = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../../examples/point-1-first-receipt.mailflow.json'), 'utf8'));
if (!result.ok) throw new Error('example does not load');
const doc: TopologyDocument = result.document;

describe('scenario form', () => {
  it('accepts <> as MAIL FROM and several recipients, and the result is a valid document', () => {
    const draft = { ...newDraft(doc, 'message', 'Bounce'), mailFrom: '<>', rcptTo: 'a@contoso.com\nb@fabrikam.com' };
    expect(validateDraft(doc, draft, null)).toEqual({});
    const next = withScenario(doc, scenarioFromDraft(draft, null), null);
    expect(validateDocument(next).ok).toBe(true);
    expect(next.scenarios.at(-1)).toMatchObject({ mailFrom: '<>', rcptTo: ['a@contoso.com', 'b@fabrikam.com'] });
  });

  it('names the bad field and line', () => {
    const draft = { ...newDraft(doc, 'message', 'x'), mailFrom: 'not-an-address', rcptTo: 'ok@contoso.com\nbroken', headerFrom: 'also broken' };
    const errors = validateDraft(doc, draft, null);
    expect(errors.mailFrom?.key).toBe('playback.validation.emailOrNull');
    expect(errors.rcptTo).toMatchObject({ key: 'playback.validation.rcptLine', values: { line: 2, value: 'broken' } });
    expect(errors.headerFrom?.key).toBe('playback.validation.email');
  });

  it('refuses an id used elsewhere in the document but lets a scenario keep its own', () => {
    const existing = doc.scenarios[0];
    const draft = draftFromScenario(existing);
    expect(validateDraft(doc, draft, existing.id).id).toBeUndefined();
    expect(validateDraft(doc, { ...draft, id: doc.tenants[0].id }, existing.id).id?.key).toBe('playback.validation.idTaken');
  });

  it('edits a load scenario with baseline and burst', () => {
    const draft = { ...newDraft(doc, 'load', 'Burst'), burstPerHour: '900', burstHours: '0' };
    expect(validateDraft(doc, draft, null).burstHours?.key).toBe('playback.validation.integer');
    const ok = { ...draft, burstHours: '3' };
    const s = scenarioFromDraft(ok, null);
    expect(s.load).toEqual({ baselinePerHour: 20, baselineDays: 7, burstPerHour: 900, burstHours: 3 });
    expect(s.mailFrom).toBeUndefined();
    expect(validateDocument(withScenario(doc, s, null)).ok).toBe(true);
  });

  it('round-trips an existing scenario, keeps expected recipients, duplicates and deletes', () => {
    for (const s of doc.scenarios) {
      const again = scenarioFromDraft(draftFromScenario(s), s);
      expect(again).toEqual(s);
    }
    const dup = duplicateScenario(doc, doc.scenarios[0].id, '(copy)')!;
    expect(dup.doc.scenarios).toHaveLength(doc.scenarios.length + 1);
    expect(dup.doc.scenarios[1].id).toBe(dup.id);
    expect(validateDocument(dup.doc).ok).toBe(true);
    expect(withoutScenario(dup.doc, dup.id).scenarios).toEqual(doc.scenarios);
  });

  it('maps document errors to form fields', () => {
    expect(fieldOfPath('scenarios[2].rcptTo[0]', 2)).toBe('rcptTo');
    expect(fieldOfPath('scenarios[2].load.burstHours', 2)).toBe('burstHours');
    expect(fieldOfPath('scenarios[1].rcptTo[0]', 2)).toBeNull();
  });
});
