import type { ReactNode } from 'react';

/*
 * Simple decorative icons for the portal's sections. They only repeat what the text says, so
 * they are hidden from assistive technology (aria-hidden) and never focusable.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="portal-icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
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
