/** The page's title (the browser tab, the history, a shared link's preview): the view's name, then the app's. */
import { useEffect } from 'react';
import { useI18n } from '../i18n';

/** `page`: what the view shows (a section's name, a report's title); undefined while it loads. */
export function useTitle(page: string | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = page ? t('app.title', { page }) : t('app.titleBare');
  }, [page, t]);
}
