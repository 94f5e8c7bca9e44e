import type { Language, LocalizedText, Question, SurveyDefinition } from '@polku/contracts';

/**
 * What GET /w/:token/survey.json returns (the server's widgetSurveySchema says the same in
 * zod). Types only: the widget must not bundle zod.
 */
export interface WidgetSurvey {
  token: string;
  surveyId: string;
  version: number;
  channel: string;
  languages: Language[];
  defaultLanguage: Language;
  title: LocalizedText;
  intro?: LocalizedText;
  questions: Question[];
  thankYou: SurveyDefinition['thankYou'];
  /** The full respondent page, for questions the widget does not show. */
  url: string;
}

/** The script tag's data-* attributes. */
export interface WidgetSettings {
  polkuLink?: string;
  trigger?: string;
  delay?: string;
  urlMatch?: string;
  language?: string;
  /** The visitor's email, when the site knows who they are: prompts then honour the contact limit. */
  respondent?: string;
}
