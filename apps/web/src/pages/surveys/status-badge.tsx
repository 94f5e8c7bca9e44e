import { Badge } from '@mantine/core';
import type { Survey } from '@polku/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<Survey['status'], string> = {
  draft: 'gray',
  published: 'green',
  closed: 'red',
};

/** A survey's status: draft, published or closed. */
export function StatusBadge({ status }: { status: Survey['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]}>
      {t(`surveys.statuses.${status}`)}
    </Badge>
  );
}
