// ESLint for the whole repository: typescript-eslint's recommended rules everywhere, and the
// Power BI visuals plugin's recommended rules for the custom visual (what `pbiviz lint` checks).
import powerbiVisuals from 'eslint-plugin-powerbi-visuals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'service/dist/**',
      'preview/dist/**',
      '.tmp/**',
      '.scratch/**',
      'bench/out/**',
      'test-artifacts/**',
      'coverage/**',
      'webpack.statistics.prod.html',
      // Symlinks that pbiviz needs at the root; the real files are linted under visual/.
      'src/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or binding that is deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    ...powerbiVisuals.configs.recommended,
    files: ['visual/src/**/*.ts'],
  },
);
