/**
 * A scenario's name as shown in a language. A document holds one name per scenario; the gallery
 * (examples/index.json `scenarioNames`) gives its examples' scenarios a name in each language, so
 * a gallery scenario still named as the example names it shows its Japanese name in Japanese. Any
 * other name is the user's and is shown as is.
 */
import gallery from '../../examples/index.json';

type Names = Record<string, { en: string; ja: string } | undefined>;
const ENTRIES = (gallery as { examples: Array<{ scenarioNames?: Names }> }).examples;

export function scenarioDisplayName(scenario: { id: string; name: string }, lang: string): string {
  if (lang !== 'ja') return scenario.name;
  for (const entry of ENTRIES) {
    const names = entry.scenarioNames?.[scenario.id];
    if (names && names.en === scenario.name) return names.ja;
  }
  return scenario.name;
}
