/**
 * The Exchange field tables (shared/exo/fields.ts) drive the import, the PowerShell script and the
 * diff. Every row round-trips: a design value → the `$settings` entry the script writes → the
 * property Get-* then shows → the same design value after import. A design field without a row,
 * or a row taken out of its table, fails here.
 */
import { describe, expect, it } from 'vitest';
import { diffTenants, generatePowerShell, importExoFiles } from '../../shared/exo';
import { INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE, getPath, setPath, type FieldSpec, type FieldTable } from '../../shared/exo/fields';
import { readFields } from '../../shared/exo/import';
import { tableParameters } from '../../shared/exo/powershell';
import { Props } from '../../shared/exo/values';
import {
  inboundConnectorSchema,
  outboundConnectorSchema,
  ruleActionsSchema,
  ruleConditionsSchema,
  ruleExceptionsSchema,
  transportRuleSchema,
  type InboundConnector,
  type OutboundConnector,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../../shared/model/schema';

/** Every other field at the format's default. */
const INBOUND: InboundConnector = inboundConnectorSchema.parse({ id: 'c-in', name: 'Partner in', connectorType: 'Partner' });
const OUTBOUND: OutboundConnector = {
  id: 'c-out',
  name: 'Partner out',
  connectorType: 'Partner',
  enabled: true,
  recipientDomains: ['fabrikam.com'],
  allAcceptedDomains: false,
  useMXRecord: true,
  smartHosts: [],
  routeAllMessagesViaOnPremises: false,
};
/** After a filler rule of the same priority: the script numbers it 1 (the Priority sample). */
const RULE: TransportRule = { id: 'r-test', name: 'Rule under test', priority: 0, enabled: true, conditions: {}, actions: { setHeaderName: 'X-Base', setHeaderValue: 'b' } };
const FILLER: TransportRule = { id: 'r-first', name: 'First rule', priority: 0, enabled: true, conditions: {}, actions: { stopRuleProcessing: true } };

/** Per table, per parameter: a value other than the base entity's. A new row needs one here. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'Get-InboundConnector': {
    ConnectorType: 'OnPremises',
    Enabled: false,
    SenderDomains: ['contoso.com', '*.fabrikam.com'],
    RequireTls: true,
    RestrictDomainsToIPAddresses: true,
    RestrictDomainsToCertificate: true,
    SenderIPAddresses: ['192.0.2.0/24', '198.51.100.7'],
    TlsSenderCertificateName: 'mail.contoso.com',
    Comment: 'From the partner',
  },
  'Get-OutboundConnector': {
    ConnectorType: 'OnPremises',
    Enabled: false,
    UseMXRecord: false,
    AllAcceptedDomains: true,
    RouteAllMessagesViaOnPremises: true,
    RecipientDomains: ['contoso.com', '*.fabrikam.com'],
    SmartHosts: ['mail.contoso.com', '192.0.2.25'],
    IsTransportRuleScoped: true,
    TlsSettings: 'DomainValidation',
    TlsDomain: 'mail.fabrikam.com',
    Comment: 'To the partner',
  },
  'Get-TransportRule': {
    Priority: 1,
    State: false,
    Mode: 'Audit',
    SentToScope: 'NotInOrganization',
    FromScope: 'InOrganization',
    RecipientDomainIs: ['contoso.com'],
    SenderDomainIs: ['fabrikam.com'],
    ExceptIfRecipientDomainIs: ['jpn.contoso.com'],
    ExceptIfSenderDomainIs: ['partner.example'],
    RejectMessageReasonText: 'Not here',
    RejectMessageEnhancedStatusCode: '5.7.950',
    DeleteMessage: true,
    RedirectMessageTo: ['helpdesk@contoso.com'],
    SetHeaderName: 'X-Test',
    SetHeaderValue: 'tested',
    StopRuleProcessing: true,
    SenderAddressLocation: 'Envelope',
    RouteMessageOutboundConnector: 'c-out',
    Comments: 'Why this rule exists',
    ActivationDate: '2026-01-01T00:00:00',
    ExpiryDate: '2027-01-01T00:00:00',
  },
};

const TABLES = [INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE] as Array<FieldTable<unknown>>;
const BASE: Record<string, { name: string }> = { 'Get-InboundConnector': INBOUND, 'Get-OutboundConnector': OUTBOUND, 'Get-TransportRule': RULE };

/** The base entity with a row's sample: in its field, or (no field) kept by name as the import keeps it. */
function withSample(table: FieldTable<unknown>, row: FieldSpec<unknown>): Record<string, unknown> {
  const entity = structuredClone(BASE[table.cmdlet]) as Record<string, unknown>;
  const sample = SAMPLES[table.cmdlet][row.parameter];
  if (row.field) setPath(entity, row.field, sample);
  else entity.unmodelledConditions = [{ name: row.parameter, value: sample }];
  return entity;
}

/** What the round trip must give back for a row. */
function readBack(row: FieldSpec<unknown>, entity: unknown, tenant?: Tenant): unknown {
  if (!row.field) return (entity as TransportRule).unmodelledConditions?.find((u) => u.name === row.parameter)?.value;
  const v = getPath(entity, row.field);
  // A rule names its connector by id; ids differ after import, names do not.
  if (row.parameter === 'RouteMessageOutboundConnector' && tenant) return tenant.outboundConnectors.find((c) => c.id === v)?.name === OUTBOUND.name ? OUTBOUND.id : v;
  return v;
}

// ---------------------------------------------------------------------------------------------
// The script's values, read the way PowerShell reads them (only what the generator writes)

function psValue(src: string): unknown {
  const s = src.trim();
  if (s === '$true' || s === '$false') return s === '$true';
  if (s === '$null') return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (s.startsWith('@(')) return [...s.slice(2, -1).matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
  const literal = /^'((?:[^']|'')*)'$/.exec(s);
  if (!literal) throw new Error(`not a value the test reads: ${s}`);
  return literal[1].replace(/''/g, "'");
}

