/**
 * A designed tenant → an Exchange Online PowerShell script that makes the real tenant match it
 * (issue 6), and → the Get-* output the tenant would then show (for the round-trip test).
 *
 * The script creates or updates the inbound and outbound connectors and the mail flow rules, sets
 * accepted domain types where they differ, and turns on RejectDirectSend when designed. It is
 * idempotent (it reads what exists first and chooses New- or Set-), supports -WhatIf through
 * `$PSCmdlet.ShouldProcess`, quotes every value as a single-quoted literal, and never removes
 * anything: objects the design does not have are only listed at the end.
 *
 * Cmdlets and parameters: New-/Set-InboundConnector, New-/Set-OutboundConnector,
 * New-/Set-TransportRule, Enable-/Disable-TransportRule, Set-AcceptedDomain,
 * Set-OrganizationConfig -RejectDirectSend (learn.microsoft.com, exchangepowershell).
 */
import type { AcceptedDomain, InboundConnector, OutboundConnector, Tenant, TopologyDocument, TransportRule } from '../model/schema';
import { INBOUND_TABLE, OUTBOUND_TABLE, RULE_TABLE, getPath, type FieldContext, type FieldSpec, type FieldTable } from './fields';
import { NOT_EVALUATED_SUFFIX } from './import';

// ---------------------------------------------------------------------------------------------
// Quoting

/**
 * A PowerShell string as source text, in pure printable ASCII.
 *
 * Windows PowerShell 5.1 reads a `.ps1` without a byte order mark in the system's ANSI code page
 * (Windows-1252, 932, …), and it treats the typographic quotes U+2018–U+201B (and U+201C–U+201E)
 * as quote characters. The UTF-8 bytes of ordinary text such as "т" (D1 82) or many Japanese
 * characters contain 0x82/0x91–0x94, which Windows-1252 decodes as those quotes: a value passed
 * through as UTF-8 could end its literal and run code. So the script never holds a byte outside
 * 0x20–0x7E (and line feeds): runs of printable ASCII become a single-quoted literal (only `'` is
 * special inside one, and is doubled); every other UTF-16 code unit becomes `[char]0xNNNN`, and
 * the parts are joined with `+` inside parentheses: `('Contoso' + [char]0x2019 + 's')`. That reads
 * back to exactly the same string whatever code page the script is decoded with, and no line of
 * the script ever starts with text taken from the design.
 * (about_Quoting_Rules, about_Special_Characters: learn.microsoft.com/powershell/module/microsoft.powershell.core)
 */
export function psQuote(value: string): string {
  const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
  if (isPlainAscii(value)) return literal(value);
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) {
      run += value[i];
      continue;
    }
    if (run) parts.push(literal(run));
    run = '';
    // Code units, not code points: a surrogate pair becomes two [char]s, which concatenate back.
    parts.push(`[char]0x${c.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (run) parts.push(literal(run));
  // [char] + [char] would add numbers; starting from a string makes every + a concatenation.
  if (!parts[0].startsWith("'")) parts.unshift("''");
  return `(${parts.join(' + ')})`;
}

/** Only 0x20–0x7E: safe in a literal under every code page PowerShell may read the script in. */
function isPlainAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/** Characters that could end a line or a comment, or hide in one: C0 controls, DEL, NEL, LS, PS. */
function isControlChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** A list as `@('a', 'b')`; an empty list as `@()`. */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psQuote).join(', ')})`;
}

const psBool = (v: boolean) => (v ? '$true' : '$false');

/**
 * Text for a `#` comment: one line of printable ASCII. A line break would end the comment; any
 * other non-ASCII character is written as `\u{NNNN}` so the script stays pure ASCII (see psQuote).
 */
function commentText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (isControlChar(ch)) out += ' ';
    else if (c > 0x7e) out += `\\u{${c.toString(16).toUpperCase().padStart(4, '0')}}`;
    else out += ch;
  }
  return out.replace(/#>/g, '# >');
}

// ---------------------------------------------------------------------------------------------
// The script

export type PowerShellResult = { ok: true; script: string; tenant: Tenant } | { ok: false; message: string };

