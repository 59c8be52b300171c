/**
 * Export options remembered per document (by its path when it has one, else its title), so the
 * next export of the same design starts from the same choices.
 */
import { useCallback, useState } from 'react';
import { EXPORT_FORMATS } from '../../shared/diagram/import';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './browserExport';

const STORAGE_PREFIX = 'mailflow.export-options:';

export function exportOptionsKey(documentKey: string): string {
  return `${STORAGE_PREFIX}${documentKey}`;
}

/** Stored options, each field checked: a damaged or older entry falls back field by field. */
export function readExportOptions(documentKey: string, storage: Pick<Storage, 'getItem'> | null = safeStorage()): ExportOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(exportOptionsKey(documentKey)) ?? 'null');
  } catch {
    raw = null;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_EXPORT_OPTIONS;
  return {
    format: (EXPORT_FORMATS as readonly unknown[]).includes(o.format) ? (o.format as ExportOptions['format']) : d.format,
    theme: o.theme === 'dark' || o.theme === 'light' ? o.theme : d.theme,
    transparent: typeof o.transparent === 'boolean' ? o.transparent : d.transparent,
    padding: typeof o.padding === 'number' && Number.isFinite(o.padding) ? clampPadding(o.padding) : d.padding,
    includeSimulation: typeof o.includeSimulation === 'boolean' ? o.includeSimulation : d.includeSimulation,
  };
}

export function writeExportOptions(documentKey: string, options: ExportOptions, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(exportOptionsKey(documentKey), JSON.stringify(options));
  } catch {
    // Storage full or disabled: the options are simply not remembered.
  }
}

export function clampPadding(value: number): number {
  return Math.max(0, Math.min(200, Math.round(value)));
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function useExportOptions(documentKey: string): [ExportOptions, (patch: Partial<ExportOptions>) => void] {
  const [options, setOptions] = useState<ExportOptions>(() => readExportOptions(documentKey));
  const update = useCallback(
    (patch: Partial<ExportOptions>) => {
      setOptions((current) => {
        const next = { ...current, ...patch };
        writeExportOptions(documentKey, next);
        return next;
      });
    },
    [documentKey],
  );
  return [options, update];
}
