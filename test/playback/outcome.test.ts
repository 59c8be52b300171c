/**
 * Outcome first: the playback header and the per-recipient strip are built from the engine's
 * result, and present-mode captions are plain words built from event kind + data. These tests feed
 * real simulations of the seed examples (and a synthetic `ruleSkipped` event, which the engine is
 * gaining) through the builders in both languages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { namesOf, simulateMessage, simulateScenario } from '../../shared/engine';
import type { SimEvent } from '../../shared/engine/types';
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import en from '../../renderer/i18n/en.json';
import ja from '../../renderer/i18n/ja.json';
import pbEn from '../../renderer/playback/i18n.en.json';
import pbJa from '../../renderer/playback/i18n.ja.json';
import { buildCaption } from '../../renderer/playback/captions';
import { recipientRows, summarizeOutcome } from '../../renderer/playback/outcome';

function load(path: string): TopologyDocument {
  const result = parseDocumentText(readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.document;
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: { ...en, ...pbEn } }, ja: { translation: { ...ja, ...pbJa } } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tr = (lng: 'en' | 'ja') => (key: string, values?: Record<string, unknown>) => String(i18n.t(key, { ...(values ?? {}), lng }));

const point1 = load('examples/point-1-first-receipt.mailflow.json');
const point3 = load('examples/point-3-ip-connector-2017.mailflow.json');
const tenantIds = (doc: TopologyDocument) => doc.tenants.map((t) => t.id);

describe('outcome summary', () => {
  it("Point 1: the headline names Bob's NDR and Contoso's rule, not only the 250 reply, and is red", () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked');
    const s = summarizeOutcome(sim, tr('en'), namesOf(point1), tenantIds(point1));
    expect(s.tone).toBe('bad');
    expect(s.headline).toBe("Accepted by Exchange Online (250 2.6.0) · bob@fabrikam.com returned as NDR 5.7.1 by Contoso's rule");
  });

  it('Point 1 in Japanese names the NDR too', () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked', { lang: 'ja' });
    const s = summarizeOutcome(sim, tr('ja'), namesOf(point1), tenantIds(point1));
    expect(s.headline).toContain('bob@fabrikam.com は Contoso のルールにより NDR 5.7.1 で返送されました');
  });

  it('each recipient row points at the step that decided it (the NDR event) and the rule', () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked');
    const [row] = recipientRows(sim);
    expect(row).toMatchObject({ address: 'bob@fabrikam.com', disposition: 'ndr', tenant: 'contoso', code: '5.7.1', rule: 'contoso-block-outside' });
    expect(sim.events[row.step!].kind).toBe('ndr');
  });

  it('Fabrikam is not reached when Contoso returns the message', () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked');
    const s = summarizeOutcome(sim, tr('en'), namesOf(point1), tenantIds(point1));
    expect(s.notReached).toContain('fabrikam');
    expect(s.notReached).not.toContain('contoso');
  });

  it('with several recipients the worst one decides the headline and its colour, and the rest are counted', () => {
    const sim = simulateMessage(point1, { serverId: 'contoso-ex01', mailFrom: 'alice@contoso.com', rcptTo: ['ken@contoso.com', 'bob@fabrikam.com'] });
    const s = summarizeOutcome(sim, tr('en'), namesOf(point1), tenantIds(point1));
    expect(s.rows.map((r) => [r.address, r.disposition])).toEqual([
      ['ken@contoso.com', 'delivered'],
      ['bob@fabrikam.com', 'ndr'],
    ]);
    expect(s.tone).toBe('bad');
    expect(s.headline).toContain('bob@fabrikam.com returned as NDR 5.7.1');
    expect(s.headline).not.toContain('ken@contoso.com');
    expect(sim.events[s.rows[0].step!].kind).toBe('deliver');
  });

  it('a delivered message is green and says where', () => {
    const sim = simulateScenario(point1, 'internal-delivered');
    const s = summarizeOutcome(sim, tr('en'), namesOf(point1), tenantIds(point1));
    expect(s.tone).toBe('ok');
    expect(s.headline).toMatch(/delivered in Contoso|recipients reached/);
  });

  it('a refused message speaks of the refusal with its stage and code', () => {
    const sim = simulateScenario(point3, 'two-domains-rejected');
    const s = summarizeOutcome(sim, tr('en'), namesOf(point3), tenantIds(point3));
    expect(s.tone).toBe('bad');
    expect(s.headline).toBe('Refused by Exchange Online at end of DATA (550 5.7.64)');
    expect(s.rows.map((r) => r.disposition)).toEqual(['rejected', 'rejected']);
    expect(s.rows.every((r) => r.step !== null && sim.events[r.step].kind === 'reject')).toBe(true);
  });
});

describe('present-mode captions', () => {
  const jargon = /oneLabelUp|sentToScope|NotInOrganization|multiRecipientDomainPolicy|\bcontoso-|\(\w+:\s/;

  it('Point 1: every caption is plain words, in both languages, without engine identifiers', () => {
    for (const lng of ['en', 'ja'] as const) {
      const sim = simulateScenario(point1, 'to-other-tenant-blocked', { lang: lng });
      for (const e of sim.events) {
        const c = buildCaption(e, tr(lng), namesOf(point1), lng);
        expect(c.text, `${lng} ${e.kind}`).not.toMatch(jargon);
        expect(c.text.length, `${lng} ${e.kind}`).toBeGreaterThan(10);
        expect(c.text).not.toContain('playback.');
      }
    }
  });

  it('the rule step says whose rule blocks whom', () => {
    const sim = simulateScenario(point1, 'to-other-tenant-blocked');
    const rule = sim.events.find((e) => e.kind === 'rule')!;
    expect(buildCaption(rule, tr('en'), namesOf(point1), 'en').text).toBe(
      "Contoso's rule “Block mail to domains outside Contoso” blocks the message for bob@fabrikam.com.",
    );
  });

  it('Point 3: the refusal is explained without the setting name, the code kept aside', () => {
    const sim = simulateScenario(point3, 'two-domains-rejected');
    const reject = sim.events.find((e) => e.kind === 'reject')!;
    const c = buildCaption(reject, tr('en'), namesOf(point3), 'en');
    expect(c.text).toContain('several domains');
    expect(c.text).not.toMatch(jargon);
    expect(c.code).toBe('550 5.7.64');
  });

  it('a ruleSkipped event (new engine kind) gets a plain caption with its reason', () => {
    const skipped = {
      seq: 9,
      kind: 'ruleSkipped',
      at: 'contoso-block-outside',
      from: 'contoso',
      text: 'Mail flow rule … exceptIfSenderDomainIs: …',
      tenant: 'contoso',
      entities: ['contoso-block-outside'],
      code: null,
      smtp: null,
      source: '',
      data: { rule: 'contoso-block-outside', tenant: 'contoso', recipient: 'bob@fabrikam.com', reason: 'exception', condition: 'exceptIfSenderDomainIs' },
    } as unknown as SimEvent;
    expect(buildCaption(skipped, tr('en'), namesOf(point1), 'en').text).toBe(
      "Contoso's rule “Block mail to domains outside Contoso” does not apply to bob@fabrikam.com: its exception lets the message through.",
    );
    expect(buildCaption(skipped, tr('ja'), namesOf(point1), 'ja').text).toContain('例外に該当したため通過しました');
  });

  it('plural rules: one message waits / several messages wait; Japanese has one form', () => {
    const throttle = (n: number) =>
      ({
        seq: 1,
        kind: 'throttle',
        at: 'eop',
        from: 'x',
        text: '',
        tenant: null,
        entities: [],
        code: null,
        smtp: null,
        source: '',
        data: { server: 'contoso-ex01', ip: '', covered: false, coveringConnector: null, worstHour: 1, deferred: n, messagesDeferred: n, expired: 0, threshold: 1, settings: {} },
      }) as unknown as SimEvent;
    expect(buildCaption(throttle(1), tr('en'), namesOf(point1), 'en').text).toContain('1 message has to wait');
    expect(buildCaption(throttle(29800), tr('en'), namesOf(point1), 'en').text).toContain('29,800 messages have to wait');
    expect(buildCaption(throttle(29800), tr('ja'), namesOf(point1), 'ja').text).toContain('29,800 通');
  });
});
