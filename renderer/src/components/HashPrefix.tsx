/** The first characters of a SHA-256, enough to tell versions apart at a glance; the whole hash on hover. */
export function HashPrefix({ sha256, title }: { sha256: string; title?: string }) {
  return <code className="hash" title={title ?? sha256}>{sha256.slice(0, 12)}</code>;
}
