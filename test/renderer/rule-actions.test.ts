/**
 * A new rule cannot trap the user (issue 12): it starts incomplete (disabled, no action of the
 * user's, still a valid document), its first action enables it, clearing the last action makes it
 * incomplete again instead of an invalid document, and a refused edit is explained without a JSON path.
 */
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../shared/model/load';
import { createChild, createTenant, isIncompleteRule } from '../../renderer/model/entities';
import { ruleActions, setRuleAction } from '../../renderer/inspector/ruleActions';
import { explainRefusal } from '../../renderer/inspector/refusal';
import type { TopologyDocument, TransportRule } from '../../shared/model/schema';

const empty: TopologyDocument = { format: 'mailflow-topology', version: 1, title: 't', tenants: [], servers: [], scenarios: [] } as unknown as TopologyDocument;

function withRule(rule?: TransportRule): { doc: TopologyDocument; rule: TransportRule } {
  const tenant = createTenant(empty);
  const r = rule ?? (createChild({ ...empty, tenants: [tenant] }, 'rule', tenant) as TransportRule);
  return { doc: { ...empty, tenants: [{ ...tenant, transportRules: [r] }] }, rule: r };
}

describe('rule actions without traps', () => {
  it('a new rule is incomplete, disabled, has no action of its own, and the document is valid', () => {
    const { doc, rule } = withRule();
    expect(isIncompleteRule(rule)).toBe(true);
    expect(rule.enabled).toBe(false);
    expect(ruleActions(rule)).toEqual({});
    expect(validateDocument(doc).ok).toBe(true);
  });

  it('its first action enables it and replaces the placeholder', () => {
    const { rule } = withRule();
    const next = setRuleAction(rule, 'setHeaderName', 'X-Test');
    expect(next.enabled).toBe(true);
    expect(next.actions).toEqual({ setHeaderName: 'X-Test' });
    expect(isIncompleteRule(next)).toBe(false);
  });

  it('clearing the header name first removes its value too and makes the rule incomplete again, still valid', () => {
    const { rule } = withRule();
    const named = setRuleAction(setRuleAction(rule, 'setHeaderName', 'X-Test'), 'setHeaderValue', 'yes');
    const cleared = setRuleAction(named, 'setHeaderName', undefined);
    expect(isIncompleteRule(cleared)).toBe(true);
    expect(validateDocument(withRule(cleared).doc).ok).toBe(true);
  });

  it('a disabled rule with a real action is not "incomplete", and keeps its enabled state on edit', () => {
    const { rule } = withRule();
    const real = { ...setRuleAction(rule, 'deleteMessage', true), enabled: false };
    expect(isIncompleteRule(real)).toBe(false);
    expect(setRuleAction(real, 'stopRuleProcessing', true).enabled).toBe(false);
  });

  it('a refused edit is explained in words, without the JSON path', () => {
    const { doc } = withRule();
    const broken = { ...doc, tenants: [{ ...doc.tenants[0], transportRules: [{ ...doc.tenants[0].transportRules[0], actions: { setHeaderValue: 'v' } }] }] } as TopologyDocument;
    const result = validateDocument(broken);
    expect(result.ok).toBe(false);
    const t = (key: string) => key;
    const text = explainRefusal(result.ok ? [] : result.errors, t);
    expect(text).not.toMatch(/tenants\[/);
    expect(text).toContain('refusal.');
  });
});