/** The `$settings` hashtable (and `-Enabled` of New-) of the block for this name. */
function settingsOf(script: string, name: string): Record<string, unknown> {
  const lines = script.split('\n');
  const at = lines.findIndex((l, i) => l.startsWith('$settings = @') && lines.slice(i).find((x) => x.includes('Where-Object { $_.Name -eq'))?.includes(`'${name}'`));
  const out: Record<string, unknown> = {};
  if (lines[at] === '$settings = @{') {
    for (let i = at + 1; lines[i] !== '}'; i++) {
      const m = /^ {4}(\w+) += (.*)$/.exec(lines[i]);
      if (m) out[m[1]] = psValue(m[2]);
    }
  }
  const enabled = lines.slice(at).find((l) => l.includes(`-Name '${name}' -Enabled`));
  if (enabled) out.State = /-Enabled \$true/.test(enabled) ? 'Enabled' : 'Disabled';
  return out;
}

function documentWith(table: FieldTable<unknown>, entity: Record<string, unknown>): TopologyDocument {
  const tenant: Tenant = {
    id: 'contoso',
    name: 'Contoso',
    acceptedDomains: [{ domainName: 'contoso.com', domainType: 'Authoritative', matchSubDomains: false }],
    recipients: [],
    rejectDirectSend: false,
    inboundConnectors: table === INBOUND_TABLE ? [entity as InboundConnector] : [],
    outboundConnectors: table === OUTBOUND_TABLE ? [entity as OutboundConnector] : [OUTBOUND],
    transportRules: table === RULE_TABLE ? [FILLER, entity as TransportRule] : [],
  };
  return { format: 'mailflow-topology', version: 2, title: 'Fields', tenants: [tenant], servers: [], scenarios: [] };
}

/** Design → script → the Get-* object it leaves → import: the entity of that name. */
function throughExchange(table: FieldTable<unknown>, entity: Record<string, unknown>): { imported: unknown; tenant: Tenant } {
  const doc = documentWith(table, entity);
  const script = generatePowerShell(doc, 'contoso');
  if (!script.ok) throw new Error(script.message);
  const name = String(entity.name);
  // RuleErrorAction: Ignore is what Get-TransportRule shows for every rule (a default, not reported).
  const object = { Name: name, ...settingsOf(script.script, name), ...(table === RULE_TABLE ? { RuleErrorAction: 'Ignore' } : {}) };
  const files = [{ name: 'object.json', text: JSON.stringify([object]) }];
  if (table === RULE_TABLE) files.unshift({ name: 'outbound.json', text: JSON.stringify([{ Name: OUTBOUND.name, ...settingsOf(script.script, OUTBOUND.name) }]) });
  const r = importExoFiles(files, { tenantName: 'Contoso' });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const list = table === INBOUND_TABLE ? r.tenant.inboundConnectors : table === OUTBOUND_TABLE ? r.tenant.outboundConnectors : r.tenant.transportRules;
  return { imported: list.find((x) => x.name === name), tenant: r.tenant };
}

