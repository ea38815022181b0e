// Loads the companion's panel for the open issue. invokeRemote sends a Forge Invocation Token
// (FIT) the companion verifies (iss forge/invocation-token, aud = this app's id, principal).
(function () {
  const { view, invokeRemote } = window.ForgeBridge || {};
  const panel = document.getElementById('panel');

  function show(text) {
    panel.textContent = text;
  }

  if (!view || !invokeRemote) {
    show('The Forge bridge is missing: run npm install and forge deploy again.');
    return;
  }

  view.getContext().then(function (context) {
    const issue = context.extension && context.extension.issue;
    if (!issue) {
      show('Open an issue to see its QC evaluation.');
      return null;
    }
    return invokeRemote({
      path: '/api/v1/panel/jira?ticket=' + encodeURIComponent(issue.id),
      method: 'GET'
    }).then(function (response) {
      const body = response.body || {};
      if (body.html) {
        panel.innerHTML = body.html; // rendered and escaped by the companion
      } else {
        show(body.message || 'No evaluation for this issue yet.');
      }
    });
  }).catch(function (error) {
    show('QC Companion is unreachable: ' + (error && error.message ? error.message : error));
  });
})();
