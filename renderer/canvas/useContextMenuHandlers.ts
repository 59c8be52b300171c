/**
 * React Flow's context-menu events → the context menu of renderer/actions/contextActions.ts. A
 * right-click on a node outside the selection selects it first (draw.io, Visio), so the menu's
 * selection commands act on what was clicked; a node of a multi-selection opens the selection's menu.
 */
import { useMemo, type MouseEvent as ReactMouseEvent } from 'react';
import type { Node, ReactFlowInstance } from '@xyflow/react';
import { targetOfId, useContextMenu } from '../actions/contextActions';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { tenantAt, type FlowNode } from './documentToFlow';

type Flow = ReactFlowInstance<FlowNode>;

export function useContextMenuHandlers(flow: Flow) {
  return useMemo(() => {
    const place = (event: ReactMouseEvent | MouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      return { x: point.x, y: point.y, tenantId: tenantAt(flow.getNodes(), point) };
    };
    const onPane = (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      useContextMenu.getState().show({ target: 'pane', x: event.clientX, y: event.clientY, at: place(event) });
    };
    return {
      onPane,
      onNode(event: ReactMouseEvent, node: Node) {
        const target = targetOfId({ doc: useDocumentStore.getState().doc }, node.id);
        if (!target) return onPane(event);
        event.preventDefault();
        const selection = useUiStore.getState().selection;
        const inSelection = selection.includes(node.id);
        if (!inSelection) useUiStore.getState().select([node.id]);
        const multi = inSelection && selection.length > 1;
        useContextMenu.getState().show({ target: multi ? 'selection' : target, x: event.clientX, y: event.clientY, at: place(event) });
      },
      onSelection(event: ReactMouseEvent) {
        event.preventDefault();
        useContextMenu.getState().show({ target: 'selection', x: event.clientX, y: event.clientY, at: place(event) });
      },
    };
  }, [flow]);
}
