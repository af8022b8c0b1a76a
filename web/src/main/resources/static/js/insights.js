// Insights charts (Chart.js from a webjar). Both charts cover the same days (the server aligns
// them) and read their labels ("Nov 29") from the data; each has a table twin for screen readers.
// Every text that comes from users goes in with textContent; posts the viewer may not open are
// not in the data (only counted, per day).
(function () {
  'use strict';

  const page = document.getElementById('insights-page');
  if (!page || typeof Chart === 'undefined') {
    return;
  }

  function commentsText(count) {
    return count === 1 ? '1 comment' : count + ' comments';
  }

  // A post (one the viewer may open: the server leaves out the others) as a link with its opening words.
  function postName(post) {
    const link = document.createElement('a');
    link.href = post.url;
    link.className = 'insights-post';
    link.textContent = '\u201c' + (post.excerpt || '') + '\u201d';
    return link;
  }

  // The tags trending now (only those at least three people used; the server leaves out the
  // others), or why there are none: null means the indexer could not say.
  function showTrending(tags) {
    const list = document.getElementById('trending-list');
    const none = document.getElementById('trending-none');
    list.textContent = '';
    if (!tags || !tags.length) {
      none.textContent = tags ? 'Nothing is trending right now.' : 'Trending is unavailable right now.';
      none.classList.remove('d-none');
      return;
    }
    tags.forEach(function (tag) {
      const item = document.createElement('li');
      item.className = 'mb-1 trending-tag';
      const link = document.createElement('a');
      link.href = tag.url;
      link.textContent = '#' + tag.tag;
      const counts = document.createElement('span');
      counts.className = 'small text-body-secondary';
      counts.textContent = ' \u00b7 ' + (tag.posts === 1 ? '1 post' : tag.posts + ' posts') + ' by '
        + tag.authors + ' people';
      item.append(link, counts);
      list.append(item);
    });
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
    link.textContent = post.excerpt || 'Your post';
    const count = document.createElement('div');
    count.className = 'small text-body-secondary';
    count.textContent = commentsText(post.comments);
    element.append(link, count);
  }

  // The chart's colours come from the page's colour mode (Bootstrap's variables) and follow it when
  // the person switches it. Its size is its box's (.chart-box), known before the first paint.
  const charts = [];

  function themeColours() {
    const style = getComputedStyle(document.documentElement);
    return {
      bar: style.getPropertyValue('--bs-primary').trim() || '#0d6efd',
      text: style.getPropertyValue('--bs-body-color').trim() || '#212529',
      grid: style.getPropertyValue('--bs-border-color-translucent').trim() || 'rgba(0,0,0,.175)'
    };
  }

  function paint(chart) {
    const colours = themeColours();
    chart.data.datasets[0].backgroundColor = colours.bar;
    ['x', 'y'].forEach(function (axis) {
      chart.options.scales[axis].ticks.color = colours.text;
      chart.options.scales[axis].grid.color = colours.grid;
    });
  }

  function barChart(canvas, labels, values, label) {
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { ticks: {}, grid: {} }, y: { beginAtZero: true, ticks: { precision: 0 }, grid: {} } }
      }
    });
    paint(chart);
    chart.update();
    charts.push(chart);
    return chart;
  }

  new MutationObserver(function () {
    charts.forEach(function (chart) { paint(chart); chart.update(); });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-bs-theme'] });

  // One row per day: its label as a row header, then cells (text or nodes).
  function fillTable(table, days, cells) {
    const body = table.querySelector('tbody');
    body.textContent = '';
    days.forEach(function (day) {
      const row = document.createElement('tr');
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = day.label;
      row.append(header);
      cells(day).forEach(function (content) {
        const cell = document.createElement('td');
        cell.append(content);
        row.append(cell);
      });
      body.append(row);
    });
  }

  function topPostOf(day) {
    return day.posts.length ? day.posts[0] : null;
  }

  fetch(page.dataset.source, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('unavailable');
      }
      return response.json();
    })
    .then(function (insights) {
      const labels = function (days) { return days.map(function (day) { return day.label; }); };

      barChart(document.getElementById('logins-chart'), labels(insights.logins),
        insights.logins.map(function (day) { return day.users; }), 'People');
      fillTable(document.getElementById('logins-table'), insights.logins, function (day) {
        return [String(day.users)];
      });

      barChart(document.getElementById('top-posts-chart'), labels(insights.topPosts),
        insights.topPosts.map(function (day) { const top = topPostOf(day); return top ? top.comments : 0; }),
        'Comments on the top post you can see');
      fillTable(document.getElementById('top-posts-table'), insights.topPosts, function (day) {
        const top = topPostOf(day);
        return top ? [postName(top), String(top.comments)] : ['No comments', '0'];
      });

      // Each day, newest first: the most commented posts the viewer can open (up to three), by their
      // opening words, then how many of the day's top posts are by people the viewer does not follow.
      const list = document.getElementById('top-posts-list');
      insights.topPosts.slice().reverse().filter(function (day) { return day.posts.length || day.hidden; }).forEach(function (day) {
        const item = document.createElement('li');
        item.className = 'mb-1 top-posts-day';
        const date = document.createElement('strong');
        date.textContent = day.label + ': ';
        item.append(date);
        const open = day.posts;
        open.slice(0, 3).forEach(function (post, index) {
          if (index > 0) {
            item.append(document.createTextNode(', '));
          }
          item.append(postName(post), document.createTextNode(' (' + commentsText(post.comments) + ')'));
        });
        const hidden = day.hidden;
        if (hidden) {
          const others = document.createElement('span');
          others.className = 'text-body-secondary';
          others.textContent = (open.length ? ' \u00b7 ' : '')
            + (hidden === 1 ? '1 post by someone' : hidden + ' posts by people') + ' you don\u2019t follow';
          item.append(others);
        }
        list.append(item);
      });

      showTrending(insights.trending);
      show(document.getElementById('my-top'), insights.top, 'No posts yet.');
      show(document.getElementById('my-worst'), insights.worst, 'No posts yet.');
      page.dataset.loaded = 'true';
    })
    .catch(function () {
      document.getElementById('insights-unavailable').classList.remove('d-none');
      page.dataset.loaded = 'unavailable';
    });
})();
