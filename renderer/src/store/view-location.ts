export const VIEWS = ['today', 'reviews', 'new-skill', 'skills', 'marketplace', 'notifications', 'schedules', 'activity', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

/** The view named in the URL's fragment (#skills, or #skills/<slug> for a skill's detail), so a reload stays where the person was. */
export function viewFromHash(hash: string): ViewId {
  const name = hash.replace(/^#/, '').split('/')[0];
  return VIEWS.find((view) => view === name) ?? 'today';
}

export function showViewInLocation(view: ViewId): void {
  history.replaceState(null, '', `#${view}`);
}
