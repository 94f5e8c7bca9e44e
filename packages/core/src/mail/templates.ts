import type { Language, Role } from '@polku/contracts';

export interface MailContent {
  subject: string;
  text: string;
}

const roleNames: Record<Language, Record<Role, string>> = {
  fi: {
    owner: 'omistaja',
    admin: 'ylläpitäjä',
    analyst: 'analyytikko',
    agent: 'asiakaspalvelija',
    viewer: 'katselija',
  },
  sv: {
    owner: 'ägare',
    admin: 'administratör',
    analyst: 'analytiker',
    agent: 'handläggare',
    viewer: 'läsare',
  },
  en: { owner: 'owner', admin: 'admin', analyst: 'analyst', agent: 'agent', viewer: 'viewer' },
};

/** The invitation email, in the language the inviter chose. */
export function invitationMail(
  language: Language,
  v: {
    workspaceName: string;
    inviterName: string;
    role: Role;
    link: string;
    expiresInDays: number;
  },
): MailContent {
  const role = roleNames[language][v.role];
  switch (language) {
    case 'fi':
      return {
        subject: `Kutsu työtilaan ${v.workspaceName} – Polku`,
        text: `Hei,\n\n${v.inviterName} kutsui sinut Polun työtilaan "${v.workspaceName}" roolilla ${role}.\n\nHyväksy kutsu tästä:\n${v.link}\n\nLinkki on voimassa ${v.expiresInDays} päivää. Jos et odottanut kutsua, voit jättää viestin huomiotta.\n\n– Polku`,
      };
    case 'sv':
      return {
        subject: `Inbjudan till arbetsytan ${v.workspaceName} – Polku`,
        text: `Hej,\n\n${v.inviterName} har bjudit in dig till arbetsytan "${v.workspaceName}" i Polku med rollen ${role}.\n\nTacka ja här:\n${v.link}\n\nLänken gäller i ${v.expiresInDays} dagar. Om du inte väntade dig inbjudan kan du strunta i meddelandet.\n\n– Polku`,
      };
    case 'en':
      return {
        subject: `Invitation to ${v.workspaceName} – Polku`,
        text: `Hello,\n\n${v.inviterName} invited you to the Polku workspace "${v.workspaceName}" as ${role}.\n\nAccept the invitation here:\n${v.link}\n\nThe link is valid for ${v.expiresInDays} days. If you did not expect this, you can ignore this message.\n\n– Polku`,
      };
  }
}

/** The password reset email, in the account's language. */
export function passwordResetMail(
  language: Language,
  v: { name: string; link: string; expiresInMinutes: number },
): MailContent {
  switch (language) {
    case 'fi':
      return {
        subject: 'Salasanan vaihto – Polku',
        text: `Hei ${v.name},\n\nvaihda Polun salasanasi tästä linkistä:\n${v.link}\n\nLinkki toimii kerran ja on voimassa ${v.expiresInMinutes} minuuttia. Jos et pyytänyt vaihtoa, voit jättää viestin huomiotta; salasanasi ei muutu.\n\n– Polku`,
      };
    case 'sv':
      return {
        subject: 'Byt lösenord – Polku',
        text: `Hej ${v.name},\n\nbyt ditt lösenord i Polku via den här länken:\n${v.link}\n\nLänken fungerar en gång och gäller i ${v.expiresInMinutes} minuter. Om du inte bad om det kan du strunta i meddelandet; ditt lösenord ändras inte.\n\n– Polku`,
      };
    case 'en':
      return {
        subject: 'Reset your password – Polku',
        text: `Hello ${v.name},\n\nreset your Polku password with this link:\n${v.link}\n\nThe link works once and is valid for ${v.expiresInMinutes} minutes. If you did not ask for this, ignore this message; your password stays as it is.\n\n– Polku`,
      };
  }
}

/** A survey invitation (or its one reminder), with the personal link and the unsubscribe link. */
export function surveyInvitationMail(
  language: Language,
  v: {
    workspaceName: string;
    surveyTitle: string;
    link: string;
    unsubscribeLink: string;
    reminder: boolean;
  },
): MailContent {
  switch (language) {
    case 'fi':
      return {
        subject: `${v.reminder ? 'Muistutus: ' : ''}${v.surveyTitle} – ${v.workspaceName}`,
        text: `Hei,\n\n${v.reminder ? 'muistutamme vielä kerran: ' : ''}${v.workspaceName} haluaisi kuulla kokemuksestasi. Vastaaminen vie noin minuutin, ja luemme jokaisen vastauksen.\n\nVastaa tästä:\n${v.link}\n\nLinkki on henkilökohtainen ja toimii kerran.\n\nEt halua tällaisia kyselyjä? Peru ne tästä:\n${v.unsubscribeLink}\n`,
      };
    case 'sv':
      return {
        subject: `${v.reminder ? 'Påminnelse: ' : ''}${v.surveyTitle} – ${v.workspaceName}`,
        text: `Hej,\n\n${v.reminder ? 'en sista påminnelse: ' : ''}${v.workspaceName} vill gärna höra om din upplevelse. Det tar ungefär en minut att svara, och vi läser varje svar.\n\nSvara här:\n${v.link}\n\nLänken är personlig och fungerar en gång.\n\nVill du inte få sådana enkäter? Avsluta här:\n${v.unsubscribeLink}\n`,
      };
    case 'en':
      return {
        subject: `${v.reminder ? 'Reminder: ' : ''}${v.surveyTitle} – ${v.workspaceName}`,
        text: `Hello,\n\n${v.reminder ? 'a last reminder: ' : ''}${v.workspaceName} would like to hear about your experience. It takes about a minute, and we read every response.\n\nAnswer here:\n${v.link}\n\nThe link is personal and works once.\n\nDon't want surveys like this? Unsubscribe here:\n${v.unsubscribeLink}\n`,
      };
  }
}
