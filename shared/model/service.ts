/**
 * Service settings: the values Exchange Online applies on the evaluation date (the timeline), the
 * document's overrides, and the presets of mailflow-model.md "Service settings".
 *
 * Undocumented or changed Exchange Online behaviour is a visible, switchable setting, never a choice
 * hidden in the engine. The evaluation date is the scenario's `asOf`, else the document's
 * `service.asOf`, else the preset's date (`2017-12` is the seed article), else the run's date given
 * by the caller (the engine never reads a clock). The timeline's values at that date are the base;
 * settings given in the document override them one by one (inside `throttling` and
 * `outOfDateServerEnforcement`, field by field).
 */
import type { EnforcementStage, Preset, TopologyDocument } from './schema';
import { PRESET_DATES, TIMELINE_LATEST, timelineAt } from './timeline';

export interface ThrottlingSettings {
  surgeFactor: number;
  surgeFloorPerHour: number;
  newSourcePerHour: number;
  historyDays: number;
  messageExpirationHours: number;
}

export interface EnforcementSettings {
  stage: EnforcementStage;
  /** Minutes of each hour the connection is throttled or blocked (an explicit assumption, 1–60). */
  minutesPerHour: number;
}

export type AsOfSource = 'scenario' | 'document' | 'preset' | 'run';

export interface ServiceSettings {
  preset: Preset;
  /** The evaluation date, `YYYY-MM-DD`, and where it came from. */
  asOf: string;
  asOfSource: AsOfSource;
  headerFromCountsForRelay: boolean;
  multiRecipientDomainPolicy: 'acceptIfSameTenant' | 'rejectIfMultipleDomains';
  certDomainMatch: 'oneLabelUp' | 'exact' | 'anyAncestor' | 'wildcardNamespace';
  ambiguousTenantPolicy: 'reject' | 'firstListed' | 'unstable';
  unattributedRelayReply: '5.7.64' | '4.4.62';
  nullSenderSkipsRules: boolean;
  minimumInboundTlsVersion: '1.0' | '1.2';
  outOfDateServerEnforcement: EnforcementSettings;
  throttling: ThrottlingSettings;
}

const THROTTLING: ThrottlingSettings = {
  surgeFactor: 10,
  surgeFloorPerHour: 100,
  newSourcePerHour: 50,
  historyDays: 7,
  messageExpirationHours: 24,
};

/** Where the evaluation date comes from when the document and the scenario give none. */
export interface EvaluationDateInput {
  /** The scenario's `asOf`. */
  scenarioAsOf?: string | null;
  /** The run's date (today, as the app or the CLI says). Without it, the newest timeline date. */
  today?: string | null;
}

/** The settings in force on a date, before the document's overrides. */
export function settingsAt(date: string, preset: Preset, asOfSource: AsOfSource): ServiceSettings {
  const t = timelineAt(date);
  return {
    preset,
    asOf: date,
    asOfSource,
    headerFromCountsForRelay: t.headerFromCountsForRelay,
    multiRecipientDomainPolicy: t.multiRecipientDomainPolicy,
    certDomainMatch: t.certDomainMatch,
    ambiguousTenantPolicy: t.ambiguousTenantPolicy,
    unattributedRelayReply: '5.7.64',
    nullSenderSkipsRules: true,
    minimumInboundTlsVersion: t.minimumInboundTlsVersion,
    outOfDateServerEnforcement: { stage: t.outOfDateServerEnforcementStage, minutesPerHour: 60 },
    throttling: THROTTLING,
  };
}

/**
 * The presets as the inspector shows them: `2017-12` is the timeline on the seed article's date;
 * `current` is the timeline today (here: its newest change, since this table reads no clock).
 */
export const SERVICE_PRESETS: Readonly<Record<Preset, ServiceSettings>> = {
  '2017-12': settingsAt(PRESET_DATES['2017-12'], '2017-12', 'preset'),
  current: settingsAt(TIMELINE_LATEST, 'current', 'run'),
};

export const SERVICE_SETTING_NAMES = [
  'headerFromCountsForRelay',
  'multiRecipientDomainPolicy',
  'certDomainMatch',
  'ambiguousTenantPolicy',
  'unattributedRelayReply',
  'nullSenderSkipsRules',
  'minimumInboundTlsVersion',
] as const;

/** The evaluation date and its origin (mailflow-model.md, "Time: the evaluation date"). */
export function evaluationDate(service: TopologyDocument['service'], input: EvaluationDateInput = {}): { date: string; source: AsOfSource } {
  if (input.scenarioAsOf) return { date: input.scenarioAsOf, source: 'scenario' };
  if (service?.asOf) return { date: service.asOf, source: 'document' };
  const preset = service?.preset ?? 'current';
  if (preset === '2017-12') return { date: PRESET_DATES['2017-12'], source: 'preset' };
  return { date: input.today ?? TIMELINE_LATEST, source: 'run' };
}

export function resolveService(service: TopologyDocument['service'], input: EvaluationDateInput = {}): ServiceSettings {
  const { date, source } = evaluationDate(service, input);
  const out = settingsAt(date, service?.preset ?? 'current', source);
  if (!service) return out;
  out.throttling = { ...out.throttling };
  for (const name of SERVICE_SETTING_NAMES) override(out, name, service[name]);
  const throttling = service.throttling ?? {};
  for (const k of Object.keys(out.throttling) as Array<keyof ServiceSettings['throttling']>) {
    const v = throttling[k];
    if (v !== undefined) out.throttling[k] = v;
  }
  const e = service.outOfDateServerEnforcement;
  if (e) out.outOfDateServerEnforcement = { stage: e.stage ?? out.outOfDateServerEnforcement.stage, minutesPerHour: e.minutesPerHour ?? 60 };
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
  const e = service.outOfDateServerEnforcement;
  if (e?.stage !== undefined && e.stage !== base.outOfDateServerEnforcement.stage) out.push('outOfDateServerEnforcement.stage');
  if (e?.minutesPerHour !== undefined && e.minutesPerHour !== 60) out.push('outOfDateServerEnforcement.minutesPerHour');
  return out;
}
