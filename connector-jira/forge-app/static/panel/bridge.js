// Placeholder until `npm install` copies node_modules/@forge/bridge/out/bridge.js here
// (docs/jira.md, "Deploying the Forge app"). Kept so the panel fails with a clear message.
window.ForgeBridge = window.ForgeBridge || undefined;
