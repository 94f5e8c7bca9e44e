import { Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SurveyLink } from '@polku/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The script tag a site pastes to show the survey of an embed link (the widget, configured by
 * data-* attributes: apps/widget/src/main.ts). The widget loads from the link's own origin.
 */
export function widgetSnippet(link: Pick<SurveyLink, 'token' | 'url'>, language: string): string {
  const origin = new URL(link.url).origin;
  return `<script src="${origin}/widget.js" data-polku-link="${link.token}" data-trigger="button" data-language="${language}" async></script>`;
}

/**
 * A page holding only the snippet, for the preview frame. The frame is sandboxed to scripts and
 * same-origin requests: it can run the widget but not navigate or open windows.
 */
function previewDocument(snippet: string, lang: string, title: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body style="margin:0;min-height:100vh;font-family:system-ui;background:#f4f5f7">${snippet}</body></html>`;
}

function EmbedCard({ link }: { link: SurveyLink }) {
  const { t, i18n } = useTranslation();
  const [preview, setPreview] = useState(false);
  const snippet = widgetSnippet(link, i18n.language);
  const frameTitle = t('links.embed.previewOf', { name: link.name });
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Text fw={600}>{link.name}</Text>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {snippet}
        </Code>
        <Group gap="xs">
          <CopyButton value={snippet}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'green' : undefined}
                aria-label={`${copied ? t('common.copied') : t('links.embed.copy')}: ${link.name}`}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('links.embed.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            size="xs"
            variant="light"
            aria-expanded={preview}
            aria-label={`${preview ? t('links.embed.hidePreview') : t('links.embed.showPreview')}: ${link.name}`}
            onClick={() => setPreview((shown) => !shown)}
          >
            {preview ? t('links.embed.hidePreview') : t('links.embed.showPreview')}
          </Button>
        </Group>
        {preview && (
          <>
            <Text size="sm">{t('links.embed.previewHint')}</Text>
            <iframe
              title={frameTitle}
              srcDoc={previewDocument(snippet, i18n.language, frameTitle)}
              sandbox="allow-scripts allow-same-origin"
              style={{ width: '100%', height: 520, border: '1px solid #adb5bd', borderRadius: 4 }}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Every open embed link with its copy-paste widget snippet and a live preview of the widget. */
export function EmbedSnippets({ links }: { links: SurveyLink[] }) {
  const { t } = useTranslation();
  const embeds = links.filter((l) => l.channel === 'widget' && l.closedAt === null);
  if (embeds.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('links.embed.title')}
      </Title>
      <Text size="sm">{t('links.embed.intro')}</Text>
      {embeds.map((link) => (
        <EmbedCard key={link.id} link={link} />
      ))}
    </Stack>
  );
}
