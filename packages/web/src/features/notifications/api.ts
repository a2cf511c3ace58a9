import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';

export type NotificationKind = 'invitation' | 'decision_assigned' | 'feedback_due' | 'agenda_changed' | 'handover_requested' | 'handover_answered';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  titleSv: string;
  titleEn: string;
  /** An app path, e.g. /moten/<id>. */
  link: string;
  read: boolean;
  createdAt: string;
}

export interface NotificationList {
  items: AppNotification[];
  unreadCount: number;
}

export const notificationKeys = {
  mine: ['notifications', 'mine'] as const,
};

/** Client errors (400, 404 …) will not change on retry. */
const retryServerErrors = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

/**
 * The user's own notifications (newest 50) and the unread count for the menu. Each read is
 * audited on the server, so the menu polls gently: every two minutes and when the window regains focus.
 */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.mine,
    queryFn: () => api.get<NotificationList>('/me/notifications'),
    retry: retryServerErrors,
    refetchInterval: 120_000,
    refetchOnWindowFocus: true,
  });
}

export const markNotificationRead = (id: string) => api.post<void>(`/me/notifications/${encodeURIComponent(id)}/read`);

export const markAllNotificationsRead = () => api.post<void>('/me/notifications/read-all');
