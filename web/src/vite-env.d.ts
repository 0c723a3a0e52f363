/// <reference types="vite/client" />

/** Every area's messages that other areas' pages show (menus, shared words), built by the Vite config. */
declare module 'virtual:concerta-i18n-shared/*' {
  const parts: Record<string, unknown>[];
  export default parts;
}
