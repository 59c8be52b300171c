/** The designer's own actions (file, edit, insert, view, help). Playback and export add theirs. */
import { LANGUAGES } from '../../shared/i18n/languages';
import { applyLanguage, applyTheme } from '../app/preferences';
import { getCanvasApi } from '../canvas/canvasApi';
import { computeAutoLayout } from '../canvas/layout';
import { newDocument, openDocument, saveDocument } from '../files/fileController';
import { isChildKind, locateEntity, type PaletteKind } from '../model/entities';
import { getPlatform } from '../platform';
import { redo, undo, useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { setPositions } from '../model/entities';
import { addEntity, copySelection, cutSelection, deleteSelection, duplicateSelection, pasteClipboard, selectAll } from './editing';
import type { Action, ActionContext, ActionId } from './registry';

const hasEntitySelection = (ctx: ActionContext) => ctx.selection.some((id) => locateEntity(ctx.doc, id) !== null);

export const DOCUMENTATION_URL =
  'https://learn.microsoft.com/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail';

const PALETTE: Array<{ kind: PaletteKind; id: ActionId }> = [
  { kind: 'server', id: 'insert.server' },
  { kind: 'tenant', id: 'insert.tenant' },
  { kind: 'inbound', id: 'insert.inbound' },
  { kind: 'outbound', id: 'insert.outbound' },
  { kind: 'rule', id: 'insert.rule' },
  { kind: 'external', id: 'insert.external' },
];

export function coreActions(): Action[] {
  return [
    { id: 'file.new', labelKey: 'actions.file.new', group: 'file', shortcut: 'Alt+N', altShortcuts: ['Mod+N'], worksInTextFields: true, perform: () => newDocument() },
    { id: 'file.open', labelKey: 'actions.file.open', group: 'file', shortcut: 'Mod+O', worksInTextFields: true, perform: () => openDocument() },
    {
      id: 'file.save',
      labelKey: 'actions.file.save',
      group: 'file',
      shortcut: 'Mod+S',
      worksInTextFields: true,
      perform: async () => {
        await saveDocument(false);
      },
    },
    {
      id: 'file.saveAs',
      labelKey: 'actions.file.saveAs',
      group: 'file',
      shortcut: 'Shift+Mod+S',
      worksInTextFields: true,
      perform: async () => {
        await saveDocument(true);
      },
    },
    { id: 'edit.undo', labelKey: 'actions.edit.undo', group: 'edit', shortcut: 'Mod+Z', enabled: (c) => c.canUndo, perform: () => undo() },
    {
      id: 'edit.redo',
      labelKey: 'actions.edit.redo',
      group: 'edit',
      shortcut: 'Shift+Mod+Z',
      altShortcuts: ['Mod+Y'],
      enabled: (c) => c.canRedo,
      perform: () => redo(),
    },
    { id: 'edit.cut', labelKey: 'actions.edit.cut', group: 'edit', shortcut: 'Mod+X', enabled: hasEntitySelection, perform: () => cutSelection() },
    { id: 'edit.copy', labelKey: 'actions.edit.copy', group: 'edit', shortcut: 'Mod+C', enabled: hasEntitySelection, perform: () => copySelection().then(() => undefined) },
    { id: 'edit.paste', labelKey: 'actions.edit.paste', group: 'edit', shortcut: 'Mod+V', perform: () => pasteClipboard() },
    { id: 'edit.duplicate', labelKey: 'actions.edit.duplicate', group: 'edit', shortcut: 'Mod+D', enabled: hasEntitySelection, perform: () => duplicateSelection() },
    {
      id: 'edit.delete',
      labelKey: 'actions.edit.delete',
      group: 'edit',
      shortcut: 'Delete',
      altShortcuts: ['Backspace'],
      enabled: hasEntitySelection,
      perform: () => deleteSelection(),
    },
    { id: 'edit.selectAll', labelKey: 'actions.edit.selectAll', group: 'edit', shortcut: 'Mod+A', perform: () => selectAll() },
    {
      id: 'edit.deselect',
      labelKey: 'actions.edit.deselect',
      group: 'edit',
      shortcut: 'Escape',
      enabled: (c) => c.selection.length > 0,
      perform: () => useUiStore.getState().select([]),
    },
    ...PALETTE.map(
      (p): Action => ({
        id: p.id,
        labelKey: `kinds.${p.kind}`,
        group: 'insert',
        perform: (ctx) => {
          // From a context menu: at the pointer, into the tenant under it (as a palette drop).
          if (ctx.at) addEntity(p.kind, isChildKind(p.kind) ? { tenantId: ctx.at.tenantId, dropped: true } : { position: ctx.at, dropped: true });
          else addEntity(p.kind);
        },
      }),
    ),
    { id: 'view.fitView', labelKey: 'actions.view.fitView', group: 'view', shortcut: 'Shift+1', perform: () => getCanvasApi()?.fitView() },
    { id: 'view.zoomIn', labelKey: 'actions.view.zoomIn', group: 'view', shortcut: 'Mod+=', perform: () => getCanvasApi()?.zoomIn() },
    { id: 'view.zoomOut', labelKey: 'actions.view.zoomOut', group: 'view', shortcut: 'Mod+-', perform: () => getCanvasApi()?.zoomOut() },
    {
      id: 'view.autoLayout',
      labelKey: 'actions.view.autoLayout',
      group: 'view',
      shortcut: 'Shift+Mod+L',
      enabled: (c) => c.doc.tenants.length + c.doc.servers.length > 0,
      perform: async (ctx) => {
        const positions = await computeAutoLayout(ctx.doc);
        // The document may have changed while elk ran; lay out what is there now, as one step.
        const doc = useDocumentStore.getState().doc;
        const known = Object.fromEntries(Object.entries(positions).filter(([id]) => locateEntity(doc, id)));
        useDocumentStore.getState().commit(setPositions(doc, known));
        setTimeout(() => getCanvasApi()?.fitView(), 50);
      },
    },
    {
      id: 'view.toggleTheme',
      labelKey: 'actions.view.toggleTheme',
      group: 'view',
      shortcut: 'Alt+T',
      checked: () => useUiStore.getState().theme === 'dark',
      perform: () => applyTheme(useUiStore.getState().theme === 'dark' ? 'light' : 'dark'),
    },
    {
      id: 'view.toggleLanguage',
      labelKey: 'actions.view.toggleLanguage',
      group: 'view',
      // The next language of the list, round.
      perform: () => applyLanguage(LANGUAGES[(LANGUAGES.indexOf(useUiStore.getState().language) + 1) % LANGUAGES.length]),
    },
    {
      id: 'view.toggleMinimap',
      labelKey: 'actions.view.toggleMinimap',
      group: 'view',
      checked: () => useUiStore.getState().minimapVisible(),
      perform: () => useUiStore.getState().toggleMinimap(),
    },
    {
      id: 'view.toggleSnap',
      labelKey: 'actions.view.toggleSnap',
      group: 'view',
      checked: () => useUiStore.getState().snapToGrid,
      perform: () => useUiStore.getState().toggleSnap(),
    },
    {
      id: 'view.diagnostics',
      labelKey: 'actions.view.diagnostics',
      group: 'view',
      shortcut: 'Alt+D',
      perform: () => useUiStore.getState().setRightTab('diagnostics'),
    },
    {
      id: 'help.documentation',
      labelKey: 'actions.help.documentation',
      group: 'help',
      perform: () => getPlatform().openExternal(DOCUMENTATION_URL),
    },
    {
      id: 'help.about',
      labelKey: 'actions.help.about',
      group: 'help',
      perform: () =>
        new Promise<void>((resolve) =>
          useUiStore.getState().setDialog({
            kind: 'about',
            resolve: () => {
              useUiStore.getState().setDialog(null);
              resolve();
            },
          }),
        ),
    },
  ];
}
