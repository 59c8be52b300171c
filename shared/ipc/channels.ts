/**
 * IPC channel names, kept free of imports so the sandboxed preload can use them without bundling
 * the payload schemas (`contract.ts`).
 */
export const IPC_CHANNELS = {
  openDialog: 'mailflow:open-dialog',
  openPath: 'mailflow:open-path',
  openDropped: 'mailflow:open-dropped',
  save: 'mailflow:save',
  exportFile: 'mailflow:export-file',
  listRecent: 'mailflow:list-recent',
  writeDraft: 'mailflow:write-draft',
  listDrafts: 'mailflow:list-drafts',
  discardDraft: 'mailflow:discard-draft',
  getSettings: 'mailflow:get-settings',
  setSettings: 'mailflow:set-settings',
  getSystemInfo: 'mailflow:get-system-info',
  setDocumentState: 'mailflow:set-document-state',
  openExternal: 'mailflow:open-external',
  closeWindow: 'mailflow:close-window',
  setMenu: 'mailflow:set-menu',
  // main → renderer
  menuAction: 'mailflow:menu-action',
  openRequest: 'mailflow:open-request',
  systemChanged: 'mailflow:system-changed',
} as const;
