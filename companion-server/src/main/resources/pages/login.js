'use strict';
document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('login-error');
  error.hidden = true;
  try {
    const res = await QC.api('POST', '/api/v1/auth/login', {
      email: document.getElementById('email').value,
      password: document.getElementById('password').value,
    });
    if (res && res.csrfToken) sessionStorage.setItem('qc.csrf', res.csrfToken);
    location.href = QC.sameOriginPath(new URLSearchParams(location.search).get('next'));
  } catch (err) {
    error.textContent = err.message;
    error.hidden = false;
  }
});
