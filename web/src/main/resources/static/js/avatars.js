// Avatars drawn in the browser (the bell, the notifications page) from the notifier's JSON. The
// rule is the server's (io.bsocial.web.reading.Avatars): the colour is the CSS class
// avatar-colour-<id mod PALETTE_SIZE>, the initials the first character of each name, upper case.
// Change one, change both: ReadingBrowserIT compares them for many ids.
(function () {
  'use strict';

  const PALETTE_SIZE = 12;

  function colour(id) {
    const n = Number(id);
    return 'avatar-colour-' + (((n % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE);
  }

  function first(name) {
    const trimmed = (name || '').trim();
    return trimmed ? Array.from(trimmed)[0].toUpperCase() : '';
  }

  function initials(user) {
    return first(user.firstName) + first(user.lastName);
  }

  // A span like the server's fragments/avatar.html; hidden from screen readers, the name is beside it.
  function avatar(user, size) {
    const span = document.createElement('span');
    span.className = 'avatar ' + colour(user.id) + (size ? ' avatar-' + size : '');
    span.setAttribute('aria-hidden', 'true');
    span.dataset.userId = String(user.id);
    span.textContent = initials(user);
    return span;
  }

  window.bsocial = window.bsocial || {};
  window.bsocial.avatars = { colour: colour, initials: initials, avatar: avatar };
})();
