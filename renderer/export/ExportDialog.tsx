/**
 * The export dialog: format (SVG, PNG, PDF), theme, transparent background, padding, and whether to
 * draw the current simulation. The picture is drawn from the model (shared/diagram), so it shows the
 * whole design whatever the canvas zoom; a preview shows exactly what will be written. Options are
 * remembered per document.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { simulateScenario } from '../../shared/engine/simulate';
import type { Simulation } from '../../shared/engine/types';
import type { TopologyDocument } from '../../shared/model/schema';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/diagram/import';
import { renderDiagramSvg } from '../../shared/diagram/svg';
import { buildExportFile, MIME_TYPES, type ExportFile } from './browserExport';
import { clampPadding, useExportOptions } from './useExportOptions';

export interface ExportPlatform {
  /** Writes or downloads the file (Electron: a save dialog; browser: a download). */
  saveExport(name: string, format: ExportFormat, data: Uint8Array): Promise<unknown> | unknown;
}

export interface ExportDialogProps {
  document: TopologyDocument;
  simulation: Simulation | null;
  onClose: () => void;
  platform: ExportPlatform;
  /** The document's file path, when it has one: the key under which options are remembered. */
  documentPath?: string | null;
}

export function ExportDialog({ document: doc, simulation, onClose, platform, documentPath }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language?.startsWith('ja') ? 'ja' : 'en';
  const [options, setOptions] = useExportOptions(documentPath || doc.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const titleId = 'mf-export-title';

  useEffect(() => {
    const previous = globalThis.document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('input, button')?.focus();
    return () => previous?.focus?.();
  }, []);

  // The scenario to draw: the last run's by default; any other is run here, so nothing has to be run first.
  const [scenarioId, setScenarioId] = useState<string>(simulation?.scenarioId ?? '');
  const chosen = useMemo((): { simulation: Simulation | null; error: string | null } => {
    if (!scenarioId) return { simulation: null, error: null };
    if (simulation && simulation.scenarioId === scenarioId) return { simulation, error: null };
    try {
      return { simulation: simulateScenario(doc, scenarioId, { lang }), error: null };
    } catch (e) {
      return { simulation: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [doc, scenarioId, simulation, lang]);
  const chosenSimulation = chosen.simulation;
  const withSimulation = options.includeSimulation && chosenSimulation !== null;
  const preview = useMemo(() => {
    const drawn = renderDiagramSvg(doc, {
      theme: options.theme,
      transparent: options.transparent,
      padding: options.padding,
      lang,
      simulation: withSimulation ? chosenSimulation : null,
      embedDocument: false,
    });
    return { url: URL.createObjectURL(new Blob([drawn.svg], { type: MIME_TYPES.svg })), width: drawn.width, height: drawn.height };
  }, [doc, options.theme, options.transparent, options.padding, lang, withSimulation, chosenSimulation]);
  useEffect(() => () => URL.revokeObjectURL(preview.url), [preview.url]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file: ExportFile = await buildExportFile(doc, { ...options, includeSimulation: withSimulation }, chosenSimulation, lang);
      await platform.saveExport(file.name, file.format, file.data);
      onClose();
    } catch (e) {
      setError(t('export.failed', { reason: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        className="dialog export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={box}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId}>{t('export.title')}</h2>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="mf-export-format" value={f} checked={options.format === f} onChange={() => setOptions({ format: f })} />{' '}
              {t(`export.formats.${f}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('export.theme')}</legend>
          {(['light', 'dark'] as const).map((theme) => (
            <label key={theme}>
              <input type="radio" name="mf-export-theme" value={theme} checked={options.theme === theme} onChange={() => setOptions({ theme })} />{' '}
              {t(`export.themes.${theme}`)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" checked={options.transparent} disabled={options.format === 'pdf'} onChange={(e) => setOptions({ transparent: e.target.checked })} />{' '}
          {t('export.transparent')}
        </label>
        <label>
          {t('export.padding')}{' '}
          <input
            type="number"
            min={0}
            max={200}
            step={4}
            value={options.padding}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isFinite(n)) setOptions({ padding: clampPadding(n) });
            }}
          />
        </label>
        <label>
          {t('export.scenario')}{' '}
          <select
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value);
              // Choosing a scenario means wanting it drawn; choosing none turns the drawing off.
              setOptions({ includeSimulation: e.target.value !== '' });
            }}
          >
            <option value="">{t('export.noScenario')}</option>
            {doc.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || s.id}
              </option>
            ))}
          </select>
        </label>
        {chosen.error && <p className="dialog-hint">{t('export.scenarioFailed', { reason: chosen.error })}</p>}
        <label>
          <input
            type="checkbox"
            checked={withSimulation}
            disabled={chosenSimulation === null}
            onChange={(e) => setOptions({ includeSimulation: e.target.checked })}
          />{' '}
          {t('export.includeSimulation')}
        </label>
        {chosenSimulation === null && !chosen.error && <p className="dialog-hint">{t('export.noSimulation')}</p>}
        <figure className="export-preview">
          <img src={preview.url} alt={t('export.previewAlt', { title: doc.title })} style={{ maxWidth: '100%', maxHeight: '40vh' }} />
          <figcaption>{t('export.size', { width: preview.width, height: preview.height })}</figcaption>
        </figure>
        {error && (
          <p role="alert" className="dialog-error">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('export.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy} aria-busy={busy}>
            {busy ? t('export.working') : t('export.export', { format: options.format.toUpperCase() })}
          </button>
        </div>
      </div>
    </div>
  );
}
