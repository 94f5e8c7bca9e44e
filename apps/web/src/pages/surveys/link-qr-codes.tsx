import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Language, SurveyLink } from '@polku/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileRouteUrl } from '../../api/distribution';
import { currentLanguage } from '../../i18n/i18n';

/** A file name from a link's name: `qr-myymalan-tiski.svg`. */
function fileNameOf(link: SurveyLink, extension: string): string {
  const slug = link.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `qr-${slug || link.id}.${extension}`;
}

function LinkQrCard(props: { link: SurveyLink; workspaceId: string; language: Language }) {
  const { t } = useTranslation();
  const { link } = props;
  const params = { workspaceId: props.workspaceId, surveyId: link.surveyId, linkId: link.id };
  const sheet = (size: 'a4' | 'a5') =>
    fileRouteUrl('linkSheet', params, { size, lang: props.language });
  const label = (action: string) => t('distribution.qr.of', { action, name: link.name });
  const newTab = (action: string) => t('distribution.qr.newTab', { action, name: link.name });
  return (
    <Paper withBorder p="sm" radius="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <img
          src={fileRouteUrl('linkQrSvg', params)}
          alt={t('distribution.qr.preview', { name: link.name })}
          width={88}
          height={88}
          style={{ flex: 'none', background: 'white' }}
        />
        <Stack gap={6} miw={0}>
          <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {link.name}
          </Text>
          <Group gap={6} wrap="wrap">
            <Button
              component="a"
              size="compact-sm"
              variant="default"
              href={fileRouteUrl('linkQrSvg', params)}
              download={fileNameOf(link, 'svg')}
              aria-label={label(t('distribution.qr.svg'))}
            >
              {t('distribution.qr.svg')}
            </Button>
            <Button
              component="a"
              size="compact-sm"
              variant="default"
              href={fileRouteUrl('linkQrPng', params, { size: 1024 })}
              download={fileNameOf(link, 'png')}
              aria-label={label(t('distribution.qr.png'))}
            >
              {t('distribution.qr.png')}
            </Button>
            {(['a4', 'a5'] as const).map((size) => {
              const action = t(
                size === 'a4' ? 'distribution.qr.sheetA4' : 'distribution.qr.sheetA5',
              );
              return (
                <Button
                  key={size}
                  component="a"
                  size="compact-sm"
                  variant="default"
                  href={sheet(size)}
                  target="_blank"
                  rel="noopener"
                  aria-label={newTab(action)}
                >
                  {action}
                </Button>
              );
            })}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

/** QR codes of the survey's open links, to download or print on an A4 or A5 sheet. */
export function LinkQrCodes(props: {
  workspaceId: string;
  links: SurveyLink[];
  languages: Language[];
  defaultLanguage: Language;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [language, setLanguage] = useState<Language>(
    props.languages.includes(ui) ? ui : props.defaultLanguage,
  );
  const titleId = useId();
  const open = props.links.filter((l) => l.closedAt === null);
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        {t('distribution.qr.title')}
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('distribution.qr.none')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('distribution.qr.hint')}
          </Text>
          <NativeSelect
            label={t('distribution.qr.sheetLanguage')}
            maw={240}
            value={language}
            data={props.languages.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            onChange={(e) =>
              setLanguage(props.languages.find((l) => l === e.currentTarget.value) ?? language)
            }
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xs">
            {open.map((link) => (
              <LinkQrCard
                key={link.id}
                link={link}
                workspaceId={props.workspaceId}
                language={language}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
