import type { ReactNode } from "react";
import { Link } from "react-router";

/** A page's h1, with the way back to where it belongs above it (the eyebrow link). */
export function PageHeading({
  back,
  children,
}: {
  back: { to: string; label: ReactNode };
  children: ReactNode;
}) {
  return (
    <>
      <p className="ds-paragraph eyebrow">
        <Link className="ds-link" to={back.to}>
          {back.label}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {children}
      </h1>
    </>
  );
}