/** The script for one tenant of a document, chosen by id (or, failing that, by name). */
export function generatePowerShell(doc: TopologyDocument, tenantRef: string): PowerShellResult {
  const tenant =
    doc.tenants.find((t) => t.id === tenantRef) ?? doc.tenants.find((t) => t.name.toLowerCase() === tenantRef.toLowerCase());
  if (!tenant) {
    return {
      ok: false,
      message: `No tenant "${tenantRef}" in the document; expected one of: ${doc.tenants.map((t) => t.id).join(', ') || '(the document has no tenants)'}.`,
    };
  }
  return { ok: true, script: tenantPowerShell(tenant, doc.title), tenant };
}

const isNotEvaluated = (name: string) => name.endsWith(NOT_EVALUATED_SUFFIX);
const realName = (name: string) => (isNotEvaluated(name) ? name.slice(0, -NOT_EVALUATED_SUFFIX.length) : name);

/** Rules in the order Exchange will hold them; the index is the priority the script gives. */
export function rulesByPriority(tenant: Tenant): TransportRule[] {
  return tenant.transportRules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.i - b.i)
    .map((x) => x.rule);
}

type Line = (s?: string) => void;

/** The script: its help, what exists, then one block per domain, connector and rule, Direct Send, and what the design lacks. */
export function tenantPowerShell(tenant: Tenant, documentTitle: string): string {
  const out: string[] = [];
  const line: Line = (s = '') => void out.push(s);
  scriptHelp(line, tenant, documentTitle);
  tenant.acceptedDomains.forEach((d, i) => domainBlock(line, d, i));
  // Inbound, then outbound connectors.
  for (const c of tenant.inboundConnectors) connectorBlock(line, 'Inbound', c, describeInbound(c), inboundParameters(c));
  for (const c of tenant.outboundConnectors) connectorBlock(line, 'Outbound', c, describeOutbound(c), outboundParameters(c));
  // Mail flow rules, in priority order so each New-TransportRule -Priority is within range.
  const connectorNames = new Map(tenant.outboundConnectors.map((c) => [c.id, c.name]));
  rulesByPriority(tenant).forEach((r, priority) => ruleBlock(line, r, priority, connectorNames));
  directSendBlock(line, tenant.rejectDirectSend);
  notInDesignBlock(line, tenant);
  const script = out.join('\n') + '\n';
  // Every piece of design text above went through psQuote or commentText; fail closed if a new
  // line of the generator ever forgets to.
  if (!/^[\x20-\x7e\n]*$/.test(script)) throw new Error('internal error: the generated PowerShell script is not pure ASCII');
  return script;
}

/** The comment-based help (`.SYNOPSIS`, `.DESCRIPTION`, `.NOTES` with the manual steps), the parameters, and the reads of what exists. */
function scriptHelp(line: Line, tenant: Tenant, documentTitle: string): void {
  const inbound = tenant.inboundConnectors.filter((c) => !isNotEvaluated(c.name));
  const outbound = tenant.outboundConnectors.filter((c) => !isNotEvaluated(c.name));
  const rules = tenant.transportRules.filter((r) => !isNotEvaluated(r.name));
  line('<#');
  line('.SYNOPSIS');
  line(`    Applies the Mailflow Studio design of tenant ${commentText(psQuote(tenant.name))} to Exchange Online.`);
  line('');
  line('.DESCRIPTION');
  line(`    Generated by Mailflow Studio from the design ${commentText(psQuote(documentTitle))} (tenant id ${tenant.id}).`);
  line(
    `    It creates or updates, as designed: ${inbound.length} inbound connector(s), ${outbound.length} outbound connector(s) and ${rules.length} mail flow rule(s);`,
  );
  line(`    it sets the type of the ${tenant.acceptedDomains.length} accepted domain(s) where it differs${tenant.rejectDirectSend ? ', and turns on RejectDirectSend' : ''}.`);
  line('    Objects that exist in Exchange Online but not in the design are never changed or removed;');
  line('    the script lists them at the end.');
  line('');
  line('    Run it in a session opened with Connect-ExchangeOnline, first with -WhatIf to see what it would do.');
  line('');
  line('.NOTES');
  if (tenant.acceptedDomains.length) {
    line('    Manual steps before running: accepted domains need DNS verification, so they are added in the');
    line('    Microsoft 365 admin center (Settings > Domains), not by this script. Make sure these exist:');
    tenant.acceptedDomains.forEach((d, i) => {
      line(`      ${i + 1}. ${commentText(d.domainName)} (${d.domainType}${d.matchSubDomains ? ', with subdomains' : ''})`);
    });
  } else {
    line('    The design has no accepted domains.');
  }
  line('#>');
  line('[CmdletBinding(SupportsShouldProcess)]');
  line('param()');
  line('');
  line("$ErrorActionPreference = 'Stop'");
  line('');
  line('# Read what exists once. Every block below compares the design with it and uses New- only for what is');
  line('# missing, so running the script again changes nothing more.');
  line('$existingDomains = @(Get-AcceptedDomain -ErrorAction SilentlyContinue)');
  line('$existingInbound = @(Get-InboundConnector -ErrorAction SilentlyContinue)');
  line('$existingOutbound = @(Get-OutboundConnector -ErrorAction SilentlyContinue)');
  line('$existingRules = @(Get-TransportRule -ErrorAction SilentlyContinue)');
}

