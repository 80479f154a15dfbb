/**
 * Shared links to one promise: `/check/<place>/<year>/item/<key>` answers the web app's page with its
 * <title> and Open Graph tags naming the promise and its verdict, so a chat or a feed previews the
 * link; the app then opens the same view at its hash route. Everything put in the page is escaped.
 */
import type { Context } from 'hono';
import { ReportNotFound } from '../check/from-store.js';
import { ruledScorecard } from '../rulings/scorecard.js';
import type { CheckItem } from '../check/types.js';
import { escapeHtml } from '../ledger/views.js';
import type { Repository } from '../store/repository.js';
import { MACHINE_MARK, VERDICT_LABELS } from '../vocab.js';

/** Long enough to name a promise in a preview, short enough for a tab. */
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The page's head for one promise: title, description, Open Graph. */
export function promiseHead(place: string, year: number, item: CheckItem): { title: string; description: string } {
  const title = `${clip(item.commitment, 40)} · ${place}${year}年承诺核对 · 落实 Luoshi`;
  // Who decided: a reviewer's signed ruling (with its reason), or the machine's proposal.
  const by = item.ruling ? `（${item.ruling.reviewer}复核${item.ruling.reason ? `：${item.ruling.reason}` : ''}）` : `（${MACHINE_MARK.zh}）`;
  const description = `${VERDICT_LABELS[item.verdict].zh}${by}。${item.reason.text}`;
  return { title, description };
}

/** `html` (the app's index.html) with its <title> replaced and the description and Open Graph tags added. */
export function fillHead(html: string, head: { title: string; description: string }): string {
  const title = escapeHtml(head.title);
  const description = escapeHtml(head.description);
  const meta = [
    `<meta name="description" content="${description}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:site_name" content="落实 Luoshi" />`,
  ].join('\n    ');
  // A function as replacement: `$&`-like patterns in the promise's words stay text.
  return html.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>\n    ${meta}`);
}

/** Answers the app's page for a promise's path, or undefined when there is no page to fill (no web build). */
export async function sharePage(c: Context, repo: Repository, files: (path: string) => Promise<Response | undefined>): Promise<Response | undefined> {
  const page = await files('/index.html');
  if (!page) return undefined;
  const html = await page.text();
  const { place, year, key } = c.req.param() as { place: string; year: string; key: string };
  const found = /^\d{4}$/.test(year)
    ? await ruledScorecard(repo, place, Number(year)).catch((e: unknown) => {
        if (e instanceof ReportNotFound) return undefined;
        throw e;
      })
    : undefined;
  const item = found?.items.find((i) => i.key === key);
  const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' };
  // An unknown promise still gets the app, which says what is missing.
  if (!item) return new Response(html, { status: 404, headers });
  return new Response(fillHead(html, promiseHead(place, Number(year), item)), { status: 200, headers });
}
