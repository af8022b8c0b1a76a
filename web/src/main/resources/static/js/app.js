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

  // Relative times ("3 min ago"), in the words the server draws them with (Times.relative), so that a
  // refresh changes the number only; the exact time stays in the title for hovering. Plain arithmetic:
  // the browser's Intl.RelativeTimeFormat cost a fresh page about 25 ms before it painted (a desktop's
  // time; four times that on Lighthouse's phone).
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function relative(date) {
    const seconds = Math.max(0, Math.floor((Date.now() - date.getTime()) / 1000));
    if (seconds < 45) {
      return 'just now';
    }
    if (seconds < 3600) {
      return Math.max(1, Math.round(seconds / 60)) + ' min ago';
    }
    if (seconds < 86400) {
      return Math.round(seconds / 3600) + ' h ago';
    }
    if (seconds < 7 * 86400) {
      const days = Math.round(seconds / 86400);
      return days === 1 ? 'yesterday' : days + ' days ago';
    }
    return date.getUTCDate() + ' ' + MONTHS[date.getUTCMonth()] + ' ' + date.getUTCFullYear();
  }

  function refreshTimes(root) {
    (root || document).querySelectorAll('time[datetime]').forEach(function (element) {
      const date = new Date(element.getAttribute('datetime'));
      if (!isNaN(date)) {
        const text = relative(date);
        if (element.textContent !== text) { // the same text written again would still be laid out again
          element.textContent = text;
        }
        if (!element.title) {
          element.title = date.toLocaleString();
        }
      }
    });
  }

  refreshTimes(document);
  document.body.addEventListener('htmx:afterSettle', function (event) { refreshTimes(event.target); });
  setInterval(function () { refreshTimes(document); }, 30000);

  // A comment added on this page sits in #new-comments, followed by its (empty) thread; once "Load
  // more" reaches it in the list, keep only the one in the list, thread and all.
  document.body.addEventListener('htmx:afterSwap', function () {
    document.querySelectorAll('#new-comments > [data-comment-id]').forEach(function (added) {
      const selector = '#comments [data-comment-id="' + added.getAttribute('data-comment-id') + '"]';
      if (document.querySelector(selector)) {
        const thread = added.nextElementSibling;
        if (thread && thread.classList.contains('comment-thread')) {
          thread.remove();
        }
        added.remove();
      }
    });
  });

  // --- Failed requests --------------------------------------------------------------------------
  // htmx leaves the page as it is when a request fails: what was typed stays. These say why, next to
  // the form: a 4xx its problem document's detail (and each field's message by the field); a 5xx or
  // a network error the element's data-failure ("Couldn't post — try again"), dismissible. A 401
  // comes with HX-Redirect to the login page (and back): the drafts are kept for the way back.

  function failureText(elt) {
    const source = elt.closest('[data-failure]');
    return source ? source.dataset.failure : 'Something went wrong \u2014 try again';
  }

  function alertElement(text, dismissible) {
    const alert = document.createElement('div');
    alert.className = 'alert alert-danger request-problem' + (dismissible ? ' alert-dismissible fade show' : '');
    alert.setAttribute('role', 'alert');
    const message = document.createElement('span');
    message.className = 'request-problem-text';
    message.textContent = text;
    alert.append(message);
    if (dismissible) {
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'btn-close';
      close.setAttribute('data-bs-dismiss', 'alert');
      close.setAttribute('aria-label', 'Dismiss');
      alert.append(close);
    }
    return alert;
  }

  // The foot of the screen: failures of controls outside forms, and the offline bar, one above the other.
  function messageArea() {
    let area = document.getElementById('request-messages');
    if (!area) {
      area = document.createElement('div');
      area.id = 'request-messages';
      area.className = 'request-messages';
      document.body.append(area);
    }
    return area;
  }

  // In a form: above its submit button. Elsewhere (a follow button, "Load more"): at the foot of the screen.
  function showMessage(elt, text, options) {
    const alert = alertElement(text, options.dismissible);
    const form = elt.closest('form');
    if (options.hidden) {
      alert.classList.add('visually-hidden');
    }
    if (!form) {
      const area = messageArea();
      area.querySelectorAll('.request-problem').forEach(function (old) { old.remove(); });
      area.append(alert);
      return;
    }
    alert.classList.add('mt-2', 'mb-2');
    const submit = form.querySelector('[type="submit"]');
    const before = submit ? (submit.parentElement === form ? submit : submit.parentElement) : null;
    form.insertBefore(alert, before);
  }

  function describedBy(input, id, add) {
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (token) {
      return token && token !== id;
    });
    if (add) {
      ids.push(id);
    }
    if (ids.length) {
      input.setAttribute('aria-describedby', ids.join(' '));
    } else {
      input.removeAttribute('aria-describedby');
    }
  }

  function markInvalid(input, message) {
    const id = input.id + '-error';
    let feedback = document.getElementById(id);
    if (!feedback) {
      feedback = document.createElement('div');
      feedback.className = 'invalid-feedback';
      feedback.id = id;
      let after = input;
      while (after.nextElementSibling && after.nextElementSibling.matches('.form-text, .char-count')) {
        after = after.nextElementSibling;
      }
      after.insertAdjacentElement('afterend', feedback);
    }
    feedback.textContent = message;
    input.classList.add('is-invalid');
    input.setAttribute('aria-invalid', 'true');
    describedBy(input, id, true);
  }

  // Before a form is sent again: forget what the last answer said about it.
  function clearProblems(form) {
    form.querySelectorAll('.request-problem').forEach(function (alert) { alert.remove(); });
    form.querySelectorAll('[aria-invalid="true"]').forEach(function (input) {
      input.classList.remove('is-invalid');
      input.removeAttribute('aria-invalid');
      describedBy(input, input.id + '-error', false);
    });
    form.querySelectorAll('.invalid-feedback').forEach(function (feedback) { feedback.remove(); });
  }

  function problemOf(xhr) {
    try {
      const problem = JSON.parse(xhr.responseText);
      return problem && typeof problem === 'object' ? problem : null;
    } catch (notJson) {
      return null;
    }
  }

  // A 4xx: each field error by its field, the focus on the first; the detail said (and shown when no field carries it).
  function showProblem(elt, problem) {
    const detail = problem && typeof problem.detail === 'string' ? problem.detail : failureText(elt);
    const form = elt.closest('form');
    const errors = form && problem && Array.isArray(problem.errors) ? problem.errors : [];
    const elsewhere = [];
    errors.forEach(function (error) {
      const input = error.field ? form.querySelector('[name="' + CSS.escape(error.field) + '"]') : null;
      if (input && input.id) {
        markInvalid(input, error.message);
      } else {
        elsewhere.push(error.message);
      }
    });
    const first = form && form.querySelector('[aria-invalid="true"]');
    if (first) {
      showMessage(elt, elsewhere.length ? elsewhere.join(' ') : detail, { hidden: elsewhere.length === 0 });
      first.focus();
    } else {
      showMessage(elt, detail, { dismissible: false });
    }
  }

  document.body.addEventListener('htmx:beforeRequest', function (event) {
    const form = event.detail.elt.closest('form');
    if (form && !quiet(event)) {
      clearProblems(form);
    }
  });

  // A check made in the background as one types (data-quiet-failure) says nothing when it fails.
  function quiet(event) {
    return event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('[data-quiet-failure]');
  }

  document.body.addEventListener('htmx:responseError', function (event) {
    if (quiet(event)) {
      return;
    }
    const status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      showProblem(event.detail.elt, problemOf(event.detail.xhr));
    } else {
      showMessage(event.detail.elt, failureText(event.detail.elt), { dismissible: true });
    }
  });

  document.body.addEventListener('htmx:sendError', function (event) {
    if (quiet(event)) {
      return;
    }
    showMessage(event.detail.elt, failureText(event.detail.elt), { dismissible: true });
  });

  // A sent post or comment: empty the box (a failed one keeps its text).
  document.body.addEventListener('htmx:afterRequest', function (event) {
    const form = event.detail.elt;
    if (event.detail.successful && form.matches('form[data-clear-on-success]')) {
      form.querySelectorAll('textarea').forEach(function (box) {
        box.value = '';
        updateCounter(box);
        saveDraft(box);
      });
    }
  });

  // --- Drafts --------------------------------------------------------------------------------------
  // What is typed in a composer (a form that empties on success: the post box, the comment box) waits
  // in this tab's sessionStorage as it is typed, per page and box: a reload, a crash of the tab's
  // page or an expired session (htmx is sent to the login page, and back) finds it again. A sent
  // text's draft is forgotten.
  const DRAFT = 'bsocial:draft:';

  function draftKey(box) {
    return DRAFT + window.location.pathname + '#' + box.id;
  }

  function isComposer(box) {
    return box instanceof HTMLTextAreaElement && box.id && box.form && box.form.matches('[data-clear-on-success]');
  }

  function saveDraft(box) {
    try {
      if (box.value.trim()) {
        window.sessionStorage.setItem(draftKey(box), box.value);
      } else {
        window.sessionStorage.removeItem(draftKey(box));
      }
    } catch (unavailable) { /* no storage: the text lives only in the box, as without this */ }
  }

  function restoreDrafts() {
    try {
      document.querySelectorAll('form[data-clear-on-success] textarea[id]').forEach(function (box) {
        const draft = window.sessionStorage.getItem(draftKey(box));
        if (draft !== null && !box.value) {
          box.value = draft;
          updateCounter(box, false);
        }
      });
    } catch (unavailable) { /* nothing to restore */ }
  }

  document.addEventListener('input', function (event) {
    if (isComposer(event.target)) {
      saveDraft(event.target);
    }
  });

  // An expired session (a 401 sends htmx to the login page and back): an edit box's text is kept
  // too, for edit-delete.js to open that editor again with it.
  document.body.addEventListener('htmx:beforeOnLoad', function (event) {
    if (event.detail.xhr.status === 401) {
      document.querySelectorAll('form textarea[id]').forEach(function (box) {
        if (box.value.trim()) {
          saveDraft(box);
        }
      });
    }
  });

  // --- Unsent text ------------------------------------------------------------------------------------
  // Leaving a page (a link, a reload, closing the tab) with text typed and not sent asks first: a
  // composer with text, or an edit box changed from what it held. Sending a form is not leaving.
  let submitting = false;
  document.addEventListener('submit', function () {
    submitting = true;
    setTimeout(function () { submitting = false; }, 0);
  }, true);

  // Only boxes typed in on this page count: a draft put back after a reload, untouched, is still in
  // the tab's storage (and a browser would not ask for a page the person never touched anyway).
  document.addEventListener('input', function (event) {
    if (event.isTrusted && event.target instanceof HTMLTextAreaElement) {
      event.target.dataset.typed = 'true';
    }
  });

  function unsentText() {
    return Array.from(document.querySelectorAll('form textarea[data-typed]')).some(function (box) {
      return isComposer(box) ? box.value.trim() !== '' : box.value !== box.defaultValue;
    });
  }

  window.addEventListener('beforeunload', function (event) {
    if (!submitting && unsentText()) {
      event.preventDefault();
      event.returnValue = ''; // older browsers ask only when a value is set
    }
  });

  // --- Character counter -------------------------------------------------------------------------
  // Counted as the server counts (TextInput): code points, after stripping what Java's
  // Character.isWhitespace calls white space (not the no-break spaces). Shown near the limit.
  const JAVA_SPACE = '\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000';
  const STRIP = new RegExp('^[' + JAVA_SPACE + ']+|[' + JAVA_SPACE + ']+$', 'g');

  function counted(text) {
    return Array.from(text.replace(STRIP, '')).length;
  }

  // announce: false as the page loads (nobody is typing: nothing to say, no live region to add).
  function updateCounter(box, announce) {
    const max = Number(box.dataset.maxChars);
    if (!max) {
      return;
    }
    const remaining = max - counted(box.value);
    const near = remaining <= Math.max(100, max / 10);
    let counter = document.getElementById(box.id + '-count');
    if (!counter) {
      if (!near) {
        return;
      }
      counter = document.createElement('div');
      counter.id = box.id + '-count';
      counter.className = 'form-text char-count';
      box.insertAdjacentElement('afterend', counter);
      describedBy(box, counter.id, true);
    }
    counter.hidden = !near;
    counter.classList.toggle('text-danger', remaining < 0);
    counter.textContent = remaining >= 0
      ? remaining + (remaining === 1 ? ' character left' : ' characters left')
      : -remaining + (remaining === -1 ? ' character too many' : ' characters too many')
        + ' \u2014 shorten it to send';
    // Past the limit the button waits, and says why through the counter.
    const submit = box.form && box.form.querySelector('[type="submit"]');
    if (submit) {
      submit.disabled = remaining < 0;
      if (remaining < 0) {
        submit.setAttribute('aria-describedby', counter.id);
      } else {
        submit.removeAttribute('aria-describedby');
      }
    }
    // Screen readers hear the count once typing pauses, not at every key.
    if (announce === false) {
      return;
    }
    clearTimeout(box.counterTimer);
    box.counterTimer = setTimeout(function () {
      let live = document.getElementById(box.id + '-count-live');
      if (!live) {
        live = document.createElement('div');
        live.id = box.id + '-count-live';
        live.className = 'visually-hidden';
        live.setAttribute('aria-live', 'polite');
        box.insertAdjacentElement('afterend', live);
      }
      live.textContent = near ? counter.textContent : '';
    }, 1000);
  }

  document.addEventListener('input', function (event) {
    if (event.target instanceof HTMLTextAreaElement && event.target.dataset.maxChars) {
      updateCounter(event.target);
    }
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) sends the form being typed in, as its button would.
  document.addEventListener('keydown', function (event) {
    const box = event.target;
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !(box instanceof HTMLTextAreaElement) || !box.form) {
      return;
    }
    event.preventDefault();
    const submit = box.form.querySelector('[type="submit"]');
    if (!submit || !submit.disabled) {
      box.form.requestSubmit(submit || undefined);
    }
  });

  // --- A new comment ---------------------------------------------------------------------------
  // It joins #new-comments, after every comment shown, perhaps below "Load more comments": bring it
  // into view (the phone's keyboard may hide it) and mark it as just added.
  document.body.addEventListener('htmx:afterSettle', function (event) {
    if (event.detail.target && event.detail.target.id === 'new-comments') {
      // The comment itself, not the empty thread that follows it.
      const comments = event.detail.target.querySelectorAll(':scope > .comment');
      const added = comments[comments.length - 1];
      if (added) {
        added.classList.add('comment-new');
        added.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      }
    }
  });

  // --- Lists that load as they are read ----------------------------------------------------------------
  // "Load more" (data-auto-load) is clicked for the reader when it comes within a screen of view; it
  // stays a button for keyboards and pages without script. After a failure it waits for a real click.
  const nearing = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      const button = entry.target;
      if (entry.isIntersecting && document.contains(button) && button.hasAttribute('data-auto-load')
          && !button.disabled && !button.dataset.failed) {
        nearing.unobserve(button);
        htmx.trigger(button, 'click');
      }
    });
  }, { rootMargin: '0px 0px 800px 0px' }) : null;

  function watchLoadMore(root) {
    if (nearing) {
      (root || document).querySelectorAll('button[data-auto-load]').forEach(function (button) {
        nearing.observe(button);
      });
    }
  }

  document.body.addEventListener('htmx:afterSettle', function (event) { watchLoadMore(event.target.parentElement || document); });
  ['htmx:responseError', 'htmx:sendError'].forEach(function (name) {
    document.body.addEventListener(name, function (event) {
      const button = event.detail.elt;
      if (button && button.matches && button.matches('button[data-auto-load]')) {
        button.dataset.failed = 'true';
      }
    });
  });

  // --- Keeping one's place -----------------------------------------------------------------------------
  // Pages are not cached (they hold private data), so Back would load a list's first page again at its
  // top. A list marked data-keeps-place (the feed) is remembered in this tab as the reader leaves it,
  // with the scroll position; Back within half an hour puts both back. Per viewer: another person
  // logging in on this tab never sees it. Logging out forgets it.
  const PLACE = 'bsocial:place:';
  const list = document.querySelector('[data-keeps-place]');

  function placeKey() {
    return PLACE + window.location.pathname + ':' + list.dataset.viewer;
  }

  function keepPlace() {
    try {
      window.sessionStorage.setItem(placeKey(), JSON.stringify({
        html: list.innerHTML, scroll: window.scrollY, at: Date.now()
      }));
    } catch (unavailable) { /* too large or no storage: Back starts at the top */ }
  }

  function restorePlace() {
    const navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    let kept = null;
    try {
      kept = JSON.parse(window.sessionStorage.getItem(placeKey()));
      window.sessionStorage.removeItem(placeKey());
    } catch (unavailable) { /* nothing kept */ }
    if (!kept || !navigation || navigation.type !== 'back_forward' || Date.now() - kept.at > 30 * 60 * 1000) {
      return;
    }
    list.innerHTML = kept.html; // this page's own list as the reader left it
    list.querySelectorAll('[data-failed]').forEach(function (button) { delete button.dataset.failed; });
    if (window.htmx) {
      htmx.process(list); // else htmx does, as it starts (it takes in the whole page)
    }
    refreshTimes(list);
    window.scrollTo(0, kept.scroll);
    window.addEventListener('load', function () { window.scrollTo(0, kept.scroll); }, { once: true });
  }

  if (list && list.dataset.viewer) {
    if ('scrollRestoration' in history) {
      history.scrollRestoration = 'manual'; // this page puts its own scroll position back
    }
    restorePlace();
    window.addEventListener('pagehide', keepPlace);
  }
  document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
    form.addEventListener('submit', function () {
      try {
        Object.keys(window.sessionStorage).forEach(function (key) {
          if (key.indexOf(PLACE) === 0 || key.indexOf(DRAFT) === 0) {
            window.sessionStorage.removeItem(key);
          }
        });
      } catch (unavailable) { /* nothing kept */ }
    });
  });

  // --- Offline ------------------------------------------------------------------------------------------
  // No network: a bar says so (and that nothing typed is lost) until the network is back.
  function showOffline(offline) {
    let banner = document.getElementById('offline-banner');
    if (!offline) {
      if (banner) {
        banner.remove();
      }
      return;
    }
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'offline-banner';
      banner.className = 'alert alert-warning offline-banner';
      banner.setAttribute('role', 'status');
      banner.textContent = 'You\u2019re offline. What you type stays here; send it when you\u2019re back online.';
      messageArea().prepend(banner); // above any failure message, at the foot of the screen
    }
  }

  window.addEventListener('offline', function () { showOffline(true); });
  window.addEventListener('online', function () { showOffline(false); });
  if (navigator.onLine === false) {
    showOffline(true);
  }

  // A reply box's Cancel closes it; the keyboard goes back to the thread's first Reply button.
  document.body.addEventListener('click', function (event) {
    const cancel = event.target.closest('[data-close-reply]');
    if (!cancel) {
      return;
    }
    const box = cancel.closest('.reply-box');
    const thread = box && box.closest('.comment-thread');
    cancel.closest('form').remove();
    const comment = thread && thread.previousElementSibling;
    const replyButton = comment && comment.querySelector('.reply-button');
    if (replyButton) {
      replyButton.focus();
    }
  });

  restoreDrafts();
  document.querySelectorAll('textarea[data-max-chars]').forEach(function (box) { updateCounter(box, false); });

  // --- Scripts after the first paint -------------------------------------------------------------------
  // Bootstrap, htmx, STOMP and the pages' own scripts are written as <script type="text/x-after-paint">,
  // which the browser neither fetches nor runs: on a slow phone their bytes would compete with the page
  // and its styles for the first paint. Once the page has loaded and the browser has painted its content,
  // they load here in document order (those marked defer last, as the browser orders them), one task each,
  // from <head>: the placeholders stay where they are, as a script swapped into the body makes the browser
  // work out the whole body's styles again (18–45 ms on a desktop's CPU, in a trace of the feed).
  // <html data-scripts> says "loading", then "loaded" (tests wait for it).
  function loadAfterPaint() {
    const waiting = Array.from(document.querySelectorAll('script[type="text/x-after-paint"]'));
    const ordered = waiting.filter(function (s) { return !s.hasAttribute('defer'); })
      .concat(waiting.filter(function (s) { return s.hasAttribute('defer'); }));
    let pending = ordered.length;
    function done() {
      pending -= 1;
      if (pending === 0) {
        document.documentElement.dataset.scripts = 'loaded';
        watchLoadMore(document); // its clicks are htmx's
      }
    }
    document.documentElement.dataset.scripts = 'loading';
    ordered.forEach(function (placeholder) {
      const script = document.createElement('script');
      script.src = placeholder.src;
      script.async = false; // run in the order inserted, as parsed scripts would
      script.addEventListener('load', done);
      script.addEventListener('error', done); // a file that failed leaves the rest working
      document.head.appendChild(script);
    });
    if (ordered.length === 0) {
      pending = 1;
      done();
    }
  }

  function afterPaint() {
    let started = false;
    function start() {
      if (!started) {
        started = true;
        setTimeout(loadAfterPaint, 0);
      }
    }
    // A page opened in the background paints nothing until shown: its scripts need not wait for that.
    if (document.visibilityState === 'hidden') {
      start();
      return;
    }
    // The browser says when it painted content (a frame requested is not always a frame painted);
    // whatever happens, the scripts come within two seconds of the load.
    setTimeout(start, 2000);
    if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf('paint') >= 0) {
      new PerformanceObserver(function (entries, observer) {
        if (entries.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          start();
        }
      }).observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(function () { requestAnimationFrame(start); });
    }
  }

  if (document.readyState === 'complete') {
    afterPaint();
  } else {
    window.addEventListener('load', afterPaint, { once: true });
  }

  // A page script's fetch answered 401 (the session expired): log in again, then come back here.
  function loginAgain() {
    window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname + window.location.search));
  }

  window.bsocial = { refreshTimes: refreshTimes, loginAgain: loginAgain };
})();
