/**
 * The English texts of zxcvbn's feedback, imported from their own module: the package's entry also
 * builds its English dictionaries (about 1 MB), which the Worker's bundle cannot carry.
 */
declare module "@zxcvbn-ts/language-en/dist/translations.mjs" {
  import type { TranslationKeys } from "@zxcvbn-ts/core";

  const translations: TranslationKeys;
  export default translations;
}
