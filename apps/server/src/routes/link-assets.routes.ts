import type { Language } from '@polku/contracts';
import { DomainError } from '@polku/core';
import QRCode from 'qrcode';
import type { FileRouteHandler } from '../http/file-routes.js';
import type { Services } from '../services.js';

const sheetText: Record<Language, { heading: string; body: string; scan: string }> = {
  fi: {
    heading: 'Kerro meille, miten onnistuimme',
    body: 'Vastaaminen vie minuutin. Luemme jokaisen vastauksen.',
    scan: 'Skannaa koodi puhelimen kameralla tai avaa osoite:',
  },
  sv: {
    heading: 'Berätta hur vi lyckades',
    body: 'Det tar en minut att svara. Vi läser varje svar.',
    scan: 'Skanna koden med mobilkameran eller öppna adressen:',
  },
  en: {
    heading: 'Tell us how we did',
    body: 'It takes a minute to answer. We read every response.',
    scan: 'Scan the code with your phone camera or open:',
  },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** QR codes and printable sheets for a survey link (for a shop counter or a delivery slip). */
export function linkAssetHandlers({
  surveys,
}: Services): Record<'linkQrSvg' | 'linkQrPng' | 'linkSheet', FileRouteHandler> {
  const findLink = async (c: Parameters<FileRouteHandler>[0]) => {
    const link = (await surveys.listLinks(c.auth, c.params.surveyId ?? '')).find(
      (l) => l.id === c.params.linkId,
    );
    if (!link) throw new DomainError('NOT_FOUND');
    return link;
  };
  return {
    linkQrSvg: async (c) =>
      QRCode.toString((await findLink(c)).url, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      }),
    linkQrPng: async (c) =>
      QRCode.toBuffer((await findLink(c)).url, {
        type: 'png',
        errorCorrectionLevel: 'M',
        margin: 2,
        width: Number(c.query.size ?? 512),
      }),
    linkSheet: async (c) => {
      const link = await findLink(c);
      const survey = await surveys.get(c.auth, link.surveyId);
      const requested = c.query.lang as Language | undefined;
      const lang =
        requested && survey.draft.languages.includes(requested)
          ? requested
          : survey.draft.defaultLanguage;
      const text = sheetText[lang];
      const size = c.query.size === 'a5' ? 'A5' : 'A4';
      const qr = await QRCode.toString(link.url, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 0,
      });
      const title = survey.draft.title[lang] ?? survey.name;
      // A page under /api gets no page CSP from the hook; this one needs nothing but its own styles.
      c.reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: ${size}; margin: 15mm; }
body { font-family: system-ui, sans-serif; color: #111; text-align: center; margin: 0; }
main { max-width: ${size === 'A4' ? '170mm' : '115mm'}; margin: 0 auto; padding-top: 10mm; }
h1 { font-size: ${size === 'A4' ? '28pt' : '20pt'}; margin: 0 0 6mm; }
p { font-size: ${size === 'A4' ? '14pt' : '11pt'}; margin: 0 0 6mm; }
.qr { width: ${size === 'A4' ? '110mm' : '75mm'}; margin: 4mm auto 8mm; }
.qr svg { width: 100%; height: auto; }
.url { font-family: ui-monospace, monospace; font-size: ${size === 'A4' ? '13pt' : '10pt'}; word-break: break-all; }
</style></head>
<body><main>
<h1>${escapeHtml(text.heading)}</h1>
<p>${escapeHtml(title)}</p>
<div class="qr" role="img" aria-label="QR">${qr}</div>
<p>${escapeHtml(text.body)}</p>
<p>${escapeHtml(text.scan)}</p>
<p class="url">${escapeHtml(link.url)}</p>
</main></body></html>`;
    },
  };
}
