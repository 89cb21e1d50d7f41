export const VIEWS = ['reviews', 'new-skill', 'skills', 'activity', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

/** The view named in the URL's fragment (#skills), so a reload stays where the person was. */
export function viewFromHash(hash: string): ViewId {
  const name = hash.replace(/^#/, '');
  return VIEWS.find((view) => view === name) ?? 'reviews';
}

export function showViewInLocation(view: ViewId): void {
  history.replaceState(null, '', `#${view}`);
}
