// `import.meta.compiledUrl`: the compiled file's own URL when bin/runtime.js bundled the module, undefined under tsx.
interface ImportMeta {
  readonly compiledUrl?: string;
}
