/** CSS files are bundled as strings, minified (scripts/build-embed.ts). */
declare module "*.css" {
  const css: string;
  export default css;
}
