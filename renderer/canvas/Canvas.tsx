/**
 * The canvas. Nodes are derived from the document (`documentToFlow`); React Flow keeps its own
 * copy only while a drag is in progress, and the final position is committed once on drag stop.
 * Selection lives in the UI store (never in the undo history).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FocusEvent } from 'react';
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  ReactFlow,
  useReactFlow,
  type Node,
  type NodeChange,
  type NodeTypes,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { Position } from '../../shared/model/schema';
import { canvasActions } from '../actions/canvasActions';
import { addEntity, commitPositions, moveChildToTenant, refuseDropOutsideTenant } from '../actions/editing';
import { registerActions } from '../actions/registry';
import { ContextMenu } from './ContextMenu';
import { isSendsViaConnection, onSendsViaConnect } from './sendsVia';
import { NoteNode, noteNodes, updateNoteIn } from './NoteNode';
import { FindBar } from './FindBar';
import { ShortcutsDialog } from '../actions/ShortcutsDialog';
import { useContextMenuHandlers } from './useContextMenuHandlers';
import { isChildKind, type PaletteKind } from '../model/entities';
import { announce, CanvasAnnouncer } from './announcer';
import { MoveToTenantDialog, type MoveToTenantRequest } from './MoveToTenantDialog';
import { t as translate } from '../i18n';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { getCameraFollower, setCanvasApi } from './canvasApi';
import { documentToFlow, reuseUnchangedNodes, summariseDiagnostics, tenantAt, type FlowNode, type NodeKind } from './documentToFlow';
import { GRID } from './geometry';
import { Minimap } from './Minimap';
import { nodeTypes, useLowDetail } from './nodes';
import { edgeTypes } from './edges';
import { CONTROLS_W, fitBox, fitUncut, LOW_DETAIL_READABLE_ZOOM, READABLE_ZOOM, uncutViewport } from './viewport';
import { union } from '../../shared/layout/canvas';
import './canvas.css';
import './i18n';
import { useCanvasPaintMark } from './paintMark';
import { AlignmentGuides, useAlignmentGuides } from './guides';

export const PALETTE_MIME = 'application/x-mailflow-kind';
const EMPTY_SELECTION: ReadonlySet<string> = new Set();
/** Above this many tenants + servers, opening a document shows its beginning instead of all of it. */
const LARGE_DOCUMENT = 150;

const canvasNodeTypes: NodeTypes = { ...nodeTypes, note: NoteNode as NodeTypes[string] };

function withSelection(nodes: FlowNode[], selection: ReadonlySet<string>): FlowNode[] {
  let changed = false;
  const out = nodes.map((n) => {
    const selected = selection.has(n.id);
    if ((n.selected ?? false) === selected) return n;
    changed = true;
    return { ...n, selected };
  });
  return changed ? out : nodes;
}

/** Screen px kept free around the design when fitting it. */
const FIT_PAD = 24;