describe('Exchange field tables', () => {
  it('have a row for every design field of connectors and rules (bar id, name and what the import keeps as it is)', () => {
    const keys = (shape: object, prefix = '') => Object.keys(shape).map((k) => prefix + k);
    const designed: Record<string, string[]> = {
      'Get-InboundConnector': keys(inboundConnectorSchema.shape),
      'Get-OutboundConnector': keys(outboundConnectorSchema.shape),
      'Get-TransportRule': [
        ...keys(transportRuleSchema.shape).filter((k) => !['conditions', 'exceptions', 'actions'].includes(k)),
        ...keys(ruleConditionsSchema.shape, 'conditions.'),
        ...keys(ruleExceptionsSchema.shape, 'exceptions.'),
        ...keys(ruleActionsSchema.shape, 'actions.'),
      ],
    };
    for (const table of TABLES) {
      const kept = (table.kept ?? []).map((k) => k.field);
      const fields = table.rows.flatMap((r) => (r.field ? [r.field] : []));
      expect(new Set(fields).size, table.cmdlet).toBe(fields.length);
      expect([...fields, ...kept].sort(), table.cmdlet).toEqual(designed[table.cmdlet].filter((k) => k !== 'id' && k !== 'name').sort());
    }
  });

  it('read and list in orders that name each row once', () => {
    for (const table of TABLES) {
      if (table.readOrder) expect([...table.readOrder].sort(), table.cmdlet).toEqual(table.rows.map((r) => r.parameter).sort());
      if (table.diffOrder) {
        const compared = [...table.rows.filter((r) => r.field && r.compare).map((r) => r.field as string), ...(table.kept ?? []).map((k) => k.field)];
        expect([...table.diffOrder].sort(), table.cmdlet).toEqual(['name', ...compared].sort());
      }
    }
  });

  for (const table of TABLES) {
    describe(table.cmdlet, () => {
      it.each(table.rows.map((row) => [row.parameter, row] as const))('%s round-trips: design → New-/Set- parameter → Get-* property → design', (parameter, row) => {
        const sample = SAMPLES[table.cmdlet][parameter];
        expect(sample, `a sample for ${parameter} in SAMPLES`).toBeDefined();
        const entity = withSample(table, row);
        expect(readBack(row, BASE[table.cmdlet]), 'the sample differs from the base').not.toEqual(sample);
        const { imported, tenant } = throughExchange(table, entity);
        expect(readBack(row, imported, tenant)).toEqual(sample);
        // And the diff sees no difference in that field between the design and the import.
        if (row.field && row.compare) {
          const designed = documentWith(table, entity).tenants[0];
          const change = diffTenants(designed, tenant).changes.find((c) => c.name === entity.name);
          expect(change?.fields.map((f) => f.field) ?? []).not.toContain(row.field);
        }
      });
    });
  }

  it('a row taken out of its table loses its field on the way through the script and back', () => {
    for (const table of TABLES) {
      for (const row of table.rows.filter((r) => r.field)) {
        const reduced: FieldTable<unknown> = { ...table, rows: table.rows.filter((r) => r !== row), readOrder: undefined };
        const roundTrip = (t: FieldTable<unknown>) => {
          const entity = withSample(table, row);
          const { settings } = tableParameters(entity, t, { connectorName: (id) => id, priority: SAMPLES[table.cmdlet].Priority as number });
          const object: Record<string, unknown> = Object.fromEntries(settings.map(([k, v]) => [k, psValue(v)]));
          // The rule's state is written by -Enabled / Enable-TransportRule, not in $settings.
          if (t.rows.some((r) => r.parameter === 'State')) object.State = (entity as TransportRule).enabled ? 'Enabled' : 'Disabled';
          const read = readFields(new Props(object), t, { entries: [], notEvaluated: () => undefined, connectorId: (name) => name });
          return read && getPath(read, row.field as string);
        };
        expect(roundTrip(table), `${table.cmdlet} ${row.parameter} with its row`).toEqual(SAMPLES[table.cmdlet][row.parameter]);
        expect(roundTrip(reduced), `${table.cmdlet} ${row.parameter} without its row`).not.toEqual(SAMPLES[table.cmdlet][row.parameter]);
      }
    }
  });
});
