/**
 * `cem analyze` reads the elements' JSDoc (@summary, @slot, @event, @csspart, @cssprop) and
 * writes custom-elements.json as the package ships it (tools/cem/ says how each piece is found).
 * tools/build-editor-data.mjs turns it into the VS Code and JetBrains data.
 */
import { attributeValuesPlugin } from './tools/cem/attribute-values.mjs';
import { cssPropertiesPlugin } from './tools/cem/css-properties.mjs';
import { defineElementPlugin } from './tools/cem/define-element.mjs';
import { eventTypesPlugin } from './tools/cem/event-types.mjs';
import { moduleExportsPlugin } from './tools/cem/module-exports.mjs';
import { packageLayoutPlugin } from './tools/cem/package-layout.mjs';
import { publicMembersPlugin } from './tools/cem/public-members.mjs';

export default {
  // Every module, internal ones too: inherited members and re-exports are resolved through
  // them; the package layout plugin then keeps only what ships as API.
  globs: ['components/**/*.ts'],
  exclude: [
    'components/**/*.styles.ts',
    // The elements the host renders for Web App 3 plugins' forms, prompts, button groups and
    // widgets: made by the host alone (never placed by an app), styled through the host's
    // custom properties and exported parts (README), so not part of the element API this
    // manifest describes. `<pex-toasts>`, which an app places, is.
    'components/plugin-form.ts',
    'components/plugin-form/**',
    'components/plugin-prompt.ts',
    'components/plugin-prompt/**',
    'components/shared/modal-dialog.ts',
    'components/shared/webapp3-ui.ts',
    'components/shared/button-group-menu.ts',
    'components/plugin-widget.ts',
    'components/plugin-widget/**',
  ],
  outdir: '.',
  // package.json names the manifest itself: an analysis into a scratch folder (the tests') must not rewrite it.
  packagejson: false,
  litelement: true,
  plugins: [
    defineElementPlugin(),
    moduleExportsPlugin(),
    publicMembersPlugin(),
    eventTypesPlugin(),
    cssPropertiesPlugin(),
    attributeValuesPlugin(),
    // Last: it renames every module to its shipped path.
    packageLayoutPlugin(),
  ],
};
