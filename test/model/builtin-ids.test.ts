/**
 * Ids that are names of built-in object members (`constructor`, `toString`, `valueOf`,
 * `hasOwnProperty`…) are valid ids, and must behave like any other id (issue 11, item 12): a
 * lookup keyed by id must never return a member of Object.prototype. The whole path a user takes:
 * load → check (simulate) → lint → export SVG (with the view's positions) → re-open the picture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll } from '../../shared/check';
import { lint } from '../../shared/diagnostics';
import { extractDocumentFromSvg, renderDiagramSvg } from '../../shared/diagram/svg';
import { layoutCanvas } from '../../shared/layout/canvas';
import { parseDocumentText, serializeDocument } from '../../shared/model/load';
import { SPEC_EXAMPLES_DIR } from '../specExamples';

/** Members of Object.prototype that are valid ids (an id starts with a letter or digit). */
const BUILTIN = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

/** Point 1 with every id replaced by the name of a built-in member. */
function builtinIdsDocument(): string {
  let text = readFileSync(join(SPEC_EXAMPLES_DIR, 'point-1-first-receipt.mailflow.json'), 'utf8');
  const doc = JSON.parse(text);
  const ids: string[] = [
    ...doc.tenants.flatMap((t: { id: string; inboundConnectors?: { id: string }[]; outboundConnectors?: { id: string }[]; transportRules?: { id: string }[] }) => [
      t.id,
      ...(t.inboundConnectors ?? []).map((c) => c.id),
      ...(t.outboundConnectors ?? []).map((c) => c.id),
      ...(t.transportRules ?? []).map((r) => r.id),
    ]),
    ...doc.servers.map((s: { id: string }) => s.id),
    ...doc.scenarios.map((s: { id: string }) => s.id),
  ];
  // Tenants, connector and rule take built-in names; the servers keep theirs and a position, so
  // the layout looks positions up for ids that have none (where a plain object answered with a
  // built-in function).
  const serverIds = new Set(doc.servers.map((s: { id: string }) => s.id));
  let next = 0;
  const renamedIds = ids.map((id) => (serverIds.has(id) ? id : (BUILTIN[next++] ?? id)));
  ids.forEach((id, i) => {
    text = text.replace(new RegExp(`"${id}"`, 'g'), `"${renamedIds[i]}"`);
  });
  const renamed = JSON.parse(text);
  renamed.view = { positions: Object.fromEntries([...serverIds].map((id, i) => [id, { x: 100 * i, y: 50 * i }])) };
  return JSON.stringify(renamed);
}

describe('ids named like built-in members', () => {
  it('load, check, lint and export like any other ids', () => {
    const loaded = parseDocumentText(builtinIdsDocument());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const doc = loaded.document;
    expect(doc.tenants[0].id).toBe('constructor');

    const results = checkAll(doc);
    expect(results.map((r) => [r.scenarioId, r.pass])).toEqual(doc.scenarios.map((s) => [s.id, true]));

    expect(lint(doc).filter((d) => d.severity === 'error')).toEqual([]);

    const { svg, layout } = renderDiagramSvg(doc, { embedDocument: true });
    expect(svg).not.toMatch(/NaN|undefined|\[object|function /);
    for (const card of Object.values(layout).flat() as unknown[]) {
      const c = card as { x?: unknown; y?: unknown };
      if (c && typeof c === 'object' && 'x' in c) expect(Number.isFinite(c.x as number) && Number.isFinite(c.y as number)).toBe(true);
    }
    expect(extractDocumentFromSvg(svg)).toBe(serializeDocument(doc));
  });

  it('the picture places tenants as the canvas does: a tenant with a position is above one named "constructor" without', () => {
    const doc = JSON.parse(builtinIdsDocument());
    // Only the second tenant has a position: the canvas puts it on top, the other below it.
    doc.view.positions = { [doc.tenants[1].id]: { x: 0, y: 0 } };
    const loaded = parseDocumentText(JSON.stringify(doc));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const { layout } = renderDiagramSvg(loaded.document);
    const canvas = layoutCanvas(loaded.document);
    expect(loaded.document.tenants[0].id).toBe('constructor');
    const drawn = (id: string) => layout.tenants.find((t) => t.id === id)!;
    const placed = (id: string) => canvas.tenants.get(id)!;
    expect(drawn(doc.tenants[1].id).y).toBeLessThan(drawn('constructor').y);
    expect(drawn('constructor').y - drawn(doc.tenants[1].id).y).toBe(placed('constructor').y - placed(doc.tenants[1].id).y);
  });

  it('a position key named like a built-in member but naming no entity is still reported', () => {
    const doc = JSON.parse(builtinIdsDocument());
    doc.view.positions = { toJSON: { x: 1, y: 1 } };
    const r = parseDocumentText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('view.positions["toJSON"]');
  });
});