/** Set-AcceptedDomain where the type (or subdomain matching) differs; a missing domain is a manual step. */
function domainBlock(line: Line, d: AcceptedDomain, i: number): void {
  const names = psArray([d.domainName, `*.${d.domainName}`]);
  const what = `${d.domainType}${d.matchSubDomains ? ', subdomains included' : ''}`;
  line('');
  line(`# Accepted domain ${commentText(psQuote(d.domainName))}: designed as ${what}. Set-AcceptedDomain runs only when the type`);
  line('# (or subdomain matching) differs; a missing domain is a manual step (see .NOTES).');
  line(`$domain = $existingDomains | Where-Object { [string]$_.DomainName -in ${names} } | Select-Object -First 1`);
  line('if ($null -eq $domain) {');
  line(`    Write-Warning ${psQuote(`Accepted domain '${d.domainName}' does not exist: add and verify it first (manual step ${i + 1}).`)}`);
  if (d.domainType === 'InternalRelay') {
    // The format has no ExternalRelay; the import shows such a domain as InternalRelay, so the
    // script must not turn it into one.
    line("} elseif ([string]$domain.DomainType -eq 'ExternalRelay') {");
    line(
      `    Write-Warning ${psQuote(`Accepted domain '${d.domainName}' is ExternalRelay, which the design shows as InternalRelay; left unchanged.`)}`,
    );
  }
  line(`} elseif ([string]$domain.DomainType -ne '${d.domainType}' -or [bool]$domain.MatchSubDomains -ne ${psBool(d.matchSubDomains)}) {`);
  const args = `-DomainType ${d.domainType} -MatchSubDomains ${psBool(d.matchSubDomains)}`;
  line(`    if ($PSCmdlet.ShouldProcess(${psQuote(`accepted domain ${d.domainName}`)}, ${psQuote(`Set-AcceptedDomain ${args}`)})) {`);
  line(`        Set-AcceptedDomain -Identity $domain.Identity ${args}`);
  line('    }');
  line('}');
}

/** One rule's block: what it does in words, what the script cannot set, then New- or Set-TransportRule and its state. */
function ruleBlock(line: Line, r: TransportRule, priority: number, connectorNames: ReadonlyMap<string, string>): void {
  line('');
  if (isNotEvaluated(r.name)) {
    skippedBlock(line, 'Mail flow rule', r.name);
    return;
  }
  const designed = r.priority === priority ? '' : ` (designed priority ${r.priority}; Exchange numbers rules 0, 1, 2, ...)`;
  line(`# Mail flow rule ${commentText(psQuote(r.name))}, priority ${priority}${designed}, ${r.enabled ? 'enabled' : 'disabled'}:`);
  line(`# ${commentText(describeRule(r))}`);
  const { settings, clear, cannotSet } = ruleParameters(r, priority, connectorNames);
  if (cannotSet.length) {
    line(`# Kept in the design but not set by this script (no New-TransportRule parameter of that name, or a value`);
    line(`# PowerShell cannot be given as text, numbers or lists): ${commentText(cannotSet.join(', '))}.`);
  }
  upsertBlock(line, {
    kind: 'mail flow rule',
    name: r.name,
    existing: '$existingRules',
    variable: '$rule',
    newCmd: 'New-TransportRule',
    setCmd: 'Set-TransportRule',
    settings,
    clear,
    newExtra: ` -Enabled ${psBool(r.enabled)}`,
    afterSet: [
      // Set-TransportRule has no -Enabled; the state is changed with Enable-/Disable-TransportRule.
      `if ([string]$rule.State -ne '${r.enabled ? 'Enabled' : 'Disabled'}') {`,
      `    ${r.enabled ? 'Enable' : 'Disable'}-TransportRule -Identity $rule.Identity -Confirm:$false`,
      '}',
    ],
  });
}

