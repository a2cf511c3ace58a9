import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useLocalize } from '../../i18n/localize';
import { FormAlert } from '../../ui/FormAlert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { markAllNotificationsRead, markNotificationRead, notificationKeys, useNotifications, type AppNotification } from './api';
import './notifications.css';

/** Date and time in Swedish local time, e.g. "4 juni 2027 13:05". */
function useDateTime() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const format = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' }), [locale]);
  return (iso: string) => format.format(new Date(iso));
}

/**
 * "Aviseringar": the user's own notifications, newest first. Unread ones carry the tag "Oläst";
 * opening one marks it read. The server decides what the user may see behind each link.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const dateTime = useDateTime();
  const qc = useQueryClient();
  const list = useNotifications();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [markingAll, setMarkingAll] = useState(false);
  const items = list.data?.items ?? [];
  const unread = list.data?.unreadCount ?? 0;

  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.mine });

  const open = (n: AppNotification) => {
    if (n.read) return;
    // The link navigates at once; the notification is marked read on the way.
    void markNotificationRead(n.id).then(refresh, setError);
  };

  const markAll = async () => {
    setError(null);
    setStatus('');
    setMarkingAll(true);
    try {
      await markAllNotificationsRead();
      await refresh();
      setStatus(t('notifications.markedAllRead'));
    } catch (e) {
      setError(e);
    } finally {
      setMarkingAll(false);
    }
  };

  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <FormAlert error={list.error} />}
      <FormAlert error={error} />
      {list.isSuccess && items.length === 0 && <Paragraph>{t('notifications.none')}</Paragraph>}
      {items.length > 0 && (
        <div className="notifications-actions">
          <Paragraph>{unread > 0 ? t('notifications.unreadSummary', { count: unread }) : t('notifications.allRead')}</Paragraph>
          {unread > 0 && (
            <Button type="button" variant="secondary" data-size="sm" loading={markingAll} onClick={() => void markAll()}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </div>
      )}
      <div role="status">{status && <Paragraph data-size="sm">{status}</Paragraph>}</div>
      {items.length > 0 && (
        <ul className="notification-list" aria-label={t('notifications.listLabel')}>
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification--unread'}>
              <div className="notification__meta">
                {!n.read && (
                  <Tag data-size="sm" data-color="accent">
                    {t('notifications.unread')}
                  </Tag>
                )}
                <span>{t(`notifications.kind.${n.kind}`)}</span>
                <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              </div>
              <Link asChild>
                <RouterLink to={n.link} onClick={() => open(n)}>
                  {localize(n.titleSv, n.titleEn)}
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
