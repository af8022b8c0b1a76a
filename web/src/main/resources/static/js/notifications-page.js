// The notifications page: every notification, newest first, "Load older" a page at a time, unread
// ones marked, "Mark all as read". The list comes from the notifier: its first page drawn into the
// HTML by web when web got it in time, the rest (or all) asked by the page itself with the session
// cookie (CORS), as the bell does: web holds no notifications. Notification text is user content:
// textContent only (window.bsocial.notifications.describe, whose markup web's first page repeats).
(function () {
  'use strict';

  // Loaded after the first paint, after notifications.js (end of the layout), whose rendering it shares.
  function start() {
    const page = document.getElementById('notifications-page');
    const shared = window.bsocial && window.bsocial.notifications;
    if (!page || !shared) {
      return;
    }
    const list = document.getElementById('notification-entries');
    const state = document.getElementById('notifications-state');
    const older = document.getElementById('load-older');
    const markAll = document.getElementById('mark-all-read');
    // Web's (FirstNotifications.PAGE_SIZE): the preloaded first page is asked with it, to the letter.
    const PAGE_SIZE = Number(page.dataset.pageSize);
    const EMPTY = state.dataset.empty;
    // Following an unread entry marks it read first, but never holds the person up for long.
    const MARK_READ_WAIT_MS = 1500;
    let cursor = null;

    function say(text) {
      state.textContent = text;
      state.classList.toggle('d-none', !text);
    }

    // The notifier's answer as JSON; a 401 (the session expired) leads to login and back first.
    function answered(response) {
      if (response.status === 401) {
        window.bsocial.loginAgain();
      }
      if (!response.ok) {
        throw new Error('notifier answered ' + response.status);
      }
      return response.json();
    }

    function post(path) {
      return fetch(shared.url + path, { method: 'POST', credentials: 'include', headers: shared.csrfHeaders() })
        .then(answered);
    }

    function read(ids, unread) {
      document.dispatchEvent(new CustomEvent('bsocial:read', { detail: { ids: ids, unread: unread } }));
    }

    function shown(id) {
      return list.querySelector('[data-notification-id="' + id + '"]');
    }

    function markUnread(item) {
      item.classList.add('unread');
      const badge = document.createElement('span');
      badge.className = 'badge text-bg-primary me-2 notification-unread-badge';
      badge.textContent = 'Unread';
      // Inside the link, before the name (the avatar is hidden from screen readers): the link's name
      // starts with it, for screen readers as for eyes.
      item.querySelector('.notification-link').prepend(badge);
    }

    function markRead(item) {
      item.classList.remove('unread');
      item.querySelectorAll('.notification-unread-badge').forEach(function (badge) { badge.remove(); });
    }

    function entry(notification) {
      const item = document.createElement('li');
      item.className = 'list-group-item notification-entry';
      item.dataset.notificationId = String(notification.id);
      const link = document.createElement('a');
      link.className = 'notification-link text-body text-decoration-none';
      link.href = shared.href(notification);
      shared.describe(item, link, notification);
      if (!notification.read) {
        markUnread(item);
      }
      return item;
    }

    // A page of the notifier's answer joins the list (what is there already stays once).
    function show(answer) {
      answer.items.forEach(function (notification) {
        if (!shown(notification.id)) {
          list.append(entry(notification));
        }
      });
      cursor = answer.nextCursor;
      older.classList.toggle('d-none', !cursor);
      markAll.disabled = answer.unread === 0;
      say(list.children.length ? '' : EMPTY);
      window.bsocial.refreshTimes(list);
      page.dataset.loaded = 'true';
    }

    function load() {
      older.disabled = true;
      const query = '?limit=' + PAGE_SIZE + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return fetch(shared.url + '/api/notifications/all' + query, { credentials: 'include' })
        .then(answered)
        .then(show)
        .catch(function () {
          say('Couldn\u2019t load notifications \u2014 try again in a moment.');
        })
        .finally(function () {
          older.disabled = false;
        });
    }

    older.addEventListener('click', load);

    // Marks read what is unread on the notifier at this moment; one that arrives afterwards stays unread.
    markAll.addEventListener('click', function () {
      markAll.disabled = true;
      const ids = Array.from(list.querySelectorAll('.notification-entry.unread'))
        .map(function (item) { return Number(item.dataset.notificationId); });
      post('/api/notifications/read-all')
        .then(function (answer) { read(ids, answer.unread); })
        .catch(function () {
          markAll.disabled = false;
          say('Couldn\u2019t mark them as read \u2014 try again.');
        });
    });

    list.addEventListener('click', function (event) {
      const link = event.target.closest('a.notification-link');
      const item = link && link.closest('.notification-entry.unread');
      if (!item || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      const id = Number(item.dataset.notificationId);
      const marked = post('/api/notifications/read?ids=' + id)
        .then(function (answer) { read([id], answer.unread); })
        .catch(function () { /* it stays unread; the person still goes where they clicked */ });
      const patience = new Promise(function (resolve) { setTimeout(resolve, MARK_READ_WAIT_MS); });
      Promise.race([marked, patience]).then(function () { window.location.assign(link.href); });
    });

    document.addEventListener('bsocial:read', function (event) {
      event.detail.ids.forEach(function (id) {
        const item = shown(id);
        if (item) {
          markRead(item);
        }
      });
      markAll.disabled = event.detail.unread === 0;
    });

    // Retracted notifications (their content deleted, a like undone, a mention edited away) leave the list.
    document.addEventListener('bsocial:retracted', function (event) {
      event.detail.ids.forEach(function (id) {
        const item = shown(id);
        if (item) {
          item.remove();
        }
      });
      if (event.detail.unread !== null) {
        markAll.disabled = event.detail.unread === 0;
      }
      if (!list.children.length && page.dataset.loaded) {
        say(EMPTY);
      }
    });

    // A notification that arrives while the page is open joins the top of the list.
    document.addEventListener('bsocial:notification', function (event) {
      const notification = event.detail;
      if (!shown(notification.id)) {
        list.prepend(entry(Object.assign({}, notification, { read: false })));
        window.bsocial.refreshTimes(list);
        markAll.disabled = false;
        say('');
      }
    });

    // Web drew the first page into the HTML when it got it from the notifier in time (the buttons and
    // the state as show() leaves them); else it is asked now.
    if (list.dataset.drawn) {
      cursor = list.dataset.nextCursor || null;
      page.dataset.loaded = 'true';
    } else {
      load();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
