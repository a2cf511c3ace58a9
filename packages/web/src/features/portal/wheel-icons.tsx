import type { ReactNode } from 'react';
import { Icon } from './icons';

/*
 * Simple pictures for the wheel's areas in the portal ("Mitt hjul"). They only repeat the area's
 * name next to them, so they are hidden from assistive technology and never focusable. An area a
 * tenant adds itself gets a plain circle.
 */
function Picture({ children }: { children: ReactNode }) {
  return (
    <Icon className="portal-wheel-icon" size={40} strokeWidth={1.8}>
      {children}
    </Icon>
  );
}

const PICTURES: Record<string, ReactNode> = {
  // Trygg: a house with a heart.
  trygg: (
    <>
      <path d="M3 11 12 3.5 21 11" />
      <path d="M5.5 9.5V20.5h13V9.5" />
      <path d="M12 17.5s-3-1.9-3-3.8a1.6 1.6 0 0 1 3-.8 1.6 1.6 0 0 1 3 .8c0 1.9-3 3.8-3 3.8z" />
    </>
  ),
  // Må bra: a heart.
  ma_bra: <path d="M12 20.5S3 15 3 8.8A4.6 4.6 0 0 1 12 6.6a4.6 4.6 0 0 1 9 2.2c0 6.2-9 11.7-9 11.7z" />,
  // Utvecklas: a growing plant.
  utvecklas: (
    <>
      <path d="M12 21V10" />
      <path d="M12 13c0-3.5-2.5-6-6.5-6 0 3.5 2.5 6 6.5 6z" />
      <path d="M12 10c0-3.5 2.5-6.5 6.5-6.5 0 3.5-2.5 6.5-6.5 6.5z" />
      <path d="M7 21h10" />
    </>
  ),
  // Omvårdad: a hand holding a heart.
  omvardad: (
    <>
      <path d="M12 11s-3.5-2.2-3.5-4.5a1.9 1.9 0 0 1 3.5-1 1.9 1.9 0 0 1 3.5 1c0 2.3-3.5 4.5-3.5 4.5z" />
      <path d="M2.5 15.5h3l4 2h5a1.5 1.5 0 0 0 0-3H11" />
      <path d="M5.5 15.5v5h-3" />
      <path d="M14.5 17.5 19 15a1.6 1.6 0 0 1 2 2.4l-6 4.1H9.5" />
    </>
  ),
  // Aktiv: a ball in motion.
  aktiv: (
    <>
      <circle cx="14" cy="12" r="7" />
      <path d="M9 8.5c2 1 3 3 3 5.5M19 10c-2 .5-4 2-5 4.5M12.5 5.2c.8 1.6 2.8 2.8 5 2.5" />
      <path d="M2 9h3M1.5 13h3M2.5 17h3" />
    </>
  ),
  // Respekterad: a speech bubble and an ear that listens.
  respekterad: (
    <>
      <path d="M3.5 4.5h11a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2H9l-3.5 3v-3h-2a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2z" />
      <path d="M19 10.5a3 3 0 0 1 3 3c0 2-2 2.5-2 4.5a2.5 2.5 0 0 1-4.5 1.5" />
    </>
  ),
  // Ansvarstagande: a star.
  ansvarstagande: <path d="m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />,
  // Delaktig: three people together.
  delaktig: (
    <>
      <circle cx="12" cy="6.5" r="2.5" />
      <circle cx="5" cy="9.5" r="2" />
      <circle cx="19" cy="9.5" r="2" />
      <path d="M7.5 20c0-2.8 2-5 4.5-5s4.5 2.2 4.5 5" />
      <path d="M1.5 19c0-2.2 1.5-4 3.5-4 1 0 1.8.4 2.5 1M22.5 19c0-2.2-1.5-4-3.5-4-1 0-1.8.4-2.5 1" />
    </>
  ),
};

/** The picture for an area of the wheel (decorative). */
export function AreaIcon({ areaKey }: { areaKey: string }) {
  return <Picture>{PICTURES[areaKey] ?? <circle cx="12" cy="12" r="8" />}</Picture>;
}
