/**
 * Exchange Online PowerShell interop: import a real tenant from `Get-* | ConvertTo-Json` output,
 * export a designed tenant as a PowerShell script, and diff two tenants. Pure TypeScript: callers
 * pass text and get values back (the CLI and the app do the file access).
 */
export { importExoFiles, readExoFile, slug, NOT_EVALUATED_SUFFIX } from './import';
export type { ExoFile, ExoFileContents, ImportError, ImportOptions, ImportResult, ReadFileResult } from './import';
export { formatImportReport, reasonText, reportEntry, valueText } from './report';
export type { ImportEntry, ImportFileReport, ImportObjectReport, ImportOutcome, ImportReport } from './report';
export { decodeExoBytes, parseExoJson } from './json';
export { EXO_CMDLETS, detectCmdletFromKeys } from './cmdlets';
export type { ExoCmdlet } from './cmdlets';
export {
  appliedConfiguration,
  appliedConfigurationFiles,
  generatePowerShell,
  psArray,
  psQuote,
  tenantPowerShell,
} from './powershell';
export type { AppliedConfiguration, PowerShellResult } from './powershell';
export { diffTenants, formatTenantDiff, formatTenantOnlyIn } from './diff';
export { IMPORT_REASONS, PROPERTY_NOTES, importPropertyText } from './messages';
export type { ImportReasonCode, ReasonParams, RulePartKind } from './messages';
export type { DiffEntityKind, EntityChange, FieldChange, TenantDiff } from './diff';
