/// <reference types="vite/client" />
import type { MailflowDesktopApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload). */
    mailflow?: MailflowDesktopApi;
    /** Set by end-to-end tests before the app starts. */
    __MAILFLOW_TEST__?: boolean;
    /** Read-only test hook, only when `__MAILFLOW_TEST__` is set. */
    __mailflow?: {
      getDocument(): unknown;
      getSelection(): string[];
      /** Makes the next render below the error boundary throw (renderer/app/ErrorBoundary.tsx). */
      crash(): void;
    };
  }
}
export {};
