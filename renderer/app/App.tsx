/** The designer's shell: top bar, palette, canvas, inspector/diagnostics tabs, status bar. */
import { useEffect, useState, type DragEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { installShortcuts } from '../actions/registry';
import { AnalyzeHost } from '../analyze';
import { Canvas } from '../canvas/Canvas';
import { openDroppedFile } from '../files/fileController';
import { Inspector } from '../inspector/Inspector';
import { IntegrationDialogs } from '../integrations';
import { OPEN_INPUT_ID } from '../platform';
import { useUiStore, type RightTab } from '../store/uiStore';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { DialogHost, Toasts } from './Dialogs';
import { Palette } from './Palette';
import { BottomPanelSlot, CanvasOverlaySlot, ScenarioPanelSlot, scenarioTab } from './slots';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useLiveDiagnostics } from './useLiveDiagnostics';

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer.types.includes('Files');
}

export function App() {
  const { t } = useTranslation();
  const rightTab = useUiStore((s) => s.rightTab);
  const diagnostics = useUiStore((s) => s.diagnostics);
  const [fileOver, setFileOver] = useState(false);
  useLiveDiagnostics();

  useEffect(() => installShortcuts(window), []);

  const tabs: Array<{ id: RightTab; label: string }> = [
    { id: 'inspector', label: t('tabs.inspector') },
    { id: 'diagnostics', label: `${t('tabs.diagnostics')} (${diagnostics.length})` },
    ...(scenarioTab ? [{ id: 'scenarios' as const, label: t(scenarioTab.labelKey) }] : []),
  ];

  return (
    <ReactFlowProvider>
      <div
        className="app"
        onDragOver={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setFileOver(true);
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setFileOver(false);
        }}
        onDrop={(e) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setFileOver(false);
          const file = e.dataTransfer.files[0];
          if (file) void openDroppedFile(file);
        }}
      >
        <TopBar />
        <div className="workspace">
          <Palette />
          <main className="center" aria-label={t('canvas.label')}>
            <div className="canvas-area">
              <Canvas />
              <CanvasOverlaySlot />
              <AnalyzeHost />
            </div>
            <BottomPanelSlot />
          </main>
          <aside className="right-panel" aria-label={t('tabs.label')}>
            <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
              {tabs.map((tab) => (
                <button
                  key={tab.id}
                  type="button"
                  role="tab"
                  id={`tab-${tab.id}`}
                  aria-selected={rightTab === tab.id}
                  aria-controls={`tabpanel-${tab.id}`}
                  className={`tab${rightTab === tab.id ? ' is-active' : ''}`}
                  onClick={() => useUiStore.getState().setRightTab(tab.id)}
                >
                  {tab.label}
                </button>
              ))}
            </div>
            <div className="tab-panel" role="tabpanel" id={`tabpanel-${rightTab}`} aria-labelledby={`tab-${rightTab}`}>
              {rightTab === 'inspector' && <Inspector />}
              {rightTab === 'diagnostics' && <DiagnosticsPanel />}
              {rightTab === 'scenarios' && <ScenarioPanelSlot />}
            </div>
          </aside>
        </div>
        <StatusBar />
        <input
          id={OPEN_INPUT_ID}
          type="file"
          // Exported PNG/SVG pictures carry the design and open too.
          accept=".json,application/json,.png,image/png,.svg,image/svg+xml"
          className="visually-hidden"
          aria-label={t('file.uploadInput')}
          // The Open action is the accessible way in; this input only serves it (and drops).
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            // Unsaved changes were asked about before the picker opened.
            if (file) void openDroppedFile(file, false);
          }}
        />
        {fileOver && <div className="file-drop-overlay">{t('file.dropToOpen')}</div>}
        <IntegrationDialogs />
        <DialogHost />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
