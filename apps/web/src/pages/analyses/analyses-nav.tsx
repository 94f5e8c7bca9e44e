import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useWorkspaceId } from '../../lib/membership';

/** The analytics area's views, in order: path below `/w/:id/analytics`, and the label key. */
const views = [
  ['', 'explorer'],
  ['/drivers', 'drivers'],
  ['/importance', 'importance'],
  ['/gaps', 'gaps'],
  ['/kano', 'kano'],
  ['/emotions', 'emotions'],
  ['/response-rate', 'responseRate'],
  ['/incidents', 'incidents'],
  ['/targets', 'targets'],
] as const;

/**
 * Links between the analytics views (explorer, analyses, incidents, targets), shown at the top
 * of each. Plain links in a landmark, the current one marked with aria-current; they wrap on a
 * narrow screen instead of scrolling sideways.
 */
export function AnalysesNav() {
  const { t } = useTranslation();
  const base = `/w/${useWorkspaceId()}/analytics`;
  const { pathname } = useLocation();
  const here = pathname.replace(/\/+$/, '');
  return (
    <nav aria-label={t('analyses.nav.label')}>
      <Group gap={4} wrap="wrap">
        {views.map(([path, key]) => {
          const to = `${base}${path}`;
          const current = here === to;
          return (
            <Button
              key={key}
              component={Link}
              to={to}
              size="compact-sm"
              variant={current ? 'light' : 'subtle'}
              aria-current={current ? 'page' : undefined}
            >
              {t(`analyses.nav.${key}`)}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}
