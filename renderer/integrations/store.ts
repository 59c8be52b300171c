/**
 * Which integration dialog is open (export, example gallery, Exchange Online import, PowerShell,
 * diff). Kept apart from uiStore's confirm/choice dialogs, which answer a pending promise; these
 * are whole features that stay open until the user closes them.
 */
import { create } from 'zustand';

export type IntegrationDialog = 'export' | 'examples' | 'importExo' | 'powershell' | 'diff';

interface IntegrationState {
  open: IntegrationDialog | null;
  show(dialog: IntegrationDialog): void;
  close(): void;
}

export const useIntegrationStore = create<IntegrationState>()((set) => ({
  open: null,
  show: (open) => set({ open }),
  close: () => set({ open: null }),
}));
