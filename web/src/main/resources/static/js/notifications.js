// The navbar bell: unread count and recent notifications, live over STOMP from the notifier,
// with HTTP polling while the WebSocket cannot connect. Notification text is user content: it is
// only ever inserted with textContent.
//
// It also lends the notifications page (notifications-page.js) what both show: how an entry reads
// and where it leads (window.bsocial.notifications). The two talk through document events:
// 'bsocial:notification' (one arrived), 'bsocial:read' ({ids, unread}: these ids were marked
// read; unread is what the notifier says stays unread) and 'bsocial:retracted' ({ids, unread}:
// these notifications were taken back (their content deleted, a like undone); unread as the notifier
// counts now, or null when it could not be asked).
(function () {
  'use strict';

  function meta(name) {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.content : null;
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

  function displayName(actor) {
    return actor.firstName && actor.lastName ? actor.firstName + ' ' + actor.lastName : '@' + actor.username;
  }

  // A notification opens what it is about: a comment's opens the post at that comment (even beyond
  // the first page), a post's (a like or mention of the post) the post, a follow the follower.
  function href(notification) {
    if (notification.type === 'follow') {
      return '/users/' + encodeURIComponent(notification.actor.username);
    }
    const post = '/posts/' + encodeURIComponent(notification.postId);
    if (notification.commentId === undefined || notification.commentId === null) {
      return post;
    }
    const comment = encodeURIComponent(notification.commentId);
    return post + '?comment=' + comment + '#comment-' + comment;
  }

  // The post's first 80 characters, on one line, in quotes; "…" when it was cut there.
  function quoted(postExcerpt) {
    const text = postExcerpt.replace(/\s+/g, ' ').trim();
    return '\u201c' + text + (Array.from(postExcerpt).length >= 80 ? '\u2026' : '') + '\u201d';
  }

  // What the actor did, after their name: "liked your post “…”", "replied to your comment on “…”:".
  // others > 0: likes of one item grouped in the bell ("Ada and 3 others liked your post").
  function action(notification, others) {
    const on = notification.postExcerpt ? ' ' + quoted(notification.postExcerpt) : '';
    const onPost = notification.postExcerpt ? ' on ' + quoted(notification.postExcerpt) : '';
    const group = others ? ' and ' + others + (others === 1 ? ' other' : ' others') : '';
    switch (notification.type) {
      case 'follow':
        return ' followed you';
      case 'like':
        return group + (notification.commentId ? ' liked your comment' + onPost : ' liked your post' + on);
      case 'reply':
        return ' replied to your comment' + onPost + ': ';
      case 'mention':
        return notification.commentId ? ' mentioned you in a comment' + onPost + ': ' : ' mentioned you: ';
      default:
        return ' commented: '; // the post follows the excerpt

    }
  }

  // @username in an excerpt (not inside a word or an e-mail address) links to the profile; the
  // rest stays text. Built with DOM nodes: the excerpt is user content, never parsed as HTML.
  const MENTION = /(^|[^\p{L}\p{N}_.@&])@([A-Za-z0-9_.]{3,30})/gu;

  function excerptWithMentions(text) {
    const excerpt = document.createElement('span');
    excerpt.className = 'text-body-secondary notification-excerpt';
    let last = 0;
    for (const match of text.matchAll(MENTION)) {
      const username = match[2].replace(/\.+$/, '');
      if (username.length < 3) {
        continue;
      }
      const start = match.index + match[1].length;
      excerpt.append(document.createTextNode(text.slice(last, start)));
      const link = document.createElement('a');
      link.className = 'notification-mention';
      link.href = '/users/' + encodeURIComponent(username);
      link.textContent = '@' + username;
      excerpt.append(link);
      last = start + 1 + username.length;
    }
    excerpt.append(document.createTextNode(text.slice(last)));
    return excerpt;
  }

  // Fills an entry (item): the actor's avatar (avatars.js, the server's rule), then "Ann Lee
  // replied to your comment on “…”:" as the entry's link (stretched over the whole entry), the
  // excerpt, whose @names link to profiles (beside the entry's link: a link may not hold links), a
  // comment's post, and the time. Text nodes only.
  function describe(item, link, notification, others) {
    const row = document.createElement('span');
    row.className = 'notification-with-avatar';
    if (window.bsocial.avatars) {
      row.append(window.bsocial.avatars.avatar(notification.actor, 'sm'));
    }
    const text = document.createElement('span');
    text.className = 'notification-text';
    const who = document.createElement('strong');
    who.textContent = displayName(notification.actor);
    const what = document.createElement('span');
    what.textContent = action(notification, others || 0);
    link.classList.add('stretched-link');
    link.append(who, what);
    text.append(link);
    if (notification.excerpt) {
      text.append(excerptWithMentions(notification.excerpt));
    }
    if (notification.type === 'comment' && notification.postExcerpt) {
      const post = document.createElement('span');
      post.className = 'd-block small text-body-secondary notification-post';
      post.textContent = 'on ' + quoted(notification.postExcerpt);
      text.append(post);
    }
    const when = document.createElement('time');
    when.className = 'd-block small text-body-secondary';
    when.setAttribute('datetime', notification.createdAt);
    text.append(when);
    row.append(text);
    item.append(row);
  }

  function unreadLabel(count) {
    return count === 1 ? '1 unread notification' : count + ' unread notifications';
  }

  window.bsocial = window.bsocial || {};
  window.bsocial.notifications = {
    href: href, describe: describe, csrfHeaders: csrfHeaders, url: meta('bsocial-notifier')
  };

  const bell = document.getElementById('notification-bell');
  if (!bell || typeof StompJs === 'undefined') {
    return;
  }
  const notifier = meta('bsocial-notifier');
  const socketUrl = meta('bsocial-notifier-ws');
  const badge = document.getElementById('notification-count');
  const list = document.getElementById('notification-list');
  const empty = document.getElementById('notification-empty');
  const footer = document.getElementById('notification-footer');
  const announcer = document.getElementById('notification-announcer');
  // The page's own title, without a count a previous render put in front of it.
  const pageTitle = document.title.replace(/^\(\d+\+?\) /, '');
  const POLL_MS = Number(meta('bsocial-notifier-poll-ms')) || 15000;
  const SHOWN = 10;

  const known = new Map(); // id -> notification
  // Retracted ids: a push or a poll that was already under way when the retraction came must not
  // bring them back.
  const retracted = new Set();
  let unread = null; // unknown until the first answer
  let pollTimer = null;
  let client = null;
  let connectedBefore = false;

  // The badge, the bell's label and the tab's title follow the count. A change after the first
  // count is said once in the live region: screen readers hear "2 unread notifications", not the
  // badge re-read on every render.
  function setUnread(count) {
    const changed = unread !== null && count !== unread;
    unread = count;
    const shown = count > 99 ? '99+' : String(count);
    badge.textContent = shown;
    badge.classList.toggle('d-none', count === 0);
    bell.dataset.unread = String(count);
    bell.setAttribute('aria-label', count ? unreadLabel(count) : 'Notifications');
    document.title = count ? '(' + shown + ') ' + pageTitle : pageTitle;
    if (changed) {
      announcer.textContent = count ? unreadLabel(count) : 'No unread notifications';
    }
  }

  // The bell's entries, newest first: likes of the same post or comment are one entry, named by
  // the newest liker ("Ada and 3 others liked your post"); ids are every notification it shows.
  function newestEntries() {
    const entries = [];
    const likes = new Map(); // "postId/commentId" -> entry
    Array.from(known.values()).sort(function (a, b) { return b.id - a.id; }).forEach(function (notification) {
      const item = notification.type === 'like' ? notification.postId + '/' + (notification.commentId || '') : null;
      const grouped = item !== null ? likes.get(item) : undefined;
      if (grouped) {
        grouped.ids.push(notification.id);
        return;
      }
      const entry = { notification: notification, ids: [notification.id] };
      entries.push(entry);
      if (item !== null) {
        likes.set(item, entry);
      }
    });
    return entries.slice(0, SHOWN);
  }

  function shownIds() {
    return newestEntries().flatMap(function (entry) { return entry.ids; });
  }

  function render() {
    list.querySelectorAll('.notification-item').forEach(function (item) { item.remove(); });
    const newest = newestEntries();
    empty.classList.toggle('d-none', newest.length > 0);
    newest.forEach(function (entry) {
      const notification = entry.notification;
      const item = document.createElement('li');
      item.className = 'notification-item';
      const link = document.createElement('a');
      link.className = 'dropdown-item';
      link.href = href(notification);
      link.dataset.notificationId = String(notification.id);
      describe(item, link, notification, entry.ids.length - 1);
      list.insertBefore(item, footer);
    });
    if (window.bsocial) {
      window.bsocial.refreshTimes(list);
    }
  }

  function arrived(notification) {
    if (known.has(notification.id) || retracted.has(notification.id)) {
      return;
    }
    known.set(notification.id, notification);
    setUnread((unread || 0) + 1);
    render();
    document.dispatchEvent(new CustomEvent('bsocial:notification', { detail: notification }));
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
          if (!retracted.has(notification.id)) {
            known.set(notification.id, notification);
          }
        });
        setUnread(recent.unread);
        render();
        return recent;
      });
  }

  // Their comment or post was deleted: they leave the bell, and the server says what stays unread
  // (a retracted notification may have been read or not).
  function retract(ids) {
    ids.forEach(function (id) {
      retracted.add(id);
      known.delete(id);
    });
    render();
    function tell(unreadNow) {
      document.dispatchEvent(new CustomEvent('bsocial:retracted', { detail: { ids: ids, unread: unreadNow } }));
    }
    loadRecent()
      .then(function (recent) { tell(recent ? recent.unread : null); })
      .catch(function () { tell(null); });
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

  function connect() {
    client = new StompJs.Client({
      brokerURL: socketUrl,
      connectHeaders: csrfHeaders(),
      reconnectDelay: 3000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000
    });
    window.bsocial.stomp = client;
    client.onConnect = function () {
      stopPolling();
      client.subscribe('/user/queue/notifications', function (message) {
        const body = JSON.parse(message.body);
        if (body.type === 'retracted') {
          retract(body.ids);
        } else {
          arrived(body);
        }
      });
      document.body.dataset.notifications = 'live';
      // A push sent while the old socket was silently dead counts as delivered on the server:
      // after a reconnect, catch up from the recent list rather than trust what arrived.
      if (connectedBefore) {
        loadRecent().catch(function () { /* the next reconnect tries again */ });
      }
      connectedBefore = true;
      // Other parts of the page (the feed's new-posts bar) subscribe on the same connection; a
      // reconnect loses every subscription, so they hear of each (re)connect.
      document.dispatchEvent(new CustomEvent('bsocial:connected', { detail: client }));
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
    const shown = shownIds();
    fetch(notifier + '/api/notifications/read?ids=' + shown.join(','), { method: 'POST', credentials: 'include', headers: csrfHeaders() })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer) {
          setUnread(answer.unread);
          document.dispatchEvent(new CustomEvent('bsocial:read', { detail: { ids: shown, unread: answer.unread } }));
        }
      })
      .catch(function () { /* stays unread; the next opening tries again */ });
  });

  // Something was marked read (here, or on the notifications page): the count follows at once.
  document.addEventListener('bsocial:read', function (event) {
    setUnread(event.detail.unread);
  });

  loadRecent().catch(function () { /* the socket or polling will fill in */ }).finally(connect);
})();
