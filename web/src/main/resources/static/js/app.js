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

  // In a form: above its submit button. Elsewhere (a follow button, "Load more"): at the foot of the screen.
  function showMessage(elt, text, options) {
    const alert = alertElement(text, options.dismissible);
    const form = elt.closest('form');
    if (options.hidden) {
      alert.classList.add('visually-hidden');
    }
    if (!form) {
      let area = document.getElementById('request-messages');
      if (!area) {
        area = document.createElement('div');
        area.id = 'request-messages';
        area.className = 'request-messages';
        document.body.append(area);
      }
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
    if (form) {
      clearProblems(form);
    }
  });

  document.body.addEventListener('htmx:responseError', function (event) {
    const status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      showProblem(event.detail.elt, problemOf(event.detail.xhr));
    } else {
      showMessage(event.detail.elt, failureText(event.detail.elt), { dismissible: true });
    }
  });

  document.body.addEventListener('htmx:sendError', function (event) {
    showMessage(event.detail.elt, failureText(event.detail.elt), { dismissible: true });
  });

  // A sent post or comment: empty the box (a failed one keeps its text).
  document.body.addEventListener('htmx:afterRequest', function (event) {
    const form = event.detail.elt;
    if (event.detail.successful && form.matches('form[data-clear-on-success]')) {
      form.querySelectorAll('textarea').forEach(function (box) {
        box.value = '';
        updateCounter(box);
      });
    }
  });

  // --- Drafts across a login ---------------------------------------------------------------------
  // The session expired: htmx is sent to the login page, and back here afterwards. What was typed
  // waits in this tab's sessionStorage and fills the empty box again on the way back.
  const DRAFT = 'bsocial:draft:';

  function draftKey(box) {
    return DRAFT + window.location.pathname + '#' + box.id;
  }

  document.body.addEventListener('htmx:beforeOnLoad', function (event) {
    if (event.detail.xhr.status !== 401) {
      return;
    }
    try {
      document.querySelectorAll('form textarea[id]').forEach(function (box) {
        if (box.value.trim()) {
          window.sessionStorage.setItem(draftKey(box), box.value);
        }
      });
    } catch (unavailable) { /* no storage: the text is lost, as without this */ }
  });

  function restoreDrafts() {
    try {
      document.querySelectorAll('form textarea[id]').forEach(function (box) {
        const draft = window.sessionStorage.getItem(draftKey(box));
        if (draft !== null) {
          window.sessionStorage.removeItem(draftKey(box));
          if (!box.value) {
            box.value = draft;
            updateCounter(box);
          }
        }
      });
    } catch (unavailable) { /* nothing to restore */ }
  }

  // --- Character counter -------------------------------------------------------------------------
  // Counted as the server counts (TextInput): code points, after stripping what Java's
  // Character.isWhitespace calls white space (not the no-break spaces). Shown near the limit.
  const JAVA_SPACE = '\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000';
  const STRIP = new RegExp('^[' + JAVA_SPACE + ']+|[' + JAVA_SPACE + ']+$', 'g');

  function counted(text) {
    return Array.from(text.replace(STRIP, '')).length;
  }

  function updateCounter(box) {
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
      : -remaining + (remaining === -1 ? ' character too many' : ' characters too many');
    // Screen readers hear the count once typing pauses, not at every key.
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
      const added = event.detail.target.lastElementChild;
      if (added) {
        added.classList.add('comment-new');
        added.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      }
    }
  });

  restoreDrafts();
  document.querySelectorAll('textarea[data-max-chars]').forEach(updateCounter);

  // A page script's fetch answered 401 (the session expired): log in again, then come back here.
  function loginAgain() {
    window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname + window.location.search));
  }

  window.bsocial = { refreshTimes: refreshTimes, loginAgain: loginAgain };
})();
