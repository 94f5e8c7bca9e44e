import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Every table of the app sits in one of these: at its natural width when the page is wide
 * enough, else scrolled sideways inside the region, never cut or pushing the page wider. The
 * region is focusable and named (WCAG 2.1.1: a keyboard user can scroll it too; axe's
 * scrollable-region-focusable), and scrolls natively so it works with touch, wheel and keys.
 */
export function TableRegion(props: {
  /** What the table shows, as a screen reader announces the region (its caption or title). */
  label: string;
  /** Below this width the table scrolls instead of squeezing its columns further. */
  minWidth?: number;
  children: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Table.ScrollContainer
      minWidth={props.minWidth ?? 0}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={props.label}
      data-testid={props['data-testid']}
      className="table-region"
    >
      {props.children}
    </Table.ScrollContainer>
  );
}
