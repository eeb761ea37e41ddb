import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a narrow screen, inside a region the keyboard can reach and
 * scroll (WCAG 2.1.1), named by its caption for screen readers. The children are the table's rows
 * (thead, tbody).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      className="table-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className="ds-table" data-border>
        <caption className="ds-sr-only">{label}</caption>
        {children}
      </table>
    </section>
  );
}
