/**
 * Service settings: the presets of mailflow-model.md "Service settings" and the document's overrides.
 *
 * Undocumented or changed Exchange Online behaviour is a visible, switchable setting, never a choice
 * hidden in the engine. A document's settings override the preset one by one (inside `throttling`,
 * field by field).
 */
import type { Preset, TopologyDocument } from './schema';

export interface ThrottlingSettings {
  surgeFactor: number;
  surgeFloorPerHour: number;
  newSourcePerHour: number;
  historyDays: number;
  messageExpirationHours: number;
}

export interface ServiceSettings {
  preset: Preset;
  headerFromCountsForRelay: boolean;
  multiRecipientDomainPolicy: 'acceptIfSameTenant' | 'rejectIfMultipleDomains';
  certDomainMatch: 'oneLabelUp' | 'exact' | 'anyAncestor' | 'wildcardNamespace';
  ambiguousTenantPolicy: 'reject' | 'firstListed';
  unattributedRelayReply: '5.7.64' | '4.4.62';
  throttling: ThrottlingSettings;
}

const THROTTLING: ThrottlingSettings = {
  surgeFactor: 10,
  surgeFloorPerHour: 100,
  newSourcePerHour: 50,
  historyDays: 7,
  messageExpirationHours: 24,
};

export const SERVICE_PRESETS: Readonly<Record<Preset, ServiceSettings>> = {
  // Behaviour as the seed article (December 2017) describes it.
  '2017-12': {
    preset: '2017-12',
    headerFromCountsForRelay: true, // P2 counted for relay until November 2023 (2023 relay guidance)
    multiRecipientDomainPolicy: 'rejectIfMultipleDomains', // seed, point 3
    certDomainMatch: 'wildcardNamespace', // seed, point 2
    ambiguousTenantPolicy: 'reject',
    unattributedRelayReply: '5.7.64',
    throttling: THROTTLING,
  },
  // Behaviour as documented today (MC1226222, Feb 2026; KB 4019940).
  current: {
    preset: 'current',
    headerFromCountsForRelay: false,
    multiRecipientDomainPolicy: 'acceptIfSameTenant',
    certDomainMatch: 'oneLabelUp',
    ambiguousTenantPolicy: 'reject',
    unattributedRelayReply: '5.7.64',
    throttling: THROTTLING,
  },
};

export const SERVICE_SETTING_NAMES = [
  'headerFromCountsForRelay',
  'multiRecipientDomainPolicy',
  'certDomainMatch',
  'ambiguousTenantPolicy',
  'unattributedRelayReply',
] as const;

export function resolveService(service: TopologyDocument['service']): ServiceSettings {
  const base = SERVICE_PRESETS[service?.preset ?? 'current'];
  if (!service) return base;
  const out: ServiceSettings = { ...base, throttling: { ...base.throttling } };
  for (const name of SERVICE_SETTING_NAMES) override(out, name, service[name]);
  const throttling = service.throttling ?? {};
  for (const k of Object.keys(out.throttling) as Array<keyof ServiceSettings['throttling']>) {
    const v = throttling[k];
    if (v !== undefined) out.throttling[k] = v;
  }
  return out;
}

/** Sets one setting the document overrides (typed per key, so no cast hides a mismatch). */
function override<K extends keyof ServiceSettings>(out: ServiceSettings, key: K, value: ServiceSettings[K] | undefined): void {
  if (value !== undefined) out[key] = value;
}

/** Which settings differ from their preset, for the UI and the trace ("overridden"). */
export function overriddenSettings(service: TopologyDocument['service']): string[] {
  if (!service) return [];
  const base = SERVICE_PRESETS[service.preset ?? 'current'];
  const out: string[] = [];
  for (const name of SERVICE_SETTING_NAMES) {
    if (service[name] !== undefined && service[name] !== base[name]) out.push(name);
  }
  for (const [k, v] of Object.entries(service.throttling ?? {})) {
    if (v !== undefined && v !== base.throttling[k as keyof ThrottlingSettings]) out.push(`throttling.${k}`);
  }
  return out;
}
