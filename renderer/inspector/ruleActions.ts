/**
 * Editing a rule's actions without traps (issue 12): the format requires at least one action, so a
 * rule without one is stored "incomplete" (disabled, placeholder; see model/entities.ts). Pure, so
 * it is unit-tested.
 */
import { hasAnyAction, type RuleActions, type TransportRule } from '../../shared/model/schema';
import { INCOMPLETE_RULE_ACTIONS, isIncompleteRule } from '../model/entities';
import { withOptional } from './optional';

/** The actions the user gave the rule ({} while it is incomplete: its placeholder is not theirs). */
export function ruleActions(r: TransportRule): RuleActions {
  return isIncompleteRule(r) ? {} : r.actions;
}

/**
 * Sets one action. Clearing the last action makes the rule incomplete again (disabled, placeholder)
 * instead of producing an invalid document; giving an incomplete rule its first action enables it.
 * Clearing the header name clears its value too (a value without a name means nothing).
 */
export function setRuleAction<K extends keyof RuleActions>(r: TransportRule, key: K, value: RuleActions[K] | undefined): TransportRule {
  const incomplete = isIncompleteRule(r);
  let next = withOptional(ruleActions(r), key, value);
  if (key === 'setHeaderName' && value === undefined) next = withOptional(next, 'setHeaderValue', undefined);
  if (!hasAnyAction(next)) return { ...r, enabled: false, actions: { ...INCOMPLETE_RULE_ACTIONS } };
  return { ...r, actions: next, enabled: incomplete ? true : r.enabled };
}

