// The settings page. The export link downloads through fetch, so that a refusal (429: one export a
// day) or a lost network is said next to the button instead of ending as a failed download.
(function () {
  'use strict';

  const link = document.getElementById('export-download');
  const status = document.getElementById('export-status');
  if (!link || !status) {
    return;
  }

  function say(text, kind) {
    status.replaceChildren();
    const message = document.createElement('div');
    message.className = 'alert py-2 mb-0 alert-' + kind;
    message.setAttribute('role', kind === 'danger' ? 'alert' : 'status');
    message.textContent = text;
    status.append(message);
  }

  function fileName(response) {
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    return match ? match[1] : 'bsocial-export.json';
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    status.replaceChildren();
    link.classList.add('disabled');
    link.setAttribute('aria-disabled', 'true');
    fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return null; }).then(function (problem) {
            const detail = problem && typeof problem.detail === 'string' ? problem.detail : link.dataset.failure;
            say(detail, 'danger');
          });
        }
        return response.blob().then(function (blob) {
          const url = URL.createObjectURL(blob);
          const save = document.createElement('a');
          save.href = url;
          save.download = fileName(response);
          save.hidden = true;
          document.body.append(save);
          save.click();
          save.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
          say('Your data is downloaded as ' + save.download + '.', 'success');
        });
      })
      .catch(function () { say(link.dataset.failure, 'danger'); })
      .finally(function () {
        link.classList.remove('disabled');
        link.removeAttribute('aria-disabled');
      });
  });
})();
