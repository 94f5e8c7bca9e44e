import { useDocumentTitle } from '@mantine/hooks';

/** Sets the browser tab title of a page: "Page · Polku". */
export function usePageTitle(title: string): void {
  useDocumentTitle(title ? `${title} · Polku` : 'Polku');
}
