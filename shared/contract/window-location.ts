// Where the window shows something, as its URL fragment: main opens the window there (a click on a
// notification, the tray menu) and the renderer follows it. Only these two shapes are places.

/** The Notifications view. */
export const NOTIFICATIONS_LOCATION = '#notifications';

/** A skill's detail, over the Skills view: `#skills/custom-water-tracker`. */
export function skillLocation(slug: string): string {
  return `#skills/${encodeURIComponent(slug)}`;
}

/** The skill a fragment points at (`#skills/<slug>`), or null. */
export function skillInLocation(hash: string): string | null {
  const match = /^#skills\/([A-Za-z0-9-]{1,80})$/.exec(hash);
  return match ? match[1]! : null;
}
