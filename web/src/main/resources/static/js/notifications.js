// The navbar bell: unread count and recent notifications, live over STOMP from the notifier,
// with HTTP polling while the WebSocket cannot connect. Notification text is user content: it is
// only ever inserted with textContent.
(function () {
  'use strict';

  const bell = document.getElementById('notification-bell');
  if (!bell || typeof StompJs === 'undefined') {
    return;
  }
  const notifier = meta('bsocial-notifier');
  const socketUrl = meta('bsocial-notifier-ws');
  const badge = document.getElementById('notification-count');
  const list = document.getElementById('notification-list');
  const empty = document.getElementById('notification-empty');
  const POLL_MS = Number(meta('bsocial-notifier-poll-ms')) || 15000;
  const SHOWN = 10;

  const known = new Map(); // id -> notification
  let unread = 0;
  let pollTimer = null;
  let client = null;
  let connectedBefore = false;

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
  }

  function setUnread(count) {
    unread = count;
    badge.textContent = count > 99 ? '99+' : String(count);
    badge.classList.toggle('d-none', count === 0);
    bell.dataset.unread = String(count);
    bell.setAttribute('aria-label', count ? count + ' unread notifications' : 'Notifications');
  }

  function displayName(actor) {
    return actor.firstName && actor.lastName ? actor.firstName + ' ' + actor.lastName : '@' + actor.username;
  }

  function newestKnown() {
    return Array.from(known.values()).sort(function (a, b) { return b.id - a.id; }).slice(0, SHOWN);
  }

  function render() {
    list.querySelectorAll('.notification-item').forEach(function (item) { item.remove(); });
    const newest = newestKnown();
    empty.classList.toggle('d-none', newest.length > 0);
    newest.forEach(function (notification) {
      const item = document.createElement('li');
      item.className = 'notification-item';
      const link = document.createElement('a');
      link.className = 'dropdown-item';
      link.href = '/posts/' + encodeURIComponent(notification.postId);
      link.dataset.notificationId = String(notification.id);
      const who = document.createElement('strong');
      who.textContent = displayName(notification.actor);
      const what = document.createElement('span');
      what.textContent = ' commented: ';
      const excerpt = document.createElement('span');
      excerpt.className = 'text-body-secondary notification-excerpt';
      excerpt.textContent = notification.excerpt;
      const when = document.createElement('time');
      when.className = 'd-block small text-body-secondary';
      when.setAttribute('datetime', notification.createdAt);
      link.append(who, what, excerpt, when);
      item.append(link);
      list.append(item);
    });
    if (window.bsocial) {
      window.bsocial.refreshTimes(list);
    }
  }

  function arrived(notification) {
    if (known.has(notification.id)) {
      return;
    }
    known.set(notification.id, notification);
    setUnread(unread + 1);
    render();
    // Ids say nothing about what the server counted (they are not taken in commit order): ask it.
    loadRecent().catch(function () { /* offline: the local count stands until the next load */ });
  }

  function loadRecent() {
    return fetch(notifier + '/api/notifications/recent', { credentials: 'include' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (recent) {
        if (!recent) {
          return;
        }
        recent.items.forEach(function (notification) {
          known.set(notification.id, notification);
        });
        setUnread(recent.unread);
        render();
      });
  }

  // Fallback while the WebSocket is down: the HTTP endpoint answers what was not delivered yet.
  function poll() {
    fetch(notifier + '/api/notifications', { credentials: 'include' })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (page) { page.items.forEach(arrived); })
      .catch(function () { /* offline: the next tick tries again */ });
  }

  function startPolling() {
    if (pollTimer === null) {
      pollTimer = setInterval(poll, POLL_MS);
      poll();
    }
  }

  function stopPolling() {
    if (pollTimer !== null) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  // The session's CSRF token, masked as the page received it. The notifier reads the same session,
  // and refuses a cookie-authenticated STOMP CONNECT without it, as it refuses such a POST.
  function csrfHeaders() {
    const headers = {};
    const csrfHeader = meta('_csrf_header');
    if (csrfHeader) {
      headers[csrfHeader] = meta('_csrf');
    }
    return headers;
  }

  function connect() {
    client = new StompJs.Client({
      brokerURL: socketUrl,
      connectHeaders: csrfHeaders(),
      reconnectDelay: 3000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000
    });
    client.onConnect = function () {
      stopPolling();
      client.subscribe('/user/queue/notifications', function (message) {
        arrived(JSON.parse(message.body));
      });
      document.body.dataset.notifications = 'live';
      // A push sent while the old socket was silently dead counts as delivered on the server:
      // after a reconnect, catch up from the recent list rather than trust what arrived.
      if (connectedBefore) {
        loadRecent().catch(function () { /* the next reconnect tries again */ });
      }
      connectedBefore = true;
    };
    client.onWebSocketClose = function () {
      document.body.dataset.notifications = 'polling';
      startPolling();
    };
    client.onStompError = startPolling;
    client.activate();
  }

  // After a laptop sleep or a network drop the socket may be dead without knowing it yet:
  // reconnect at once and catch up rather than wait for heartbeats to notice.
  function wake() {
    loadRecent().catch(function () { /* still offline */ });
    if (client && !client.connected) {
      client.deactivate().then(function () { client.activate(); });
    }
  }
  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      wake();
    }
  });

  // Opening the bell marks exactly what it shows as read; the server answers what stays unread.
  bell.closest('.dropdown').addEventListener('shown.bs.dropdown', function () {
    if (unread === 0 || known.size === 0) {
      return;
    }
    const shown = newestKnown().map(function (notification) { return notification.id; }).join(',');
    fetch(notifier + '/api/notifications/read?ids=' + shown, { method: 'POST', credentials: 'include', headers: csrfHeaders() })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer) {
          setUnread(answer.unread);
        }
      })
      .catch(function () { /* stays unread; the next opening tries again */ });
  });

  loadRecent().catch(function () { /* the socket or polling will fill in */ }).finally(connect);
})();
