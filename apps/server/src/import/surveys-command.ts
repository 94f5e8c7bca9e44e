import { surveyTemplates, type SurveyTemplate } from '@polku/contracts';
import type { AppConfig } from '../config.js';
import { createRuntime } from '../runtime.js';
import {
  ArgumentError,
  oneOf,
  ownerContext,
  parseCommandArgs,
  requiredString,
} from '../cli-args.js';

export const SURVEYS_USAGE = `  surveys create --workspace W --template NAME [--name N] [--features "A,B"]
                                                    create a survey from a template; prints JSON
  surveys publish --workspace W --survey S          publish a survey's draft as its next version`;

/** `polku surveys create|publish`: enough to import into a survey made on the command line. */
export async function surveysCommand(config: AppConfig, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'create') {
    const { values: v } = parseCommandArgs(
      rest,
      {
        workspace: { type: 'string' },
        template: { type: 'string' },
        name: { type: 'string' },
        features: { type: 'string' },
      },
      0,
    );
    const workspaceId = requiredString(v.workspace, 'workspace');
    const template: SurveyTemplate = oneOf(
      requiredString(v.template, 'template'),
      'template',
      surveyTemplates,
      'nps',
    );
    const features =
      typeof v.features === 'string'
        ? v.features
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean)
        : undefined;
    if (template === 'kano' && !features?.length)
      throw new ArgumentError('--features is required for the kano template');
    const runtime = await createRuntime(config);
    try {
      const ctx = await ownerContext(runtime, workspaceId);
      const survey = await runtime.services.surveys.create(ctx, {
        name: typeof v.name === 'string' && v.name.trim() ? v.name.trim() : template,
        purpose: template === 'employee-pulse' ? 'employee' : 'transactional',
        touchpointId: null,
        template,
        features,
        languages: ctx.workspace.languages,
        defaultLanguage: ctx.workspace.defaultLanguage,
      });
      console.log(
        JSON.stringify({
          surveyId: survey.id,
          name: survey.name,
          template,
          questionKeys: survey.draft.questions.map((q) => q.key),
        }),
      );
    } finally {
      await runtime.close();
    }
    return;
  }
  if (sub === 'publish') {
    const { values: v } = parseCommandArgs(
      rest,
      { workspace: { type: 'string' }, survey: { type: 'string' } },
      0,
    );
    const workspaceId = requiredString(v.workspace, 'workspace');
    const surveyId = requiredString(v.survey, 'survey');
    const runtime = await createRuntime(config);
    try {
      const ctx = await ownerContext(runtime, workspaceId);
      const published = await runtime.services.surveys.publish(ctx, surveyId);
      console.log(JSON.stringify({ surveyId, ...published }));
    } finally {
      await runtime.close();
    }
    return;
  }
  throw new ArgumentError(
    sub === undefined ? 'surveys: say create or publish' : `unknown surveys command "${sub}"`,
  );
}
