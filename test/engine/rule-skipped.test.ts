/**
 * The `ruleSkipped` event (cli.md "Version 2 additions"): every rule that does not act on a
 * recipient says so, with the reason in typed data and a text in both languages.
 */
import { describe, expect, it } from 'vitest';
import { describeEvent, simulateMessage } from '../../shared/engine';
import type { SimEvent } from '../../shared/engine/types';
import { certConnector, doc, rule, server, tenant } from './builders';

const d = doc({
  tenants: [
    tenant('contoso', ['contoso.com', 'fabrikam.com'], {
      inboundConnectors: [certConnector('c', 'mail.contoso.com')],
      transportRules: [
        rule('stamp-and-stop', 0, { recipientDomainIs: ['contoso.com'] }, { setHeaderName: 'X-A', setHeaderValue: '1', stopRuleProcessing: true }),
        rule('except-fabrikam', 1, {}, { setHeaderName: 'X-B', setHeaderValue: '2' }, { exceptions: { exceptIfRecipientDomainIs: ['fabrikam.com'] } }),
        rule('only-outside', 2, { sentToScope: 'NotInOrganization' }, { setHeaderName: 'X-C', setHeaderValue: '3' }),
      ],
    }),
  ],
  servers: [server('ex', '203.0.113.10', 'mail.contoso.com')],
});

const skipped = (events: SimEvent[]) =>
  events.flatMap((e) => (e.kind === 'ruleSkipped' ? [{ rule: e.data.rule, reason: e.data.reason, recipients: e.data.recipients, conditions: e.data.conditions, stoppedBy: e.data.stoppedBy }] : []));

describe('ruleSkipped: why a rule did not act on a recipient', () => {
  const sim = simulateMessage(d, { serverId: 'ex', mailFrom: 'a@contoso.com', rcptTo: ['b@contoso.com', 'c@fabrikam.com'] });

  it('names the condition that failed, the exception that matched, and the rule that stopped processing', () => {
    expect(skipped(sim.events)).toEqual([
      { rule: 'stamp-and-stop', reason: 'noMatch', recipients: ['c@fabrikam.com'], conditions: ['recipientDomainIs'], stoppedBy: null },
      { rule: 'except-fabrikam', reason: 'stopped', recipients: ['b@contoso.com'], conditions: [], stoppedBy: 'stamp-and-stop' },
      { rule: 'except-fabrikam', reason: 'exception', recipients: ['c@fabrikam.com'], conditions: ['exceptIfRecipientDomainIs'], stoppedBy: null },
      { rule: 'only-outside', reason: 'stopped', recipients: ['b@contoso.com'], conditions: [], stoppedBy: 'stamp-and-stop' },
      { rule: 'only-outside', reason: 'noMatch', recipients: ['c@fabrikam.com'], conditions: ['sentToScope:NotInOrganization'], stoppedBy: null },
    ]);
  });

  it('comes between the rules in order, and the rules that did act still act', () => {
    const kinds = sim.events.filter((e) => e.kind === 'rule' || e.kind === 'ruleSkipped').map((e) => `${e.kind}:${e.at}`);
    expect(kinds).toEqual([
      'ruleSkipped:stamp-and-stop',
      'rule:stamp-and-stop',
      'ruleSkipped:except-fabrikam',
      'ruleSkipped:except-fabrikam',
      'ruleSkipped:only-outside',
      'ruleSkipped:only-outside',
    ]);
    expect(sim.headers.map((h) => h.name)).toEqual(['X-A']);
  });

  it('explains each reason in English and in Japanese with the rule names', () => {
    const events = sim.events.filter((e) => e.kind === 'ruleSkipped');
    const en = events.map((e) => describeEvent(e, 'en'));
    const ja = events.map((e) => describeEvent(e, 'ja'));
    expect(en[0]).toMatch(/does not match c@fabrikam\.com \(condition "the recipient domain is" does not hold\)/);
    expect(en[1]).toMatch(/skipped for b@contoso\.com: rule "stamp-and-stop" stopped rule processing/);
    expect(en[2]).toMatch(/exception "except if the recipient domain is" matches/);
    expect(ja[1]).toMatch(/ルール「stamp-and-stop」が以降のルールの処理を停止したため/);
    expect(ja[2]).toMatch(/例外 \[受信者のドメインが次の場合を除く\] に該当する/);
    // The UI's labels, never the setting's internal name.
    for (const text of [...en, ...ja]) expect(text).not.toMatch(/recipientDomainIs|exceptIf/);
    for (const text of [...en, ...ja]) expect(text).not.toMatch(/undefined|null/);
  });
});
