/** The designer's shell: top bar, palette, canvas, inspector/diagnostics tabs, status bar. */
import { Legend } from '../inspector/Legend';
import { HoverCard } from '../inspector/HoverCard';
import { useEffect, useState, type CSSProperties, type DragEvent } from 'react';
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
import { autoRightWidth, PANEL_LIMITS, paletteIsRail, usePanelLayout } from '../ui/panelLayout';
import { PanelSplitter } from '../ui/Splitter';
import { CollapseIcon } from '../ui/uiIcons';
import { useWindowSize } from '../ui/useWindowSize';
import { BottomPanelSlot, CanvasOverlaySlot, ScenarioPanelSlot, scenarioTab } from './slots';
import { StatusBar } from './StatusBar';
import { TopBar } from './TopBar';
import { useLiveDiagnostics } from './useLiveDiagnostics';

/** Width of the palette as an icon rail, and of the collapsed right panel. */
const RAIL = 56;
const RIGHT_RAIL = 40;

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer.types.includes('Files');
}

/** The right panel (inspector, diagnostics, scenarios): resizable, collapsible to a rail of its tabs. */
function RightPanel({ tabs, width, max }: { tabs: Array<{ id: RightTab; label: string }>; width: number; max: number }) {
  const { t } = useTranslation();
  const rightTab = useUiStore((s) => s.rightTab);
  const layout = usePanelLayout();
  if (layout.rightCollapsed) {
    return (
      <aside className="right-panel is-rail" aria-label={t('tabs.label')} data-panel="right">
        <button type="button" className="panel-toggle" onClick={() => layout.set({ rightCollapsed: false })} aria-label={t('panels.expandRight')} title={t('panels.expandRight')} aria-expanded={false}>
          <CollapseIcon side="left" />
        </button>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            className="rail-tab"
            onClick={() => {
              useUiStore.getState().setRightTab(tab.id);
              layout.set({ rightCollapsed: false });
            }}
          >
            {tab.label}
          </button>
        ))}
      </aside>
    );
  }
  return (
    <aside className="right-panel" aria-label={t('tabs.label')} data-panel="right">
      <PanelSplitter panel="right" value={width} max={max} />
      <div className="tabs-row">
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
        <button type="button" className="panel-toggle tabs-collapse" onClick={() => layout.set({ rightCollapsed: true })} aria-label={t('panels.collapseRight')} title={t('panels.collapseRight')} aria-expanded>
          <CollapseIcon side="right" />
        </button>
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${rightTab}`} aria-labelledby={`tab-${rightTab}`}>
        {rightTab === 'inspector' && <Inspector />}
        {rightTab === 'diagnostics' && <DiagnosticsPanel />}
        {rightTab === 'scenarios' && <ScenarioPanelSlot />}
      </div>
    </aside>
  );
}

export function App() {
  const { t } = useTranslation();
  const diagnostics = useUiStore((s) => s.diagnostics);
  const [fileOver, setFileOver] = useState(false);
  const layout = usePanelLayout();
  const windowWidth = useWindowSize().width;
  const rail = paletteIsRail(layout, windowWidth);
  // The canvas keeps at least ~45 % of the window: remembered widths give way on a small screen.
  const rightMax = Math.max(PANEL_LIMITS.right.min, Math.min(PANEL_LIMITS.right.max, windowWidth * 0.34));
  const paletteMax = Math.max(PANEL_LIMITS.palette.min, Math.min(PANEL_LIMITS.palette.max, windowWidth * 0.22));
  const paletteWidth = rail ? RAIL : Math.min(layout.paletteWidth, paletteMax);
  const rightWidth = layout.rightCollapsed ? RIGHT_RAIL : Math.min(layout.rightWidth ?? autoRightWidth(windowWidth), rightMax);
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
        <div className="workspace" style={{ '--palette-w': `${paletteWidth}px`, '--right-w': `${rightWidth}px` } as CSSProperties}>
          <div className={`side-panel side-left${rail ? ' is-rail' : ''}`} data-panel="palette">
            <Palette
              rail={rail}
              onToggle={() => layout.set({ paletteCollapsed: !rail, paletteChosen: true })}
              resizer={!rail && <PanelSplitter panel="palette" value={paletteWidth} max={paletteMax} />}
            />
          </div>
          <main className="center" aria-label={t('canvas.label')}>
            <div className="canvas-area">
              <Canvas />
              {/* The canvas legend reads the kind descriptors (inspector/), so it is mounted here, over the canvas. */}
              <Legend />
              <HoverCard />
              <CanvasOverlaySlot />
              <AnalyzeHost />
            </div>
            <BottomPanelSlot />
          </main>
          <RightPanel tabs={tabs} width={rightWidth} max={rightMax} />
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
