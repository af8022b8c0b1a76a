// The feed page's new-posts bar. The notifier tells an open feed of posts by the people the viewer
// follows (/user/queue/feed, on the bell's STOMP connection). Each post is checked with web first
// (GET /api/posts/{id}: may I see it now?), so a post by someone unfollowed a moment ago, or one
// already deleted, never raises the bar. The bar sticks with no height of its own: what is being
// read does not move. Clicking it loads the feed's first page at the top (htmx, in feed.html).
// Posts on the page that their author edits or deletes change in place.
(function () {
  'use strict';

  const region = document.getElementById('new-posts');
  const button = document.getElementById('new-posts-button');
  if (!region || !button) {
    return;
  }
  const label = button.querySelector('.new-posts-label');
  const viewer = Number(region.dataset.viewerId);
  const waiting = new Set(); // ids of visible posts not on the page yet

  function render() {
    const count = waiting.size;
    label.textContent = count === 1 ? '1 new post' : count + ' new posts';
    button.classList.toggle('d-none', count === 0);
  }

  function arrived(post) {
    const id = post.postId;
    if ((post.author && post.author.id === viewer) || waiting.has(id) || document.getElementById('post-' + id)) {
      return; // one's own posts are on the page already
    }
    fetch('/api/posts/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          waiting.add(id);
          render();
        }
      })
      .catch(function () { /* offline: the post shows on the next load */ });
  }

  // Someone edited a post shown here: its card is fetched again (as the viewer may see it now) and
  // put in its place, unless the viewer is editing it. A card that may no longer be seen goes.
  function updated(post) {
    const card = document.getElementById('post-' + post.postId);
    if (!card || card.classList.contains('post-editing')) {
      return;
    }
    fetch('/posts/' + encodeURIComponent(post.postId) + '/card', { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
      .then(function (response) {
        if (response.status === 404) {
          gone(post.postId);
          return null;
        }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        const current = document.getElementById('post-' + post.postId);
        if (!html || !current || current.classList.contains('post-editing')) {
          return;
        }
        const template = document.createElement('template');
        template.innerHTML = html.trim(); // web's own rendering: user text in it is escaped
        const fresh = template.content.querySelector('.post');
        if (fresh) {
          current.replaceWith(fresh);
          htmx.process(fresh);
          if (window.bsocial && window.bsocial.refreshTimes) {
            window.bsocial.refreshTimes(fresh);
          }
        }
      })
      .catch(function () { /* offline: the next load shows the edit */ });
  }

  // A deleted post shown here says so in its place (nothing below it moves up under the reader).
  function gone(id) {
    const card = document.getElementById('post-' + id);
    if (!card || card.classList.contains('post-gone')) {
      return;
    }
    const note = document.createElement('div');
    note.className = 'card mb-3 post post-gone';
    note.id = card.id;
    const body = document.createElement('p');
    body.className = 'card-body mb-0 text-body-secondary fst-italic';
    body.textContent = 'This post was deleted.';
    note.append(body);
    card.replaceWith(note);
  }

  function deleted(post) {
    if (waiting.delete(post.postId)) {
      render();
    }
    gone(post.postId);
  }

  function subscribe(client) {
    // Marked once the SUBSCRIBE frame is sent: what the notifier pushes from then on reaches this page.
    region.dataset.feedLive = 'true';
    client.subscribe('/user/queue/feed', function (message) {
      const event = JSON.parse(message.body);
      if (event.type === 'post') {
        arrived(event);
      } else if (event.type === 'post-deleted') {
        deleted(event);
      } else if (event.type === 'post-updated') {
        updated(event);
      }
    });
  }

  const bsocial = window.bsocial || {};
  if (bsocial.stomp && bsocial.stomp.connected) {
    subscribe(bsocial.stomp);
  }
  document.addEventListener('bsocial:connected', function (event) { subscribe(event.detail); });

  // Following someone from the suggestions shows their posts at once: the feed's first page again.
  document.body.addEventListener('htmx:afterRequest', function (event) {
    const toggle = event.detail.elt;
    if (!event.detail.successful || !toggle.closest || !toggle.closest('#suggestions')
        || event.detail.requestConfig.verb !== 'put') {
      return;
    }
    htmx.ajax('GET', '/feed/latest', { target: '#feed-items', swap: 'innerHTML' }).then(function () {
      if (document.querySelector('#feed-items .post')) {
        const empty = document.getElementById('empty-feed');
        if (empty) {
          empty.classList.add('d-none');
        }
      }
    });
  });

  // The first page is on top now: whatever waited is shown.
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.requestConfig && event.detail.requestConfig.elt === button) {
      waiting.clear();
      render();
      const first = document.querySelector('#feed-items .post');
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: true });
      }
    }
  });
})();
