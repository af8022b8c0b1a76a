// Insights charts (Chart.js from a webjar). Every text that comes from users goes in with
// textContent; posts the viewer may not open are listed without a link.
(function () {
  'use strict';

  const page = document.getElementById('insights-page');
  if (!page || typeof Chart === 'undefined') {
    return;
  }

  function show(element, post, empty) {
    element.textContent = '';
    if (!post) {
      element.textContent = empty;
      return;
    }
    const link = document.createElement('a');
    link.href = post.url;
    link.className = 'text-decoration-none';
    link.textContent = post.excerpt || ('Post #' + post.postId);
    const count = document.createElement('div');
    count.className = 'small text-body-secondary';
    count.textContent = post.comments === 1 ? '1 comment' : post.comments + ' comments';
    element.append(link, count);
  }

  function barChart(canvas, labels, values, label) {
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: '#0d6efd' }] },
      options: {
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  fetch(page.dataset.source, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('unavailable');
      }
      return response.json();
    })
    .then(function (insights) {
      barChart(document.getElementById('logins-chart'),
        insights.logins.map(function (day) { return day.date; }),
        insights.logins.map(function (day) { return day.users; }), 'People');

      barChart(document.getElementById('top-posts-chart'),
        insights.topPosts.map(function (day) { return day.date; }),
        insights.topPosts.map(function (day) { return day.posts.length ? day.posts[0].comments : 0; }),
        'Comments on the top post');

      const list = document.getElementById('top-posts-list');
      insights.topPosts.slice().reverse().filter(function (day) { return day.posts.length; }).forEach(function (day) {
        const item = document.createElement('li');
        item.className = 'mb-1';
        const date = document.createElement('strong');
        date.textContent = day.date + ': ';
        item.append(date);
        day.posts.slice(0, 3).forEach(function (post, index) {
          if (index > 0) {
            item.append(document.createTextNode(', '));
          }
          const text = 'post #' + post.postId + ' (' + post.comments + ')';
          if (post.url) {
            const link = document.createElement('a');
            link.href = post.url;
            link.textContent = text;
            item.append(link);
          } else {
            const hidden = document.createElement('span');
            hidden.className = 'text-body-secondary';
            hidden.title = 'You do not follow its author';
            hidden.textContent = text;
            item.append(hidden);
          }
        });
        list.append(item);
      });

      show(document.getElementById('my-top'), insights.top, 'No posts yet.');
      show(document.getElementById('my-worst'), insights.worst, 'No posts yet.');
      page.dataset.loaded = 'true';
    })
    .catch(function () {
      document.getElementById('insights-unavailable').classList.remove('d-none');
      page.dataset.loaded = 'unavailable';
    });
})();
