/**
 * The engine's diagnostics, as the renderer uses them. The rules live in shared/diagnostics (one set
 * of rules for the app and `mailflow lint`); the renderer only shows them.
 */
export type { Diagnostic } from '../shared/diagnostics/index';
export { lint } from '../shared/diagnostics/index';
