// The labels a manifest may give its tables (`tableLabels`: what each holds, in the person's
// words), which the disclosure puts in its sentences ("read your water entries"). A label is the
// skill's own word about its own data, so the threat is a sentence that misleads or breaks the
// disclosure. Contract:
// - a label names a table the manifest declares (reads or writes): a label for anything else would
//   word data the skill never touches;
// - each is `{ en, pl }`, one line of at most MAX_TABLE_LABEL characters (validator/localized-line.ts);
// - the table's own name always stays in the item's details line, whatever the label says.
import type { Localized } from '../../../shared/i18n-types.ts';
import { MAX_TABLE_LABEL, type SkillManifest } from '../../../shared/skills/manifest.ts';
import type { FindingSink, Where } from './findings.ts';
import { isLocalizedLine } from './localized-line.ts';

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Every problem of the manifest's `tableLabels`, in both languages; none when it is absent. */
export function tableLabelProblems(manifest: Pick<SkillManifest, 'capabilities' | 'tableLabels'>): Localized[] {
  const labels: unknown = manifest.tableLabels;
  if (labels === undefined) return [];
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) {
    return [{ en: 'it must be an object from table names to { en, pl }.', pl: 'musi być obiektem: nazwa tabeli → { en, pl }.' }];
  }
  const declared = new Set([...manifest.capabilities.reads, ...manifest.capabilities.writes]);
  const found: Localized[] = [];
  for (const [table, label] of Object.entries(labels)) {
    if (!declared.has(table)) {
      found.push({ en: `“${shown(table)}” is not a table the manifest declares.`, pl: `„${shown(table)}” nie jest tabelą zadeklarowaną w manifeście.` });
    } else if (!isLocalizedLine(label, MAX_TABLE_LABEL)) {
      found.push({
        en: `the label of “${table}” must be { en, pl }, one line of at most ${MAX_TABLE_LABEL} characters each.`,
        pl: `etykieta „${table}” musi mieć postać { en, pl }, każda w jednym wierszu, najwyżej ${MAX_TABLE_LABEL} znaków.`,
      });
    }
  }
  return found;
}

export function checkManifestTableLabels(manifest: SkillManifest, anchor: Where, sink: FindingSink): void {
  for (const found of tableLabelProblems(manifest)) sink.add('manifest/bad-table-labels', anchor, found);
}
