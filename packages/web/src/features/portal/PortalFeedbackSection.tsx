import type { PortalRelation } from './api';

/** Being built (issue 7). */
export function PortalFeedbackSection(_props: { child: string; relation: PortalRelation }) {
  return null;
}