/** Direct Send: turned on when the design rejects it, never turned off (a warning instead). */
function directSendBlock(line: Line, rejectDirectSend: boolean): void {
  line('');
  line('$org = Get-OrganizationConfig -ErrorAction SilentlyContinue');
  if (rejectDirectSend) {
    line('# Direct Send: the design rejects mail that uses the tenant\'s domains from sources no connector covers');
    line('# (Set-OrganizationConfig -RejectDirectSend, "Introducing more control over Direct Send").');
    line('if ($null -ne $org -and $org.RejectDirectSend -ne $true) {');
    line("    if ($PSCmdlet.ShouldProcess('organization configuration', 'Set-OrganizationConfig -RejectDirectSend $true')) {");
    line('        Set-OrganizationConfig -RejectDirectSend $true');
    line('    }');
    line('}');
  } else {
    line('# Direct Send: the design does not reject it. The script never turns that protection off; it only warns.');
    line('if ($null -ne $org -and $org.RejectDirectSend -eq $true) {');
    line(
      `    Write-Warning ${psQuote('RejectDirectSend is on in Exchange Online but off in the design; left on. Run Set-OrganizationConfig -RejectDirectSend $false to match the design.')}`,
    );
    line('}');
  }
}

/** What exists in Exchange Online but not in the design: listed with Write-Warning, never changed. */
function notInDesignBlock(line: Line, tenant: Tenant): void {
  line('');
  line('# What exists in Exchange Online but not in the design: never changed or removed here, only listed.');
  const lists: Array<[string, string, string[]]> = [
    ['$existingInbound', 'Inbound connector', tenant.inboundConnectors.map((c) => realName(c.name))],
    ['$existingOutbound', 'Outbound connector', tenant.outboundConnectors.map((c) => realName(c.name))],
    ['$existingRules', 'Mail flow rule', tenant.transportRules.map((r) => realName(r.name))],
  ];
  for (const [existing, label, names] of lists) {
    line(`$designed = ${psArray(names)}`);
    line(`${existing} | Where-Object { $designed -notcontains $_.Name } | ForEach-Object {`);
    line(`    Write-Warning ("${label} '{0}' is not in the design; left unchanged." -f $_.Name)`);
    line('}');
  }
}

/** One connector's block: what it does in words, then New- or Set-<direction>Connector. */
function connectorBlock(
  line: (s?: string) => void,
  direction: 'Inbound' | 'Outbound',
  c: { name: string },
  description: string,
  parameters: { settings: Array<[string, ParamValue]>; clear: Array<[string, ParamValue]> },
): void {
  line('');
  if (isNotEvaluated(c.name)) {
    skippedBlock(line, `${direction} connector`, c.name);
    return;
  }
  line(`# ${direction} connector ${commentText(psQuote(c.name))}: ${commentText(description)}`);
  upsertBlock(line, {
    kind: `${direction.toLowerCase()} connector`,
    name: c.name,
    existing: direction === 'Inbound' ? '$existingInbound' : '$existingOutbound',
    variable: '$connector',
    newCmd: `New-${direction}Connector`,
    setCmd: `Set-${direction}Connector`,
    ...parameters,
  });
}

function skippedBlock(line: (s?: string) => void, label: string, name: string): void {
  line(`# ${label} ${commentText(psQuote(realName(name)))} is left as it is: the import could not represent all of its`);
  line('# settings, so the design marks it "[not evaluated]" and applying it would lose them.');
}

type ParamValue = string; // PowerShell source text of the value

interface UpsertBlock {
  kind: string;
  name: string;
  existing: string;
  variable: string;
  newCmd: string;
  setCmd: string;
  settings: Array<[string, ParamValue]>;
  clear: Array<[string, ParamValue]>;
  newExtra?: string;
  afterSet?: string[];
}

