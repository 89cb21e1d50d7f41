import type { SkillCapabilities } from '../../../shared/skills/manifest.ts';
import type { UsedCapabilities } from '../../../shared/skills/audit.ts';
import type { CapabilitySites } from './capability-extractor.ts';
import type { FindingSink, NameRuleId, Where } from './findings.ts';

const LISTS = [
  { key: 'reads', undeclared: 'capability/undeclared-read', unused: 'capability/unused-read' },
  { key: 'writes', undeclared: 'capability/undeclared-write', unused: 'capability/unused-write' },
  { key: 'http', undeclared: 'capability/undeclared-http', unused: 'capability/unused-http' },
  { key: 'skills', undeclared: 'capability/undeclared-skill', unused: 'capability/unused-skill' },
] as const satisfies readonly { key: string; undeclared: NameRuleId; unused: NameRuleId }[];

/**
 * What the code touches against what the manifest declares: anything undeclared blocks (it would
 * go undisclosed); anything declared but unused only warns (it asks for more than it needs).
 * Unused declarations point at `anchor` (the executor class), since the manifest has no lines.
 */
export function compareCapabilities(
  used: UsedCapabilities,
  sites: CapabilitySites,
  declared: SkillCapabilities,
  anchor: Where,
  sink: FindingSink,
): void {
  for (const list of LISTS) {
    const declaredItems = new Set(declared[list.key]);
    const usedItems = new Set(used[list.key]);
    for (const item of usedItems) {
      if (!declaredItems.has(item)) sink.addName(list.undeclared, sites[list.key].get(item) ?? anchor, item);
    }
    for (const item of declaredItems) {
      if (!usedItems.has(item)) sink.addName(list.unused, anchor, item);
    }
  }
  if (used.notifications && !declared.notifications) sink.add('capability/undeclared-notification', sites.notifications ?? anchor);
  if (declared.notifications && !used.notifications) sink.add('capability/unused-notification', anchor);
}
