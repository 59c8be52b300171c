/**
 * The five Exchange Online PowerShell outputs the import reads, how to recognise each from its
 * properties, and the enum numbers the module may write instead of names.
 *
 * Enum numbers come from the Exchange object model (the types named below; the same enums back
 * Exchange Online's cmdlets). `ConvertTo-Json` writes an enum as its number unless the object was
 * already turned into text (remote PowerShell deserialisation, `-EnumsAsStrings` in PowerShell 7),
 * so both forms are accepted everywhere.
 */

export const EXO_CMDLETS = [
  'Get-AcceptedDomain',
  'Get-InboundConnector',
  'Get-OutboundConnector',
  'Get-TransportRule',
  'Get-OrganizationConfig',
  // The on-premises side (Exchange Management Shell), issue 16.
  'Get-SendConnector',
  'Get-ExchangeCertificate',
] as const;
export type ExoCmdlet = (typeof EXO_CMDLETS)[number];

/** Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType: Authoritative = 0, ExternalRelay = 1, InternalRelay = 2. */
export const ACCEPTED_DOMAIN_TYPE = { 0: 'Authoritative', 1: 'ExternalRelay', 2: 'InternalRelay' } as const;
/** Microsoft.Exchange.Data.TenantConnectorType: OnPremises = 1, Partner = 2 (there is no 0). */
export const CONNECTOR_TYPE = { 1: 'OnPremises', 2: 'Partner' } as const;
/** Microsoft.Exchange.Data.TenantConnectorSource: Default = 0, Migrated = 1, HybridWizard = 2. */
export const CONNECTOR_SOURCE = { 0: 'Default', 1: 'Migrated', 2: 'HybridWizard' } as const;
/** Microsoft.Exchange.MessagingPolicies.Rules.RuleState: Enabled = 0, Disabled = 1. */
export const RULE_STATE = { 0: 'Enabled', 1: 'Disabled' } as const;
/** Microsoft.Exchange.MessagingPolicies.Rules.RuleMode: Audit = 1, AuditAndNotify = 2, Enforce = 3. */
export const RULE_MODE = { 1: 'Audit', 2: 'AuditAndNotify', 3: 'Enforce' } as const;
/**
 * Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ToUserScope: InOrganization = 0,
 * NotInOrganization = 1, ExternalPartner = 2, ExternalNonPartner = 3.
 */
export const TO_USER_SCOPE = { 0: 'InOrganization', 1: 'NotInOrganization', 2: 'ExternalPartner', 3: 'ExternalNonPartner' } as const;
/** Microsoft.Exchange.MessagingPolicies.Rules.Tasks.FromUserScope: InOrganization = 0, NotInOrganization = 1. */
export const FROM_USER_SCOPE = { 0: 'InOrganization', 1: 'NotInOrganization' } as const;
/**
 * Microsoft.Exchange.Data.TlsAuthLevel: EncryptionOnly = 1, CertificateValidation = 2,
 * DomainValidation = 4 (only shown in the report; the format has no TLS settings for outbound).
 */
export const TLS_AUTH_LEVEL = { 1: 'EncryptionOnly', 2: 'CertificateValidation', 4: 'DomainValidation' } as const;
/**
 * SenderAddressLocation: Header, Envelope, HeaderOrEnvelope (New-TransportRule). The numbers are
 * not confirmed from a Microsoft source; only the names are accepted (a number is reported).
 */
export const SENDER_ADDRESS_LOCATION_NAMES = ['Header', 'Envelope', 'HeaderOrEnvelope'] as const;

/** What a user pipes to ConvertTo-Json, for messages. */
export function cmdletHint(cmdlet: ExoCmdlet | null): string {
  if (cmdlet) return `the output of ${cmdlet} | ConvertTo-Json${cmdlet === 'Get-AcceptedDomain' || cmdlet === 'Get-OrganizationConfig' ? '' : ' -Depth 5'}`;
  return `the output of one of ${EXO_CMDLETS.join(', ')} piped to ConvertTo-Json`;
}

/**
 * Which cmdlet wrote an object with these (lower-case) property names; null when none fits. The
 * test uses properties that only that object type has, never the file name.
 */
export function detectCmdletFromKeys(keys: ReadonlySet<string>): ExoCmdlet | null {
  const has = (...names: string[]) => names.every((n) => keys.has(n.toLowerCase()));
  const any = (...names: string[]) => names.some((n) => keys.has(n.toLowerCase()));
  if (has('DomainName', 'DomainType')) return 'Get-AcceptedDomain';
  if (has('AddressSpaces') && any('SmartHosts', 'SourceTransportServers', 'DNSRoutingEnabled', 'TlsCertificateName')) return 'Get-SendConnector';
  if (has('Thumbprint') && any('CertificateDomains', 'NotAfter', 'Services')) return 'Get-ExchangeCertificate';
  if (
    has('Priority') &&
    any('State', 'Mode') &&
    any('SentToScope', 'Conditions', 'Actions', 'RuleVersion', 'RejectMessageReasonText', 'SenderAddressLocation', 'RuleErrorAction')
  ) {
    return 'Get-TransportRule';
  }
  if (any('ConnectorType', 'ConnectorSource')) {
    if (any('SenderIPAddresses', 'TlsSenderCertificateName', 'RestrictDomainsToIPAddresses', 'RestrictDomainsToCertificate', 'SenderDomains', 'EFSkipIPs')) {
      return 'Get-InboundConnector';
    }
    if (any('SmartHosts', 'RecipientDomains', 'UseMXRecord', 'TlsSettings', 'IsTransportRuleScoped', 'RouteAllMessagesViaOnPremises')) {
      return 'Get-OutboundConnector';
    }
  }
  if (has('RejectDirectSend')) return 'Get-OrganizationConfig';
  const orgOnly = [
    'OAuth2ClientProfileEnabled',
    'IsDehydrated',
    'DefaultPublicFolderAgeLimit',
    'MailTipsAllTipsEnabled',
    'AuditDisabled',
    'ActivityBasedAuthenticationTimeoutEnabled',
    'SmtpActionableMessagesEnabled',
    'DefaultAuthenticationPolicy',
  ];
  if (orgOnly.filter((k) => keys.has(k.toLowerCase())).length >= 2) return 'Get-OrganizationConfig';
  return null;
}

/**
 * Properties every Exchange object carries that describe the object rather than the mail flow
 * configuration (identity, timestamps, directory bookkeeping, the PowerShell session). They are
 * not configuration, so they are not listed in the import report.
 */
export const METADATA_PROPERTIES = new Set(
  [
    'Identity', 'Id', 'Guid', 'ImmutableId', 'DistinguishedName', 'ObjectCategory', 'ObjectClass', 'ObjectState',
    'OrganizationId', 'OriginatingServer', 'ExchangeVersion', 'ExchangeObjectId', 'IsValid', 'WhenChanged',
    'WhenCreated', 'WhenChangedUTC', 'WhenCreatedUTC', 'PSComputerName', 'PSShowComputerName', 'RunspaceId',
    'AdminDisplayName', 'Description', 'RuleVersion', 'Conditions', 'Exceptions', 'Actions', 'ManuallyModified',
    'DlpPolicy', 'DlpPolicyId', 'IsRuleConfigurationSupported', 'LastValidationTimestamp', 'IsValidated',
    'ValidationRecipients', 'LinkForModifiedConnector', 'RuleSubType', 'TransportRuleId', 'Size', 'CreatedBy',
    'LastModifiedBy', 'ObjectVersion', 'PolicyVersion',
  ].map((k) => k.toLowerCase()),
);
