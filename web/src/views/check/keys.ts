/** A promise's address: `#/check/<place>/<year>/item/<key>`, and the server's path form for shared links. */

/** The hash route of a scorecard, or of one of its items. */
export function checkPath(place: string, year: string | number, key?: string): string {
  const base = `check/${encodeURIComponent(place)}/${year}`;
  return key ? `${base}/item/${encodeURIComponent(key)}` : base;
}

/** The link to share: the server fills the page's title and preview for it, then opens the hash route. */
export function shareUrl(place: string, year: string | number, key: string): string {
  return `${location.origin}/${checkPath(place, year, key)}`;
}
