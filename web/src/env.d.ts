// Style sheets are bundled by esbuild; importing one from TypeScript only adds it to the bundle.
declare module "*.css";
