"use client";

import type { ReactNode } from "react";

/**
 * The "start without signing up" link. It passes the browser's time zone along, so a new learner's day
 * turns over at 04:00 where they are (Seoul is only the default when the browser does not say).
 */
export function StartLink({ next, className, children, testId }: { next: string; className?: string; children: ReactNode; testId?: string }) {
  const href = `/start?next=${encodeURIComponent(next)}`;
  return (
    <a
      href={href}
      className={className}
      data-testid={testId}
      onClick={(event) => {
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (!timeZone) return;
        event.preventDefault();
        window.location.assign(`${href}&tz=${encodeURIComponent(timeZone)}`);
      }}
    >
      {children}
    </a>
  );
}
