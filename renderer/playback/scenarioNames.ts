/**
 * A scenario's name and description as shown in a language: the lookup lives in
 * shared/i18n/gallery.ts so the CLI and the exported diagram use the same words.
 */
export { documentDisplayTitle, scenarioDisplayDescription, scenarioDisplayName } from '../../shared/i18n/gallery';
