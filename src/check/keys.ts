/**
 * A scorecard item's address in links (`#/check/<place>/<year>/item/<key>`): the API's stable key when
 * the item carries one, else the promise's kind and its span in the plan report. Pure, for the web app too.
 */
import type { CheckItem } from './types.js';

export function itemKey(item: CheckItem): string {
  const key = (item as CheckItem & { readonly key?: string }).key;
  return key ?? `${item.source === 'target' ? 't' : 'c'}${item.plan_span.start}-${item.plan_span.end}`;
}
