import type { ReactNode } from 'react';

/*
 * Simple decorative icons for the portal's sections. They only repeat what the text says, so
 * they are hidden from assistive technology (aria-hidden) and never focusable.
 */
export function Icon({
  children,
  className = 'portal-icon',
  size = 28,
  strokeWidth = 2,
}: {
  children: ReactNode;
  className?: string;
  size?: number;
  strokeWidth?: number;
}) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** Two people: who helps. */
export function PeopleIcon() {
  return (
    <Icon>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M16 13.6c3.1-.4 5.5 2 5.5 5.4" />
    </Icon>
  );
}

/** A paper with a tick: consents. */
export function ConsentIcon() {
  return (
    <Icon>
      <path d="M6 2.5h8l4 4v15H6z" />
      <path d="M14 2.5v4h4" />
      <path d="m9 14 2 2 4-4" />
    </Icon>
  );
}

/** An eye: who has read. */
export function EyeIcon() {
  return (
    <Icon>
      <path d="M1.5 12S5.5 5 12 5s10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12z" />
      <circle cx="12" cy="12" r="3" />
    </Icon>
  );
}

/** A person: a child's card. */
export function PersonIcon() {
  return (
    <Icon>
      <circle cx="12" cy="7.5" r="4" />
      <path d="M4 21c0-4.4 3.6-8 8-8s8 3.6 8 8" />
    </Icon>
  );
}

/** A calendar: the next meeting. */
export function CalendarIcon() {
  return (
    <Icon>
      <rect x="3" y="4.5" width="18" height="16.5" rx="2" />
      <path d="M3 9.5h18M8 2.5v4M16 2.5v4" />
    </Icon>
  );
}

/** A list with a tick: the plan. */
export function PlanIcon() {
  return (
    <Icon>
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M8 8h8M8 12h8M8 16l1.5 1.5L12 15" />
    </Icon>
  );
}

/** A speech bubble: feedback after a meeting. */
export function FeedbackIcon() {
  return (
    <Icon>
      <path d="M4 5h16v11H9l-5 4z" />
    </Icon>
  );
}

/** A wheel with spokes: the wellbeing wheel. */
export function WheelIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="2" />
      <path d="M12 3v7M12 14v7M3 12h7M14 12h7M5.6 5.6l5 5M13.4 13.4l5 5M18.4 5.6l-5 5M10.6 13.4l-5 5" />
    </Icon>
  );
}