export function Canvas() {
  const { t, i18n } = useTranslation();
  const flow = useReactFlow<FlowNode>();
  const doc = useDocumentStore((s) => s.doc);
  const diagnostics = useUiStore((s) => s.diagnostics);
  const selection = useUiStore((s) => s.selection);
  const reveal = useUiStore((s) => s.reveal);
  const theme = useUiStore((s) => s.theme);
  const today = useUiStore((s) => s.evaluationDate);
  // Hidden while a simulation is shown (it would cover its results) unless the user asks for it.
  const showMinimap = useUiStore((s) => (s.playbackActive ? s.minimapDuringPlayback : s.showMinimap));
  const bigDesign = useUiStore((s) => s.bigDesign);
  const snapToGrid = useUiStore((s) => s.snapToGrid);
  const wrapper = useRef<HTMLDivElement>(null);
  useCanvasPaintMark(doc);
  // Zoomed out to the low-detail view (see nodes.tsx): the dotted grid is then not drawn (a blur
  // of dots 2 px apart that repainted the whole pane every frame).
  const lowDetail = useLowDetail();

  // React Flow's own live message for arrow moves is English-only and nameless: ours replaces it.
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.a11yNode'),
      'node.a11yDescription.ariaLiveMessage': () => '',
      // The zoom buttons' accessible names, in the UI's language (React Flow's are English).
      'controls.zoomIn.ariaLabel': t('actions.view.zoomIn'),
      'controls.zoomOut.ariaLabel': t('actions.view.zoomOut'),
      'controls.fitView.ariaLabel': t('actions.view.fitView'),
    }),
    [t],
  );
  const diagnosticMap = useMemo(() => summariseDiagnostics(diagnostics), [diagnostics]);
  const label = useMemo(() => {
    // One translation per kind, not per node: i18next's t() is slow enough to matter 1,000 times.
    const kindLabels = new Map<string, string>();
    return (kind: NodeKind, name: string) => {
      if (kind === 'zone') return t(name === 'exo' ? 'canvas.zoneExo' : 'canvas.zoneOnPrem');
      if (kind === 'frontDoor') return t('canvas.frontDoor');
      if (kind === 'internet') return t('canvas.internet');
      let kindLabel = kindLabels.get(kind);
      if (kindLabel === undefined) {
        kindLabel = t(`kinds.${kind}`);
        kindLabels.set(kind, kindLabel);
      }
      return `${kindLabel} ${name}`;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language]);
  // Derived once per document/diagnostics/language change; selection is applied cheaply on top.
  const previousBase = useRef<FlowNode[]>([]);
  const base = useMemo(() => {
    const derived = documentToFlow(doc, { selection: EMPTY_SELECTION, diagnostics: diagnosticMap, label, today });
    const reused = reuseUnchangedNodes(previousBase.current, derived.nodes);
    previousBase.current = reused;
    // Notes (view.notes) are drawn over the design, after the derived nodes (few, so always fresh).
    const nodes = [...reused, ...noteNodes(doc)];
    return { nodes, edges: derived.edges, bounds: derived.bounds };
  }, [doc, diagnosticMap, label, today]);
  const boundsRef = useRef(base.bounds);
  boundsRef.current = base.bounds;
  /** True once the user pans or zooms; a resize then keeps their view instead of refitting. */
  const userMoved = useRef(false);
  /**
   * Fit to window, readable by construction: never below the zoom at which names render at
   * ≥ 11 CSS px (or, if the user chose the overview of large designs, the low-detail names').
   */
  /** A measured node's box in flow coordinates, as a list of one (none before React Flow has measured it). */
  const nodeBox = useCallback(
    (id: string) => {
      const internal = flow.getInternalNode(id);
      const w = internal?.measured.width ?? internal?.width ?? 0;
      const h = internal?.measured.height ?? internal?.height ?? 0;
      return internal && w > 0 && h > 0 ? [{ x: internal.internals.positionAbsolute.x, y: internal.internals.positionAbsolute.y, w, h }] : [];
    },
    [flow],
  );
  /** Every card's box (zones and tenants are not cards). */
  const cardBoxes = useCallback(() => flow.getNodes().flatMap((n) => (n.type === 'zone' || n.type === 'tenant' ? [] : nodeBox(n.id))), [flow, nodeBox]);
  const fitAll = useCallback(
    (duration: number) => {
      const rect = wrapper.current?.getBoundingClientRect();
      if (!rect || rect.width < 10 || rect.height < 10) return;
      const minZoom = useUiStore.getState().bigDesign === 'lowDetail' ? LOW_DETAIL_READABLE_ZOOM : READABLE_ZOOM;
      userMoved.current = false;
      // Too big to fit readably: the top-left shown, and no card cut at the far edge (viewport.ts).
      const vp = fitUncut(boundsRef.current, rect.width, rect.height, FIT_PAD, minZoom, CONTROLS_W, cardBoxes());
      void flow.setViewport(vp, { duration });
    },
    [flow, cardBoxes],
  );
  /**
   * Zoom to some entities (playback's first frame, Find, zoom to selection): framed at a readable
   * size, and — like Fit and the playback camera — never with a card cut at the canvas's edge
   * (React Flow's own fitView left the Internet half on screen when presenting).
   */
  const fitIds = useCallback(
    (ids: string[], duration: number) => {
      const rect = wrapper.current?.getBoundingClientRect();
      if (!rect || rect.width < 10 || rect.height < 10) return;
      const bounds = union(ids.flatMap(nodeBox));
      if (!bounds) return;
      const framed = fitBox(bounds, rect.width, rect.height, FIT_PAD * 2, READABLE_ZOOM, 1.2, CONTROLS_W);
      const vp = uncutViewport(framed, bounds, cardBoxes(), { x: 0, y: 0, w: rect.width, h: rect.height }, READABLE_ZOOM);
      void flow.setViewport(vp, { duration });
    },
    [flow, cardBoxes, nodeBox],
  );
  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const [nodes, setNodes] = useState<FlowNode[]>(() => withSelection(base.nodes, selectionSet));
  const selectionRef = useRef(selectionSet);
  selectionRef.current = selectionSet;

  useEffect(() => {
    setNodes(withSelection(base.nodes, selectionRef.current));
  }, [base]);
  useEffect(() => {
    setNodes((current) => withSelection(current, selectionSet));
  }, [selectionSet]);

  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  // Alignment guides while dragging: the dragged node snaps to another's edge or centre line.
  const guides = useAlignmentGuides(flow);
  const snapDrag = guides.adjust;
  const onNodesChange = useCallback((incoming: NodeChange<FlowNode>[]) => {
    const changes = useUiStore.getState().dragging.length ? snapDrag(incoming) : incoming;
    // Drag positions and selection stay local; the document changes on drag stop. Measurements are
    // not copied into the nodes: every node has a fixed size, React Flow keeps what it measured,
    // and unchanged node objects keep their identity (so 1,000 nodes are not re-rendered per edit).
    const keyboard = useUiStore.getState().dragging.length === 0 && changes.some((c) => c.type === 'position');
    const byId = keyboard ? new Map(nodesRef.current.map((n) => [n.id, n] as const)) : null;
    // A connector or rule moved with the arrow keys stays in its tenant's column (moving it to
    // another tenant is "M"): drop that change instead of leaving it drawn out of place.
    const local = changes.filter((c) => c.type !== 'dimensions' && !(byId && c.type === 'position' && byId.get(c.id)?.parentId));
    if (local.length) setNodes((current) => applyNodeChanges(local, current));
    if (!byId) return;
    // A move with the arrow keys has no drag stop: commit its final position right away.
    const moved: Record<string, Position> = {};
    for (const c of changes) {
      if (c.type !== 'position' || c.dragging !== false || !c.position) continue;
      const node = byId.get(c.id);
      if (!node) continue;
      if (node.parentId) {
        announce(translate('canvas.announce.childStays', { what: node.ariaLabel ?? node.id }));
        continue;
      }
      moved[c.id] = c.position;
      announce(translate('canvas.announce.moved', { what: node.ariaLabel ?? node.id, x: Math.round(c.position.x), y: Math.round(c.position.y) }));
    }
    commitPositions(moved);
  }, [snapDrag]);

  // Keyboard: Enter on a node and M are actions of the registry (renderer/actions/canvasActions.ts).
  const [moveRequest, setMoveRequest] = useState<MoveToTenantRequest | null>(null);
  useEffect(
    () =>
      registerActions(
        canvasActions({
          describe: (id) => {
            const node = nodesRef.current.find((n) => n.id === id);
            return node && node.selectable !== false ? (node.ariaLabel ?? id) : null;
          },
          requestMove: setMoveRequest,
        }),
      ),
    [],
  );
  const focusNode = useCallback((id: string) => {
    // The node may be re-created in another tenant (and first scrolled into view): try for a while.
    let attempts = 0;
    const tryFocus = () => {
      const el = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (el) el.focus({ preventScroll: true });
      else if (attempts++ < 30) setTimeout(tryFocus, 50);
    };
    setTimeout(tryFocus, 0);
  }, []);
  // A focused node that is deleted (Delete key) would leave focus on the page body and a keyboard
  // user at the top of the window: keep focus on the canvas, on its tenant or the first node.
  const lastFocused = useRef<{ id: string; parentId?: string } | null>(null);
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const el = event.target as HTMLElement;
    if (!el.classList.contains('react-flow__node')) return;
    const id = el.dataset.id ?? '';
    lastFocused.current = { id, parentId: nodesRef.current.find((n) => n.id === id)?.parentId };
  }, []);
  useEffect(() => {
    const focused = lastFocused.current;
    if (!focused || base.nodes.some((n) => n.id === focused.id)) return;
    lastFocused.current = null;
    const timer = setTimeout(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const fallback = (focused.parentId && wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(focused.parentId)}"]`)) || wrapper.current?.querySelector<HTMLElement>('.react-flow__node[tabindex="0"]');
      fallback?.focus({ preventScroll: true });
    }, 50);
    return () => clearTimeout(timer);
  }, [base]);

  const onMoveToTenant = useCallback(
    (tenantId: string) => {
      if (!moveRequest) return;
      setMoveRequest(null);
      if (moveChildToTenant(moveRequest.childId, tenantId)) {
        const tenant = useDocumentStore.getState().doc.tenants.find((x) => x.id === tenantId);
        useUiStore.getState().select([moveRequest.childId]);
        useUiStore.getState().revealIds([moveRequest.childId]);
        announce(translate('canvas.announce.movedToTenant', { what: moveRequest.what, tenant: tenant?.name ?? tenantId }));
      }
      focusNode(moveRequest.childId);
    },
    [moveRequest, focusNode],
  );
  const onCancelMove = useCallback(() => {
    if (moveRequest) focusNode(moveRequest.childId);
    setMoveRequest(null);
  }, [moveRequest, focusNode]);

  const onSelectionChange = useCallback(({ nodes: selected }: OnSelectionChangeParams) => {
    useUiStore.getState().select(selected.map((n) => n.id));
  }, []);

  const resync = useCallback(() => setNodes(withSelection(base.nodes, selectionRef.current)), [base]);

  const startGuides = guides.start;
  const stopGuides = guides.stop;
  const onNodeDragStart = useCallback(
    (_: unknown, node: Node, dragged: Node[]) => {
      useUiStore.getState().setDragging(dragged.map((n) => n.id));
      startGuides(node, dragged);
    },
    [startGuides],
  );

  const onNodeDragStop = useCallback(
    (_: unknown, __: Node, dragged: Node[]) => {
      useUiStore.getState().setDragging([]);
      // React Flow reports where the pointer put the nodes; a snap to a guide moved them further.
      const snap = stopGuides();
      const positions: Record<string, Position> = {};
      let modelChanged = false;
      for (const dropped of dragged) {
        const n = dropped.parentId ? dropped : { ...dropped, position: { x: dropped.position.x + snap.dx, y: dropped.position.y + snap.dy } };
        if (n.type === 'note') {
          updateNoteIn(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
        } else if (n.parentId && isChildKind(n.type ?? '')) {
          // A connector or rule: where did it land? Another tenant → move it in the model.
          const internal = flow.getInternalNode(n.id);
          const abs = internal?.internals.positionAbsolute ?? n.position;
          const center = { x: abs.x + (n.width ?? n.measured?.width ?? 0) / 2, y: abs.y + (n.height ?? n.measured?.height ?? 0) / 2 };
          const target = tenantAt(flow.getNodes(), center, n.id);
          if (target && target !== n.parentId) modelChanged = moveChildToTenant(n.id, target) || modelChanged;
          else if (!target) refuseDropOutsideTenant(n.type ?? 'inbound');
        } else if (!n.parentId) {
          positions[n.id] = n.position;
        }
      }
      commitPositions(positions, { x: snap.x, y: snap.y });
      // Children snap back into their tenant's layout; a refused drop returns to where it was.
      if (!modelChanged) resync();
    },
    [flow, resync, stopGuides],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  // Right-click menus (renderer/actions/contextActions.ts); "add here" places at the pointer.
  const openContextMenu = useContextMenuHandlers(flow);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      event.preventDefault();
      event.stopPropagation();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      if (isChildKind(kind)) {
        addEntity(kind, { tenantId: tenantAt(flow.getNodes(), point), dropped: true });
      } else {
        addEntity(kind, { position: point, dropped: true });
      }
    },
    [flow],
  );

  useEffect(() => {
    setCanvasApi({
      fitView: (ids) => (ids?.length ? fitIds(ids, 300) : fitAll(300)),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      viewportCenter: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        return rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      },
      boxesOf: (ids) =>
        ids.flatMap((id) => {
          const n = flow.getInternalNode(id);
          if (!n || n.parentId) return [];
          return [{ id, x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 }];
        }),
    });
    // The first fit (React Flow's `fitView` prop would fit every node, even of a large design).
    useUiStore.getState().revealIds([]);
    return () => setCanvasApi(null);
  }, [flow, fitAll, fitIds]);

  // Refit when the window (or a side panel) changes the canvas's size, unless the user has moved
  // the view; during playback the camera re-frames the current step instead.
  useEffect(() => {
    const el = wrapper.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { w: el.clientWidth, h: el.clientHeight };
    const observer = new ResizeObserver(() => {
      const now = { w: el.clientWidth, h: el.clientHeight };
      if (now.w === last.w && now.h === last.h) return;
      last = now;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const follow = useUiStore.getState().playbackActive ? getCameraFollower() : null;
        if (follow) follow();
        else if (!userMoved.current) fitAll(0);
      }, 120);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [fitAll]);
  // Switching between panning and the overview of a large design refits it.
  const firstMode = useRef(true);
  useEffect(() => {
    if (firstMode.current) {
      firstMode.current = false;
      return;
    }
    fitAll(200);
  }, [bigDesign, fitAll]);

  useEffect(() => {
    if (!reveal) return;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout>;
    const run = () => {
      const doc = useDocumentStore.getState().doc;
      const wanted = reveal.ids.length ? reveal.ids : [...doc.servers.slice(0, 3), ...doc.tenants.slice(0, 3)].map((e) => e.id);
      // Wait until newly derived nodes have reached React Flow before fitting.
      if (wanted.some((id) => !flow.getInternalNode(id)) && attempts++ < 40) {
        timer = setTimeout(run, 25);
        return;
      }
      if (reveal.ids.length) {
        void flow.fitView({ nodes: reveal.ids.map((id) => ({ id })), padding: 0.5, duration: 300, maxZoom: 1.1, minZoom: READABLE_ZOOM });
        return;
      }
      // A freshly opened document: its saved viewport, else the whole design — or, for a large
      // design, its first entities, so the first paint draws a screenful rather than every node.
      const saved = doc.view?.viewport;
      if (saved) {
        userMoved.current = true;
        void flow.setViewport(saved);
      }
      // Readable: the first view shows details and mounts only what it shows.
      else if (doc.servers.length + doc.tenants.length > LARGE_DOCUMENT) {
        // Its first entities at a readable size, from their top-left (never centred off screen).
        const rect = wrapper.current?.getBoundingClientRect();
        const first = union(
          wanted.flatMap((id) => {
            const n = flow.getInternalNode(id);
            return n ? [{ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w: n.measured.width ?? n.width ?? 0, h: n.measured.height ?? n.height ?? 0 }] : [];
          }),
        );
        if (rect && first) void flow.setViewport(fitBox(first, rect.width, rect.height, FIT_PAD, READABLE_ZOOM, 1, CONTROLS_W));
      }
      else fitAll(0);
    };
    timer = setTimeout(run, 30);
    return () => clearTimeout(timer);
  }, [reveal, flow, fitAll]);

  return (
    <div className="canvas-wrapper" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onFocus={onFocus} data-testid="canvas">
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={base.edges}
        nodeTypes={canvasNodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => useUiStore.getState().select([])}
        onPaneContextMenu={openContextMenu.onPane}
        onNodeContextMenu={openContextMenu.onNode}
        onSelectionContextMenu={openContextMenu.onSelection}
        onMoveStart={(event) => {
          // Only a user's pan or zoom has an event; fits and the playback camera do not.
          if (event) userMoved.current = true;
        }}
        nodesConnectable={true}
        isValidConnection={isSendsViaConnection}
        onConnect={onSendsViaConnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        snapToGrid={snapToGrid}
        snapGrid={[GRID, GRID]}
        // Zoomed in, only what is on screen is mounted (few nodes, full cards). Zoomed out, the
        // cheap low-detail boxes all stay mounted: mounting and unmounting the ones crossing the
        // edge on every frame of a pan cost more than keeping them (docs/performance.md).
        onlyRenderVisibleElements={!lowDetail}
        minZoom={0.05}
        maxZoom={2.5}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabelConfig}
        defaultEdgeOptions={{ type: 'smoothstep' }}
      >
        {!lowDetail && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />}
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          {/* Our fit (readable by construction), not React Flow's, which would zoom to any size. */}
          <ControlButton className="react-flow__controls-fitview" onClick={() => fitAll(300)} title={t('actions.view.fitView')} aria-label={t('actions.view.fitView')}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M1.5 5V1.5H5M11 1.5h3.5V5M14.5 11v3.5H11M5 14.5H1.5V11" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </ControlButton>
          <ControlButton
            onClick={() => useUiStore.getState().toggleMinimap()}
            title={t(showMinimap ? 'canvasView.hideMinimap' : 'canvasView.showMinimap')}
            aria-label={t(showMinimap ? 'canvasView.hideMinimap' : 'canvasView.showMinimap')}
            aria-pressed={showMinimap}
            data-testid="toggle-minimap"
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
              <rect x="8" y="8" width="5" height="4" fill="currentColor" />
            </svg>
          </ControlButton>
          <ControlButton
            onClick={() => useUiStore.getState().setBigDesign(bigDesign === 'pan' ? 'lowDetail' : 'pan')}
            title={t(bigDesign === 'pan' ? 'canvasView.bigDesignPan' : 'canvasView.bigDesignLowDetail')}
            aria-label={t(bigDesign === 'pan' ? 'canvasView.bigDesignPan' : 'canvasView.bigDesignLowDetail')}
            aria-pressed={bigDesign === 'lowDetail'}
            data-testid="toggle-big-design"
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              {bigDesign === 'pan' ? (
                <path d="M8 1.5v13M1.5 8h13M8 1.5l-2 2M8 1.5l2 2M8 14.5l-2-2M8 14.5l2-2M1.5 8l2-2M1.5 8l2 2M14.5 8l-2-2M14.5 8l-2 2" fill="none" stroke="currentColor" strokeWidth="1.3" />
              ) : (
                <path d="M2 2h5v5H2zM9 2h5v5H9zM2 9h5v5H2zM9 9h5v5H9z" fill="none" stroke="currentColor" strokeWidth="1.3" />
              )}
            </svg>
          </ControlButton>
        </Controls>
        {/* The document's nodes, not the drag-local ones: the minimap is redrawn on commit, not per frame of a drag. */}
        {showMinimap && <Minimap nodes={base.nodes} theme={theme} label={t('canvas.minimap')} />}
        <AlignmentGuides guides={guides.guides} />
      </ReactFlow>
      <CanvasAnnouncer />
      <ContextMenu />
      <FindBar />
      <ShortcutsDialog />
      {moveRequest && <MoveToTenantDialog request={moveRequest} tenants={doc.tenants} onMove={onMoveToTenant} onCancel={onCancelMove} />}
    </div>
  );
}