/** `$settings` (what the design sets), `$clear` (what it leaves unset, cleared on update), then New- or Set-. */
function upsertBlock(line: (s?: string) => void, b: UpsertBlock): void {
  hashtable(line, '$settings', b.settings);
  if (b.clear.length) {
    line('# Settings the design leaves empty: cleared when the object already exists.');
    hashtable(line, '$clear', b.clear);
  }
  const quotedName = psQuote(b.name);
  const target = psQuote(`${b.kind} ${b.name}`);
  line(`${b.variable} = ${b.existing} | Where-Object { $_.Name -eq ${quotedName} } | Select-Object -First 1`);
  line(`if ($null -eq ${b.variable}) {`);
  line(`    if ($PSCmdlet.ShouldProcess(${target}, '${b.newCmd}')) {`);
  line(`        ${b.newCmd} -Name ${quotedName}${b.newExtra ?? ''} @settings | Out-Null`);
  line('    }');
  line('} else {');
  line(`    if ($PSCmdlet.ShouldProcess(${target}, '${b.setCmd}')) {`);
  line(`        ${b.setCmd} -Identity ${b.variable}.Identity @settings${b.clear.length ? ' @clear' : ''}`);
  for (const s of b.afterSet ?? []) line(`        ${s}`);
  line('    }');
  line('}');
}

function hashtable(line: (s?: string) => void, name: string, entries: Array<[string, ParamValue]>): void {
  if (entries.length === 0) {
    line(`${name} = @{}`);
    return;
  }
  const width = Math.max(...entries.map(([k]) => k.length));
  line(`${name} = @{`);
  for (const [k, v] of entries) line(`    ${k.padEnd(width)} = ${v}`);
  line('}');
}

/** Whether the design sets a row's value: a list with items, a switch on, a number, text (optional text: not empty). */
function isSet(f: FieldSpec<unknown>, v: unknown): boolean {
  if (f.kind === 'list') return Array.isArray(v) && v.length > 0;
  if (f.kind === 'bool') return v === true;
  if (f.kind === 'number') return typeof v === 'number';
  return typeof v === 'string' && (v !== '' || f.write !== 'optional');
}

function psValue(f: FieldSpec<unknown>, v: unknown): ParamValue {
  if (f.kind === 'bool') return psBool(v === true);
  if (f.kind === 'list') return psArray(Array.isArray(v) ? v : []);
  if (f.kind === 'number') return String(v);
  return psQuote(String(v ?? ''));
}

/** `$settings` and `$clear` of an entity, from its field table (fields.ts). */
export function tableParameters<T>(entity: T, table: FieldTable<T>, ctx: FieldContext) {
  const settings: Array<[string, ParamValue]> = [];
  const clear: Array<[string, ParamValue]> = [];
  for (const f of table.rows) {
    if (f.write === 'never') continue;
    const v = f.out ? f.out(entity, ctx) : f.field ? getPath(entity, f.field) : undefined;
    if (f.write === 'always' || isSet(f as FieldSpec<unknown>, v)) settings.push([f.parameter, psValue(f as FieldSpec<unknown>, v)]);
    else if (f.write === 'clear') clear.push([f.parameter, f.kind === 'bool' ? '$false' : '$null']);
  }
  return { settings, clear };
}

const NO_CONNECTORS: FieldContext = { connectorName: () => undefined };
const inboundParameters = (c: InboundConnector) => tableParameters(c, INBOUND_TABLE, NO_CONNECTORS);
const outboundParameters = (c: OutboundConnector) => tableParameters(c, OUTBOUND_TABLE, NO_CONNECTORS);

