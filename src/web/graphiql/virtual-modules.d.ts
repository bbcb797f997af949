// Built by vite.config.ts from README.md (graphiqlTabs in readme-voorbeelden.ts).
declare module 'virtual:readme-voorbeelden' {
  const tabs: { query: string }[];
  export default tabs;
}
