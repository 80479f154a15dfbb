/** The page's title (the browser tab, the history, a shared link's preview): the view's name, then the app's. */
import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** `page`: what the view shows (a section's name, a report's title); undefined (still loading, not found) leaves the title as it is. */
export function useTitle(page: string | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    if (page) document.title = t('app.title', { page });
  }, [page, t]);
}
