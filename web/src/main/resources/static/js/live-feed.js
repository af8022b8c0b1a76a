// The feed page's new-posts bar. The notifier tells an open feed of posts by the people the viewer
// follows (/user/queue/feed, on the bell's STOMP connection). Each post is checked with web first
// (GET /api/posts/{id}: may I see it now?), so a post by someone unfollowed a moment ago, or one
// already deleted, never raises the bar. The bar sticks with no height of its own: what is being
// read does not move. Clicking it loads the feed's first page at the top (htmx, in feed.html).
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

  function deleted(post) {
    if (waiting.delete(post.postId)) {
      render();
    }
  }

  function subscribe(client) {
    client.subscribe('/user/queue/feed', function (message) {
      const event = JSON.parse(message.body);
      if (event.type === 'post') {
        arrived(event);
      } else if (event.type === 'post-deleted') {
        deleted(event);
      }
    });
  }

  const bsocial = window.bsocial || {};
  if (bsocial.stomp && bsocial.stomp.connected) {
    subscribe(bsocial.stomp);
  }
  document.addEventListener('bsocial:connected', function (event) { subscribe(event.detail); });

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
