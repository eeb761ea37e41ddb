import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a narrow screen, inside a named group the keyboard can reach and
 * scroll (WCAG 2.1.1), named by its caption for screen readers. The children are the table's rows
 * (thead, tbody). However many columns it has, the page itself never gets wider than the screen.
 */
export function ScrollTable({
  label,
  className,
  size,
  children,
}: {
  label: string;
  /** More classes for the table, e.g. "heatmap". */
  className?: string;
  size?: "sm";
  children: ReactNode;
}) {
  return (
    // A named group, not a region: a page of tables would otherwise be a page of landmarks, each
    // named like the section around it (axe: landmark-unique). A fieldset is for form controls.
    // biome-ignore lint/a11y/useSemanticElements: this groups a table, not form controls
    <div
      role="group"
      className="table-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
    >
      <table className={className ? `ds-table ${className}` : "ds-table"} data-border data-size={size}>
        <caption className="ds-sr-only">{label}</caption>
        {children}
      </table>
    </div>
  );
}
