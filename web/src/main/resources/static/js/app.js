// bSocial page behaviour. Loaded as a static file: the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the page's meta tags, like the forms do.
  const csrfToken = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (csrfToken && csrfHeader) {
      event.detail.headers[csrfHeader.content] = csrfToken.content;
    }
  });

  // Relative times ("3 min ago"); the exact time stays in the title for hovering.
  const units = [
    ['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['week', 7 * 24 * 3600],
    ['day', 24 * 3600], ['hour', 3600], ['minute', 60]
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

  function relative(date) {
    const seconds = Math.round((date.getTime() - Date.now()) / 1000);
    if (Math.abs(seconds) < 45) {
      return 'just now';
    }
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size || unit === 'minute') {
        return format.format(Math.round(seconds / size), unit);
      }
    }
    return '';
  }

  function refreshTimes(root) {
    (root || document).querySelectorAll('time[datetime]').forEach(function (element) {
      const date = new Date(element.getAttribute('datetime'));
      if (!isNaN(date)) {
        element.textContent = relative(date);
        if (!element.title) {
          element.title = date.toLocaleString();
        }
      }
    });
  }

  refreshTimes(document);
  document.body.addEventListener('htmx:afterSettle', function (event) { refreshTimes(event.target); });
  setInterval(function () { refreshTimes(document); }, 30000);

  // A comment added on this page sits in #new-comments; once "Load more" reaches it in the list,
  // keep only the one in the list.
  document.body.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('#new-comments [data-comment-id]').forEach(function (added) {
      const selector = '#comments [data-comment-id="' + added.getAttribute('data-comment-id') + '"]';
      if (document.querySelector(selector)) {
        added.remove();
      }
    });
  });

  window.bsocial = { refreshTimes: refreshTimes };
})();