function ruleParameters(r: TransportRule, priority: number, connectorNames: ReadonlyMap<string, string> = new Map()) {
  const { settings, clear } = tableParameters(r, RULE_TABLE, { priority, connectorName: (id) => connectorNames.get(id) });
  // Format 2: what the simulation does not evaluate is still the tenant's configuration, so it goes
  // back under its New-TransportRule parameter name (PrependSubject, SetAuditSeverity, Mode,
  // HeaderContainsMessageHeader…). A name given twice (Mode, or a domain list the model could only
  // partly read) takes the kept value.
  const cannotSet: string[] = [];
  for (const part of [...(r.unmodelledConditions ?? []), ...(r.actions.otherActions ?? [])]) {
    const value = psParameterValue(part.value);
    if (!PARAMETER_NAME.test(part.name) || value === null) {
      cannotSet.push(part.name);
      continue;
    }
    const lower = part.name.toLowerCase();
    for (const l of [settings, clear]) {
      const i = l.findIndex(([k]) => k.toLowerCase() === lower);
      if (i >= 0) l.splice(i, 1);
    }
    settings.push([part.name, value]);
  }
  return { settings, clear, cannotSet };
}

/** A cmdlet parameter name: letters then letters and digits (nothing from a design reaches code otherwise). */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;

