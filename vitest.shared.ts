/**
 * What both Vitest configs share: workspace packages are read from their TypeScript source
 * (the `polku-source` export condition), so tests need no build of the packages.
 */
export const readPackagesFromSource = {
  resolve: { conditions: ['polku-source', 'module', 'node', 'default'] },
  ssr: {
    resolve: {
      conditions: ['polku-source', 'module', 'node', 'default'],
      externalConditions: ['polku-source'],
    },
  },
};

export const inlineWorkspacePackages = { deps: { inline: [/@polku\//] } };
