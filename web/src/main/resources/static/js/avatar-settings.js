// The settings page's picture (templates/settings/avatar.html): preview the chosen file, send it as
// the body of PUT /api/me/avatar with its own type, remove it with DELETE. Every refusal is said
// next to the buttons (the server's problem detail), and the page stays as it was.
(function () {
  'use strict';

  const form = document.getElementById('avatar-form');
  if (!form) {
    return;
  }
  const file = document.getElementById('avatar-file');
  const save = document.getElementById('avatar-save');
  const remove = document.getElementById('avatar-remove');
  const current = document.getElementById('avatar-current');
  const initials = document.getElementById('avatar-initials');
  const preview = document.getElementById('avatar-preview');
  const status = document.getElementById('avatar-status');
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function say(text, kind) {
    status.replaceChildren();
    const message = document.createElement('div');
    message.className = 'alert py-2 mb-0 alert-' + kind;
    message.setAttribute('role', kind === 'danger' ? 'alert' : 'status');
    message.textContent = text;
    status.append(message);
  }

  function headers(type) {
    const all = { Accept: 'application/json' };
    if (type) {
      all['Content-Type'] = type;
    }
    if (csrfToken && csrfHeader) {
      all[csrfHeader.content] = csrfToken.content;
    }
    return all;
  }

  function failed(response) {
    return response.json().catch(function () { return null; }).then(function (problem) {
      say(problem && typeof problem.detail === 'string' ? problem.detail : form.dataset.failure, 'danger');
    });
  }

  function busy(on) {
    save.disabled = on || !file.files.length;
    remove.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function show(url) {
    preview.hidden = true;
    preview.removeAttribute('src');
    current.hidden = !url;
    initials.hidden = !!url;
    remove.hidden = !url;
    if (url) {
      current.src = url;
    } else {
      current.removeAttribute('src');
    }
  }

  // A file that is no image has no preview (the server will say why it is refused).
  preview.addEventListener('error', function () {
    preview.hidden = true;
  });

  file.addEventListener('change', function () {
    status.replaceChildren();
    const chosen = file.files[0];
    save.disabled = !chosen;
    if (!chosen) {
      preview.hidden = true;
      return;
    }
    const reader = new FileReader();
    reader.addEventListener('load', function () {
      preview.src = reader.result;
      preview.hidden = false;
    });
    reader.readAsDataURL(chosen);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      return;
    }
    busy(true);
    fetch(form.action, { method: 'PUT', credentials: 'same-origin', headers: headers(chosen.type || 'application/octet-stream'), body: chosen })
      .then(function (response) {
        if (!response.ok) {
          return failed(response);
        }
        return response.json().then(function (user) {
          show(user.avatarUrl);
          file.value = '';
          say(form.dataset.saved, 'success');
        });
      })
      .catch(function () { say(form.dataset.failure, 'danger'); })
      .finally(function () { busy(false); });
  });

  remove.addEventListener('click', function () {
    busy(true);
    fetch(form.action, { method: 'DELETE', credentials: 'same-origin', headers: headers(null) })
      .then(function (response) {
        if (!response.ok) {
          return failed(response);
        }
        show(null);
        say(form.dataset.removed, 'success');
      })
      .catch(function () { say(form.dataset.failure, 'danger'); })
      .finally(function () { busy(false); });
  });
})();
