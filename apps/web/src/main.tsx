// Mantine's global rules here; each component's own rules come with the chunk that uses it
// (vite.config.ts, mantineComponentCss).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import './styles.css';
import { createTheme, darken, type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/client';
import { App } from './app';
import { initI18n } from './i18n/i18n';
import { lightVariantText, statusText } from './lib/status-colors';

// Mantine's default dimmed grey is 3.3:1 on white; gray.7 reads clearly (WCAG AA). Status text
// (errors, light badges and alerts of the status hues) takes the status colours, each at least
// 4.5:1 on its tint (lib/status-colors.ts); the light blue takes a darker tone of its shade 9.
const resolveCssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': statusText.error,
    '--mantine-color-success': statusText.positive,
    '--mantine-color-blue-light-color': darken(t.colors.blue?.[9] ?? '#000', 0.3),
    ...Object.fromEntries(
      Object.entries(lightVariantText).map(([hue, color]) => [
        `--mantine-color-${hue}-light-color`,
        color,
      ]),
    ),
  },
  dark: {},
});

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons and blue links above 4.5:1 (WCAG AA).
  primaryShade: 8,
  // Keyboard users always see where focus is; mouse clicks do not draw rings.
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Every field of our forms is required (inputs still carry `required`), so a star on each
  // label says nothing; it would also become part of the label's text.
  // Plain objects, not `TextInput.extend(…)`: naming a component here would put it (a number
  // input brings a whole formatting library) in the first download of every page.
  components: Object.fromEntries(
    [
      'TextInput',
      'Textarea',
      'NumberInput',
      'PasswordInput',
      'Select',
      'NativeSelect',
      'MultiSelect',
      'CheckboxGroup',
    ].map((name) => [name, { defaultProps: { withAsterisk: false } }]),
  ),
});

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={resolveCssVariables}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