/** PowerShell source for a kept value: text, a number, a boolean or a list of those; null otherwise. */
export function psParameterValue(value: unknown): string | null {
  if (typeof value === 'string') return psQuote(value);
  if (typeof value === 'boolean') return psBool(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return psArray(value);
  return null;
}

// ---------------------------------------------------------------------------------------------
// What each block does, in words (the comments above each block)

function describeInbound(c: InboundConnector): string {
  const parts: string[] = [];
  if (c.connectorType === 'OnPremises') {
    const how: string[] = [];
    if (c.tlsSenderCertificateName) how.push(`by the certificate name ${c.tlsSenderCertificateName}`);
    if (c.senderIPAddresses.length) how.push(`by source IP ${c.senderIPAddresses.join(', ')}`);
    parts.push(`accepts mail from the organization's own servers, recognised ${how.join(' or ') || '(no certificate or IP set)'}`);
  } else {
    parts.push(`a Partner connector for mail from ${c.senderDomains.join(', ')}`);
    const rules: string[] = [];
    if (c.requireTls) rules.push('requires TLS');
    if (c.restrictDomainsToIPAddresses) rules.push(`rejects those senders from IPs other than ${c.senderIPAddresses.join(', ') || '(none)'}`);
    if (c.restrictDomainsToCertificate) rules.push(`rejects those senders without the certificate ${c.tlsSenderCertificateName ?? '(none)'}`);
    if (rules.length) parts.push(rules.join('; '));
  }
  if (!c.enabled) parts.push('disabled');
  return parts.join('; ') + '.';
}

function describeOutbound(c: OutboundConnector): string {
  const to = c.allAcceptedDomains ? 'every accepted domain' : c.recipientDomains.join(', ') || '(no domains)';
  const via = c.useMXRecord ? 'by MX record' : `through ${c.smartHosts.join(', ') || '(no smart host)'}`;
  const dest = c.connectorType === 'OnPremises' ? "to the organization's own servers" : 'to a partner';
  return `routes mail for ${to} ${dest} ${via}${c.routeAllMessagesViaOnPremises ? ' (centralized mail transport)' : ''}${c.enabled ? '' : '; disabled'}.`;
}

export function describeRule(r: TransportRule): string {
  const cond: string[] = [];
  const c = r.conditions;
  if (c.sentToScope) cond.push(c.sentToScope === 'NotInOrganization' ? 'the recipient is outside the organization' : 'the recipient is inside the organization');
  if (c.recipientDomainIs?.length) cond.push(`the recipient domain is ${c.recipientDomainIs.join(' or ')}`);
  if (c.senderDomainIs?.length) cond.push(`the sender domain is ${c.senderDomainIs.join(' or ')}`);
  if (c.fromScope) cond.push(c.fromScope === 'InOrganization' ? 'the sender is inside the organization' : 'the sender is outside the organization');
  const ex: string[] = [];
  if (r.exceptions?.exceptIfRecipientDomainIs?.length) ex.push(`the recipient domain is ${r.exceptions.exceptIfRecipientDomainIs.join(' or ')}`);
  if (r.exceptions?.exceptIfSenderDomainIs?.length) ex.push(`the sender domain is ${r.exceptions.exceptIfSenderDomainIs.join(' or ')}`);
  const act: string[] = [];
  const a = r.actions;
  if (a.rejectMessageReasonText || a.rejectMessageEnhancedStatusCode) {
    act.push(`reject the message with ${a.rejectMessageEnhancedStatusCode ?? '5.7.1'} ${JSON.stringify(a.rejectMessageReasonText ?? 'Delivery not authorized, message refused')}`);
  }
  if (a.deleteMessage) act.push('delete the message');
  if (a.redirectMessageTo?.length) act.push(`redirect it to ${a.redirectMessageTo.join(', ')}`);
  if (a.setHeaderName) act.push(`set the header ${a.setHeaderName}: ${a.setHeaderValue ?? ''}`);
  if (a.routeMessageOutboundConnector) act.push(`route it through the outbound connector ${a.routeMessageOutboundConnector}`);
  for (const o of a.otherActions ?? []) act.push(o.name);
  if (a.stopRuleProcessing) act.push('stop processing more rules');
  if (r.unmodelledConditions?.length) cond.push(`${r.unmodelledConditions.map((u) => u.name).join(', ')} (not evaluated by the simulation)`);
  const when = cond.length ? `if ${cond.join(' and ')}` : 'for every message';
  const unless = ex.length ? `, unless ${ex.join(' or ')}` : '';
  return `${when}${unless}: ${act.join(', then ')}.`;
}

// ---------------------------------------------------------------------------------------------
// The Get-* output after the script ran (round trip)

export interface AppliedConfiguration {
  acceptedDomains: Record<string, unknown>[];
  inboundConnectors: Record<string, unknown>[];
  outboundConnectors: Record<string, unknown>[];
  transportRules: Record<string, unknown>[];
  organizationConfig: Record<string, unknown>;
}

/**
 * The objects `Get-AcceptedDomain`, `Get-InboundConnector`, `Get-OutboundConnector`,
 * `Get-TransportRule` and `Get-OrganizationConfig` would return after the script ran against a
 * tenant that had only the design's accepted domains (the manual steps), in the shapes the module
 * writes with ConvertTo-Json: numeric enums, AddressSpace text for SenderDomains, null for unset
 * conditions. Objects the script leaves alone ("[not evaluated]") are absent.
 */
export function appliedConfiguration(tenant: Tenant): AppliedConfiguration {
  const acceptedDomains = tenant.acceptedDomains.map((d, i) => ({
    Name: d.domainName,
    DomainName: d.domainName,
    // AcceptedDomainType: Authoritative = 0, InternalRelay = 2.
    DomainType: d.domainType === 'Authoritative' ? 0 : 2,
    MatchSubDomains: d.matchSubDomains,
    Default: i === 0,
    AddressBookEnabled: d.domainType === 'Authoritative',
    Identity: d.domainName,
  }));
  const inboundConnectors = tenant.inboundConnectors
    .filter((c) => !isNotEvaluated(c.name))
    .map((c) => ({
      ...appliedConnector(c),
      SenderIPAddresses: [...c.senderIPAddresses],
      SenderDomains: c.senderDomains.map((d) => `smtp:${d};1`),
      TrustedOrganizations: [],
      AssociatedAcceptedDomains: [],
      RequireTls: c.requireTls,
      RestrictDomainsToIPAddresses: c.restrictDomainsToIPAddresses,
      RestrictDomainsToCertificate: c.restrictDomainsToCertificate,
      CloudServicesMailEnabled: false,
      TreatMessagesAsInternal: false,
      TlsSenderCertificateName: c.tlsSenderCertificateName,
      EFSkipIPs: [],
      EFSkipLastIP: false,
    }));
  const outboundConnectors = tenant.outboundConnectors
    .filter((c) => !isNotEvaluated(c.name))
    .map((c) => ({
      ...appliedConnector(c),
      UseMXRecord: c.useMXRecord,
      RecipientDomains: c.recipientDomains.map((d) => ({
        Domain: d === '*' ? null : d.replace(/^\*\./, ''),
        IncludeSubDomains: d.startsWith('*'),
        Address: d,
      })),
      SmartHosts: [...c.smartHosts],
      TlsDomain: c.tlsDomain ?? null,
      TlsSettings: c.tlsSettings ?? null,
      IsTransportRuleScoped: c.isTransportRuleScoped === true,
      RouteAllMessagesViaOnPremises: c.routeAllMessagesViaOnPremises,
      CloudServicesMailEnabled: false,
      AllAcceptedDomains: c.allAcceptedDomains,
    }));
  const transportRules: Record<string, unknown>[] = [];
  rulesByPriority(tenant).forEach((r, priority) => {
    if (isNotEvaluated(r.name)) return;
    const a = r.actions;
    const applied: Record<string, unknown> = {
      Name: r.name,
      Identity: r.name,
      Priority: priority,
      // RuleState: Enabled = 0, Disabled = 1; RuleMode: Enforce = 3.
      State: r.enabled ? 0 : 1,
      Mode: 3,
      SenderAddressLocation: r.senderAddressLocation ?? 'Header',
      Comments: r.comment ?? null,
      RouteMessageOutboundConnector: a.routeMessageOutboundConnector
        ? (tenant.outboundConnectors.find((c) => c.id === a.routeMessageOutboundConnector)?.name ?? null)
        : null,
      RuleErrorAction: 'Ignore',
      SentToScope: r.conditions.sentToScope ?? null,
      FromScope: r.conditions.fromScope ?? null,
      RecipientDomainIs: r.conditions.recipientDomainIs?.length ? r.conditions.recipientDomainIs : null,
      SenderDomainIs: r.conditions.senderDomainIs?.length ? r.conditions.senderDomainIs : null,
      ExceptIfRecipientDomainIs: r.exceptions?.exceptIfRecipientDomainIs?.length ? r.exceptions.exceptIfRecipientDomainIs : null,
      ExceptIfSenderDomainIs: r.exceptions?.exceptIfSenderDomainIs?.length ? r.exceptions.exceptIfSenderDomainIs : null,
      SubjectContainsWords: null,
      PrependSubject: null,
      RejectMessageReasonText: a.rejectMessageReasonText ?? null,
      RejectMessageEnhancedStatusCode: a.rejectMessageEnhancedStatusCode ?? null,
      DeleteMessage: a.deleteMessage === true,
      RedirectMessageTo: a.redirectMessageTo?.length ? a.redirectMessageTo : null,
      SetHeaderName: a.setHeaderName ?? null,
      SetHeaderValue: a.setHeaderName ? (a.setHeaderValue ?? '') : null,
      StopRuleProcessing: a.stopRuleProcessing === true,
      Quarantine: false,
    };
    // What the script set under the kept parameter names (the values it could write), in the
    // design's order (a property written again moves to the end).
    for (const x of [...(r.unmodelledConditions ?? []), ...(a.otherActions ?? [])]) {
      if (!PARAMETER_NAME.test(x.name) || psParameterValue(x.value) === null) continue;
      delete applied[x.name];
      applied[x.name] = x.value;
    }
    transportRules.push(applied);
  });
  return {
    acceptedDomains,
    inboundConnectors,
    outboundConnectors,
    transportRules,
    organizationConfig: { Name: `${tenant.id}.onmicrosoft.com`, RejectDirectSend: tenant.rejectDirectSend, IsDehydrated: false },
  };
}

/** What Get-InboundConnector and Get-OutboundConnector both show of a connector. */
function appliedConnector(c: InboundConnector | OutboundConnector): Record<string, unknown> {
  return {
    Name: c.name,
    Identity: c.name,
    Enabled: c.enabled,
    // TenantConnectorType: OnPremises = 1, Partner = 2.
    ConnectorType: c.connectorType === 'OnPremises' ? 1 : 2,
    ConnectorSource: 0,
    Comment: c.comment ?? null,
  };
}

/** The applied configuration as the five JSON files an administrator would save. */
export function appliedConfigurationFiles(tenant: Tenant): Array<{ name: string; text: string }> {
  const c = appliedConfiguration(tenant);
  const files: Array<{ name: string; text: string }> = [];
  const add = (name: string, objects: unknown) => files.push({ name, text: JSON.stringify(objects, null, 2) });
  if (c.acceptedDomains.length) add('Get-AcceptedDomain.json', c.acceptedDomains);
  if (c.inboundConnectors.length) add('Get-InboundConnector.json', c.inboundConnectors);
  if (c.outboundConnectors.length) add('Get-OutboundConnector.json', c.outboundConnectors);
  if (c.transportRules.length) add('Get-TransportRule.json', c.transportRules);
  add('Get-OrganizationConfig.json', c.organizationConfig);
  return files;
}
